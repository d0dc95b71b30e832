/**
 * dist-wps/ (`npm run build:wps`) as a WPS 加载项 folder: the jsplugin layout complete, the XML
 * well-formed (xmllint), every URL relative and present, the ribbon's callbacks defined by the
 * entry page's scripts, the same CSP and no-eval rules as the Office build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { NAMESPACE } from '../../src/functions/names';

const dist = path.resolve(__dirname, '../../dist-wps');
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');

describe('dist-wps layout', () => {
  it('has every file of the jsplugin layout', () => {
    for (const file of ['index.html', 'manifest.xml', 'ribbon.xml', 'functions.json', 'functions.js', 'ribbon.js', 'taskpane.html', 'taskpane.js', 'taskpane.css', 'help.html', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-80.png']) {
      expect(existsSync(path.join(dist, file)), file).toBe(true);
    }
  });

  it.each(['manifest.xml', 'ribbon.xml'])('%s is well-formed XML (xmllint --noout)', (file) => {
    expect(() => execFileSync('xmllint', ['--noout', path.join(dist, file)], { stdio: 'pipe' })).not.toThrow();
  });

  it('manifest.xml: <Functions><Uri> is a relative URL of a file in the folder, <Namespace> is ASSESS', () => {
    const manifest = read('manifest.xml');
    const uri = /<Functions>\s*<Uri>([^<]+)<\/Uri>\s*<Namespace>([^<]+)<\/Namespace>\s*<\/Functions>/.exec(manifest);
    expect(uri).not.toBeNull();
    expect(uri![1]).not.toMatch(/^(\/|[a-z]+:)/i);
    expect(existsSync(path.join(dist, uri![1]))).toBe(true);
    expect(uri![2]).toBe(NAMESPACE);
  });

  it('index.html loads only the functions and ribbon scripts of this folder, by relative URL', () => {
    const html = read('index.html');
    const sources = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(sources.sort()).toEqual(['functions.js', 'ribbon.js']);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script (the build minifies: attributes may be unquoted)
  });

  it('index.html CSP: default-src none, scripts from self only, no unsafe-*', () => {
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(read('index.html'))?.[1] ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('taskpane.html: the pane without office.js, with the Office pane\'s CSP less Microsoft\'s origin', () => {
    const html = read('taskpane.html');
    const sources = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(sources).toEqual(['taskpane.js']);
    expect(html).not.toMatch(/office\.js|appsforoffice/);
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'");
    expect(html).toMatch(/id="?validate"?[\s>]/); // the same pane (the build minifies: attributes may be unquoted)
  });

  it.each(['functions.js', 'ribbon.js', 'taskpane.js'])('%s contains no eval, new Function or innerHTML', (file) => {
    const code = read(file);
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/new Function\s*\(/);
    expect(code).not.toMatch(/\.innerHTML\s*=/);
  });
});

describe('main.js for clients that make their own index.html (issue 20.10)', () => {
  // Kingsoft, "WPS 加载项开发说明" (open.wps.cn/documents/app-integration-dev/client/wpsoffice/
  // wps-integration-mode/wps-addin-development/wps-addin-development-instructions.html): at start-up
  // WPS creates index.html in the add-in's folder itself and opens it; that index.html loads main.js
  // from the same folder ("index.html从当前路径引入main.js"), and main.js brings in every other
  // script (the wpsjs template's main.js loads ribbon.js and the rest with document.write).
  it('is in the folder, and loads functions.js then ribbon.js by relative URL, and nothing else', () => {
    expect(existsSync(path.join(dist, 'main.js'))).toBe(true);
    const written: string[] = [];
    vm.runInContext(read('main.js'), vm.createContext({ document: { write: (html: string) => written.push(html) } }), { filename: 'main.js' });
    const sources = written.flatMap((html) => [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g)].map((m) => m[1]));
    expect(sources).toEqual(['functions.js', 'ribbon.js']);
    for (const source of sources) expect(existsSync(path.join(dist, source)), source).toBe(true);
  });

  it('a WPS-made page that loads only main.js gets the functions registered and the ribbon callbacks defined', () => {
    const registered: string[] = [];
    const written: string[] = [];
    const context = vm.createContext({
      wps: { AddCustomFunction: (namespace: string, name: string) => registered.push(`${namespace}.${name}`) },
      location: 'file:///C:/Users/clerk/AppData/Roaming/kingsoft/wps/jsaddons/assess_1.0.0/index.html',
      document: { write: (html: string) => written.push(html) },
      console,
      TextEncoder,
      TextDecoder,
    });
    vm.runInContext(read('main.js'), context, { filename: 'main.js' });
    // What the browser does with each written <script src>: run it, in order, in the same page.
    for (const html of written) for (const m of html.matchAll(/src="([^"]+)"/g)) vm.runInContext(read(m[1]), context, { filename: m[1] });
    expect(registered).toContain(`${NAMESPACE}.SCORE`);
    expect(registered).toHaveLength(10);
    for (const name of ['OnAddinLoad', 'OnAction', 'GetImage']) expect(typeof (context as Record<string, unknown>)[name], name).toBe('function');
  });

  it('has no eval, new Function or inline code', () => {
    const code = read('main.js');
    expect(code).not.toMatch(/\beval\s*\(|new Function\s*\(|innerHTML/);
  });
});

describe('ribbon.xml and its callbacks', () => {
  const ribbon = read('ribbon.xml');

  function loadRibbon(wps: object, location = 'http://intranet.example/assess/index.html') {
    const context = vm.createContext({ wps, location });
    vm.runInContext(read('ribbon.js'), context, { filename: 'ribbon.js' });
    return context as Record<string, (...args: unknown[]) => unknown>;
  }

  it('has an ASSESS tab with a button', () => {
    expect(ribbon).toMatch(/<tab [^>]*label="ASSESS[^"]*"/);
    expect(ribbon).toMatch(/<button [^>]*id="assessOpenPane"/);
  });

  it('every callback the ribbon names is defined by ribbon.js, and its image is in the folder', () => {
    const names = [...ribbon.matchAll(/\b(?:onLoad|onAction|getImage|getLabel|getEnabled|getVisible)="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(['OnAddinLoad', 'OnAction', 'GetImage']));
    const globals = loadRibbon({});
    for (const name of names) expect(typeof globals[name], name).toBe('function');
    const image = globals.GetImage({ Id: 'assessOpenPane' }) as string;
    expect(existsSync(path.join(dist, image))).toBe(true);
  });

  it('the button opens taskpane.html beside the entry page, and toggles it afterwards', () => {
    const panes: Array<{ url: string; ID: number; Visible: boolean }> = [];
    const storage = new Map<string, unknown>();
    const wps = {
      CreateTaskPane: (url: string) => {
        const pane = { url, ID: panes.length + 7, Visible: false };
        panes.push(pane);
        return pane;
      },
      GetTaskPane: (id: number) => panes.find((p) => p.ID === id) ?? null,
      PluginStorage: { getItem: (key: string) => storage.get(key), setItem: (key: string, value: unknown) => storage.set(key, value) },
    };
    const globals = loadRibbon(wps, 'http://intranet.example/assess/index.html?x=1');
    globals.OnAction({ Id: 'assessOpenPane' });
    expect(panes).toEqual([{ url: 'http://intranet.example/assess/taskpane.html', ID: 7, Visible: true }]);
    globals.OnAction({ Id: 'assessOpenPane' });
    expect(panes).toHaveLength(1);
    expect(panes[0].Visible).toBe(false);
  });
});
