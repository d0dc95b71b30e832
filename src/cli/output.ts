/** Shaping batch results for the CLI: JSON, an aligned table, or CSV, each written piece by piece; text made safe for a terminal. */
import stringWidth from 'string-width';
import type { BatchResult, Finding, UnitResult } from '../core/result';
import { findingSubject, simplifiedClauses, simplifiedLabel } from '../core/text';
import { namedMessage, namedSubject } from '../core/worded';

export interface UnitSummary {
  unit: string;
  tier: string | null;
  score: number;
  bonus: number;
  deduction: number;
  rank: number | null;
  grade: string | null;
  level: string | null;
  result: number | null;
  reward: number | null;
  flags: string[];
  items: Record<string, number>;
}

/** Flags: thresholds reached, then findings that need a clerk's attention (warnings). */
export function unitFlags(unit: UnitResult): string[] {
  const seen = new Set<string>();
  const flags: string[] = unit.thresholds.slice();
  for (const finding of unit.findings) {
    if (finding.severity !== 'warning' || seen.has(finding.zh)) continue;
    seen.add(finding.zh);
    flags.push(`${simplifiedClauses(finding.zh)}（${simplifiedLabel(finding.clause)}）`);
  }
  return flags;
}

export function summarize(batch: BatchResult, hasLevels: boolean): { ruleset: string; units: UnitSummary[] } {
  return {
    ruleset: batch.ruleset,
    units: batch.units.map((unit) => ({
      unit: unit.unit,
      tier: unit.tier,
      score: unit.score,
      bonus: unit.bonus,
      deduction: unit.deduction,
      rank: unit.rank,
      grade: unit.grade,
      level: hasLevels ? unit.level : null,
      result: unit.result,
      reward: unit.reward,
      flags: unitFlags(unit),
      items: Object.fromEntries(unit.items.filter((item) => item.input !== '' || item.points !== 0).map((item) => [item.code, item.points])),
    })),
  };
}

/** A column of the table and the CSV; `number` columns hold numbers (or nothing), never text. */
const COLUMNS: Array<{ zh: string; en: string; number?: true; get: (u: UnitSummary) => string }> = [
  { zh: '单位', en: 'unit', get: (u) => u.unit },
  { zh: '得分', en: 'score', number: true, get: (u) => String(u.score) },
  { zh: '名次', en: 'rank', number: true, get: (u) => (u.rank === null ? '' : String(u.rank)) },
  { zh: '等次', en: 'grade', get: (u) => u.grade ?? '' },
  { zh: '等级', en: 'level', get: (u) => u.level ?? '' },
  { zh: '奖励(元)', en: 'reward', number: true, get: (u) => (u.reward === null ? '' : String(u.reward)) },
  { zh: '提示', en: 'flags', get: (u) => u.flags.join('；') },
];

/**
 * A text field of a CSV. One a spreadsheet would take for a formula (starting with = + - @, tab
 * or CR: OWASP's CSV injection list) gets a leading ' and quotes, so it opens as text; a field
 * with a quote, comma or line break is quoted.
 */
export function csvText(text: string): string {
  if (/^[=+\-@\t\r]/.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * What a CSV file does not keep (issue 19): C0 controls but tab and line breaks (ESC starts a
 * terminal escape when the file is printed; Excel shows them as boxes at best), DEL, C1 controls
 * (CSI, OSC …), lone surrogates (UTF-8 has no bytes for them). Each becomes U+FFFD. Bidi marks stay:
 * they are text, which a spreadsheet shows as Unicode says.
 */
const CSV_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/gu;

/** Where the CSV goes: a terminal gets what the table gets (printable), a file keeps its text but for CSV_UNSAFE. */
export interface CsvTarget {
  terminal: boolean;
  /** Told of each unit with characters replaced in a file, and how many. */
  replaced?: (unit: string, count: number) => void;
}

/** The CSV, line by line (without line ends): numbers stay plain numbers, text is made safe. */
export function* csvLines(units: readonly UnitSummary[], target: CsvTarget = { terminal: false }): Generator<string> {
  yield COLUMNS.map((c) => c.zh).join(',');
  for (const u of units) {
    let count = 0;
    const clean = (text: string): string => {
      if (target.terminal) return printable(text);
      return text.replace(CSV_UNSAFE, () => {
        count++;
        return '\ufffd';
      });
    };
    yield COLUMNS.map((c) => (c.number ? c.get(u) : csvText(clean(c.get(u))))).join(',');
    if (count > 0) target.replaced?.(u.unit, count);
  }
}

/** The JSON of a summary in pieces, the same text as JSON.stringify(summary, null, 2) + '\n'. */
export function* jsonChunks(summary: { ruleset: string; units: readonly UnitSummary[] }): Generator<string> {
  if (summary.units.length === 0) {
    yield JSON.stringify(summary, null, 2) + '\n';
    return;
  }
  yield `{\n  "ruleset": ${JSON.stringify(summary.ruleset)},\n  "units": [\n`;
  for (let i = 0; i < summary.units.length; i++) {
    yield `    ${JSON.stringify(summary.units[i], null, 2).replace(/\n/g, '\n    ')}${i < summary.units.length - 1 ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}

/**
 * What a terminal must not be sent raw, each shown as U+FFFD: C0 controls (ESC starts escape
 * sequences), DEL, C1 controls (CSI, OSC …), bidi embedding, override and isolate marks (they
 * reorder what follows), lone surrogates. Tab and line breaks become spaces, or stay (`keepLines`).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
const CONTROL_ALL = new RegExp(CONTROL.source, 'gu');

export function printable(text: string, keepLines = false): string {
  const spaced = keepLines ? text : text.replace(/[\t\n\r]/g, ' ');
  return CONTROL.test(spaced) ? spaced.replace(CONTROL_ALL, '\ufffd') : spaced;
}

/**
 * BMP characters string-width gives two columns each, in blocks where every character does (checked
 * code point by code point against string-width; test/cli/output-width.test.ts keeps it so): CJK
 * punctuation and the ideographic space, kana, CJK ideographs (Extension A and the unified block),
 * Yi, Hangul syllables, compatibility ideographs, full-width forms. A character of these blocks is
 * its own grapheme unless a mark or joiner follows it — and those are not in the blocks, so a
 * string of these and printable ASCII is as wide as the sum of its characters.
 */
function isWide(code: number): boolean {
  if (code < 0x3000) return false;
  if (code <= 0xa48c) return code <= 0x3029 || (code >= 0x3041 && code <= 0x3096) || (code >= 0x309b && code <= 0x30ff) || code >= 0x3250;
  return (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff01 && code <= 0xff60);
}

/** Display width of one character (a code point): East Asian wide characters take two columns, marks none. ASCII and the wide blocks are decided without string-width, for speed. */
function charWidth(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 0x20 && code < 0x7f) return 1;
  if (ch.length === 1 && isWide(code)) return 2;
  return CONTROL.test(ch) ? 1 : stringWidth(ch); // a control character is shown as U+FFFD, one column
}

/**
 * Display width in a terminal (string-width: East Asian Width, emoji, combining marks). Text of
 * printable ASCII and the wide blocks (isWide: Chinese names and words) is counted here, 1 and 2
 * columns a character — string-width's answer, without its grapheme and emoji work per cell.
 */
export function width(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) w += 1;
    else if (isWide(code)) w += 2;
    else {
      const alone = aloneWidth(code);
      if (alone < 0) return stringWidth(text);
      w += alone;
    }
  }
  return w;
}

/**
 * string-width of a character from the blocks of symbols found in 计算说明 and clause text (Latin-1
 * · × ÷, general punctuation — ‰ …, letterlike and number forms, arrows, mathematical operators − ≤ ≥,
 * box drawing and geometric shapes ○ ●), each its own grapheme there (no mark, joiner or format
 * character), cached per code; −1 for any other character, which may join its neighbours into one
 * grapheme (marks, Thai and Indic vowel signs, Hangul jamo, ZWJ, variation selectors, CR LF …): only
 * the whole string's string-width is right for those.
 */
const aloneWidths = new Map<number, number>();
const JOINS = /[\p{M}\p{Cc}\p{Cf}]/u;
function aloneWidth(code: number): number {
  const symbols = (code >= 0xa0 && code <= 0x2ff) || (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205e) || (code >= 0x2100 && code <= 0x23ff) || (code >= 0x2500 && code <= 0x25ff);
  if (!symbols) return -1;
  let known = aloneWidths.get(code);
  if (known === undefined) {
    const ch = String.fromCharCode(code);
    known = JOINS.test(ch) ? -1 : stringWidth(ch);
    aloneWidths.set(code, known);
  }
  return known;
}

/**
 * Text for the terminal: printable, and at most `max` columns, ending in "…" when cut. Reads no
 * further into the text than it shows, however long the text.
 */
export function fit(text: string, max: number): string {
  let w = 0;
  let end = 0; // end of the part that fits in max − 1 columns (room for "…")
  let i = 0;
  for (const ch of text) {
    w += charWidth(ch);
    if (w > max) return `${printable(text.slice(0, end))}…`;
    i += ch.length;
    if (w <= max - 1) end = i;
  }
  return printable(text);
}

/** Widest a cell is shown in the table (display columns); the unit's name and 提示 get more room. */
export const CELL_WIDTH = 40;
const UNIT_WIDTH = 60;
const FLAGS_WIDTH = 120;
const widthOf = (column: number) => (column === 0 ? UNIT_WIDTH : column === COLUMNS.length - 1 ? FLAGS_WIDTH : CELL_WIDTH);

/** Which of the optional columns a ruleset fills: a table leaves out 等次, 等级 or 奖励 where the ruleset has none. */
export interface TableColumns {
  grades: boolean;
  levels: boolean;
  rewards: boolean;
}

const ALL_COLUMNS: TableColumns = { grades: true, levels: true, rewards: true };

/**
 * The table, line by line (without line ends): columns as wide as their widest (capped) cell, in
 * display width; a column the ruleset never fills is not printed. Full texts are in the JSON, the
 * CSV (which keeps every column, for programs) and the scorecard.
 */
export function* tableLines(units: readonly UnitSummary[], shown: TableColumns = ALL_COLUMNS): Generator<string> {
  const hidden = new Set<string>([...(shown.grades ? [] : ['grade']), ...(shown.levels ? [] : ['level']), ...(shown.rewards ? [] : ['reward'])]);
  const columns = COLUMNS.map((column, index) => ({ column, index })).filter(({ column }) => !hidden.has(column.en));
  const widths = columns.map(({ column }) => width(column.zh));
  const rows: string[][] = new Array<string[]>(units.length);
  for (let r = 0; r < units.length; r++) {
    const row = columns.map(({ column, index }) => fit(column.get(units[r]), widthOf(index)));
    for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], width(row[i]));
    rows[r] = row;
  }
  const line = (row: readonly string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell)))).join('  ').trimEnd();
  yield line(columns.map(({ column }) => column.zh));
  for (const row of rows) yield line(row);
}

/** Widest a line of `check` is shown, and the unit's name in it. */
const LINE_WIDTH = 1000;

/**
 * A line of `check`: 错误 (an invalid cell), 问题 (a warning) or 提示, the unit, what the finding is about — the item's code
 * when it is about an item or a group, else the kind of finding in Chinese, never an
 * internal code such as `level` — the cell, the message and [clause：quote]. Clause labels in
 * Simplified script, the quote verbatim.
 */
export function findingLine(unit: string, finding: Finding, names: ReadonlyMap<string, string> = new Map()): string {
  const kind = finding.severity === 'error' ? '错误' : finding.severity === 'warning' ? '问题' : '提示';
  // An item or group by its label (names: codeNames of the ruleset), not its code (issue 22.4).
  const about = namedSubject(finding, names);
  return fit(`${kind}  ${fit(unit, UNIT_WIDTH) || '-'}  ${about}${finding.where ? `  ${finding.where}` : ''}  ${simplifiedClauses(namedMessage(finding, names))}  [${simplifiedLabel(finding.clause)}：${finding.quote}]`, LINE_WIDTH);
}

export function thresholdLine(unit: string, label: string): string {
  return fit(`阈值  ${fit(unit, UNIT_WIDTH)}  ${label}`, LINE_WIDTH);
}

/** One finding of `check --format json`. */
export interface CheckJsonFinding {
  severity: string;
  unit: string;
  sheet: string | null;
  cell: string | null;
  /**
   * The finding's code as before (an item or group code; for findings about a unit or its level the
   * program's own word, `unit`, `level`; `threshold` for a threshold): kept for existing readers.
   * A clerk's word is `subject`.
   */
  item: string;
  /** The kind of finding (cap, claim, not-scored, threshold …): a machine field, English by design. */
  kind: string;
  /** What the finding is about as a clerk reads it: the item's or group's label, or a word (加分, 等级评定, 阈值 …). */
  subject: string;
  subjectEn: string;
  found: unknown;
  expected: unknown;
  zh: string;
  en: string;
  clause: string;
}

/**
 * `check --format json` as pieces of text, one finding at a time: the same text as
 * JSON.stringify({ ruleset, findings }, null, 1) + a line end, never one string for the whole report.
 */
export function* checkJsonChunks(ruleset: string, findings: readonly CheckJsonFinding[]): Generator<string> {
  if (findings.length === 0) {
    yield `${JSON.stringify({ ruleset, findings }, null, 1)}\n`;
    return;
  }
  yield `{\n "ruleset": ${JSON.stringify(ruleset)},\n "findings": [\n`;
  for (let i = 0; i < findings.length; i++) {
    yield `  ${JSON.stringify(findings[i], null, 1).replace(/\n/g, '\n  ')}${i < findings.length - 1 ? ',' : ''}\n`;
  }
  yield ' ]\n}\n';
}

/** The findings of `check --format json`: thresholds first, then each unit's findings; `cellOf` gives a finding's A1 address. */
export function checkJsonFindings(batch: BatchResult, sheet: string | undefined, cellOf: (where: string | undefined) => string, names: ReadonlyMap<string, string> = new Map()): CheckJsonFinding[] {
  return batch.units.flatMap((unit) => [
    ...unit.thresholds.map((label) => ({ severity: 'warning', unit: unit.unit, sheet: sheet ?? null, cell: null, item: 'threshold', kind: 'threshold', subject: '阈值', subjectEn: 'threshold', found: null, expected: null, zh: label, en: label, clause: '' })),
    ...unit.findings.map((finding) => ({
      severity: finding.severity,
      unit: unit.unit,
      sheet: finding.sheet ?? sheet ?? null,
      cell: cellOf(finding.where) || null,
      item: finding.code,
      kind: finding.kind,
      subject: namedSubject(finding, names),
      subjectEn: findingSubject(finding, 'en'),
      found: finding.found ?? null,
      expected: finding.expected === undefined ? null : finding.expected,
      zh: namedMessage(finding, names),
      en: finding.en,
      clause: finding.clause,
    })),
  ]);
}
