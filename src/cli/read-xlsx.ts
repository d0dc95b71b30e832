/**
 * Reading one sheet of an .xlsx for the CLI as the 2-D array the core reads. The zip is read
 * through its central directory and only the parts the sheet needs are inflated (package and
 * workbook relationships, workbook.xml, styles.xml for date formats, the shared strings, the
 * sheet), each as a stream within the limits of read-limits.ts; the sheet's cells go straight
 * into a sparse table (read-table.ts), so the cost follows the cells present, not the extent the
 * sheet claims. Every cell kind reads as its text or value: shared and inline strings (rich text
 * as its text, phonetic guides left out), numbers, dates (date-formatted numbers, as YYYY-MM-DD),
 * booleans, errors (#N/A …), and formulas (shared and array ones too) by their saved result; a
 * hyperlink is its cell's text. Number cells down to the header row read as displayed where a
 * fixed-decimal format shows them otherwise (3.1 formatted 0.00 is the header "3.10").
 */
import { posix } from 'node:path';
import { type Cell, isEmptyCell } from '../core/cells';
import { type MergedRange, headerRowIndex } from '../core/input';
import {
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  MAX_MERGES,
  MAX_MERGE_WORK,
  MAX_SHARED_STRINGS,
  MAX_SHARED_STRINGS_XML_BYTES,
  MAX_SHEET_XML_BYTES,
  MAX_SMALL_XML_BYTES,
} from './read-limits';
import { TableBuilder } from './read-table';
import { parseXml, type XmlHandlers } from './read-xml';
import { ZipArchive, notXlsx } from './read-zip';
import { UsageError } from './usage-error';
// A1 addresses from the one pure helper (not from ./xlsx, which would load exceljs for every read).
import { a1 } from '../excel/addresses';

export type { MergedRange } from '../core/input';

/** One sheet read: its cells, its name and its merged ranges (0-based, inclusive, within the table). */
export interface XlsxTable {
  table: Cell[][];
  sheet: string;
  merges: MergedRange[];
}

interface Relationship {
  type: string;
  target: string;
}

interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  part: string | undefined;
  kind: 'worksheet' | 'chartsheet' | 'other';
}

const SMALL = MAX_SMALL_XML_BYTES;

// ── Addresses ───────────────────────────────────────────────────────────────────────────────

/** "B3" → [row 2, column 1] (0-based); null when it is not a cell reference (1–3 letters, 1–7 digits, $ allowed). */
function parseAddress(ref: string): [number, number] | null {
  // By character codes: this runs once per cell, and a regex here was the reader's largest cost.
  const n = ref.length;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  const lettersFrom = i;
  let column = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  if (i === lettersFrom || i - lettersFrom > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (i === digitsFrom || i - digitsFrom > 7) return null;
  return [row - 1, column - 1];
}

function address(row: number, column: number): string {
  return a1(row, column);
}

// ── Text ────────────────────────────────────────────────────────────────────────────────────

/** OOXML writes characters XML cannot hold as _xHHHH_ (_x000D_ for a carriage return). */
function unescapeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/**
 * Collects the text of a string item (<si> in the shared strings, <is> in a cell): the <t> runs,
 * directly or in rich-text runs <r>, without phonetic guides <rPh>.
 */
class StringItem {
  private parts: string[] = [];
  private inText = false;
  private phonetic = 0;

  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  take(): string {
    const text = unescapeXstring(this.parts.length === 1 ? this.parts[0] : this.parts.join(''));
    this.parts = [];
    this.inText = false;
    this.phonetic = 0;
    return text;
  }
}

// ── Dates ───────────────────────────────────────────────────────────────────────────────────

/**
 * Built-in number formats that are dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58
 * in East Asian Excel (年月日 formats), which a Chinese workbook may use without writing the code.
 */
function builtInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A format code that shows a date or time: y m d h s (or b, Buddhist years) outside quotes, brackets and escapes. */
function dateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*]/g, '').replace(/\\.|_.|\*./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

/** A serial date as YYYY-MM-DD (as exceljs converts it: 1900 or 1904 date system). */
function serialDate(serial: number, date1904: boolean): string | null {
  if (!(serial >= 0 && serial < 2_958_466)) return null; // beyond 9999-12-31: Excel shows ####
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

// ── Package parts ───────────────────────────────────────────────────────────────────────────

function relsPartOf(part: string): string {
  const dir = posix.dirname(part);
  return posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(part)}.rels`);
}

/** A relationship target as a part name: relative to the source part's folder, or absolute from the package root. */
function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // not percent-encoded
  }
  const dir = posix.dirname(source);
  const joined = decoded.startsWith('/') ? decoded : posix.join(dir === '.' ? '' : dir, decoded);
  return posix.normalize(joined).replace(/^\/+/, '');
}

async function readRelationships(zip: ZipArchive, source: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const part = relsPartOf(source);
  if (!zip.has(part)) return rels;
  await parseXml(
    zip.bytes(part, SMALL, { zh: '关系部件', en: 'relationships part' }),
    {
      open(name, attributes) {
        if (name !== 'Relationship' || attributes.TargetMode === 'External' || !attributes.Id || !attributes.Target) return;
        rels.set(attributes.Id, { type: attributes.Type ?? '', target: resolveTarget(source, attributes.Target) });
      },
    },
    zip.file,
    part,
  );
  return rels;
}

function relationOfType(rels: Map<string, Relationship>, type: string): Relationship | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith(`/${type}`)) return rel;
  return undefined;
}

/** The workbook part, or a message saying what the zip is instead. */
async function findWorkbook(zip: ZipArchive): Promise<string> {
  const root = await readRelationships(zip, '');
  const main = relationOfType(root, 'officeDocument')?.target ?? 'xl/workbook.xml';
  if (zip.has(main) && main.toLowerCase().endsWith('.xml')) return main;
  const file = zip.file;
  if (zip.has('xl/workbook.bin') || main.toLowerCase().endsWith('.bin')) {
    throw notXlsx(file, '这是二进制工作簿（.xlsb）：请在 Excel 中另存为 .xlsx', 'it is a binary workbook (.xlsb): save it from Excel as .xlsx');
  }
  if (zip.has('content.xml') && zip.has('mimetype')) {
    throw notXlsx(file, '这是 OpenDocument 表格（.ods）：请另存为 .xlsx', 'it is an OpenDocument spreadsheet (.ods): save it as .xlsx');
  }
  if (zip.has('word/document.xml')) throw notXlsx(file, '这是 Word 文档，不是 Excel 工作簿', 'it is a Word document, not an Excel workbook');
  const names = zip.names();
  const shown = names.slice(0, 3).join('、') + (names.length > 3 ? ' …' : '');
  throw notXlsx(
    file,
    `压缩包中没有工作簿部件（xl/workbook.xml），只有 ${shown || '（空）'}：是改了扩展名的其他文件吗？`,
    `the zip holds no workbook part (xl/workbook.xml), only ${names.slice(0, 3).join(', ') + (names.length > 3 ? ' …' : '') || '(nothing)'}: another kind of file renamed .xlsx?`,
  );
}

async function readWorkbook(zip: ZipArchive, part: string): Promise<{ sheets: SheetEntry[]; date1904: boolean; rels: Map<string, Relationship> }> {
  const rels = await readRelationships(zip, part);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  await parseXml(
    zip.bytes(part, SMALL, { zh: '工作簿部件', en: 'workbook part' }),
    {
      open(name, attributes) {
        if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
        if (name !== 'sheet') return;
        const idKey = Object.keys(attributes).find((key) => key.endsWith(':id'));
        const rel = idKey ? rels.get(attributes[idKey]) : undefined;
        const type = rel?.type ?? '';
        const state = attributes.state === 'hidden' || attributes.state === 'veryHidden' ? attributes.state : 'visible';
        sheets.push({
          name: attributes.name ?? '',
          state,
          part: rel?.target,
          kind: type.endsWith('/worksheet') ? 'worksheet' : type.endsWith('/chartsheet') ? 'chartsheet' : 'other',
        });
      },
    },
    zip.file,
    part,
  );
  return { sheets, date1904, rels };
}

function sheetList(sheets: SheetEntry[]): { zh: string; en: string } {
  return {
    zh: sheets.map((s) => (s.state === 'visible' ? s.name : `${s.name}（隐藏）`)).join('、'),
    en: sheets.map((s) => (s.state === 'visible' ? s.name : `${s.name} (hidden)`)).join(', '),
  };
}

/** The sheet asked for by name (exactly, else ignoring case as Excel does), or the first visible worksheet. */
function chooseSheet(file: string, sheets: SheetEntry[], name: string | undefined): SheetEntry {
  const list = sheetList(sheets);
  if (name !== undefined) {
    const wanted = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!wanted) throw new UsageError(`${file} 中没有工作表「${name}」；有：${list.zh}`, `${file} has no sheet "${name}"; it has: ${list.en}`);
    if (wanted.kind !== 'worksheet') {
      throw new UsageError(`${file} 的「${wanted.name}」是图表或宏表，不是数据表；有：${list.zh}`, `"${wanted.name}" in ${file} is a chart or macro sheet, not a table; it has: ${list.en}`);
    }
    return wanted;
  }
  const first = sheets.find((s) => s.kind === 'worksheet' && s.state === 'visible');
  if (first) return first;
  if (sheets.some((s) => s.kind === 'worksheet')) {
    throw new UsageError(`${file} 的工作表都是隐藏的：请用 --sheet 指明要读的表；有：${list.zh}`, `every sheet of ${file} is hidden: name the one to read with --sheet; it has: ${list.en}`);
  }
  throw notXlsx(file, '工作簿中没有工作表', 'the workbook has no worksheet');
}

/** How a fixed-decimal number format shows a number: with sections, only positive numbers are shown by the first. */
interface Shown {
  format: Intl.NumberFormat;
  positiveOnly: boolean;
}

/** Per cell style (s="…"): whether its number format shows a date, and how it shows other numbers where it is a fixed-decimal format. */
interface Styles {
  dates: boolean[];
  shown: Array<Shown | null>;
}

/** Built-in number formats with fixed decimals: 1 0, 2 0.00, 3 #,##0, 4 #,##0.00 (0 is General). */
const BUILT_IN_FIXED: Partial<Record<number, string>> = { 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00' };

/**
 * How a format code shows a number, for the fixed-decimal codes (0, 0.00, #,##0.00, 0.0#, after
 * a [colour] or [$-locale]); null for General and everything else (text, percentages, fractions,
 * scaling, literals), where the number's own text is kept. Of several sections, the first only,
 * which shows positive numbers.
 */
function fixedFormat(code: string): Shown | null {
  const sections = code.split(';');
  const first = sections[0].replace(/^(?:\[[^\]]*\])+/, '');
  const match = /^([#0]+(?:,[#0]+)*)(?:\.(0*)(#*))?$/.exec(first);
  if (!match) return null;
  const min = match[2]?.length ?? 0;
  const max = min + (match[3]?.length ?? 0);
  if (max > 20) return null;
  // Excel rounds what it shows half away from zero (Intl's halfExpand, its default).
  const format = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: match[1].includes(',') });
  return { format, positiveOnly: sections.length > 1 };
}

async function readStyles(zip: ZipArchive, part: string | undefined): Promise<Styles> {
  const dates: boolean[] = [];
  const shown: Array<Shown | null> = [];
  if (!part || !zip.has(part)) return { dates, shown };
  const codes = new Map<number, string>();
  const formats = new Map<string, Shown | null>();
  let inCellXfs = false;
  await parseXml(
    zip.bytes(part, SMALL, { zh: '样式部件', en: 'styles part' }),
    {
      open(name, attributes) {
        if (name === 'numFmt' && attributes.numFmtId !== undefined) codes.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attributes.numFmtId ?? 0);
          const code = codes.get(id);
          const date = code !== undefined ? dateFormatCode(code) : builtInDateFormat(id);
          dates.push(date);
          const fixed = date ? undefined : (code ?? BUILT_IN_FIXED[id]);
          if (fixed === undefined) {
            shown.push(null);
            return;
          }
          if (!formats.has(fixed)) formats.set(fixed, fixedFormat(fixed));
          shown.push(formats.get(fixed) ?? null);
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    zip.file,
    part,
  );
  return { dates, shown };
}

/** The text a number cell displays under its style's fixed-decimal format, where it differs from the number's own text; else undefined. */
function displayedText(value: number, shown: Shown | null | undefined): string | undefined {
  if (!shown || !Number.isFinite(value) || Math.abs(value) >= 1e15) return undefined;
  if (shown.positiveOnly && !(value > 0)) return undefined;
  // Excel keeps 15 significant digits.
  const text = shown.format.format(Number(value.toPrecision(15)) || 0);
  return text === String(value) ? undefined : text;
}

async function readSharedStrings(zip: ZipArchive, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!part || !zip.has(part)) return strings;
  const item = new StringItem();
  await parseXml(
    zip.bytes(part, MAX_SHARED_STRINGS_XML_BYTES, { zh: '共享字符串部件', en: 'shared strings part' }),
    {
      open(name) {
        if (name === 'si') item.take();
        else item.open(name);
      },
      close(name) {
        if (name !== 'si') return item.close(name);
        if (strings.length >= MAX_SHARED_STRINGS) {
          throw new UsageError(
            `${zip.file} 的共享字符串超过 ${MAX_SHARED_STRINGS.toLocaleString('en-US')} 个的上限：文件过大，请拆分`,
            `${zip.file} has more than ${MAX_SHARED_STRINGS.toLocaleString('en-US')} shared strings: too large, split the file`,
          );
        }
        strings.push(item.take());
      },
      text(text) {
        item.text(text);
      },
    },
    zip.file,
    part,
  );
  return strings;
}

/** A number cell's value as OOXML writes it (xsd:double without INF and NaN, which no cell holds). */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

// ── The sheet ───────────────────────────────────────────────────────────────────────────────

interface SheetContext {
  file: string;
  sheet: string;
  strings: string[];
  styles: Styles;
  date1904: boolean;
}

/**
 * Rows from the first one holding a value within which a number cell's displayed text is kept
 * for the header (applyDisplays): the header row is the first with data after title rows, and no
 * sheet has 32 title rows; data rows below keep their numbers without holding any text for them.
 */
const HEADER_ROWS = 32;

/** Per row (0-based), per column: the text a number cell displays where it differs from the number's own text. */
type Displays = Map<number, Map<number, string>>;

/** The cells of one worksheet part into a table, and its merged ranges as written. */
async function readSheet(zip: ZipArchive, part: string, context: SheetContext): Promise<{ builder: TableBuilder; merges: MergedRange[]; displays: Displays }> {
  const { file, sheet, strings, date1904 } = context;
  const { dates, shown } = context.styles;
  const displays: Displays = new Map();
  /** The first row holding a value so far, and the displayed text of the cell being read. */
  let firstRow = EXCEL_MAX_ROWS;
  let display: string | undefined;
  const place = (row: number, column: number) => ({ zh: `工作表「${sheet}」的 ${address(row, column)}`, en: `cell ${address(row, column)} of sheet "${sheet}"` });
  const builder = new TableBuilder(file, place, true);
  const merges: MergedRange[] = [];
  const cellError = (row: number, column: number, zh: string, en: string) =>
    new UsageError(`${file}：工作表「${sheet}」的 ${address(row, column)} ${zh}`, `${file}, sheet "${sheet}", cell ${address(row, column)}: ${en}`);
  const badReference = (ref: string) =>
    new UsageError(`${file} 已损坏：工作表「${sheet}」中有无效的单元格引用「${ref.slice(0, 20)}」`, `${file} is damaged: sheet "${sheet}" has an invalid cell reference "${ref.slice(0, 20)}"`);

  let row = -1;
  let column = -1;
  // Each row and each cell may be written once: a second one would silently replace the first.
  const rowsSeen = new Uint8Array(EXCEL_MAX_ROWS);
  /** The columns written in the current <row>, in order; a Set once they come out of order. */
  let rowColumns: number[] = [];
  let rowColumnSet: Set<number> | null = null;
  /** Whether the current <row>'s number is settled (by its r, or by its first cell). */
  let rowNamed = false;
  const enterRow = (r: number) => {
    if (rowsSeen[r]) {
      throw new UsageError(`${file} 已损坏：工作表「${sheet}」的第 ${r + 1} 行在文件中出现了两次`, `${file} is damaged: row ${r + 1} of sheet "${sheet}" appears twice in the file`);
    }
    rowsSeen[r] = 1;
  };
  const once = (r: number, c: number) => {
    const last = rowColumns.length === 0 ? -1 : rowColumns[rowColumns.length - 1];
    if (rowColumnSet === null && c > last) {
      rowColumns.push(c);
      return;
    }
    rowColumnSet ??= new Set(rowColumns);
    if (rowColumnSet.has(c)) {
      throw cellError(r, c, '在文件中出现了两次（文件已损坏：两个值中哪一个都可能不对）', 'appears twice in the file (a damaged file: either of its values may be wrong)');
    }
    rowColumnSet.add(c);
    rowColumns.push(c);
  };
  // The cell being read.
  let type = 'n';
  let style = 0;
  let formula = false;
  let value: string | undefined;
  let inValue = false;
  let inline = false;
  const item = new StringItem();

  const finishCell = (): Cell => {
    if (type === 'inlineStr') return inline ? item.take() : value ?? null;
    if (value === undefined) {
      if (formula) {
        throw cellError(row, column, '是没有保存计算结果的公式：请在 Excel 中打开、重新计算并保存', 'is a formula with no saved result: open the file in Excel, recalculate and save');
      }
      return null; // a formatted empty cell
    }
    switch (type) {
      case 's': {
        const index = /^\s*\d{1,10}\s*$/.test(value) ? Number(value) : -1; // not Number(value) alone: 0x1 would be 1
        if (index < 0 || index >= strings.length) {
          throw cellError(row, column, `引用了不存在的共享字符串 ${value.slice(0, 20)}（文件已损坏）`, `refers to a shared string ${value.slice(0, 20)} that does not exist (a damaged file)`);
        }
        return strings[index];
      }
      case 'str':
        return unescapeXstring(value);
      case 'b':
        if (value === '1' || value === 'true') return true;
        if (value === '0' || value === 'false') return false;
        throw cellError(row, column, `的逻辑值「${value.slice(0, 20)}」无效（文件已损坏）`, `holds an invalid boolean "${value.slice(0, 20)}" (a damaged file)`);
      case 'e':
        return value;
      case 'd': {
        if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
        throw cellError(row, column, `的日期「${value.slice(0, 30)}」无效（文件已损坏）`, `holds an invalid date "${value.slice(0, 30)}" (a damaged file)`);
      }
      default: {
        // The OOXML number grammar (xsd:double), not JavaScript's: Number() would read 0x2 as 2.
        const text = value.trim();
        const number = NUMBER.test(text) ? Number(text) : NaN;
        if (!Number.isFinite(number)) {
          throw cellError(row, column, `的数值「${value.slice(0, 30)}」无效（文件已损坏）`, `holds an invalid number "${value.slice(0, 30)}" (a damaged file)`);
        }
        if (dates[style]) return serialDate(number, date1904) ?? number;
        if (row < firstRow + HEADER_ROWS) display = displayedText(number, shown[style]);
        return number;
      }
    }
  };

  const handlers: XmlHandlers = {
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const r = attributes.r;
          const next = r === undefined ? row + 1 : Number(r) - 1;
          if (!Number.isInteger(next) || next < 0 || next >= EXCEL_MAX_ROWS) throw badReference(`row ${r}`);
          // Without r (optional in the schema) the row is the next one, unless its first cell names another.
          rowNamed = r !== undefined;
          if (rowNamed) enterRow(next);
          row = next;
          column = -1;
          rowColumns = [];
          rowColumnSet = null;
          return;
        }
        case 'c': {
          const ref = attributes.r;
          if (ref !== undefined) {
            const at = parseAddress(ref);
            if (!at || at[0] >= EXCEL_MAX_ROWS || at[1] >= EXCEL_MAX_COLUMNS || at[0] < 0 || at[1] < 0) throw badReference(ref);
            if (!rowNamed) {
              enterRow(at[0]);
              rowNamed = true;
            } else if (at[0] !== row) {
              throw new UsageError(
                `${file} 已损坏：工作表「${sheet}」的单元格 ${address(at[0], at[1])} 写在第 ${row + 1} 行中`,
                `${file} is damaged: cell ${address(at[0], at[1])} of sheet "${sheet}" is written inside row ${row + 1}`,
              );
            }
            [row, column] = at;
          } else {
            column++;
            if (row < 0) row = 0;
            if (!rowNamed) {
              enterRow(row);
              rowNamed = true;
            }
            if (column >= EXCEL_MAX_COLUMNS) throw badReference(address(row, column));
          }
          once(row, column);
          type = attributes.t ?? 'n';
          style = attributes.s === undefined ? 0 : Number(attributes.s);
          formula = false;
          value = undefined;
          inValue = false;
          inline = false;
          return;
        }
        case 'v':
          inValue = true;
          value = '';
          return;
        case 'f':
          formula = true;
          return;
        case 'is':
          inline = true;
          item.take();
          return;
        case 'mergeCell': {
          const [from, to = from] = (attributes.ref ?? '').split(':');
          const a = parseAddress(from);
          const b = parseAddress(to);
          if (!a || !b) throw badReference(attributes.ref ?? '');
          if (merges.length >= MAX_MERGES) {
            throw new UsageError(
              `${file} 的工作表「${sheet}」有超过 ${MAX_MERGES.toLocaleString('en-US')} 个合并单元格：文件过大或已损坏`,
              `sheet "${sheet}" of ${file} has more than ${MAX_MERGES.toLocaleString('en-US')} merged ranges: too large or damaged`,
            );
          }
          const merge = { top: Math.min(a[0], b[0]), left: Math.min(a[1], b[1]), bottom: Math.max(a[0], b[0]), right: Math.max(a[1], b[1]) };
          if (merge.bottom > merge.top || merge.right > merge.left) merges.push(merge);
          return;
        }
        default:
          if (inline) item.open(name);
      }
    },
    close(name) {
      switch (name) {
        case 'v':
          inValue = false;
          return;
        case 'c': {
          display = undefined;
          const cell = finishCell();
          builder.set(row, column, cell);
          if (isEmptyCell(cell)) return;
          if (row < firstRow) {
            firstRow = row;
            for (const r of displays.keys()) if (r >= firstRow + HEADER_ROWS) displays.delete(r);
          }
          if (display !== undefined && row < firstRow + HEADER_ROWS) {
            let inRow = displays.get(row);
            if (!inRow) displays.set(row, (inRow = new Map()));
            inRow.set(column, display);
          }
          return;
        }
        default:
          if (inline) item.close(name);
      }
    },
    text(text) {
      if (inValue) value = (value ?? '') + text;
      else if (inline) item.text(text);
    },
  };
  await parseXml(zip.bytes(part, MAX_SHEET_XML_BYTES, { zh: `工作表「${sheet}」`, en: `sheet "${sheet}"` }), handlers, file, part);
  return { builder, merges, displays };
}

/**
 * Number cells down to the header row read as they are displayed (issue 19.3): a clerk who types
 * 3.10 in a cell formatted 0.00 stores 3.1 and sees "3.10", and the header names item 3.10. Data
 * rows below keep their numbers.
 */
function applyDisplays(table: Cell[][], displays: Displays): void {
  if (displays.size === 0) return;
  const header = headerRowIndex(table);
  for (const [r, columns] of displays) {
    if (r > header) continue;
    const cells = table[r];
    for (const [c, text] of columns) if (typeof cells[c] === 'number') cells[c] = text;
  }
}

/** A sheet read into its table: merged cells blanked, the header as displayed, merges cut to the table. */
function tableOf(path: string, name: string, read: { builder: TableBuilder; merges: MergedRange[]; displays: Displays }): XlsxTable {
  applyMerges(read.builder, read.merges, path, name);
  const table = read.builder.finish();
  applyDisplays(table, read.displays);
  return { table, sheet: name, merges: clipMerges(table, read.merges) };
}

/**
 * A merged range keeps its value in its top-left cell (合并后居中): the other cells read as
 * blank, whatever a writer left in them. The ranges returned are those whose top-left cell is in
 * the table, cut to the table's extent.
 */
function applyMerges(builder: TableBuilder, merges: MergedRange[], file: string, sheet: string): void {
  const rows = builder.rows;
  let work = 0;
  for (const m of merges) {
    const bottom = Math.min(m.bottom, rows.length - 1);
    for (let r = m.top; r <= bottom; r++) {
      const length = rows[r].length;
      const right = Math.min(m.right, length - 1);
      work += 1 + Math.max(0, right - m.left + 1);
      if (work > MAX_MERGE_WORK) {
        throw new UsageError(
          `${file} 的工作表「${sheet}」的合并单元格覆盖的范围过大（重叠的合并单元格？）：文件已损坏`,
          `the merged ranges of sheet "${sheet}" in ${file} cover too much (overlapping merges?): a damaged file`,
        );
      }
      for (let c = r === m.top ? m.left + 1 : m.left; c <= right; c++) builder.clear(r, c);
    }
  }
}

function clipMerges(table: Cell[][], merges: MergedRange[]): MergedRange[] {
  let width = 0;
  for (const cells of table) if (cells.length > width) width = cells.length;
  const clipped: MergedRange[] = [];
  for (const m of merges) {
    if (m.top >= table.length || m.left >= width) continue;
    clipped.push({ top: m.top, left: m.left, bottom: Math.min(m.bottom, table.length - 1), right: Math.min(m.right, width - 1) });
  }
  return clipped;
}

/** One sheet of an .xlsx file: the one named, or the first visible worksheet. */
export async function readXlsx(path: string, sheetName?: string): Promise<XlsxTable> {
  const zip = await ZipArchive.open(path);
  try {
    const workbookPart = await findWorkbook(zip);
    const { sheets, date1904, rels } = await readWorkbook(zip, workbookPart);
    const chosen = chooseSheet(path, sheets, sheetName);
    if (!chosen.part || !zip.has(chosen.part)) throw notXlsx(path, `工作表「${chosen.name}」的部件缺失`, `the part of sheet "${chosen.name}" is missing`);
    const styles = await readStyles(zip, relationOfType(rels, 'styles')?.target);
    const strings = await readSharedStrings(zip, relationOfType(rels, 'sharedStrings')?.target);
    return tableOf(path, chosen.name, await readSheet(zip, chosen.part, { file: path, sheet: chosen.name, strings, styles, date1904 }));
  } finally {
    zip.close();
  }
}

/** Every visible worksheet of an .xlsx file, in workbook order (a workbook of 评分表 forms is one batch). */
export async function readXlsxSheets(path: string): Promise<XlsxTable[]> {
  const zip = await ZipArchive.open(path);
  try {
    const workbookPart = await findWorkbook(zip);
    const { sheets, date1904, rels } = await readWorkbook(zip, workbookPart);
    chooseSheet(path, sheets, undefined); // the same errors when none is visible
    const styles = await readStyles(zip, relationOfType(rels, 'styles')?.target);
    const strings = await readSharedStrings(zip, relationOfType(rels, 'sharedStrings')?.target);
    const out: XlsxTable[] = [];
    for (const entry of sheets) {
      if (entry.kind !== 'worksheet' || entry.state !== 'visible' || !entry.part || !zip.has(entry.part)) continue;
      out.push(tableOf(path, entry.name, await readSheet(zip, entry.part, { file: path, sheet: entry.name, strings, styles, date1904 })));
    }
    return out;
  } finally {
    zip.close();
  }
}
