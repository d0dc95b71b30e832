/**
 * Security pass over the built output: a CSP on every HTML page (script-src 'self' plus the
 * office.js CDN only where office.js is loaded, never unsafe-inline/eval), and no eval,
 * new Function or innerHTML in the add-in bundles.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = new URL('../../dist/', import.meta.url).pathname;
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

function csp(html: string): Map<string, string> {
  const match = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html);
  expect(match, 'CSP meta tag').not.toBeNull();
  return new Map((match?.[1] ?? '').split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
}

describe('built pages and bundles', () => {
  it('dist/ is built (npm test builds before vitest)', () => {
    expect(existsSync(join(dist, 'taskpane.html')), 'run npm run build').toBe(true);
  });

  const pages = existsSync(dist) ? readdirSync(dist).filter((file) => file.endsWith('.html')) : [];
  it('has the five pages', () => {
    expect(pages.sort()).toEqual(['commands.html', 'functions.html', 'help.html', 'playground.html', 'taskpane.html']);
  });

  for (const page of pages) {
    it(`${page}: CSP with default-src 'none', no unsafe-inline/eval, the office.js CDN only where office.js loads`, () => {
      const html = readFileSync(join(dist, page), 'utf8');
      const policy = csp(html);
      expect(policy.get('default-src')).toBe("'none'");
      expect([...policy.values()].join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      const loadsOffice = html.includes(OFFICE_CDN);
      const scripts = policy.get('script-src') ?? '';
      if (loadsOffice) expect(scripts).toBe(`'self' ${OFFICE_CDN}`);
      else expect(scripts === "'self'" || scripts === '').toBe(true);
      // office.js (excel-web-16.00.js) creates a hidden frame from its own CDN base path,
      // AgaveErrorUX/index.html, to ask the user whether to trust a host that is not a Microsoft
      // WAC domain (on-premises Office Online Server); initialization waits for its postMessage.
      // Blocking it leaves Office.onReady pending, so pages with office.js allow exactly that origin
      // as a frame (frame-src, and child-src for CSP2 browsers), pages without it no frames at all.
      const frames = loadsOffice ? OFFICE_CDN : undefined;
      expect(policy.get('frame-src')).toBe(frames);
      expect(policy.get('child-src')).toBe(frames);
      expect(policy.get('worker-src')).toBeUndefined();
      // No inline scripts or handlers: every <script> has a src.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
    });
  }

  for (const bundle of ['functions.js', 'taskpane.js', 'commands.js']) {
    it(`${bundle} contains no eval, new Function or innerHTML`, () => {
      const code = readFileSync(join(dist, bundle), 'utf8');
      expect(code).not.toMatch(/\beval\s*\(/);
      expect(code).not.toMatch(/new\s+Function\b/);
      expect(code).not.toMatch(/\bFunction\s*\(\s*["'`]/);
      expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    });
  }

  it('the frames office.js creates come from the origins the CSP allows (checked in office.js itself)', () => {
    const officeDist = new URL('../../node_modules/@microsoft/office-js/dist/', import.meta.url).pathname;
    const web = readFileSync(join(officeDist, 'excel-web-16.00.debug.js'), 'utf8');
    // The trust-check frame: its src is the office.js base path (our script-src origin) + AgaveErrorUX.
    expect(web).toMatch(/hostUserTrustIframe = document\.createElement\("iframe"\)/);
    expect(web).toMatch(/getOfficeJsBasePath\(\) \+ 'AgaveErrorUX\/index\.html#'/);
    expect(web).toMatch(/hostUserTrustIframe\.setAttribute\('src', agaveErrorUXPath/);
    // Desktop Excel's only frame is a telemetry proxy (logging, not needed to run): not allowed.
    const win32 = readFileSync(join(officeDist, 'excel-win32-16.00.debug.js'), 'utf8');
    expect(win32).toContain('telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html');
    for (const page of ['taskpane.html', 'commands.html', 'functions.html']) {
      const policy = csp(readFileSync(join(dist, page), 'utf8'));
      expect(policy.get('frame-src')).not.toContain('oaspapps');
    }
  });

  it('the add-in bundles contain no GPL code (HyperFormula stays in the playground)', () => {
    for (const bundle of ['functions.js', 'taskpane.js', 'commands.js']) {
      expect(readFileSync(join(dist, bundle), 'utf8')).not.toMatch(/hyperformula|HyperFormula/);
    }
    expect(readFileSync(join(dist, 'playground.js'), 'utf8')).toMatch(/HyperFormula|hyperformula/);
  });
});
