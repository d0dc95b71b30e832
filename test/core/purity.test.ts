/**
 * src/core must run inside Excel's custom-functions runtime (a JavaScript-only runtime with no
 * DOM, no Node and no Office object model), a browser and Node alike. This test reads every core
 * source file and refuses Node/DOM/Office imports and globals, and code built from strings.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Dependencies of the core that are pure JavaScript (no Node, DOM or Office): checked by hand. */
const PURE_PACKAGES = ['valibot', 'fastest-levenshtein'];

const CORE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?[jt]s|tsx|jsx)$/.test(name) ? [path] : [];
  });
}

/** Removes comments (so "window" in prose is allowed) and keeps line count for messages. */
function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');
}

/** Every module specifier the code imports or re-exports, statically or dynamically, or requires. */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]);
  return found;
}

const FORBIDDEN_MODULE = /^(?:node:.*|fs|fs\/promises|path|os|child_process|crypto|url|util|buffer|stream|process|office-js|@microsoft\/office-js|@types\/office-js|office-addin-.*|custom-functions-runtime)$/;

const FORBIDDEN_CODE: Array<[string, RegExp]> = [
  ['document', /\bdocument\b/],
  ['window', /\bwindow\b/],
  ['Office.', /\bOffice\s*\./],
  ['Excel.', /\bExcel\s*\./],
  ['CustomFunctions.', /\bCustomFunctions\s*\./],
  ['eval(', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['require(', /\brequire\s*\(/],
  ['process.', /\bprocess\s*\./],
  ['Buffer', /\bBuffer\b/],
  ['__dirname', /\b__dirname\b/],
];

/** Whether a relative import from a file in a folder of src/core (read/rows.ts → ../cells) stays inside src/core. */
function insideCore(spec: string, file: string | undefined): boolean {
  if (file === undefined || !spec.startsWith('../')) return false;
  const target = relative(CORE, join(dirname(file), spec));
  return target !== '' && !target.startsWith('..');
}

function violations(source: string, file?: string): string[] {
  const code = stripComments(source);
  const problems: string[] = [];
  for (const spec of specifiers(code)) {
    if (FORBIDDEN_MODULE.test(spec)) problems.push(`imports ${spec}`);
    else if (!spec.startsWith('./') && !insideCore(spec, file) && !PURE_PACKAGES.includes(spec)) problems.push(`imports ${spec} (only ./ modules and ${PURE_PACKAGES.join(', ')})`);
  }
  for (const [name, pattern] of FORBIDDEN_CODE) if (pattern.test(code)) problems.push(`uses ${name}`);
  return problems;
}

describe('the checker itself', () => {
  it('catches each forbidden import and use', () => {
    expect(violations(`import { readFileSync } from 'node:fs';`)).toEqual(['imports node:fs']);
    expect(violations(`import * as fs from "fs";`)).toEqual(['imports fs']);
    expect(violations(`import { join } from 'path';`)).toEqual(['imports path']);
    expect(violations(`import 'office-js';`)).toEqual(['imports office-js']);
    expect(violations(`export { x } from '@microsoft/office-js';`)).toEqual(['imports @microsoft/office-js']);
    expect(violations(`const m = await import('node:path');`)).toEqual(['imports node:path']);
    expect(violations(`import { a } from '../excel/sheet';`)).toEqual(['imports ../excel/sheet (only ./ modules and valibot, fastest-levenshtein)']);
    expect(violations(`const el = document.body;`)).toEqual(['uses document']);
    expect(violations(`window.alert(1);`)).toEqual(['uses window']);
    expect(violations(`Office.onReady();`)).toEqual(['uses Office.']);
    expect(violations(`await Excel.run(async (ctx) => ctx.sync());`)).toEqual(['uses Excel.']);
    expect(violations(`const f = eval('1');`)).toEqual(['uses eval(']);
    expect(violations(`const f = new Function('return 1');`)).toEqual(['uses new Function']);
    expect(violations(`const fs = require('fs');`)).toEqual(['imports fs', 'uses require(']);
  });

  it('ignores comments and allows relative imports and valibot', () => {
    expect(violations(`// the window of time; Office.js is not used here\n/* document */\nimport * as v from 'valibot';\nimport { a } from './cells';`)).toEqual([]);
    expect(violations(`const re = /https?:\\/\\/x/; // Excel.run`)).toEqual([]);
  });
});

describe('src/core is pure', () => {
  const files = sourceFiles(CORE);

  it('has the core modules', () => {
    const names = files.map((file) => relative(CORE, file)).sort();
    for (const name of ['batch.ts', 'cells.ts', 'compile.ts', 'fixed.ts', 'format.ts', 'input.ts', 'score.ts', 'table-format.ts', 'text.ts']) {
      expect(names).toContain(name);
    }
  });

  for (const file of files) {
    it(`${relative(CORE, file)}: no Node, DOM or Office imports or globals, no eval / new Function`, () => {
      expect(violations(readFileSync(file, 'utf8'), file)).toEqual([]);
    });
  }
});
