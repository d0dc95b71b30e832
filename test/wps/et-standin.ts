/**
 * A stand-in of WPS 表格's ET object model: the members of src/wps/et-model.ts (themselves checked
 * against Kingsoft's et-jsapi-declare), with the semantics of ET/Excel's object model where the
 * host depends on them:
 * - Row/Column are 1-based; Value2 is a scalar for one cell and an array of rows for several
 *   (null for an empty cell);
 * - text assigned to Value2 is converted as if typed (see asTyped) unless the cell is formatted as
 *   Text ("@"): "3.10" → 3.1, "1.0" → 1, "2022-08-01" → a date serial, "TRUE" → true, "=…" (and
 *   "+x"/"-x" that is no number) → a formula, "#N/A" → an error value;
 * - Interior.Color is a BGR long; setting it makes Pattern xlSolid; Pattern = xlNone clears the fill;
 * - a cell has at most one comment: AddComment on a commented cell throws (ET error 1004);
 * - Validation.Add on a cell that already has validation throws (delete first);
 * - Worksheets.Add inserts "SheetN" and activates it; a sheet name is ≤ 31 characters, unique
 *   (case-insensitive) and without : \ / ? * [ ];
 * - Range.Select throws unless its sheet is the active one;
 * - AutoFill copies the source rows' formulas down, moving relative references;
 * - UsedRange covers cells with a value, formula, comment or format; A1 on an empty sheet.
 * An error value (#N/A) is held as an opaque object in Value2, shown by Text.
 */
import { a1, parseAddress } from '../../src/excel/addresses';
import type { EtApplication, EtChart, EtComment, EtInterior, EtPageSetup, EtRange, EtSheets, EtValidation, EtWindow, EtWorksheet } from '../../src/wps/et-model';

const XL_NONE = -4142;
const XL_SOLID = 1;
const WHITE = 16777215;

/** What an error cell holds in Value2 here: not a string, number or boolean. */
export class EtErrorValue {
  constructor(readonly text: string) {}
}

export interface StandinCell {
  value: string | number | boolean | EtErrorValue | null;
  formula: string | null;
  numberFormat: string;
  pattern: number;
  color: number;
  patternColor: number;
  bold: boolean;
  /** Range.WrapText. */
  wrap: boolean;
  fontColor: number;
  comment: string | null;
  validation: { type: number; alertStyle?: number; operator?: number; formula1?: string; formula2?: string; errorTitle: string; errorMessage: string; showError: boolean; inCellDropdown: boolean } | null;
}

function blankCell(): StandinCell {
  return { value: null, formula: null, numberFormat: 'General', pattern: XL_NONE, color: WHITE, patternColor: 0, bold: false, wrap: false, fontColor: 0, comment: null, validation: null };
}

function isUsed(cell: StandinCell): boolean {
  const b = blankCell();
  return cell.value !== null || cell.formula !== null || cell.comment !== null || cell.validation !== null || cell.numberFormat !== b.numberFormat || cell.pattern !== b.pattern || cell.bold;
}

/** ET error 1004 and its kind. */
export class EtError extends Error {}

/** Moves the relative references of an A1 formula by `rows` (outside string literals). */
export function shiftFormula(formula: string, rows: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g, (_m, dc: string, col: string, dr: string, row: string) => `${dc}${col}${dr}${dr ? row : Number(row) + rows}`),
    )
    .join('');
}

/**
 * What a General-formatted cell holds after `text` is assigned to Value2 (or Value): ET, like
 * Excel, parses it as if the clerk had typed it. Sources:
 * - Microsoft Learn, "Long numbers are displayed incorrectly in Excel"
 *   (learn.microsoft.com/office/troubleshoot/excel/long-numbers-incorrectly-in-excel): the default
 *   format is General, which reads a typed number as a number; to keep it as typed, format the cell
 *   as Text *before* entering it ("Be sure to set the cell format before you type").
 * - Syncfusion XlsIO KB 10849 (support.syncfusion.com/kb/article/10849), the same in the object
 *   model: `Range.NumberFormat = "@"` then `Range.Value = "0123456789"` keeps the leading zero;
 *   without it Excel drops it.
 * - Kingsoft: ET's object model is Excel's (et-jsapi-declare lib.et.d.ts declares Range.Value2,
 *   Range.NumberFormat and the Excel enums); Kingsoft documents no other conversion rule, so ET is
 *   modelled as converting exactly as Excel does (issue 20: "the stand-ins convert exactly as Excel
 *   documents").
 * Modelled: numbers (thousands separators, exponent, a trailing %), TRUE/FALSE, ISO-like dates
 * y-m-d and y/m/d (1900 date system serial: days since 1899-12-30), error literals, and formulas
 * ("=…", or "+…"/"-…" that is not a number, as typing "-abc" makes =-abc).
 */
export function asTyped(text: string): { value: string | number | boolean | EtErrorValue; formula?: undefined } | { formula: string; value?: undefined } {
  const trimmed = text.trim();
  if (text.startsWith('=')) return { formula: text };
  const number = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%?)$/.exec(trimmed);
  if (number && /\d/.test(`${number[2]}${number[3] ?? ''}`)) {
    const value = Number(`${number[1]}${number[2].replace(/,/g, '')}${number[3] ?? ''}${number[4] === undefined ? '' : `e${number[4]}`}`);
    if (Number.isFinite(value)) return { value: number[5] ? value / 100 : value };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const utc = Date.UTC(year, month - 1, day);
    const back = new Date(utc);
    if (year >= 1900 && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) return { value: (utc - Date.UTC(1899, 11, 30)) / 86_400_000 };
  }
  if (ERRORS.includes(trimmed.toUpperCase())) return { value: new EtErrorValue(trimmed.toUpperCase()) };
  if (/^[+-]/.test(text)) return { formula: `=${text}` };
  return { value: text };
}

/**
 * PageSetup as in VBA (WPS 开放平台 ET PageSetup; Microsoft Learn "PageSetup object (Excel)"):
 * Zoom is a percentage 10–400 or False, FitToPages… act only while Zoom is False; title rows and
 * columns are whole rows ("$1:$3") and whole columns ("$A:$A").
 */
export class StandinPageSetup implements EtPageSetup {
  Orientation = 1;
  PaperSize = 9;
  FitToPagesWide: unknown = 1;
  FitToPagesTall: unknown = 1;
  private zoom: unknown = 100;
  private titleRows = '';
  private titleColumns = '';

  get Zoom(): unknown {
    return this.zoom;
  }

  set Zoom(value: unknown) {
    if (value !== false && !(typeof value === 'number' && value >= 10 && value <= 400)) throw new EtError(`PageSetup.Zoom: ${String(value)}`);
    this.zoom = value;
  }

  get PrintTitleRows(): string {
    return this.titleRows;
  }

  set PrintTitleRows(value: string) {
    if (value !== '' && !/^\$?\d+:\$?\d+$/.test(value)) throw new EtError(`PageSetup.PrintTitleRows: ${value}`);
    this.titleRows = value.replace(/\$?(\d+):\$?(\d+)/, '$$$1:$$$2');
  }

  get PrintTitleColumns(): string {
    return this.titleColumns;
  }

  /** Whole columns ("$A:$A"), as in VBA; a cell range is refused as ET refuses it (error 1004). */
  set PrintTitleColumns(value: string) {
    if (value !== '' && !/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(value)) throw new EtError(`PageSetup.PrintTitleColumns: ${value}`);
    this.titleColumns = value.replace(/\$?([A-Z]+):\$?([A-Z]+)/, '$$$1:$$$2');
  }

  /** What prints: pages across and down while Zoom is False (false: as many as needed), else the zoom. */
  get fit(): { pagesWide: unknown; pagesTall: unknown } | { zoom: unknown } {
    return this.zoom === false ? { pagesWide: this.FitToPagesWide, pagesTall: this.FitToPagesTall } : { zoom: this.zoom };
  }
}

export class StandinSheet implements EtWorksheet {
  readonly cells = new Map<string, StandinCell>();
  Visible: unknown = -1;
  columnWidths = new Map<number, number>();
  /** 0-based columns hidden (Range.EntireColumn.Hidden). */
  readonly hiddenColumns = new Set<number>();
  freezeRow = 0;
  selection = 'A1';
  readonly charts: Array<{ type: number; source: string; title: string; hasTitle: boolean }> = [];
  readonly tables: Array<{ range: string; Name: string; headers: number }> = [];
  /** ET's defaults: portrait, A4, 100 %, no title rows. */
  readonly PageSetup = new StandinPageSetup();
  private name: string;

  constructor(
    readonly book: StandinWorkbook,
    name: string,
  ) {
    this.name = name;
  }

  get Name(): string {
    return this.name;
  }

  set Name(value: string) {
    if (value.length === 0 || value.length > 31 || /[:\\/?*[\]]/.test(value)) throw new EtError(`invalid sheet name ${value}`);
    if (this.book.sheets.some((s) => s !== this && s.name.toLowerCase() === value.toLowerCase())) throw new EtError(`sheet name taken: ${value}`);
    this.name = value;
  }

  cell(row: number, column: number): StandinCell {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = blankCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(address: string): StandinCell {
    const { row, column } = parseAddress(address);
    return this.cells.get(`${row},${column}`) ?? blankCell();
  }

  Activate(): void {
    this.book.active = this;
    this.book.app.calls.push(`Activate ${this.name}`);
  }

  Range(Cell1: string): StandinRange {
    if (Cell1.includes(',')) return new StandinRange(this, -1, -1, 0, 0, Cell1);
    const [from, to = from] = Cell1.replace(/\$/g, '').split(':');
    if (!/^[A-Z]{1,3}\d+$/.test(from) || !/^[A-Z]{1,3}\d+$/.test(to)) throw new EtError(`bad range ${Cell1}`);
    const start = parseAddress(from);
    const end = parseAddress(to);
    return new StandinRange(this, Math.min(start.row, end.row), Math.min(start.column, end.column), Math.abs(end.row - start.row) + 1, Math.abs(end.column - start.column) + 1);
  }

  /**
   * Only the documented member: ListObjects.Add (Microsoft Learn, "ListObjects.Add method (Excel)",
   * learn.microsoft.com/office/vba/api/excel.listobjects.add; et-jsapi-declare lib.et.d.ts declares
   * ListObjects.Add(SourceType, Source, LinkSource, XlListObjectHasHeaders, Destination,
   * TableStyleName)). `_Add` is an undocumented alias in the declarations and is not modelled.
   */
  get ListObjects() {
    return {
      Add: (sourceType?: number, source?: EtRange, _link?: unknown, headers?: number): { Name: string } => {
        if (sourceType !== 1 || !(source instanceof StandinRange)) throw new EtError('ListObjects.Add: only a range source is modelled');
        const overlaps = this.tables.some((t) => t.range === source.address);
        if (overlaps) throw new EtError(`a table already covers ${source.address}`);
        const book = this.book;
        const record = { range: source.address, Name: `表${book.sheets.reduce((n, s) => n + s.tables.length, 0) + 1}`, headers: headers ?? 0 };
        this.tables.push(record);
        return {
          get Name() {
            return record.Name;
          },
          set Name(value: string) {
            if (book.sheets.some((s) => s.tables.some((t) => t !== record && t.Name.toLowerCase() === value.toLowerCase()))) throw new EtError(`table name taken: ${value}`);
            record.Name = value;
          },
        };
      },
    };
  }

  get UsedRange(): StandinRange {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (!isUsed(cell)) continue;
      const [r, c] = key.split(',').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return new StandinRange(this, 0, 0, 1, 1);
    return new StandinRange(this, top, left, bottom - top + 1, right - left + 1);
  }

  get Shapes() {
    return {
      AddChart2: (_style?: number, type = 0): { readonly Chart: EtChart } => {
        const record = { type, source: '', title: '', hasTitle: false };
        this.charts.push(record);
        const chart: EtChart = {
          SetSourceData: (source: EtRange) => {
            record.source = (source as StandinRange).address;
          },
          get HasTitle() {
            return record.hasTitle;
          },
          set HasTitle(value: boolean) {
            record.hasTitle = value;
          },
          ChartTitle: {
            get Text() {
              return record.title;
            },
            set Text(value: string) {
              if (!record.hasTitle) throw new EtError('chart has no title');
              record.title = value;
            },
          },
        };
        return { Chart: chart };
      },
    };
  }
}

export class StandinRange implements EtRange {
  constructor(
    readonly sheet: StandinSheet,
    /** 0-based. */
    readonly row0: number,
    readonly column0: number,
    readonly rows: number,
    readonly columns: number,
    /** A multi-area address (charts only). */
    readonly areas?: string,
  ) {}

  get address(): string {
    return this.areas ?? (this.rows * this.columns === 1 ? a1(this.row0, this.column0) : `${a1(this.row0, this.column0)}:${a1(this.row0 + this.rows - 1, this.column0 + this.columns - 1)}`);
  }

  private each(body: (cell: StandinCell, r: number, c: number) => void): void {
    if (this.areas) throw new EtError('multi-area range');
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.columns; c++) body(this.sheet.cell(this.row0 + r, this.column0 + c), r, c);
  }

  private first(): StandinCell {
    return this.sheet.cell(this.row0, this.column0);
  }

  get Row(): number {
    return this.row0 + 1;
  }
  get Column(): number {
    return this.column0 + 1;
  }
  get Rows() {
    return { Count: this.rows };
  }
  get Columns() {
    return { Count: this.columns };
  }

  get Value2(): unknown {
    const codes = this.sheet.book.app.errorValues === 'code';
    const read = (cell: StandinCell) => (codes && cell.value instanceof EtErrorValue ? comErrorCode(cell.value.text) : cell.value);
    if (this.rows * this.columns === 1) return read(this.first());
    const out: unknown[][] = Array.from({ length: this.rows }, () => []);
    this.each((cell, r) => out[r].push(read(cell)));
    return out;
  }

  set Value2(input: unknown) {
    const put = (cell: StandinCell, value: unknown) => {
      if (value !== null && value !== undefined && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new EtError(`Value2 cannot hold ${typeof value}`);
      cell.formula = null;
      // As in Excel, assigning "" leaves the cell empty.
      if (value === undefined || value === null || value === '') {
        cell.value = null;
        return;
      }
      if (typeof value !== 'string' || cell.numberFormat === '@') {
        cell.value = value;
        return;
      }
      const typed = asTyped(value);
      if (typed.formula !== undefined) {
        cell.formula = typed.formula;
        cell.value = null;
      } else cell.value = typed.value;
    };
    if (Array.isArray(input)) {
      if (input.length !== this.rows || input.some((row) => !Array.isArray(row) || row.length !== this.columns)) throw new EtError(`Value2: array does not fit ${this.address}`);
      this.each((cell, r, c) => put(cell, (input[r] as unknown[])[c]));
    } else this.each((cell) => put(cell, input));
  }

  get Formula(): unknown {
    const cell = this.first();
    return cell.formula ?? (cell.value === null ? '' : String(cell.value));
  }

  set Formula(formula: unknown) {
    if (typeof formula !== 'string') throw new EtError('Formula must be text');
    if (!formula.startsWith('=')) throw new EtError(`not a formula: ${formula}`);
    this.each((cell) => {
      cell.formula = formula;
      cell.value = null;
    });
  }

  get NumberFormat(): unknown {
    return this.first().numberFormat;
  }
  set NumberFormat(format: unknown) {
    this.each((cell) => {
      cell.numberFormat = String(format);
    });
  }

  /** VBA Range.EntireColumn: its Hidden hides (or shows) every column the range touches. */
  get EntireColumn(): { Hidden: unknown } {
    const range = this;
    return {
      get Hidden(): unknown {
        return range.sheet.hiddenColumns.has(range.column0);
      },
      set Hidden(value: unknown) {
        if (typeof value !== 'boolean') throw new EtError(`Range.EntireColumn.Hidden: ${String(value)}`);
        for (let c = 0; c < range.columns; c++) {
          if (value) range.sheet.hiddenColumns.add(range.column0 + c);
          else range.sheet.hiddenColumns.delete(range.column0 + c);
        }
      },
    };
  }

  /** Range.WrapText: true/false for the cells (null where they differ, as VBA's Null). */
  get WrapText(): unknown {
    const first = this.first().wrap;
    let same = true;
    this.each((cell) => {
      if (cell.wrap !== first) same = false;
    });
    return same ? first : null;
  }
  set WrapText(value: unknown) {
    if (typeof value !== 'boolean') throw new EtError(`Range.WrapText: ${String(value)}`);
    this.each((cell) => {
      cell.wrap = value;
    });
  }

  get ColumnWidth(): unknown {
    return this.sheet.columnWidths.get(this.column0) ?? 8.38;
  }
  set ColumnWidth(width: unknown) {
    for (let c = 0; c < this.columns; c++) this.sheet.columnWidths.set(this.column0 + c, Number(width));
  }

  get Text(): unknown {
    const cell = this.first();
    if (cell.value instanceof EtErrorValue) return cell.value.text;
    return cell.value === null ? '' : String(cell.value);
  }

  get Interior(): EtInterior {
    const range = this;
    const first = () => range.first();
    return {
      get Color() {
        return first().color;
      },
      set Color(value: unknown) {
        range.each((cell) => {
          cell.color = Number(value);
          cell.pattern = XL_SOLID;
        });
      },
      get Pattern() {
        return first().pattern;
      },
      set Pattern(value: unknown) {
        range.each((cell) => {
          cell.pattern = Number(value);
          if (cell.pattern === XL_NONE) cell.color = WHITE;
        });
      },
      get PatternColor() {
        return first().patternColor;
      },
      set PatternColor(value: unknown) {
        range.each((cell) => {
          cell.patternColor = Number(value);
        });
      },
    };
  }

  get Font() {
    const range = this;
    return {
      get Bold(): unknown {
        return range.first().bold;
      },
      set Bold(value: unknown) {
        range.each((cell) => {
          cell.bold = Boolean(value);
        });
      },
      get Color(): unknown {
        return range.first().fontColor;
      },
      set Color(value: unknown) {
        range.each((cell) => {
          cell.fontColor = Number(value);
        });
      },
    };
  }

  get Comment(): EtComment | null {
    const cell = this.first();
    if (cell.comment === null) return null;
    return {
      Text: () => cell.comment ?? '',
      Delete: () => {
        cell.comment = null;
      },
    };
  }

  AddComment(Text?: string): unknown {
    const cell = this.first();
    if (cell.comment !== null) throw new EtError(`${this.address} already has a comment`);
    cell.comment = Text ?? '';
    return this.Comment;
  }

  get Validation(): EtValidation {
    const range = this;
    const current = () => range.first().validation;
    const set = <K extends 'errorTitle' | 'errorMessage' | 'showError' | 'inCellDropdown'>(key: K, value: NonNullable<StandinCell['validation']>[K]) =>
      range.each((cell) => {
        if (!cell.validation) throw new EtError('no validation on the range');
        cell.validation[key] = value;
      });
    return {
      Add: (type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string) => {
        range.each((cell) => {
          if (cell.validation) throw new EtError(`${range.address} already has validation`);
        });
        range.each((cell) => {
          cell.validation = { type, alertStyle, operator, formula1, formula2, errorTitle: '', errorMessage: '', showError: true, inCellDropdown: true };
        });
      },
      Delete: () =>
        range.each((cell) => {
          cell.validation = null;
        }),
      get ErrorTitle() {
        return current()?.errorTitle ?? '';
      },
      set ErrorTitle(value: string) {
        set('errorTitle', value);
      },
      get ErrorMessage() {
        return current()?.errorMessage ?? '';
      },
      set ErrorMessage(value: string) {
        set('errorMessage', value);
      },
      get ShowError() {
        return current()?.showError ?? false;
      },
      set ShowError(value: boolean) {
        set('showError', value);
      },
      get InCellDropdown() {
        return current()?.inCellDropdown ?? false;
      },
      set InCellDropdown(value: boolean) {
        set('inCellDropdown', value);
      },
    };
  }

  AutoFill(Destination: EtRange, Type?: number): unknown {
    const target = Destination as StandinRange;
    if (Type !== 0) throw new EtError(`AutoFill type ${Type} not modelled`);
    if (target.sheet !== this.sheet || target.row0 !== this.row0 || target.column0 !== this.column0 || target.columns !== this.columns || target.rows < this.rows) throw new EtError('AutoFill: destination must extend the source');
    for (let r = this.rows; r < target.rows; r++) {
      const offset = r - (r % this.rows);
      for (let c = 0; c < this.columns; c++) {
        const source = this.sheet.cell(this.row0 + (r % this.rows), this.column0 + c);
        const cell = this.sheet.cell(this.row0 + r, this.column0 + c);
        cell.formula = source.formula === null ? null : shiftFormula(source.formula, offset);
        cell.value = source.formula === null ? source.value : null;
        cell.numberFormat = source.numberFormat;
      }
    }
    return true;
  }

  Select(): unknown {
    if (this.sheet.book.active !== this.sheet) throw new EtError(`Select on inactive sheet ${this.sheet.Name}`);
    this.sheet.selection = this.address;
    return true;
  }
}

export class StandinWorkbook {
  readonly sheets: StandinSheet[] = [];
  active: StandinSheet;

  constructor(
    readonly app: StandinApplication,
    names: string[],
  ) {
    for (const name of names) this.sheets.push(new StandinSheet(this, name));
    this.active = this.sheets[0];
  }

  get Worksheets(): EtSheets {
    const book = this;
    return {
      get Count() {
        return book.sheets.length;
      },
      Item(index: string | number): StandinSheet {
        const found = typeof index === 'number' ? book.sheets[index - 1] : book.sheets.find((s) => s.Name.toLowerCase() === index.toLowerCase());
        if (!found) throw new EtError(`no sheet ${index}`);
        return found;
      },
      Add(before?: EtWorksheet, after?: EtWorksheet): StandinSheet {
        let n = book.sheets.length + 1;
        while (book.sheets.some((s) => s.Name.toLowerCase() === `sheet${n}`)) n++;
        const sheet = new StandinSheet(book, `Sheet${n}`);
        const anchor = (after ?? before) as StandinSheet | undefined;
        const at = anchor ? book.sheets.indexOf(anchor) + (after ? 1 : 0) : book.sheets.indexOf(book.active);
        book.sheets.splice(at, 0, sheet);
        book.active = sheet;
        book.app.calls.push(`Worksheets.Add ${sheet.Name}`);
        return sheet;
      },
    };
  }

  sheet(name: string): StandinSheet {
    const found = this.sheets.find((s) => s.Name === name);
    if (!found) throw new Error(`stand-in: no sheet ${name}`);
    return found;
  }
}

export class StandinApplication implements EtApplication {
  readonly workbook: StandinWorkbook;
  /** Screen updating as the last write left it, and every value it was set to. */
  screenUpdating = true;
  readonly screenUpdatingLog: boolean[] = [];
  readonly calls: string[] = [];

  /**
   * How Value2 gives an error cell: 'object' (an opaque value, the default) or 'code', the COM
   * error code of a CVErr value, a number (see comErrorCode). Kingsoft does not document which
   * (et-jsapi-declare types Value2 as any), so the host must read both.
   */
  errorValues: 'object' | 'code';

  constructor(sheetNames: string[] = ['Sheet1'], options: { errorValues?: 'object' | 'code' } = {}) {
    this.workbook = new StandinWorkbook(this, sheetNames);
    this.errorValues = options.errorValues ?? 'object';
  }

  get ScreenUpdating(): boolean {
    return this.screenUpdating;
  }
  set ScreenUpdating(value: boolean) {
    this.screenUpdating = value;
    this.screenUpdatingLog.push(value);
  }

  get ActiveWorkbook() {
    return this.workbook;
  }

  get ActiveSheet(): StandinSheet {
    return this.workbook.active;
  }

  get ActiveWindow(): EtWindow {
    const book = this.workbook;
    return {
      get RangeSelection() {
        return book.active.Range(book.active.selection);
      },
      get FreezePanes() {
        return book.active.freezeRow > 0;
      },
      set FreezePanes(value: boolean) {
        if (!value) book.active.freezeRow = 0;
        else book.active.freezeRow = pendingSplit.get(book.active) ?? 0;
      },
      get SplitRow() {
        return pendingSplit.get(book.active) ?? 0;
      },
      set SplitRow(value: number) {
        pendingSplit.set(book.active, value);
      },
      SplitColumn: 0,
    };
  }

  /** Test set-up: values from A1 of a sheet (strings starting with "#" and in ERRORS become error values). */
  fill(sheet: string, values: Array<Array<string | number | boolean | null>>, at = 'A1'): void {
    const target = this.workbook.sheet(sheet);
    const { row, column } = parseAddress(at);
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === null || value === '') return;
        target.cell(row + r, column + c).value = typeof value === 'string' && ERRORS.includes(value) ? new EtErrorValue(value) : value;
      }),
    );
  }

  select(sheet: string, address: string): void {
    const target = this.workbook.sheet(sheet);
    this.workbook.active = target;
    target.selection = address;
  }
}

const pendingSplit = new WeakMap<StandinSheet, number>();

/**
 * The number an error cell's value is over COM: the CVErr value of its XlCVError number, i.e. the
 * HRESULT 0x800A0000 + number read as a signed 32-bit integer (#DIV/0!: 0x800A07D7 = -2146826281).
 * XlCVError numbers: Microsoft Learn "XlCVError enumeration (Excel)"
 * (learn.microsoft.com/office/vba/api/excel.xlcverror) and et-jsapi-declare lib.et.d.ts enum
 * XlCVError; that a CVErr cell value reaches a non-VBA client as this Int32: M. Rosenblum, "Dealing
 * with CVErr Values in .NET – Part I" (xldennis.wordpress.com, 2006-11-22).
 */
export function comErrorCode(text: string): number {
  const numbers: Record<string, number> = { '#NULL!': 2000, '#DIV/0!': 2007, '#VALUE!': 2015, '#REF!': 2023, '#NAME?': 2029, '#NUM!': 2036, '#N/A': 2042 };
  const number = numbers[text];
  if (number === undefined) throw new Error(`stand-in: no CVErr number for ${text}`);
  return (0x800a0000 + number) | 0;
}
const ERRORS = ['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!'];
