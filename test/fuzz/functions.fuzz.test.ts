/**
 * Fuzzing the nine ASSESS custom functions (src/functions/implementation.ts) with random
 * Excel-shaped arguments (see arbitraries.ts). For every call:
 *  - it returns a value or throws a FunctionError — never any other exception;
 *  - a FunctionError has code 'invalid' or 'notAvailable' and a non-empty, well-formed message of
 *    at most 255 characters, and is not the catch-all "内部错误 / internal error" (an exception the
 *    implementation did not expect: a bug to fix, whatever the input);
 *  - a returned number is finite; returned text fits an Excel cell (≤ 32 767 characters);
 *  - a returned 2-D array is non-empty and rectangular and holds only finite numbers and strings.
 *
 * Also: SCORE equals BREAKDOWN's total; LEVEL gives one level per score cell; whole-column ranges;
 * a unit repeated under another spelling (the ruleset's alias, Traditional script, invisible and
 * bidi characters, spaces, full width) or a 圈层 cell contradicting the ruleset's unit list is never
 * a changed result with no finding — it is the duplicate-unit finding, or a tier-differs finding at
 * the cell, and CHECK does not say 通过 (issue 19.1, 19.2).
 *
 * Environment: FUZZ_RUNS runs per property (default 200); FUZZ_SEED replays a run (the seed is
 * printed with every failure); FUZZ_COLLECT=1 records every kind of violation with its count and
 * smallest example and keeps going (large runs); FUZZ_REPORT=<file> writes case counts, outcomes
 * and violations as JSON; FUZZ_BIG_ROWS sets the whole-column size (default 200,000).
 * Large runs: node scripts/fuzz.mjs --runs 100000 (10 properties → 1,000,000 cases).
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import {
  type ExcelMatrix,
  type ExcelValue,
  FunctionError,
  breakdown,
  check,
  explain,
  grade,
  items,
  level,
  reward,
  rulesets,
  asMatrix,
  score,
  scores,
} from '../../src/functions/implementation';
import {
  type DataArgs,
  type RulesetArg,
  anyMatrix,
  builtInId,
  dataArgs,
  excelCell,
  identityCase,
  numberCell,
  plausibleCell,
  rulesetArg,
  scoreCell,
  tierName,
  unitName,
  vocabulary,
} from './arbitraries';

import { AssessError } from '../../src/core/errors';
import { scoreBatch } from '../../src/core/batch';
import { readUnits, unitKey } from '../../src/core/input';
import type { BatchResult } from '../../src/core/result';
import { builtInRuleset } from '../../src/rulesets';

const runs = Number(process.env.FUZZ_RUNS ?? 200);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** Generous per-test timeout: a few ms a case, never below a minute. */
const timeout = Number(process.env.FUZZ_TIMEOUT_MS ?? Math.max(60_000, runs * 30));
const params: fc.Parameters<unknown> = { numRuns: runs, ...(seed === undefined ? {} : { seed }) };

/** Excel's limits: 255 characters of an error message, 32 767 characters in a cell. */
const MESSAGE_LIMIT = 255;
const CELL_TEXT_LIMIT = 32_767;

// ---------------------------------------------------------------------------------------------
// Outcome checks
// ---------------------------------------------------------------------------------------------

interface Tally {
  cases: number;
  value: number;
  invalid: number;
  notAvailable: number;
  ms: number;
}
const tallies = new Map<string, Tally>();

function tally(name: string): Tally {
  let t = tallies.get(name);
  if (!t) {
    t = { cases: 0, value: 0, invalid: 0, notAvailable: 0, ms: 0 };
    tallies.set(name, t);
  }
  return t;
}

/** Long strings shortened (with their length) so a counterexample stays readable. */
function show(value: unknown, limit = 2_000): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string' && v.length > 40) return `${v.slice(0, 24)}…〔${v.length} chars〕`;
    if (typeof v === 'number' && !Number.isFinite(v)) return `〔${v}〕`;
    if (typeof v === 'number' && Object.is(v, -0)) return '〔-0〕';
    if (v === undefined) return '〔undefined〕';
    return v;
  });
  return text === undefined ? String(value) : text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/**
 * FUZZ_COLLECT=1 (large runs): a violated property is recorded — count, kind, smallest example —
 * and the run goes on, so one run reports every kind of failure. Otherwise the property fails and
 * fast-check shrinks the counterexample.
 */
const collect = process.env.FUZZ_COLLECT === '1';
interface Violation {
  count: number;
  property: string;
  detail: string;
  example: string;
  exampleSize: number;
}
const violations = new Map<string, Violation>();

class PropertyViolation extends Error {
  constructor(
    readonly kind: string,
    detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

function violated(kind: string, detail: string): never {
  throw new PropertyViolation(kind, detail);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message}\n${error.stack ?? ''}`;
  return `${typeof error}: ${String(error)}`;
}

function checkFunctionError(error: FunctionError): void {
  if (error.code !== 'invalid' && error.code !== 'notAvailable') violated('bad error code', JSON.stringify(error.code));
  if (typeof error.message !== 'string' || error.message.length === 0) violated('empty error message', JSON.stringify(error.message));
  if (error.message.length > MESSAGE_LIMIT) violated('error message over 255 characters', `${error.message.length}: ${error.message}`);
  if (/^内部错误|internal error/.test(error.message)) {
    const inner = /internal error: (.*)$/.exec(error.message)?.[1] ?? error.message;
    violated(`internal error (${inner.replace(/\d+/g, 'N').slice(0, 60)})`, error.message);
  }
  if (LONE_SURROGATE.test(error.message)) violated('error message cuts a surrogate pair', show(error.message.slice(-6)));
}

function checkText(value: string, what: string): void {
  if (value.length > CELL_TEXT_LIMIT) violated(`${what.split(' ')[0]}: text longer than a cell holds`, `${value.length} characters (> ${CELL_TEXT_LIMIT})`);
}

function checkNumber(value: unknown, what: string): void {
  if (typeof value !== 'number') violated(`${what}: not a number`, `${typeof value} ${String(value)}`);
  if (!Number.isFinite(value)) violated(`${what}: number not finite`, String(value));
}

function checkString(value: unknown, what: string): void {
  if (typeof value !== 'string') violated(`${what}: not text`, `${typeof value} ${String(value)}`);
  checkText(value, what);
}

function checkMatrix(value: unknown, what: string, columns?: number): Array<Array<string | number>> {
  if (!Array.isArray(value)) violated(`${what}: not a 2-D array`, typeof value);
  if (value.length === 0) violated(`${what}: empty array (0 rows)`, 'an empty result cannot spill into a sheet');
  let width = -1;
  value.forEach((row: unknown, r) => {
    if (!Array.isArray(row)) violated(`${what}: a row is not an array`, `row ${r} is ${typeof row}`);
    if (width < 0) width = row.length;
    if (row.length !== width) violated(`${what}: not rectangular`, `row 0 has ${width} cells, row ${r} has ${row.length}`);
    row.forEach((cell: unknown, c) => {
      if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) violated(`${what}: non-finite number in result`, `[${r}][${c}] = ${cell}`);
      } else if (typeof cell === 'string') checkText(cell, `${what} [${r}][${c}]`);
      else violated(`${what}: cell neither number nor text`, `[${r}][${c}] is ${typeof cell} ${String(cell)}`);
    });
  });
  if (width === 0) violated(`${what}: rows with no cells`, `${value.length} empty rows`);
  if (columns !== undefined && width !== columns) violated(`${what}: wrong column count`, `${width} columns, expected ${columns}`);
  return value as Array<Array<string | number>>;
}

/**
 * Calls one function: a value is checked by `checkValue`; a FunctionError by the rules above;
 * anything else thrown violates the property.
 */
function run<T>(name: string, call: () => T, checkValue: (value: T) => void): void {
  const t = tally(name);
  t.cases++;
  const start = performance.now();
  let value: T;
  try {
    value = call();
  } catch (error) {
    t.ms += performance.now() - start;
    if (!(error instanceof FunctionError)) violated(`${name}: threw a non-FunctionError`, describeError(error));
    t[error.code]++;
    checkFunctionError(error);
    return;
  }
  t.ms += performance.now() - start;
  t.value++;
  checkValue(value);
}

/** The tests call the functions the way hosts do: any value may arrive in any parameter. */
const asMatrixArg = (value: ExcelMatrix | ExcelValue): ExcelMatrix => value as ExcelMatrix;
const asOptional = (value: ExcelMatrix | ExcelValue): ExcelMatrix | null => value as ExcelMatrix | null;

/** Records a violation (collect mode): its count, and the smallest example seen. */
function note(name: string, error: PropertyViolation, example: string): void {
  const known = violations.get(error.kind);
  if (!known) violations.set(error.kind, { count: 1, property: name, detail: error.message.slice(0, 600), example, exampleSize: example.length });
  else {
    known.count++;
    if (example.length < known.exampleSize) Object.assign(known, { property: name, detail: error.message.slice(0, 600), example, exampleSize: example.length });
  }
}

function prop<Ts extends [unknown, ...unknown[]]>(name: string, arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...args: Ts) => void): void {
  it(name, () => {
    const seen = new Set<string>();
    const guarded = (...args: Ts): void => {
      try {
        predicate(...args);
      } catch (error) {
        if (!collect || !(error instanceof PropertyViolation)) throw error;
        seen.add(error.kind);
        note(name, error, show(args));
      }
    };
    const details = fc.check(fc.property<Ts>(...arbitraries, guarded), params as fc.Parameters<Ts>);
    if (details.failed) {
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(
        `${name}: property failed after ${details.numRuns} runs (shrunk ${details.numShrinks} times)\n` +
          `  replay: FUZZ_SEED=${details.seed} (path ${details.counterexamplePath})\n` +
          `  counterexample: ${show(details.counterexample)}\n` +
          `  ${cause.slice(0, 2_000)}`,
      );
    }
    if (seen.size > 0) {
      const lines = [...seen].map((kind) => {
        const v = violations.get(kind);
        return `- ${kind} (${v?.count ?? 0} cases so far)\n    ${v?.detail.split('\n')[0] ?? ''}\n    smallest example: ${v?.example ?? ''}`;
      });
      throw new Error(`${name}: ${seen.size} kind(s) of violation in ${runs} runs\n${lines.join('\n')}`);
    }
  }, timeout);
}

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

/** Data written against one built-in, and a ruleset argument (usually that built-in). */
const unitCall: fc.Arbitrary<{ ruleset: RulesetArg; args: DataArgs }> = builtInId.chain((id) =>
  fc.record({ ruleset: rulesetArg(id), args: dataArgs(vocabulary(id)) }),
);

/** Anything as the score of GRADE: numbers, text, booleans, empties, whole ranges. */
const gradeScore: fc.Arbitrary<ExcelMatrix | ExcelValue> = fc.oneof(
  { weight: 4, arbitrary: scoreCell },
  { weight: 3, arbitrary: numberCell },
  { weight: 2, arbitrary: excelCell },
  { weight: 1, arbitrary: anyMatrix() },
);

interface LevelArgs {
  ruleset: RulesetArg;
  scores: ExcelMatrix | ExcelValue;
  tiers: ExcelMatrix | ExcelValue;
  criticized: ExcelMatrix | ExcelValue;
}

const column = (cells: ExcelValue[]): ExcelMatrix => cells.map((cell) => [cell]);

const levelCall: fc.Arbitrary<LevelArgs> = builtInId.chain((id) => {
  const v = vocabulary(id);
  return fc.integer({ min: 1, max: 15 }).chain((n) => {
    const scores = fc.array(scoreCell, { minLength: n, maxLength: n });
    const tierCells = fc.array(fc.oneof({ weight: 3, arbitrary: tierName(v) }, { weight: 1, arbitrary: unitName(v) }), { minLength: n, maxLength: n });
    const flagCells = fc.array(plausibleCell({ kind: 'flag' } as Parameters<typeof plausibleCell>[0]), { minLength: n, maxLength: n });
    return fc.record({
      ruleset: rulesetArg(id),
      scores: fc.oneof(
        { weight: 6, arbitrary: scores.map(column) },
        { weight: 1, arbitrary: scores.map((cells): ExcelMatrix => [cells]) },
        { weight: 1, arbitrary: anyMatrix(fc.oneof(scoreCell, excelCell)) },
        { weight: 1, arbitrary: scoreCell },
      ),
      tiers: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 4, arbitrary: tierCells.map(column) },
        { weight: 1, arbitrary: anyMatrix(tierName(v)) },
        { weight: 1, arbitrary: excelCell },
      ),
      criticized: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: flagCells.map(column) },
        { weight: 1, arbitrary: anyMatrix() },
        { weight: 1, arbitrary: excelCell },
      ),
    });
  });
});

const anyRuleset: fc.Arbitrary<RulesetArg> = builtInId.chain(rulesetArg);

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('ASSESS functions never fail except with a well-formed FunctionError', () => {
  prop('SCORE', [unitCall], ({ ruleset, args }) => {
    // A number, or blank for a row that is no unit (a blank, 合计, 注 or 制表人 row under a 单位 header: test/functions/score-rows.test.ts).
    run('SCORE', () => score(asMatrixArg(args.data), asMatrixArg(ruleset.value), asOptional(args.headers)), (value) => (value === '' ? undefined : checkNumber(value, 'SCORE')));
  });

  prop('SCORES', [unitCall], ({ ruleset, args }) => {
    run('SCORES', () => scores(asMatrixArg(args.data), asMatrixArg(ruleset.value), asOptional(args.headers)), (value) => {
      const rows = checkMatrix(value, 'SCORES', 1);
      // A cell per row of data, so the column sits beside it — down to the last row with a filled
      // cell: a blank tail (a whole-column reference) gets no cells (issue 20.9).
      const data = asMatrix(asMatrixArg(args.data));
      const blank = (cell: unknown) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
      let height = data.length;
      while (height > 1 && data[height - 1].every(blank)) height--;
      if (rows.length !== height) violated('SCORES: not one cell per data row up to the last filled one', `${rows.length} cells for ${height} rows`);
    });
  });

  prop('BREAKDOWN', [unitCall], ({ ruleset, args }) => {
    run('BREAKDOWN', () => breakdown(asMatrixArg(args.data), asMatrixArg(ruleset.value), asOptional(args.headers)), (value) => {
      const rows = checkMatrix(value, 'BREAKDOWN', 5);
      checkNumber(rows[rows.length - 1][3], 'BREAKDOWN total');
    });
  });

  prop('EXPLAIN', [unitCall], ({ ruleset, args }) => {
    run('EXPLAIN', () => explain(asMatrixArg(args.data), asMatrixArg(ruleset.value), asOptional(args.headers)), (value) => {
      checkString(value, 'EXPLAIN');
      if (value.length === 0) violated('EXPLAIN: empty text', '');
    });
  });

  prop('REWARD', [unitCall], ({ ruleset, args }) => {
    run('REWARD', () => reward(asMatrixArg(args.data), asMatrixArg(ruleset.value), asOptional(args.headers)), (value) => checkNumber(value, 'REWARD'));
  });

  prop('CHECK', [unitCall], ({ ruleset, args }) => {
    run('CHECK', () => check(asMatrixArg(args.data), asMatrixArg(ruleset.value), asOptional(args.headers)), (value) => {
      const rows = checkMatrix(value, 'CHECK');
      if (!(rows.length === 1 && rows[0].length === 1 && rows[0][0] === '通过') && rows[0].length !== 3) violated('CHECK: wrong column count', `${rows[0].length} columns`);
    });
  });

  prop('GRADE', [gradeScore, anyRuleset], (scoreValue, ruleset) => {
    run('GRADE', () => grade(scoreValue as number, asMatrixArg(ruleset.value)), (value) => checkString(value, 'GRADE'));
  });

  prop('LEVEL', [levelCall], ({ ruleset, scores, tiers, criticized }) => {
    run('LEVEL', () => level(asMatrixArg(scores), asMatrixArg(ruleset.value), asOptional(tiers), asOptional(criticized)), (value) => {
      const rows = checkMatrix(value, 'LEVEL');
      // One level per score cell: a column for a column (or block), a row for a row.
      const cells = Array.isArray(scores) ? scores.flatMap((row) => (Array.isArray(row) ? row : [row])).length : 1;
      if (rows.length * rows[0].length !== cells || (rows.length > 1 && rows[0].length !== 1))
        violated('LEVEL: result shape differs from the scores', `${rows.length}×${rows[0].length} for ${cells} scores`);
      for (const row of rows) for (const cell of row) if (typeof cell !== 'string') violated('LEVEL: a level is not text', typeof cell);
    });
  });

  prop('ITEMS', [anyRuleset], (ruleset) => {
    run('ITEMS', () => items(asMatrixArg(ruleset.value)), (value) => checkMatrix(value, 'ITEMS', 5));
  });

  prop('RULESETS', [fc.array(fc.oneof(excelCell, anyMatrix()), { maxLength: 3 })], (extra) => {
    // Hosts may pass stray arguments; RULESETS takes none and must ignore them.
    const call = rulesets as (...args: unknown[]) => ReturnType<typeof rulesets>;
    run('RULESETS', () => call(...extra), (value) => checkMatrix(value, 'RULESETS', 4));
  });

  // Every data function on the same arguments: a mutated ruleset table that compiles for one of
  // them compiles for all, and one unit's data that scores must score everywhere alike.
  prop('all data functions agree on success', [unitCall], ({ ruleset, args }) => {
    const data = asMatrixArg(args.data);
    const rs = asMatrixArg(ruleset.value);
    const headers = asOptional(args.headers);
    let scored: number | undefined;
    let blank = false;
    let total: number | undefined;
    run('agree:SCORE', () => score(data, rs, headers), (value) => {
      // Blank: a row that is no unit (a section, 合计, 注 or 制表人 line: test/functions/score-rows.test.ts).
      if (value === '') {
        blank = true;
        return;
      }
      checkNumber(value, 'SCORE');
      scored = value;
    });
    run('agree:BREAKDOWN', () => breakdown(data, rs, headers), (value) => {
      const rows = checkMatrix(value, 'BREAKDOWN', 5);
      total = rows[rows.length - 1][3] as number;
    });
    run('agree:EXPLAIN', () => explain(data, rs, headers), (value) => checkString(value, 'EXPLAIN'));
    if (!blank && (scored === undefined) !== (total === undefined)) violated('SCORE and BREAKDOWN disagree on success', `SCORE ${String(scored)}, BREAKDOWN total ${String(total)}`);
    if (scored !== undefined && scored !== total) violated('SCORE differs from BREAKDOWN total', `SCORE ${scored} ≠ ${String(total)}`);
  });
});

/** Scored with the reader and scorer the CLI and the pane use, every invalid cell collected; a refusal is the AssessError. */
function batchOf(id: string, table: ExcelValue[][]): BatchResult | AssessError {
  const rs = builtInRuleset(id);
  try {
    return scoreBatch(rs, readUnits(rs, table as never, { collect: true }), { collect: true });
  } catch (error) {
    if (error instanceof AssessError) return error;
    throw error;
  }
}

/** Each counted unit by its identity: score, rank, level, tier (a unit's second listing is not counted). */
function outcomes(id: string, batch: BatchResult): Map<string, string> {
  const rs = builtInRuleset(id);
  const out = new Map<string, string>();
  for (const unit of batch.units) {
    if (unit.rank === null && unit.findings.some((f) => f.kind === 'duplicate-unit')) continue;
    const key = unitKey(rs, unit.unit);
    if (!out.has(key)) out.set(key, JSON.stringify([String(unit.score), unit.rank, unit.level, unit.tier, unit.grade]));
  }
  return out;
}

describe('one unit under two spellings, a 圈层 against the ruleset: never a changed result with no finding', () => {
  prop('IDENTITY', [identityCase()], (c) => {
    const t = tally('IDENTITY');
    t.cases++;
    const before = batchOf(c.id, c.base);
    const after = batchOf(c.id, c.changed);
    if (before instanceof AssessError) return; // the base itself is refused: nothing to compare
    if (after instanceof AssessError) {
      t.invalid++; // refused with an error: never a silent change
      return;
    }
    t.value++;
    const findings = after.units.flatMap((unit) => unit.findings);
    const change = c.change;
    const said =
      change.kind === 'duplicate'
        ? findings.some((f) => f.kind === 'duplicate-unit' && f.severity !== 'info')
        : findings.some((f) => f.kind === 'tier-differs' && f.severity === 'warning' && f.where === `第${change.row + 1}行第${change.column + 1}列`);
    const was = outcomes(c.id, before);
    const now = outcomes(c.id, after);
    const changed = was.size !== now.size || [...was].some(([key, value]) => now.get(key) !== value);
    if (changed && !said) violated(`IDENTITY: a changed result with no finding (${change.kind})`, JSON.stringify({ change, was: [...was], now: [...now] }));
    if (!said) violated(`IDENTITY: ${change.kind === 'duplicate' ? 'a unit listed twice under another spelling' : 'a 圈层 contradicting the ruleset'} with no finding`, JSON.stringify(change));
    // The tier the regulation lists is used: the result is the base's.
    if (change.kind === 'tier' && changed) violated('IDENTITY: a contradicting 圈层 changed the result', JSON.stringify({ change, was: [...was], now: [...now] }));
    // ASSESS.CHECK on the same table does not say 通过.
    run('IDENTITY:CHECK', () => check(c.changed as ExcelMatrix, [[c.id]]), (value) => {
      const rows = checkMatrix(value, 'CHECK');
      if (rows.length === 1 && rows[0][0] === '通过') violated('IDENTITY: CHECK says 通过', JSON.stringify(change));
    });
  });
});

/**
 * A whole-column reference (=CHECK(A:K, …)) hands over 1,048,576 rows, nearly all empty. The
 * default 200,000 rows is enough to reach the limits of spreading an array into arguments;
 * FUZZ_BIG_ROWS=1048576 tries the real size.
 */
describe('whole-column ranges', () => {
  const rows = Number(process.env.FUZZ_BIG_ROWS ?? 200_000);
  const pad = (matrix: ExcelMatrix, width: number, total: number): ExcelMatrix => {
    const out = matrix.map((row) => [...row]);
    while (out.length < total) out.push(Array.from({ length: width }, () => null));
    return out;
  };
  it(`data and scores of ${rows} rows`, () => {
    const data = pad([['单位', 'S1', 'S2'], ['甲', true, 3]], 3, rows);
    const unitRow = pad([[true, 3]], 2, rows);
    const calls: Array<[string, string, () => void]> = [
      ['BIG:SCORE', `score([['单位','S1','S2'],['甲',true,3], …${rows} rows], [['govinfo']])`, () => run('BIG:SCORE', () => score(data, [['govinfo']]), (value) => checkNumber(value, 'SCORE'))],
      ['BIG:SCORE headers', `score([[true,3], …${rows} rows], [['govinfo']], [['S1','S2']])`, () => run('BIG:SCORE headers', () => score(unitRow, [['govinfo']], [['S1', 'S2']]), (value) => checkNumber(value, 'SCORE'))],
      ['BIG:CHECK', `check([['单位','S1','S2'],['甲',true,3], …${rows} rows], [['govinfo']])`, () => run('BIG:CHECK', () => check(data, [['govinfo']]), (value) => checkMatrix(value, 'CHECK'))],
      ['BIG:LEVEL', `level([[90],[80], …${rows} rows], [['township2022']])`, () => run('BIG:LEVEL', () => level(pad([[90], [80]], 1, rows), [['township2022']]), (value) => checkMatrix(value, 'LEVEL', 1))],
    ];
    const failures: string[] = [];
    for (const [name, example, call] of calls) {
      try {
        call();
      } catch (error) {
        if (!(error instanceof PropertyViolation)) throw error;
        if (collect) note(name, error, example);
        failures.push(`${example}: ${error.message}`);
      }
    }
    if (failures.length > 0) throw new Error(failures.join('\n'));
  }, 120_000);
});

afterAll(() => {
  const file = process.env.FUZZ_REPORT;
  if (!file) return;
  const report = {
    runs,
    seed: seed ?? null,
    properties: Object.fromEntries([...tallies].map(([name, t]) => [name, { ...t, ms: Math.round(t.ms) }])),
    violations: Object.fromEntries([...violations].map(([kind, v]) => [kind, { count: v.count, property: v.property, detail: v.detail, example: v.example }])),
    // One case per property run (the agreement property makes three calls a case).
    cases: [...tallies].filter(([name]) => !name.includes(':')).reduce((sum, [, t]) => sum + t.cases, 0) + (tallies.get('agree:SCORE')?.cases ?? 0),
  };
  writeFileSync(file, JSON.stringify(report, null, 2));
});
