/**
 * One source of truth for the function names (src/functions/names.ts): what the metadata
 * registers, what the pane writes and what the manifest, help page, playground and README tell a
 * user to type must be the same ASSESS.* names in every language, and the English metadata must be
 * English only (README "Function names in every language").
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTION_IDS, FUNCTION_NAMES, NAMESPACE, fn } from '../../src/functions/names';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** `ASSESS.XXX(` or `考核.xxx(` (a namespaced call) anywhere in a text. */
const calls = (text: string) => [...text.matchAll(/([A-Za-z\u4e00-\u9fff]+)\.([A-Za-z\u4e00-\u9fff]+)\s*\(/g)].map((m) => `${m[1]}.${m[2]}`);

interface Metadata { functions: { id: string; name: string; description?: string; parameters?: { name: string; description?: string }[] }[] }

describe('function names: one source of truth', () => {
  it('names.ts lists the ids functions.ts declares', () => {
    const ids = [...read('src/functions/functions.ts').matchAll(/@customfunction (\w+)/g)].map((m) => m[1]);
    expect(ids).toEqual([...FUNCTION_IDS]);
    expect(fn.SCORE).toBe(`${NAMESPACE}.SCORE`);
  });

  it('the manifest never overrides the namespace and its strings name only real functions', () => {
    const manifest = read('manifest.xml').replace(/<!--[\s\S]*?-->/g, '');
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="ASSESS"\/>/);
    const named = calls(manifest);
    expect(named.length).toBeGreaterThanOrEqual(2); // GetStarted, English and Chinese
    for (const name of named) expect(FUNCTION_NAMES).toContain(name);
    expect(manifest).not.toMatch(/考核\.[\u4e00-\u9fff]/);
  });

  for (const file of ['src/taskpane/help.html', 'src/taskpane/taskpane.html', 'src/playground/playground.html', 'README.md']) {
    it(`${file} shows only names that resolve in every Excel language`, () => {
      const text = read(file);
      for (const name of calls(text).filter((n) => n.startsWith(`${NAMESPACE}.`) || n.startsWith('考核.'))) expect(FUNCTION_NAMES).toContain(name);
      expect(text).not.toMatch(/考核\.[\u4e00-\u9fff]+/);
    });
  }

  it('the pane and the sheet writer take every name from names.ts (no literal names in their code)', () => {
    for (const file of ['src/taskpane/taskpane.ts', 'src/taskpane/actions.ts']) {
      const code = read(file);
      expect(code, file).toMatch(/from '\.\.\/functions\/names'/);
      expect(code.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''), file).not.toMatch(/ASSESS\.[A-Z]+\(|考核\.[\u4e00-\u9fff]/);
    }
  });
});

describe('zh-TW and zh-HK: pane and function help agree', () => {
  it('the pane is Chinese for every zh-* language, and the manifest gives zh-tw/zh-hk the Chinese metadata', () => {
    expect(read('src/taskpane/taskpane.ts')).toContain('chinese = /^zh/i.test(language);');
    const manifest = read('manifest.xml').replace(/<!--[\s\S]*?-->/g, '');
    for (const locale of ['zh-cn', 'zh-tw', 'zh-hk']) expect(manifest).toContain(`<bt:Override Locale="${locale}" Value="https://localhost:3000/functions.zh-cn.json"/>`);
  });
});

describe('built metadata', () => {
  const load = (file: string): Metadata => JSON.parse(readFileSync(join(dist, file), 'utf8')) as Metadata;
  const built = existsSync(join(dist, 'functions.json')) && existsSync(join(dist, 'functions.zh-cn.json'));

  it('dist/ is built', () => expect(built, 'run npm run build').toBe(true));

  it.runIf(built)('functions.json is English only (English Excel shows no Chinese help)', () => {
    for (const f of load('functions.json').functions) {
      expect(f.name).toBe(f.id);
      const texts = [f.description ?? '', ...(f.parameters ?? []).flatMap((p) => [p.name, p.description ?? ''])];
      for (const text of texts) expect(text, `${f.id}: ${text}`).not.toMatch(CJK);
    }
  });

  it.runIf(built)('functions.zh-cn.json keeps ids and English names, and translates descriptions and parameter help', () => {
    const en = load('functions.json').functions;
    const zh = load('functions.zh-cn.json').functions;
    expect(zh.map((f) => [f.id, f.name])).toEqual(en.map((f) => [f.id, f.name]));
    expect(zh.map((f) => f.id)).toEqual([...FUNCTION_IDS]);
    for (const f of zh) {
      expect(f.description, f.id).toMatch(CJK);
      for (const p of f.parameters ?? []) expect(p.description, `${f.id} ${p.name}`).toMatch(CJK);
    }
  });
});
