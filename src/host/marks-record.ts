/**
 * The marks' undo record, one format and one place for both hosts, so a workbook marked in Excel
 * clears in WPS 表格 and back (issue 20.10).
 *
 * Where: a very hidden sheet, MARKS_SHEET, column A from A1 down, the record's JSON text cut into
 * chunks of MARKS_RECORD_CHUNK characters (a cell holds 32,767; workbook names and document
 * properties hold 255, too few). Both hosts can read and write it: ET through Worksheets and
 * Range.Value2 (a sheet's Visible = xlSheetVeryHidden, 2); Office.js through
 * `worksheets.getItemOrNullObject` and `Range.values` (`Worksheet.visibility = "VeryHidden"`,
 * ExcelApi 1.1). Office.js workbook settings are not that place: they live in the add-in's web
 * extension part of the file, which WPS's ET object model does not expose.
 *
 * What: `{"assess":"marks","version":1,"cells":[…]}`, one entry per marked cell with the state it
 * had before its first mark, in Excel's words (Office.js `CellPropertiesFill`: "#RRGGBB" colours,
 * fill pattern names), and, where a mark added a note, the hash of that note (noteHash), so that
 * clearing deletes that note and no other. Earlier records still decode: a bare array of Office
 * entries (the workbook setting `assess.marks` of earlier versions) and a bare array of ET entries
 * (BGR longs, XlPattern numbers, `noted: true`).
 */
import * as v from 'valibot';
import { AssessError } from '../core/errors';

export const MARKS_SHEET = 'ASSESS_marks';
export const MARKS_RECORD_CHUNK = 30_000;
export const MARKS_RECORD_VERSION = 1;
/** `noted` of an entry from an earlier ET record: a note was added, its text was not kept. */
export const ANY_NOTE = '*';

/** A cell's fill before its first mark, as Office.js `getCellProperties` gives `format.fill`. */
export interface MarkedFill {
  /** Office.js FillPattern name ("None", "Solid", "Gray50" …); absent: no fill. */
  pattern?: string;
  /** "#RRGGBB". */
  color?: string;
  patternColor?: string;
  /* Office.js may give more (tintAndShade …): decoding keeps them as they are. */
}

export interface MarkedCell {
  sheet: string;
  /** A1 on that sheet. */
  cell: string;
  fill: MarkedFill;
  /** noteHash of the note the mark added, ANY_NOTE for an earlier ET record; absent: no note added. */
  noted?: string;
}

/**
 * A short hash of a note (FNV-1a, 32 bits, 8 hex digits) of its UTF-8 bytes: the record keeps it
 * rather than the note, so it stays small, and clearing deletes the notes whose text has it.
 */
export function noteHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * XlPattern (et-jsapi-declare lib.et.d.ts `enum XlPattern`; Excel VBA's) ↔ Office.js FillPattern
 * names (@types/office-js `Excel.FillPattern`).
 */
const PATTERNS: ReadonlyArray<readonly [number, string]> = [
  [-4142, 'None'],
  [1, 'Solid'],
  [-4125, 'Gray50'],
  [-4126, 'Gray75'],
  [-4124, 'Gray25'],
  [-4128, 'Horizontal'],
  [-4166, 'Vertical'],
  [-4121, 'Down'],
  [-4162, 'Up'],
  [9, 'Checker'],
  [10, 'SemiGray75'],
  [11, 'LightHorizontal'],
  [12, 'LightVertical'],
  [13, 'LightDown'],
  [14, 'LightUp'],
  [15, 'Grid'],
  [16, 'CrissCross'],
  [17, 'Gray16'],
  [18, 'Gray8'],
  [4000, 'LinearGradient'],
  [4001, 'RectangularGradient'],
];

/** The Office.js name of an XlPattern number; null for one it has none for. */
export function patternName(xlPattern: number): string | null {
  return PATTERNS.find(([number]) => number === xlPattern)?.[1] ?? null;
}

/** The XlPattern number of an Office.js pattern name (any case); null for one it has none for. */
export function patternNumber(name: string): number | null {
  return PATTERNS.find(([, known]) => known.toLowerCase() === name.toLowerCase())?.[0] ?? null;
}

/** A BGR long (ET's Interior.Color) → "#RRGGBB". */
export function bgrToHex(bgr: number): string {
  const n = Math.trunc(bgr) & 0xffffff;
  return `#${[n & 255, (n >> 8) & 255, (n >> 16) & 255].map((part) => part.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}

/** "#RRGGBB" → a BGR long; null for any other text. */
export function hexToBgr(color: string): number | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return match ? parseInt(match[1], 16) + parseInt(match[2], 16) * 256 + parseInt(match[3], 16) * 65536 : null;
}

const OfficeEntry = v.object({
  sheet: v.string(),
  cell: v.string(),
  fill: v.looseObject({ pattern: v.optional(v.string()), color: v.optional(v.string()), patternColor: v.optional(v.string()) }),
  noted: v.optional(v.string()),
});
const EtEntry = v.object({ sheet: v.string(), cell: v.string(), pattern: v.number(), color: v.number(), patternColor: v.number(), noted: v.boolean() });
const RecordSchema = v.object({ assess: v.literal('marks'), version: v.literal(MARKS_RECORD_VERSION), cells: v.array(OfficeEntry) });
const Earlier = v.array(v.union([OfficeEntry, EtEntry]));

function fromEt(entry: v.InferOutput<typeof EtEntry>): MarkedCell {
  const fill: MarkedFill = { pattern: patternName(entry.pattern) ?? 'Solid', color: bgrToHex(entry.color), patternColor: bgrToHex(entry.patternColor) };
  return { sheet: entry.sheet, cell: entry.cell, fill, ...(entry.noted ? { noted: ANY_NOTE } : {}) };
}

/** The record's text in cells of column A (A1 first); an empty record is one cell. */
export function encodeMarksRecord(cells: readonly MarkedCell[]): string[] {
  const text = JSON.stringify({ assess: 'marks', version: MARKS_RECORD_VERSION, cells });
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += MARKS_RECORD_CHUNK) chunks.push(text.slice(at, at + MARKS_RECORD_CHUNK));
  return chunks;
}

/**
 * The entries of a record read from column A (cells in order; empty cells end nothing, they are
 * skipped) or of one earlier text (the setting). `where` names the place in the error: "工作表
 * ASSESS_marks" / "sheet ASSESS_marks". No text at all: no marks.
 */
export function decodeMarksRecord(parts: readonly unknown[], where: { zh: string; en: string }): MarkedCell[] {
  const text = parts.map((part) => (part === null || part === undefined ? '' : String(part))).join('');
  if (text.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const current = v.safeParse(RecordSchema, data);
  if (current.success) return current.output.cells;
  const earlier = v.safeParse(Earlier, data);
  if (earlier.success) return earlier.output.map((entry) => ('fill' in entry ? entry : fromEt(entry)));
  const version = typeof data === 'object' && data !== null && 'version' in data ? String((data as { version: unknown }).version) : null;
  if (version !== null && version !== String(MARKS_RECORD_VERSION)) {
    throw new AssessError({
      kind: 'layout',
      zh: `标记记录（${where.zh}）为第 ${version} 版，本加载项只能读取第 ${MARKS_RECORD_VERSION} 版：请用新版加载项清除标记`,
      en: `the marks record (${where.en}) is version ${version}; this add-in reads version ${MARKS_RECORD_VERSION}: clear the marks with the newer add-in`,
    });
  }
  throw new AssessError({ kind: 'layout', zh: `标记记录（${where.zh}）已损坏，无法恢复原格式`, en: `the marks record (${where.en}) is damaged; the cells' previous format cannot be restored` });
}

/** Where the record is, for messages. */
export const MARKS_SHEET_WHERE = { zh: `工作表 ${MARKS_SHEET}`, en: `sheet ${MARKS_SHEET}` } as const;
