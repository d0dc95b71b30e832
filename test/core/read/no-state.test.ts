/**
 * Issue 18.6: the reader keeps no module-level state — what a read was asked for (its origin on the
 * sheet, collect or throw) is passed along as a read context, never set in a module variable for
 * the read's duration (read/build.ts had `let reading` with beginReading / endReading). Caches keyed
 * by a ruleset (WeakMap consts) are memoisation, not state, and are allowed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readUnits } from '../../../src/core/input';
import { builtInRuleset } from '../../../src/rulesets';

const CORE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'src', 'core');
const READER = [
  ...readdirSync(join(CORE, 'read')).filter((name) => name.endsWith('.ts')).map((name) => `read/${name}`),
  'input.ts', 'headers.ts', 'item-rows.ts', 'entered.ts', 'sheets.ts',
];

/** Top-level `let` / `var` declarations of a source (comments removed), as `name:line name`. */
function moduleVariables(name: string, text: string): string[] {
  const source = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  return source.split('\n').flatMap((line, i) => {
    const hit = /^(?:export\s+)?(?:let|var)\s+([A-Za-z_$][\w$]*)/.exec(line);
    return hit ? [`${name}:${i + 1} ${hit[1]}`] : [];
  });
}

describe('the reader keeps no module-level state (issue 18.6)', () => {
  it('no top-level let or var in src/core/read/*, input, headers, item-rows, entered, sheets', () => {
    expect(READER.flatMap((file) => moduleVariables(`src/core/${file}`, readFileSync(join(CORE, file), 'utf8')))).toEqual([]);
  });

  it('the check sees a module variable, and not one inside a function or a comment', () => {
    const source = ['/* let commented = 1; */', 'export let reading = { row: 0 };', 'function f() {', '  let local = 1;', '}', 'var old = 2;'].join('\n');
    expect(moduleVariables('x.ts', source)).toEqual(['x.ts:2 reading', 'x.ts:6 old']);
  });
});

describe('a read at another origin names its own cells (the read context, not a cached one)', () => {
  // The plan of a header is cached; its notes name cells, so the cache is keyed by the origin too (was not: C5 got A1's cells).
  it('the same header read at A1 and at C5: the note on its unrecognised column is at 第1行第3列, then at 第5行第5列', () => {
    const rs = builtInRuleset('chengdu2006');
    const table = [['单位', '9.3', '联络员评分'], ['锦江区', 2, 4]];
    const note = (origin: { row: number; column: number }) => readUnits(rs, table, { origin })[0].readFindings?.find((f) => f.kind === 'column-read')?.where;
    expect(note({ row: 0, column: 0 })).toBe('第1行第3列');
    expect(note({ row: 4, column: 2 })).toBe('第5行第5列');
  });
});
