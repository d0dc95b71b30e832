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

  it('the add-in bundles contain no GPL code (HyperFormula stays in the playground)', () => {
    for (const bundle of ['functions.js', 'taskpane.js', 'commands.js']) {
      expect(readFileSync(join(dist, bundle), 'utf8')).not.toMatch(/hyperformula|HyperFormula/);
    }
    expect(readFileSync(join(dist, 'playground.js'), 'utf8')).toMatch(/HyperFormula|hyperformula/);
  });
});
