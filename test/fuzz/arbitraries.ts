/**
 * fast-check arbitraries for fuzzing the ASSESS custom functions with Excel-shaped values.
 *
 *  - cells: numbers (−0, NaN, ±Infinity, 1e300, 1e-300, many decimals, integers), text (full-width
 *    digits, percent text, HTML, 10 000-character strings, whitespace, error-like text, 是/否/√/×,
 *    real item codes and labels), booleans, null, '' (and, rarely, undefined);
 *  - matrices: random 2-D arrays of mixed cells, rectangular or ragged;
 *  - data for a chosen built-in ruleset in every layout the reader knows (header + rows, separate
 *    header row, code/value pairs, ledger, a title row above), header rows mixing real item codes
 *    and labels with junk, cells that are mostly plausible for their item and sometimes not;
 *  - ruleset arguments: built-in ids (in any case and spacing), unknown ids, the built-in tables
 *    written by rulesetToTable, and mutations of those tables (cells replaced, rows dropped or
 *    duplicated, columns shuffled or dropped, rows cut short, numbers pushed to extremes).
 */
import fc from 'fast-check';
import type { CompiledItem, CompiledRuleset } from '../../src/core';
import { rulesetToTable, TABLE_FIELDS } from '../../src/core/table-format';
import type { ExcelMatrix, ExcelValue } from '../../src/functions/implementation';
import { BUILT_IN_IDS, builtInRuleset } from '../../src/rulesets';

// -------------------------------------------------------------------------------------------------
// Cells
// -------------------------------------------------------------------------------------------------

/** Numbers at the edges: signed zero, non-finite, huge, tiny, around the safe-integer and micros limits. */
export const SPECIAL_NUMBERS: readonly number[] = [
  -0, NaN, Infinity, -Infinity,
  1e300, -1e300, 1e-300, -1e-300, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON,
  Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 32, 1e21, 1e15,
  1e8, -1e8, 1e8 + 0.000001, 99_999_999.999999, 1e6, 1e6 + 1, 999_999, 1e7,
  0.1 + 0.2, 0.000001, 0.0000001, 1.0000005, 0.1234567, 3.3999999999999995, 1 / 3, 2 / 3, Math.PI,
  100, 100.000001, 101, 99.5, 99.999999, 1, 0, -1, 0.5, -0.5, 0.999999, 0.9999999, 1.5, 120,
];

/** A number with up to 15 decimals (n / 10^k). */
export const manyDecimals: fc.Arbitrary<number> = fc
  .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 15 }))
  .map(([n, k]) => n / 10 ** k);

export const numberCell: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_NUMBERS) },
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.maxSafeInteger() },
  { weight: 2, arbitrary: manyDecimals },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.double({ min: -1e-300, max: 1e-300, noNaN: true }) },
);

/** ASCII → full width (３, ．, ％, －, Ａ …); other characters unchanged. */
export function toFullWidth(text: string): string {
  return text.replace(/[\x21-\x7e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** A number written as text in the ways a sheet or CSV holds it. */
export const numericText: fc.Arbitrary<string> = fc
  .tuple(numberCell, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 12 }))
  .map(([n, style, digits]) => {
    const finite = Number.isFinite(n);
    switch (style) {
      case 0: return String(n);
      case 1: return finite && Math.abs(n) < 1e21 ? n.toFixed(Math.min(digits, 100)) : String(n);
      case 2: return `${n}%`;
      case 3: return toFullWidth(String(n));
      case 4: return `${toFullWidth(String(n))}％`;
      case 5: return `  ${n}\u3000`;
      case 6: return finite ? n.toLocaleString('en-US', { maximumFractionDigits: digits }) : String(n);
      case 7: return finite ? n.toExponential(Math.min(digits, 20)) : String(n);
      case 8: return `+${Math.abs(n)}`;
      default: return `${n} %`;
    }
  });

export const FULL_WIDTH_TEXT = ['３', '１２', '１００', '３．５', '－２', '＋１', '０', '１，０００', '１ｅ３', '９９．５', '１．０００００１'];
export const PERCENT_TEXT = ['98.5%', '１００％', '100%', '0%', '-5%', '100.0000001%', '99.999999%', '50 %', '%', '１２．５％', '1e2%', '0.5%', '101%', '1e400%', '.5%', '98.5％', '百分之百'];
export const HTML_TEXT = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>', '&lt;b&gt;', '</td></tr>', "'; DROP TABLE units; --", '${1+1}', '{{7*7}}', '=1+1', '=HYPERLINK("http://x")', '@SUM(A1)'];
export const WHITESPACE_TEXT = [' ', '   ', '\t', '\n', '\r\n', '\u3000', '\u00a0', '\u200b', '\ufeff', '  3  ', '\u30003\u3000', ' 是 ', '\t#N/A'];
export const ERROR_TEXT = ['#N/A', '#VALUE!', '#DIV/0!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#n/a', ' #N/A ', '＃N/A', '#N/A extra', '#ERROR!', '#'];
export const YES_NO_TEXT = ['是', '否', '√', '×', '✓', '✗', '✔', '✘', 'TRUE', 'FALSE', 'true', 'false', 'True', 'yes', 'no', 'Y', 'N', '对', '错', '有', '无'];
export const NUMBERISH_TEXT = ['1,234', '1,234.5', '12,34', '1e3', '1E-3', '.5', '5.', '+3', '-0', '0x10', '0b11', 'Infinity', '-Infinity', 'NaN', '1_000', '1 000', '٣', '三', '叁', '3分', '第3名', '3个', '1e400', '-1e400', '1e-400', '9'.repeat(400), '0.' + '0'.repeat(300) + '1'];
export const MISC_TEXT = ['单位', '合计', '总分', '得分', '备注', '条目', '值', '数量', '事项', '圈层', '通报批评或曝光', 'code', 'value', 'unit', 'tier', 'null', 'undefined', '[object Object]', '😀', '👨‍👩‍👧‍👦', 'é', 'e\u0301', 'Ⅳ', '①', '㊿', '\u0000', '\u202e', '𠀀'];

/** `s` repeated to about 10 000 UTF-16 units, never cutting a surrogate pair. */
function repeatTo10k(s: string): string {
  const points = [...s.repeat(Math.ceil(10_000 / s.length))];
  let out = '';
  for (const point of points) {
    if (out.length + point.length > 10_000) break;
    out += point;
  }
  return out;
}

/** 10 000-character strings (and one of 32 767, the most an Excel cell holds). */
export const longText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('x'.repeat(10_000), '９'.repeat(10_000), '是'.repeat(10_000), ' '.repeat(10_000), '1'.repeat(10_000), '😀'.repeat(5_000), `9.${'9'.repeat(9_998)}`, `${'1,000'.repeat(2_000)}`),
  fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }).map(repeatTo10k),
  // The most a cell holds.
  fc.constant('a'.repeat(32_767)),
);

export const textCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...FULL_WIDTH_TEXT, ...PERCENT_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...HTML_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...WHITESPACE_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...YES_NO_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBERISH_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...MISC_TEXT) },
  { weight: 3, arbitrary: numericText },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: longText },
);

/** Any cell Excel (or another host) could hand over. */
export const excelCell: fc.Arbitrary<ExcelValue> = fc.oneof(
  { weight: 4, arbitrary: numberCell },
  { weight: 5, arbitrary: textCell },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

// -------------------------------------------------------------------------------------------------
// Matrices
// -------------------------------------------------------------------------------------------------

export interface MatrixOptions {
  maxRows?: number;
  maxColumns?: number;
}

/** A rectangular r × c matrix (1 ≤ r, c). */
export function rectangularMatrix(cell: fc.Arbitrary<ExcelValue> = excelCell, { maxRows = 6, maxColumns = 6 }: MatrixOptions = {}): fc.Arbitrary<ExcelMatrix> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxColumns }))
    .chain(([rows, columns]) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));
}

/** Rows of different lengths, including empty rows and an empty matrix. */
export function raggedMatrix(cell: fc.Arbitrary<ExcelValue> = excelCell, { maxRows = 6, maxColumns = 7 }: MatrixOptions = {}): fc.Arbitrary<ExcelMatrix> {
  return fc.array(fc.array(cell, { maxLength: maxColumns }), { maxLength: maxRows });
}

/** Mixed 2-D arrays: mostly rectangular, some ragged, a few degenerate ([], [[]], [[null]]). */
export function anyMatrix(cell: fc.Arbitrary<ExcelValue> = excelCell, options: MatrixOptions = {}): fc.Arbitrary<ExcelMatrix> {
  return fc.oneof(
    { weight: 6, arbitrary: rectangularMatrix(cell, options) },
    { weight: 3, arbitrary: raggedMatrix(cell, options) },
    { weight: 1, arbitrary: fc.constantFrom<ExcelMatrix>([], [[]], [[null]], [['']], [[], []], [[null, null], [null, null]]) },
  );
}

// -------------------------------------------------------------------------------------------------
// Vocabulary of a built-in ruleset
// -------------------------------------------------------------------------------------------------

export const SPECIAL_HEADERS = ['单位', '单位名称', 'unit', '圈层', 'tier', '通报批评或曝光', '通报批评', 'criticized', '序号', '备注', '合计', '总分', '得分', '等级', '排名'];
export const LEDGER_HEADERS = ['单位', '条目', '数量', '事项'];
export const PAIR_HEADERS = ['条目', '值'];

export interface Vocabulary {
  id: string;
  rs: CompiledRuleset;
  inputs: CompiledItem[];
  /** Every text naming an input item (code, label, "code label", English label). */
  itemNames: string[];
  /** Volume column names of rank items. */
  volumeNames: string[];
  tierNames: string[];
  unitNames: string[];
}

const vocabularies = new Map<string, Vocabulary>();

export function vocabulary(id: string): Vocabulary {
  const known = vocabularies.get(id);
  if (known) return known;
  const rs = builtInRuleset(id);
  const inputs = rs.items.filter((item) => item.isInput);
  const itemNames = inputs.flatMap((item) => [item.code, item.label, `${item.code} ${item.label}`, ...(item.labelEn ? [item.labelEn] : [])]);
  const volumeNames = inputs.flatMap((item) => [item.volume, item.volumeLabel]).filter((name): name is string => typeof name === 'string');
  const tierNames = rs.tiers.flatMap((tier) => [tier.code, tier.label, ...(tier.aliases ? tier.aliases.split(/[、,，;；]/) : [])]);
  const unitNames = rs.spec.units.flatMap((unit) => [unit.label, ...(unit.aliases ? unit.aliases.split(/[、,，;；]/) : [])]);
  const result: Vocabulary = { id, rs, inputs, itemNames, volumeNames, tierNames, unitNames };
  vocabularies.set(id, result);
  return result;
}

export const builtInId: fc.Arbitrary<string> = fc.constantFrom(...BUILT_IN_IDS);

/** A name as a clerk might type it: as is, upper/lower case, full width, padded. */
function variant(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(name) },
    { weight: 1, arbitrary: fc.constant(name.toUpperCase()) },
    { weight: 1, arbitrary: fc.constant(toFullWidth(name)) },
    { weight: 1, arbitrary: fc.constant(` ${name}\u3000`) },
    { weight: 1, arbitrary: fc.constant(name.replace(/\s+/g, '   ')) },
  );
}

/** Text naming a real item (or a volume column) of the ruleset. */
export function itemName(v: Vocabulary): fc.Arbitrary<string> {
  const names = [...v.itemNames, ...v.volumeNames];
  if (names.length === 0) return fc.constantFrom('项目一', '项目二', '基础分', '加分', '扣分');
  return fc.constantFrom(...names).chain(variant);
}

export function unitName(v: Vocabulary): fc.Arbitrary<ExcelValue> {
  return fc.oneof(
    { weight: 3, arbitrary: v.unitNames.length > 0 ? fc.constantFrom(...v.unitNames).chain(variant) : fc.constantFrom('甲镇', '乙乡') },
    { weight: 2, arbitrary: fc.constantFrom('甲镇', '乙乡', '丙街道', '锦江区', '某局') },
    { weight: 1, arbitrary: excelCell },
  );
}

export function tierName(v: Vocabulary): fc.Arbitrary<ExcelValue> {
  return fc.oneof(
    { weight: 3, arbitrary: v.tierNames.length > 0 ? fc.constantFrom(...v.tierNames).chain(variant) : fc.constantFrom('第一圈', '1') },
    { weight: 1, arbitrary: v.unitNames.length > 0 ? fc.constantFrom(...v.unitNames) : fc.constant('甲镇') },
    { weight: 1, arbitrary: excelCell },
  );
}

/** A cell that reads as `item` expects (sometimes at the edges of what it accepts). */
export function plausibleCell(item: CompiledItem | undefined): fc.Arbitrary<ExcelValue> {
  if (!item) return fc.oneof(fc.integer({ min: 0, max: 100 }), manyDecimals, fc.constant(null));
  const M = 1_000_000;
  switch (item.kind) {
    case 'flag':
      return fc.constantFrom<ExcelValue>(0, 1, '是', '否', '√', '×', true, false, 'TRUE', '1', '０', null, '');
    case 'count':
    case 'deduct':
      return fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 30 }) },
        { weight: 1, arbitrary: fc.constantFrom<ExcelValue>(1_000_000, 999_999, 1_000_001, '３', '1,000', '1e3', 2.0, '2.0', null, '') },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
      );
    case 'judged': {
      const top = item.max === null ? 200 : (item.max / M) * 1.5 + 1;
      return fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 0, max: Math.round(top * 10) }).map((n) => n / 10) },
        { weight: 2, arbitrary: fc.integer({ min: -Math.round(top * 1e6), max: Math.round(top * 1e6) }).map((n) => n / 1e6) },
        { weight: 1, arbitrary: fc.constantFrom<ExcelValue>(0.1234567, 1e8, 99_999_999.999999, -1, null, '', '４．５') },
      );
    }
    case 'rank':
      return fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 40 }) },
        { weight: 1, arbitrary: fc.constantFrom<ExcelValue>(1e6, 1e10, 1e11, 1e15, Number.MAX_SAFE_INTEGER, '9007199254740991', 0, null) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) },
      );
    case 'rate':
      return fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000) },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: 10_000 }).map((n) => `${n / 100}%`) },
        { weight: 1, arbitrary: fc.integer({ min: 101, max: 10_000 }).map((n) => n / 100) },
        { weight: 1, arbitrary: fc.constantFrom<ExcelValue>('１００％', '98.5%', 100, 1, 0, 1e-300, 0.999999999, '99.9999999%', null) },
      );
  }
}

/** Mostly a plausible value for the item; sometimes any cell. */
export function dataCell(item: CompiledItem | undefined): fc.Arbitrary<ExcelValue> {
  return fc.oneof({ weight: 12, arbitrary: plausibleCell(item) }, { weight: 1, arbitrary: excelCell });
}

function lookupItem(v: Vocabulary, header: ExcelValue): CompiledItem | undefined {
  if (typeof header !== 'string') return undefined;
  const key = header.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return v.rs.headerIndex.get(key) ?? v.rs.headerIndex.get(key.split(' ')[0]) ?? v.rs.volumeIndex.get(key);
}

/** A header row: real item names (mostly distinct) mixed with special headers and junk. */
export function headerRow(v: Vocabulary, { maxColumns = 12 }: { maxColumns?: number } = {}): fc.Arbitrary<ExcelValue[]> {
  const clean = fc
    .tuple(
      fc.boolean(),
      v.inputs.length > 0 ? fc.shuffledSubarray(v.inputs, { minLength: 1, maxLength: Math.min(maxColumns, v.inputs.length) }) : fc.constant([] as CompiledItem[]),
      fc.array(itemName(v), { maxLength: 2 }),
    )
    .map(([withUnit, chosen, extra]) => [...(withUnit ? ['单位'] : []), ...chosen.map((item) => item.code), ...(chosen.length === 0 ? extra : [])]);
  const mixed = fc.array(
    fc.oneof(
      { weight: 6, arbitrary: itemName(v) as fc.Arbitrary<ExcelValue> },
      { weight: 2, arbitrary: fc.constantFrom<ExcelValue>(...SPECIAL_HEADERS) },
      { weight: 1, arbitrary: excelCell },
    ),
    { minLength: 1, maxLength: maxColumns },
  );
  return fc.oneof({ weight: 3, arbitrary: clean }, { weight: 2, arbitrary: mixed });
}

/** Data rows under a header: each cell plausible for its column, rows sometimes short or long. */
export function dataRows(v: Vocabulary, header: ExcelValue[], { minRows = 1, maxRows = 4 }: { minRows?: number; maxRows?: number } = {}): fc.Arbitrary<ExcelMatrix> {
  const row = fc
    .tuple(
      fc.tuple(...header.map((cell) => (cell === '单位' || cell === 'unit' || cell === '单位名称' ? unitName(v) : cell === '圈层' || cell === 'tier' ? tierName(v) : cell === '通报批评或曝光' || cell === '通报批评' || cell === 'criticized' ? plausibleCell({ kind: 'flag' } as CompiledItem) : dataCell(lookupItem(v, cell))))),
      fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 2 }) }),
      fc.array(excelCell, { maxLength: 2 }),
    )
    .map(([cells, change, extra]) => (change < 0 ? cells.slice(0, Math.max(0, cells.length + change)) : change > 0 ? [...cells, ...extra.slice(0, change)] : cells));
  return fc.array(row, { minLength: minRows, maxLength: maxRows });
}

/** The data / headers arguments of SCORE, BREAKDOWN, CHECK, REWARD, EXPLAIN. */
export interface DataArgs {
  layout: string;
  data: ExcelMatrix | ExcelValue;
  headers: ExcelMatrix | ExcelValue;
}

function pairsData(v: Vocabulary): fc.Arbitrary<ExcelMatrix> {
  const pair = itemName(v).chain((name) => dataCell(lookupItem(v, name)).map((value): ExcelValue[] => [name, value]));
  return fc
    .tuple(
      fc.boolean(),
      fc.option(unitName(v).map((name): ExcelValue[] => ['单位', name]), { nil: undefined }),
      fc.option(tierName(v).map((name): ExcelValue[] => ['圈层', name]), { nil: undefined, freq: 4 }),
      fc.array(pair, { minLength: 1, maxLength: 8 }),
      fc.array(fc.tuple(excelCell, excelCell).map(([a, b]): ExcelValue[] => [a, b]), { maxLength: 1 }),
    )
    .chain(([withHeader, unit, tier, pairs, junk]) =>
      fc.shuffledSubarray([...(unit ? [unit] : []), ...(tier ? [tier] : []), ...pairs, ...junk], { minLength: 1 }).map((rows) => [...(withHeader ? [PAIR_HEADERS] : []), ...rows]),
    );
}

function ledgerData(v: Vocabulary): fc.Arbitrary<ExcelMatrix> {
  const columns = fc.shuffledSubarray(['单位', '数量', '事项'], { minLength: 1 }).chain((rest) => fc.shuffledSubarray(['条目', ...rest], { minLength: rest.length + 1 }));
  return columns.chain((header) => {
    const row = itemName(v).chain((name) =>
      fc
        .tuple(unitName(v), dataCell(lookupItem(v, name)), fc.oneof(fc.constantFrom<ExcelValue>('事项一', '事项二', '', null), excelCell))
        .map(([unit, quantity, matter]) => header.map((h): ExcelValue => (h === '单位' ? unit : h === '条目' ? name : h === '数量' ? quantity : matter))),
    );
    return fc.array(row, { minLength: 1, maxLength: 8 }).map((rows): ExcelMatrix => [header, ...rows]);
  });
}

/** Data in every layout for one ruleset's vocabulary, plus the headers argument. */
export function dataArgs(v: Vocabulary): fc.Arbitrary<DataArgs> {
  const rowsInRange = headerRow(v).chain((header) =>
    fc.tuple(dataRows(v, header, { maxRows: 1 }), fc.nat(9)).map(([rows, pick]): DataArgs => ({
      layout: 'rows',
      data: [header, ...rows],
      headers: pick < 6 ? null : pick === 6 ? undefined : pick === 7 ? [[null]] : [['']],
    })),
  );
  const batch = headerRow(v).chain((header) => dataRows(v, header, { minRows: 2, maxRows: 5 }).map((rows): DataArgs => ({ layout: 'batch', data: [header, ...rows], headers: null })));
  const separate = headerRow(v).chain((header) =>
    fc.tuple(dataRows(v, header, { maxRows: 2 }), fc.nat(5)).map(([rows, pick]): DataArgs => ({
      layout: 'separate',
      data: rows.length === 1 && pick === 0 ? rows[0] : rows,
      headers: pick === 1 ? header : pick === 2 ? [header, header] : [header],
    } as DataArgs)),
  );
  const titled = headerRow(v).chain((header) =>
    fc.tuple(dataRows(v, header, { maxRows: 1 }), textCell).map(([rows, title]): DataArgs => ({
      layout: 'title',
      data: [[title, ...header.slice(1).map(() => null)], header.map(() => null), header, ...rows],
      headers: null,
    })),
  );
  const pairs = pairsData(v).map((data): DataArgs => ({ layout: 'pairs', data, headers: null }));
  const ledger = ledgerData(v).map((data): DataArgs => ({ layout: 'ledger', data, headers: null }));
  const random = fc.tuple(anyMatrix(), fc.option(anyMatrix(), { nil: null })).map(([data, headers]): DataArgs => ({ layout: 'random', data, headers }));
  const single = fc.tuple(excelCell, fc.option(excelCell, { nil: null })).map(([data, headers]): DataArgs => ({ layout: 'scalar', data, headers }));
  return fc.oneof(
    { weight: 5, arbitrary: rowsInRange },
    { weight: 2, arbitrary: batch },
    { weight: 4, arbitrary: separate },
    { weight: 1, arbitrary: titled },
    { weight: 3, arbitrary: pairs },
    { weight: 2, arbitrary: ledger },
    { weight: 2, arbitrary: random },
    { weight: 1, arbitrary: single },
  );
}

// -------------------------------------------------------------------------------------------------
// Ruleset tables and ruleset arguments
// -------------------------------------------------------------------------------------------------

const pristineTables = new Map<string, ExcelMatrix>();

/** rulesetToTable of a built-in (a fresh deep copy each call). */
export function builtInTable(id: string): ExcelMatrix {
  let table = pristineTables.get(id);
  if (!table) {
    table = rulesetToTable(builtInRuleset(id).spec) as ExcelMatrix;
    pristineTables.set(id, table);
  }
  return table.map((row) => [...row]);
}

export type Mutation =
  | { op: 'set'; row: number; col: number; cell: ExcelValue }
  | { op: 'number'; row: number; col: number; value: ExcelValue }
  | { op: 'drop'; row: number }
  | { op: 'duplicate'; row: number; at: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'truncate'; row: number; keep: number }
  | { op: 'extend'; row: number; cells: ExcelValue[] }
  | { op: 'shuffleColumns'; keys: number[] }
  | { op: 'dropColumn'; col: number }
  | { op: 'header'; col: number; cell: ExcelValue }
  | { op: 'blankRow'; at: number };

const NUMBER_FIELDS = new Set(TABLE_FIELDS.filter((field) => field.type === 'number' || field.type === 'default' || field.type === 'value').map((field) => field.zh));
const ENUM_WORDS = ['是否', '计数', '评分', '扣减', '排名', '比率', 'flag', 'count', 'judged', 'deduct', 'rank', 'rate', '得分', '加分', '扣分', 'score', 'bonus', 'deduction', '满分', '未评分', 'full', 'unscored', '条目', '组', '总计', '等次', '等级', '阈值', '校验', '圈层', '单位', '规则集', 'tier', 'all', 'criticized', 'bonusCap', 'deductionCap', 'deductionWithinBonus', 'scoreMin', 'scoreMax', 'openItems', 'levelScope', 'downgrade', 'pendingLabel', 'sumAtMost'];
const HEADER_WORDS = TABLE_FIELDS.flatMap((field) => [field.zh, field.field]);

/** A value for a numeric column: extremes, decimals, negative, text, empty. */
export const tableNumber: fc.Arbitrary<ExcelValue> = fc.oneof(
  { weight: 3, arbitrary: numberCell },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 120 }) },
  { weight: 1, arbitrary: numericText },
  { weight: 1, arbitrary: fc.constantFrom<ExcelValue>(0, 1e8, 99_999_999, 1e-7, 1e-9, 0.0000001, 0.000001, -0, null, '', '满分', '未评分', '是', '否') },
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), row: fc.nat(), col: fc.nat(), cell: fc.oneof(excelCell, fc.constantFrom<ExcelValue>(...ENUM_WORDS)) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('number' as const), row: fc.nat(), col: fc.nat(), value: tableNumber }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('drop' as const), row: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), row: fc.nat(), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), row: fc.nat(), keep: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('extend' as const), row: fc.nat(), cells: fc.array(excelCell, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('shuffleColumns' as const), keys: fc.array(fc.nat(), { minLength: 1, maxLength: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropColumn' as const), col: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('header' as const), col: fc.nat(), cell: fc.oneof(fc.constantFrom<ExcelValue>(...HEADER_WORDS), excelCell) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('blankRow' as const), at: fc.nat() }) },
);

/** Applies mutations to a copy of the table; indices wrap around the current size. */
export function applyMutations(table: ExcelMatrix, mutations: readonly Mutation[]): ExcelMatrix {
  let t = table.map((row) => [...row]);
  const width = () => Math.max(1, ...t.map((row) => row.length));
  for (const m of mutations) {
    const rows = t.length;
    switch (m.op) {
      case 'set':
      case 'number': {
        if (rows === 0) break;
        const row = t[m.row % rows];
        // 'number' aims at a column holding numbers (分值, 上限, 最小值 …) and a record row.
        let col = m.col % width();
        if (m.op === 'number') {
          const numeric = (t[0] ?? []).map((cell, c) => (typeof cell === 'string' && NUMBER_FIELDS.has(cell) ? c : -1)).filter((c) => c >= 0);
          if (numeric.length > 0) col = numeric[m.col % numeric.length];
        }
        while (row.length <= col) row.push(null);
        row[col] = m.op === 'set' ? m.cell : m.value;
        break;
      }
      case 'drop':
        if (rows > 0) t.splice(m.row % rows, 1);
        break;
      case 'duplicate':
        if (rows > 0) t.splice(m.at % (rows + 1), 0, [...t[m.row % rows]]);
        break;
      case 'swap':
        if (rows > 0) {
          const a = m.a % rows;
          const b = m.b % rows;
          [t[a], t[b]] = [t[b], t[a]];
        }
        break;
      case 'truncate':
        if (rows > 0) {
          const row = t[m.row % rows];
          row.length = m.keep % (row.length + 1);
        }
        break;
      case 'extend':
        if (rows > 0) t[m.row % rows].push(...m.cells);
        break;
      case 'shuffleColumns': {
        const w = width();
        const order = Array.from({ length: w }, (_, c) => c).sort((a, b) => (m.keys[a % m.keys.length] ?? 0) - (m.keys[b % m.keys.length] ?? 0) || a - b);
        t = t.map((row) => order.map((c) => (c < row.length ? row[c] : null)));
        break;
      }
      case 'dropColumn': {
        const c = m.col % width();
        t = t.map((row) => row.filter((_, i) => i !== c));
        break;
      }
      case 'header':
        if (rows > 0) {
          const c = m.col % width();
          while (t[0].length <= c) t[0].push(null);
          t[0][c] = m.cell;
        }
        break;
      case 'blankRow':
        t.splice(m.at % (rows + 1), 0, Array.from({ length: width() }, () => null));
        break;
    }
  }
  return t;
}

export interface MutatedTable {
  id: string;
  mutations: Mutation[];
  table: ExcelMatrix;
}

/** A built-in table with 1–6 (or, rarely, up to 30) mutations. */
export function mutatedTable(id?: string): fc.Arbitrary<MutatedTable> {
  return fc
    .tuple(id === undefined ? builtInId : fc.constant(id), fc.oneof({ weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 6 }) }, { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 30 }) }))
    .map(([tableId, mutations]) => ({ id: tableId, mutations, table: applyMutations(builtInTable(tableId), mutations) }));
}

/** Only numeric cells changed: the table usually still compiles, with extreme numbers in it. */
export function numericMutatedTable(id?: string): fc.Arbitrary<MutatedTable> {
  const numberOnly = fc.record({ op: fc.constant('number' as const), row: fc.nat(), col: fc.nat(), value: tableNumber });
  return fc
    .tuple(id === undefined ? builtInId : fc.constant(id), fc.array(numberOnly, { minLength: 1, maxLength: 4 }))
    .map(([tableId, mutations]) => ({ id: tableId, mutations, table: applyMutations(builtInTable(tableId), mutations) }));
}

/** Label for a ruleset argument in reports. */
export interface RulesetArg {
  kind: 'id' | 'id-text' | 'unknown-id' | 'table' | 'mutated' | 'numeric-mutated' | 'random';
  /** The built-in the data vocabulary comes from. */
  vocabulary: string;
  value: ExcelMatrix | ExcelValue;
}

/** A ruleset argument for data written against built-in `id`. */
export function rulesetArg(id: string): fc.Arbitrary<RulesetArg> {
  const other = builtInId;
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<ExcelMatrix>([[id]], [[id.toUpperCase()]], [[` ${id} `]]).map((value): RulesetArg => ({ kind: 'id', vocabulary: id, value })) },
    { weight: 1, arbitrary: fc.constant<RulesetArg>({ kind: 'id-text', vocabulary: id, value: id }) },
    { weight: 1, arbitrary: other.map((o): RulesetArg => ({ kind: 'id', vocabulary: id, value: [[o]] })) },
    { weight: 1, arbitrary: fc.oneof(excelCell, fc.constantFrom<ExcelValue>('nonexistent', `${id}x`, 'CHENGDU 2006', '成都2006', '__proto__', 'constructor', 'toString', 'hasOwnProperty')).map((cell): RulesetArg => ({ kind: 'unknown-id', vocabulary: id, value: [[cell]] })) },
    { weight: 2, arbitrary: fc.constant(null).map((): RulesetArg => ({ kind: 'table', vocabulary: id, value: builtInTable(id) })) },
    { weight: 4, arbitrary: mutatedTable(id).map((m): RulesetArg => ({ kind: 'mutated', vocabulary: id, value: m.table })) },
    { weight: 3, arbitrary: numericMutatedTable(id).map((m): RulesetArg => ({ kind: 'numeric-mutated', vocabulary: id, value: m.table })) },
    { weight: 1, arbitrary: anyMatrix().map((value): RulesetArg => ({ kind: 'random', vocabulary: id, value })) },
  );
}

/** A column of scores for LEVEL: plausible scores with ties, and junk. */
export const scoreCell: fc.Arbitrary<ExcelValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1200 }).map((n) => n / 10) },
  { weight: 2, arbitrary: fc.constantFrom<ExcelValue>(80, 85, 90, 90, 95, 100, 60, null, '', '９０', ' 88.5 ', '-0') },
  { weight: 2, arbitrary: excelCell },
);

// -------------------------------------------------------------------------------------------------
// One unit under two spellings, and 圈层 cells that contradict the ruleset (issue 19.1, 19.2)
// -------------------------------------------------------------------------------------------------

/** Invisible, bidi and joiner characters a copy-paste leaves in a name. */
export const INVISIBLE_CHARS = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C', '\u180E', '\u034F', '\uFE0F', '\u3164'];
/** Simplified → Traditional for characters of unit names (the reverse of what the reader folds). */
const TO_TRADITIONAL: Readonly<Record<string, string>> = { 区: '區', 县: '縣', 镇: '鎮', 乡: '鄉', 关: '關', 锦: '錦', 华: '華', 龙: '龍', 驿: '驛', 温: '溫', 双: '雙', 崃: '崍', 门: '門', 桥: '橋', 东: '東', 阳: '陽', 兴: '興', 长: '長', 开: '開' };

/** A unit's name written another way: an alias the ruleset lists, Traditional script, invisible characters, spaces, full width. */
export function respelled(v: Vocabulary, name: string): fc.Arbitrary<string> {
  const listed = v.rs.spec.units.find((unit) => unit.label === name);
  const aliases = listed?.aliases ? listed.aliases.split(/[、,，;；]/).filter((alias) => alias !== '' && alias !== name) : [];
  const step = fc.oneof(
    fc.tuple(fc.constantFrom(...INVISIBLE_CHARS), fc.nat()).map(([ch, at]) => (text: string) => {
      const points = [...text];
      const i = at % (points.length + 1);
      return [...points.slice(0, i), ch, ...points.slice(i)].join('');
    }),
    fc.constant((text: string) => [...text].map((ch) => TO_TRADITIONAL[ch] ?? ch).join('')),
    fc.tuple(fc.constantFrom(' ', '\u3000', '\u00A0'), fc.nat()).map(([space, at]) => (text: string) => {
      const points = [...text];
      const i = at % (points.length + 1);
      return [...points.slice(0, i), space, ...points.slice(i)].join('');
    }),
    fc.constant((text: string) => toFullWidth(text)),
  );
  const start = aliases.length > 0 ? fc.oneof(fc.constant(name), fc.constantFrom(...aliases)) : fc.constant(name);
  return fc
    .tuple(start, fc.array(step, { minLength: 1, maxLength: 3 }))
    .map(([first, steps]) => steps.reduce((text, apply) => apply(text), first))
    .filter((text) => text !== name);
}

export interface IdentityCase {
  id: string;
  /** The table before the change: a header and one row per unit (distinct units). */
  base: ExcelValue[][];
  /** The same table with one change. */
  changed: ExcelValue[][];
  change:
    | { kind: 'duplicate'; row: number; of: string; spelling: string }
    | { kind: 'tier'; row: number; column: number; unit: string; tier: string; listed: string };
}

const OTHER_UNITS = ['甲镇', '乙乡', '丙街道', '城关镇', '石桥镇', '东城区', '开发区管委会', 'Dept A'];

/**
 * A table of distinct units (listed units of the ruleset and others, with 圈层 where the ruleset
 * has tiers), then either a row repeating one unit under another spelling (anywhere, with its own
 * values) or a listed unit's 圈层 cell set to another tier.
 */
export function identityCase(id?: string): fc.Arbitrary<IdentityCase> {
  // Rulesets with input items (tacheng2020's items come from the user's own table).
  const ids = BUILT_IN_IDS.filter((known) => vocabulary(known).inputs.length > 0);
  return (id === undefined ? fc.constantFrom(...ids) : fc.constant(id)).chain((rulesetId) => {
    const v = vocabulary(rulesetId);
    const names = [...new Set([...v.rs.spec.units.map((unit) => unit.label), ...OTHER_UNITS])];
    const tiered = v.rs.tiers.length > 0;
    const items = v.inputs.filter((item) => item.kind !== 'rank' || item.volume === null);
    return fc
      .record({
        units: fc.shuffledSubarray(names, { minLength: 2, maxLength: Math.min(9, names.length) }),
        columns: fc.shuffledSubarray(items, { minLength: 1, maxLength: Math.min(4, items.length) }),
        tierFor: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
        seed: fc.nat(),
      })
      .chain(({ units, columns, tierFor }) => {
        const header: ExcelValue[] = ['单位', ...(tiered ? ['圈层'] : []), ...columns.map((item) => item.code)];
        const tierOf = (unit: string, k: number): ExcelValue => {
          const listed = v.rs.spec.units.find((u) => u.label === unit)?.tier;
          if (listed !== undefined) return v.rs.tiers.find((t) => t.code === listed)?.label ?? listed;
          return v.rs.tiers[tierFor[k] % v.rs.tiers.length]?.label ?? null;
        };
        const row = (unit: string, k: number): fc.Arbitrary<ExcelValue[]> =>
          fc.tuple(...columns.map((item) => plausibleCell(item))).map((cells) => [unit, ...(tiered ? [tierOf(unit, k)] : []), ...cells]);
        const rows = fc.tuple(...units.map((unit, k) => row(unit, k)));
        const listedRows = units.map((unit, k) => ({ unit, k })).filter(({ unit }) => v.rs.spec.units.some((u) => u.label === unit && u.tier !== undefined));
        const duplicate = fc
          .tuple(rows, fc.nat(units.length - 1), fc.nat(units.length))
          .chain(([body, which, at]) =>
            fc.tuple(respelled(v, units[which]), row(units[which], which)).map(([spelling, cells]): IdentityCase => {
              const extra = [spelling, ...cells.slice(1)];
              const changed = [...body.slice(0, at), extra, ...body.slice(at)];
              return { id: rulesetId, base: [header, ...body], changed: [header, ...changed], change: { kind: 'duplicate', row: at + 1, of: units[which], spelling } };
            }),
          );
        if (!tiered || listedRows.length === 0) return duplicate;
        const tierNames = v.rs.tiers.flatMap((t) => [t.code, t.label, ...(t.aliases ? t.aliases.split(/[、,，;；]/) : [])].map((name) => ({ code: t.code, name })));
        const contradict = fc.tuple(rows, fc.constantFrom(...listedRows)).chain(([body, { unit, k }]) => {
          const listed = v.rs.spec.units.find((u) => u.label === unit)?.tier ?? '';
          const others = tierNames.filter((t) => t.code !== listed);
          return fc.constantFrom(...others).map(({ name }): IdentityCase => {
            const changed = body.map((r) => [...r]);
            changed[k][1] = name;
            return { id: rulesetId, base: [header, ...body], changed: [header, ...changed], change: { kind: 'tier', row: k + 1, column: 1, unit, tier: name, listed } };
          });
        });
        return fc.oneof(duplicate, contradict);
      });
  });
}
