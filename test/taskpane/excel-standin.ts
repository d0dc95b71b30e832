/**
 * An in-memory stand-in for Office.js in Excel, served to the task pane in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js by the browser test (compiled with
 * esbuild to one IIFE script). It implements the subset the pane and src/excel/ use, with Office's
 * batching rules where they catch real bugs:
 *  - properties are readable only after load() and a context.sync() (PropertyNotLoaded otherwise),
 *    with the value as it was when load() was queued;
 *  - missing items, duplicate sheet names and arrays whose size does not match the range fail at
 *    the next sync, as Excel reports them (ItemNotFound, ItemAlreadyExists, InvalidArgument);
 *  - every Excel.run records how many times it synced.
 * Writes apply at once (queue order is kept, so reads queued after a write see it).
 *
 * The test seeds it through window.__STANDIN_SEED (set by an init script) and inspects it through
 * window.__standin. Formulas are stored, not calculated (their values read as ""). Text written
 * with Range.values that starts with =, + or - becomes a formula unless the cell is formatted "@".
 */
import { typedValue } from '../excel/excel-typing';

type Scalar = string | number | boolean;
interface Fill {
  color: string;
  pattern: string;
}
interface CellData {
  value: Scalar;
  formula: string | null;
  /** The formula calls our functions and was written where they are not recognized (#6614). */
  nameError?: boolean;
  fill: Fill | null;
  bold?: boolean;
  /** format.wrapText (ExcelApi 1.1). */
  wrap?: boolean;
  fontColor?: string;
  numberFormat?: string;
}
interface ChartData {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  xValues: string;
  seriesName: string;
  position: string;
}
interface SheetData {
  name: string;
  /** Excel.SheetVisibility: 'Visible', 'Hidden' or 'VeryHidden' (ExcelApi 1.1). */
  visibility?: string;
  cells: Map<string, CellData>;
  frozenRows: number;
  charts: ChartData[];
  tables: Array<{ address: string; hasHeaders: boolean; name: string }>;
  validations: Array<{ address: string; rule?: unknown; errorAlert?: unknown }>;
  /** 0-based columns hidden (Range.columnHidden). */
  hiddenColumns: number[];
  /** Worksheet.pageLayout: Excel's defaults until set. */
  print: { orientation: string; paperSize: string; zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }; titleRows: string | null; titleColumns: string | null };
}
interface CommentData {
  id: string;
  sheet: string;
  row: number;
  column: number;
  content: string;
}
interface Box {
  sheet: string;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}
interface Seed {
  language?: string;
  sheets: Array<{ name: string; rows: Scalar[][]; fills?: Record<string, Fill> }>;
  comments?: Array<{ sheet: string; cell: string; content: string }>;
  /**
   * Notes ("legacy comments"): what WPS 表格, Excel before Microsoft 365's threaded comments and
   * Excel's own 新建批注/New Note write. They are not threaded comments: `workbook.comments` does
   * not list them ("Comments within a workbook are tracked by the Workbook.comments property" —
   * threaded ones; notes are "tracked by the Workbook.notes property", ExcelApi 1.18,
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes), and a cell holds
   * either a note or a threaded comment, not both (Microsoft Support, "The difference between
   * threaded comments and notes"): adding a comment on a cell with a note is refused here
   * (InvalidArgument), as a note on a cell with a comment is.
   */
  notes?: Array<{ sheet: string; cell: string; content: string }>;
  /**
   * 'NotImplemented': `workbook.comments.add` fails at the sync with "NotImplemented: This
   * operation is not implemented." — reported on Excel for Windows Version 2104 (build
   * 13929.20296), https://github.com/OfficeDev/office-js/issues/1847, and Version 2006,
   * https://github.com/OfficeDev/office-js-docs-pr/issues/2006. Default 'ok'.
   */
  commentsAdd?: 'ok' | 'NotImplemented';
  /** Sheets hidden from the start: name → Excel.SheetVisibility ('Hidden' | 'VeryHidden'). */
  visibility?: Record<string, string>;
  /**
   * Workbook settings saved with the workbook (Excel.SettingCollection, ExcelApi 1.4: "Represents
   * a collection of key-value pair setting objects that are part of the workbook", kept when it is
   * saved): a workbook opened again in a later session, with what an earlier session kept.
   */
  settings?: Record<string, unknown>;
  selection: { sheet: string; address: string };
  /**
   * What a custom function receives for an empty cell passed by reference: null (Excel on the web
   * and newer builds) or 0 (desktop builds; office-js #4702 "its value is 0 in desktop and null in
   * office web", https://github.com/OfficeDev/office-js/issues/4702; #5262, 0 for empty cells of an
   * optional `any` range, https://github.com/OfficeDev/office-js/issues/5262). No requirement set
   * tells which. Range.values is not affected: Excel.Range.values documents "" for empty cells.
   * See functionArguments.
   */
  blanks?: 'null' | 'zero';
  /**
   * Requirement sets this Excel has, by name → highest version ("1.2"); a set not named is fully
   * there. Office.context.requirements.isSetSupported(name, version) answers from it, as Office
   * does ("true if the specified requirement set is supported by the current Office host",
   * https://learn.microsoft.com/en-us/javascript/api/office/office.requirementsetsupport).
   * E.g. { CustomFunctionsRuntime: '1.2' } for Excel on iPad or Mac 16.30–16.39.
   */
  requirements?: Record<string, string>;
  /**
   * 'tr': an Excel in a language where a custom function written with Range.formulas gives
   * #NAME? (office-js #6614, Turkish: `formulas = [["=NAMESPACE.YOURFUNCTION()"]]` is #AD?, while
   * formulasLocal works; https://github.com/OfficeDev/office-js/issues/6614). Its local formulas
   * separate arguments with ';' (the stand-in localizes only separators, not built-in names).
   */
  formulaLocale?: 'en' | 'tr';
}

// ---------------------------------------------------------------------------------------------
// Addresses

function letters(column: number): string {
  let out = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
function a1(row: number, column: number): string {
  return `${letters(column)}${row + 1}`;
}
function key(row: number, column: number): string {
  return `${row},${column}`;
}
function sheetRef(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
function cellOf(text: string): { row: number; column: number } {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(text.trim().toUpperCase());
  if (!match) throw officeError('InvalidArgument', `not a cell reference: ${text}`);
  let column = 0;
  for (const ch of match[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}
/** "'Sheet x'!A1:B2" | "A1" → sheet ('' when absent) and the box. */
function parse(address: string): { sheet: string; r0: number; c0: number; r1: number; c1: number } {
  const bang = address.lastIndexOf('!');
  const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : '';
  const [from, to] = address.slice(bang + 1).split(':');
  const start = cellOf(from);
  const end = to ? cellOf(to) : start;
  return {
    sheet,
    r0: Math.min(start.row, end.row),
    c0: Math.min(start.column, end.column),
    r1: Math.max(start.row, end.row),
    c1: Math.max(start.column, end.column),
  };
}
function boxAddress(box: Box): string {
  const local = box.r0 === box.r1 && box.c0 === box.c1 ? a1(box.r0, box.c0) : `${a1(box.r0, box.c0)}:${a1(box.r1, box.c1)}`;
  return `${sheetRef(box.sheet)}!${local}`;
}

/** A formula moved by (dr, dc), as Excel's fill does: relative references shift, $ parts stay. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  let out = '';
  let i = 0;
  const quoted = (quote: string) => {
    let j = i + 1;
    while (j < formula.length) {
      if (formula[j] === quote) {
        if (formula[j + 1] === quote) {
          j += 2;
          continue;
        }
        break;
      }
      j++;
    }
    out += formula.slice(i, j + 1);
    i = j + 1;
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      quoted(ch);
      continue;
    }
    const rest = formula.slice(i);
    const prev = i > 0 ? formula[i - 1] : '';
    const ref = /^(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(.])/.exec(rest);
    if (ref && !/[A-Za-z0-9_.]/.test(prev)) {
      const { row, column } = cellOf(`${ref[2]}${ref[4]}`);
      const c = ref[1] ? column : column + dc;
      const r = ref[3] ? row : row + dr;
      out += `${ref[1]}${letters(c)}${ref[3]}${r + 1}`;
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (name) {
      out += name[0];
      i += name[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** A formula's separators swapped outside quotes: ',' ↔ ';' (Seed.formulaLocale 'tr'). */
function swapSeparators(formula: string, from: string, to: string): string {
  let out = '';
  let quote = '';
  for (const ch of formula) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    out += !quote && ch === from ? to : ch;
  }
  return out;
}
function localFormula(formula: string): string {
  return book.locale === 'tr' ? swapSeparators(formula, ',', ';') : formula;
}
function invariantFormula(formula: string): string {
  return book.locale === 'tr' ? swapSeparators(formula, ';', ',') : formula;
}

// ---------------------------------------------------------------------------------------------
// Errors

class OfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}
function officeError(code: string, message: string): OfficeError {
  return new OfficeError(code, message);
}

// ---------------------------------------------------------------------------------------------
// The workbook

class Book {
  sheets: SheetData[] = [];
  active = '';
  selection: Box = { sheet: '', r0: 0, c0: 0, r1: 0, c1: 0 };
  comments: CommentData[] = [];
  /** See Seed.notes. */
  notes: CommentData[] = [];
  /** See Seed.commentsAdd. */
  commentsAdd: 'ok' | 'NotImplemented' = 'ok';
  settings = new Map<string, unknown>();
  runs: Array<{ syncs: number }> = [];
  writes: Array<{ sheet: string; address: string; op: string }> = [];
  suspended = { calculation: 0, screenUpdating: 0 };
  /** See Seed.formulaLocale. */
  locale: 'en' | 'tr' = 'en';
  /** See Seed.blanks. */
  blanks: 'null' | 'zero' = 'null';
  private nextComment = 1;

  sheet(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  addSheet(name: string): SheetData {
    const data: SheetData = { name, cells: new Map(), frozenRows: 0, charts: [], tables: [], validations: [], hiddenColumns: [], print: defaultPrint() };
    this.sheets.push(data);
    return data;
  }
  cell(sheet: SheetData, row: number, column: number): CellData {
    let cell = sheet.cells.get(key(row, column));
    if (!cell) {
      cell = { value: '', formula: null, fill: null };
      sheet.cells.set(key(row, column), cell);
    }
    return cell;
  }
  addComment(sheet: string, row: number, column: number, content: string): CommentData {
    const comment = { id: `comment-${this.nextComment++}`, sheet, row, column, content };
    this.comments.push(comment);
    return comment;
  }
  wrote(box: Box, op: string): void {
    this.writes.push({ sheet: box.sheet, address: boxAddress(box), op });
  }
}

const book = new Book();

// ---------------------------------------------------------------------------------------------
// Proxies

class RequestContext {
  readonly workbook: Workbook;
  readonly application: Application;
  syncs = 0;
  error: OfficeError | null = null;
  pending: Array<() => void> = [];
  constructor() {
    this.workbook = new Workbook(this);
    this.application = new Application();
  }
  fail(code: string, message: string): void {
    this.error ??= officeError(code, message);
  }
  /**
   * An operation of this batch failed: Excel runs a batch's operations in order and stops at the
   * first that fails — those before it stay done, none after it is applied ("If any of the
   * operations in the batch fail, … the remaining operations are not run", Microsoft Learn,
   * "Error handling with the application-specific JavaScript APIs"; the fake's `broken`).
   */
  get broken(): boolean {
    return this.error !== null;
  }
  async sync(): Promise<void> {
    this.syncs++;
    await new Promise((resolve) => setTimeout(resolve, 0));
    const error = this.error;
    const pending = this.pending;
    this.error = null;
    this.pending = [];
    if (error) throw error;
    for (const reveal of pending) reveal();
  }
}

type LoadOption = string | string[] | { select?: string | string[] } | undefined;

function loadNames(option: LoadOption, all: string[]): string[] {
  if (option === undefined) return all;
  const raw = typeof option === 'string' ? option.split(',') : Array.isArray(option) ? option : typeof option.select === 'string' ? option.select.split(',') : (option.select ?? all);
  return raw.map((name) => name.trim()).filter((name) => name !== '');
}

abstract class ClientObject {
  private visible = new Map<string, unknown>();
  constructor(protected readonly ctx: RequestContext) {}
  protected abstract scalars(): string[];
  protected abstract read(name: string): unknown;
  load(option?: LoadOption): this {
    const snapshot = new Map<string, unknown>();
    for (const name of loadNames(option, this.scalars())) {
      const [head, ...tail] = name.split('/');
      snapshot.set(head, this.readNested(head, tail.join('/')));
    }
    this.ctx.pending.push(() => snapshot.forEach((value, name) => this.visible.set(name, value)));
    return this;
  }
  /** 'items/name': the items, each with its own properties revealed at the same sync. */
  protected readNested(head: string, _tail: string): unknown {
    return this.read(head);
  }
  protected expose<T>(name: string): T {
    if (!this.visible.has(name)) {
      throw officeError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.visible.get(name) as T;
  }
  /** Marks properties readable after the next sync (collections reveal their items' names). */
  reveal(values: Record<string, unknown>): void {
    this.ctx.pending.push(() => Object.entries(values).forEach(([name, value]) => this.visible.set(name, value)));
  }
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.visible);
  }
}

class Application {
  suspendApiCalculationUntilNextSync(): void {
    book.suspended.calculation++;
  }
  suspendScreenUpdatingUntilNextSync(): void {
    book.suspended.screenUpdating++;
  }
}

class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly comments: CommentCollection;
  readonly settings: SettingCollection;
  constructor(private readonly ctx: RequestContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.comments = new CommentCollection(ctx);
    this.settings = new SettingCollection(ctx);
  }
  /**
   * Workbook.notes (ExcelApi 1.18, https://learn.microsoft.com/javascript/api/excel/excel.notecollection):
   * where Excel lacks 1.18 (Seed.requirements { ExcelApi: '1.17' } …) the batch fails at its sync
   * with ApiNotFound, as Office.js reports an API the host does not implement.
   */
  get notes(): NoteCollection {
    if (!supports('ExcelApi', '1.18')) this.ctx.fail('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel. (Workbook.notes, ExcelApi 1.18)');
    return new NoteCollection(this.ctx);
  }
  getSelectedRange(): Range {
    return new Range(this.ctx, { ...book.selection });
  }
  getActiveCell(): Range {
    const s = book.selection;
    return new Range(this.ctx, { sheet: s.sheet, r0: s.r0, c0: s.c0, r1: s.r0, c1: s.c0 });
  }
  get application(): Application {
    return this.ctx.application;
  }
}

const GHOST: SheetData = { name: '#ghost', cells: new Map(), frozenRows: 0, charts: [], tables: [], validations: [], hiddenColumns: [], print: defaultPrint() };

class WorksheetCollection extends ClientObject {
  protected scalars(): string[] {
    return ['items'];
  }
  protected read(name: string): unknown {
    if (name !== 'items') throw officeError('InvalidArgument', `WorksheetCollection has no property ${name}`);
    return book.sheets.map((sheet) => new Worksheet(this.ctx, sheet));
  }
  protected override readNested(head: string, tail: string): unknown {
    const items = this.read(head) as Worksheet[];
    for (const item of items) item.load(tail || undefined);
    return items;
  }
  get items(): Worksheet[] {
    return this.expose('items');
  }
  add(name?: string): Worksheet {
    const wanted = name ?? `Sheet${book.sheets.length + 1}`;
    if (wanted.length === 0 || wanted.length > 31 || /[:\\/?*[\]]/.test(wanted) || /^'|'$/.test(wanted)) {
      this.ctx.fail('InvalidArgument', `invalid sheet name: ${wanted}`);
      return new Worksheet(this.ctx, GHOST);
    }
    if (book.sheet(wanted)) {
      this.ctx.fail('ItemAlreadyExists', `A sheet named ${wanted} already exists.`);
      return new Worksheet(this.ctx, GHOST);
    }
    if (this.ctx.broken) return new Worksheet(this.ctx, GHOST);
    return new Worksheet(this.ctx, book.addSheet(wanted));
  }
  getItem(name: string): Worksheet {
    const sheet = book.sheet(name);
    if (!sheet) {
      this.ctx.fail('ItemNotFound', `The requested resource doesn't exist: sheet ${name}`);
      return new Worksheet(this.ctx, GHOST);
    }
    return new Worksheet(this.ctx, sheet);
  }
  getActiveWorksheet(): Worksheet {
    return this.getItem(book.active);
  }
  /** ExcelApi 1.4: isNullObject after the next sync when there is no such sheet. */
  getItemOrNullObject(name: string): Worksheet {
    const sheet = book.sheet(name);
    const found = new Worksheet(this.ctx, sheet ?? GHOST);
    found.reveal({ isNullObject: !sheet });
    return found;
  }
}

function defaultPrint(): SheetData['print'] {
  return { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, titleRows: null, titleColumns: null };
}

/** Worksheet.pageLayout (ExcelApi 1.9): the properties set, checked as Excel checks them. */
class PageLayout {
  constructor(
    private readonly ctx: RequestContext,
    private readonly data: SheetData,
  ) {}
  set orientation(value: string) {
    if (!['Portrait', 'Landscape'].includes(value)) this.ctx.fail('InvalidArgument', `orientation ${value}`);
    else this.data.print.orientation = value;
  }
  set paperSize(value: string) {
    this.data.print.paperSize = value;
  }
  /**
   * Microsoft Learn, Excel.PageLayoutZoomOptions: scale "can be between 10 and 400. This should not
   * be set with fit to pages height or width."
   */
  set zoom(value: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    if (value.scale !== undefined && (value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined)) this.ctx.fail('InvalidArgument', 'zoom: scale and fit to pages');
    else if (value.scale !== undefined && !(value.scale >= 10 && value.scale <= 400)) this.ctx.fail('InvalidArgument', `zoom: scale ${value.scale}`);
    else this.data.print.zoom = { ...value };
  }
  /** Microsoft Learn, Excel.PageLayout.setPrintTitleColumns: columns repeated at the left of each page. */
  setPrintTitleColumns(columns: string): void {
    if (!/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(columns)) this.ctx.fail('InvalidArgument', `print title columns ${columns}`);
    else this.data.print.titleColumns = columns.replace(/\$?([A-Z]+):\$?([A-Z]+)/, '$$$1:$$$2');
  }
  setPrintTitleRows(rows: string): void {
    // "The range must span the entire row to be valid."
    if (!/^\$?\d+:\$?\d+$/.test(rows)) this.ctx.fail('InvalidArgument', `print title rows ${rows}`);
    else this.data.print.titleRows = rows.replace(/\$?(\d+):\$?(\d+)/, '$$$1:$$$2');
  }
}

class Worksheet extends ClientObject {
  readonly freezePanes: { freezeRows: (count: number) => void };
  readonly charts: { add: (type: string, source: Range, seriesBy?: string) => Chart };
  readonly tables: { add: (address: string | Range, hasHeaders: boolean) => Table };
  readonly pageLayout: PageLayout;
  constructor(
    ctx: RequestContext,
    readonly data: SheetData,
  ) {
    super(ctx);
    this.pageLayout = new PageLayout(ctx, data);
    this.freezePanes = {
      freezeRows: (count: number) => {
        data.frozenRows = count;
      },
    };
    this.charts = {
      add: (type: string, source: Range, seriesBy = 'Auto') => {
        const chart: ChartData = { type, source: boxAddress(source.box), seriesBy, title: '', xValues: '', seriesName: '', position: '' };
        data.charts.push(chart);
        return new Chart(chart);
      },
    };
    this.tables = {
      add: (address: string | Range, hasHeaders: boolean) => {
        const box = typeof address === 'string' ? { ...parse(address), sheet: data.name } : address.box;
        const table = { address: boxAddress(box), hasHeaders, name: `Table${book.sheets.reduce((n, s) => n + s.tables.length, 0) + 1}` };
        data.tables.push(table);
        return new Table(this.ctx, table);
      },
    };
  }
  protected scalars(): string[] {
    return ['name', 'position', 'visibility', 'id'];
  }
  protected read(name: string): unknown {
    switch (name) {
      case 'name':
        return this.data.name;
      case 'position':
        return book.sheets.indexOf(this.data);
      case 'visibility':
        return this.data.visibility ?? 'Visible';
      case 'id':
        return `{sheet-${book.sheets.indexOf(this.data)}}`;
      default:
        throw officeError('InvalidArgument', `Worksheet has no property ${name}`);
    }
  }
  get name(): string {
    return this.expose('name');
  }
  get isNullObject(): boolean {
    return this.expose('isNullObject');
  }
  get visibility(): string {
    return this.expose('visibility');
  }
  /** Excel.SheetVisibility (ExcelApi 1.1): "VeryHidden" is hidden from the 取消隐藏/Unhide list too. */
  set visibility(value: string) {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) this.ctx.fail('InvalidArgument', `visibility ${value}`);
    else if (this.data === GHOST) this.ctx.fail('ItemNotFound', 'the sheet does not exist');
    else if (!this.ctx.broken) this.data.visibility = value;
  }
  /** ExcelApi 1.4: a null object for a sheet without values (valuesOnly) or for a null sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    const empty = this.data === GHOST || ![...this.data.cells.values()].some((cell) => cell.formula !== null || cell.value !== '' || (!valuesOnly && (cell.fill !== null || cell.numberFormat !== undefined)));
    const range = empty ? new Range(this.ctx, { sheet: this.data.name, r0: 0, c0: 0, r1: 0, c1: 0 }) : this.getUsedRange(valuesOnly);
    range.reveal({ isNullObject: empty });
    return range;
  }
  getRange(address?: string): Range {
    if (address === undefined) return new Range(this.ctx, { sheet: this.data.name, r0: 0, c0: 0, r1: 1048575, c1: 16383 });
    const box = parse(address);
    return new Range(this.ctx, { sheet: this.data.name, r0: box.r0, c0: box.c0, r1: box.r1, c1: box.c1 });
  }
  getUsedRange(valuesOnly = false): Range {
    let box: Box | null = null;
    for (const [at, cell] of this.data.cells) {
      const used = cell.formula !== null || cell.value !== '' || (!valuesOnly && (cell.fill !== null || cell.numberFormat !== undefined));
      if (!used) continue;
      const [row, column] = at.split(',').map(Number);
      box = box
        ? { sheet: box.sheet, r0: Math.min(box.r0, row), c0: Math.min(box.c0, column), r1: Math.max(box.r1, row), c1: Math.max(box.c1, column) }
        : { sheet: this.data.name, r0: row, c0: column, r1: row, c1: column };
    }
    return new Range(this.ctx, box ?? { sheet: this.data.name, r0: 0, c0: 0, r1: 0, c1: 0 });
  }
  activate(): void {
    if (this.data !== GHOST) book.active = this.data.name;
  }
}

class Chart {
  readonly title: { text: string };
  readonly series: { getItemAt: (index: number) => { setXAxisValues: (range: Range) => void; name: string } };
  constructor(private readonly data: ChartData) {
    const title = { text: '' };
    Object.defineProperty(title, 'text', { set: (value: string) => (data.title = value), get: () => data.title });
    this.title = title;
    this.series = {
      getItemAt: () => ({
        setXAxisValues: (range: Range) => {
          data.xValues = boxAddress(range.box);
        },
        set name(value: string) {
          data.seriesName = value;
        },
        get name() {
          return data.seriesName;
        },
      }),
    };
  }
  setPosition(start: string | Range): void {
    this.data.position = typeof start === 'string' ? start : boxAddress(start.box);
  }
}

class Table {
  constructor(
    private readonly ctx: RequestContext,
    private readonly data: { name: string },
  ) {}
  set name(value: string) {
    const taken = book.sheets.some((sheet) => sheet.tables.some((table) => table !== this.data && table.name.toLowerCase() === value.toLowerCase()));
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(value) || /^[A-Za-z]{1,3}\d+$/.test(value) || taken) this.ctx.fail('InvalidArgument', `invalid table name: ${value}`);
    else this.data.name = value;
  }
  get name(): string {
    return this.data.name;
  }
}

class ClientResult<T> {
  private ready = false;
  constructor(
    ctx: RequestContext,
    private readonly result: T,
  ) {
    ctx.pending.push(() => (this.ready = true));
  }
  get value(): T {
    if (!this.ready) throw officeError('PropertyNotLoaded', 'ClientResult.value is not available before context.sync()');
    return this.result;
  }
}

interface CellPropertiesShape {
  address?: string;
  format?: { fill?: Partial<Fill>; font?: { bold?: boolean; color?: string } };
}

class Range extends ClientObject {
  readonly format: {
    fill: { color: string; clear: () => void };
    font: { bold: boolean; color: string };
    wrapText: boolean;
  };
  readonly dataValidation: { rule: unknown; errorAlert: unknown };
  /** ExcelApi 1.2 Range.columnHidden: set on any cell, hides (or shows) the columns of the range. */
  set columnHidden(value: boolean) {
    const data = this.sheetData();
    if (this.ctx.broken || !data) return;
    for (let c = this.box.c0; c <= this.box.c1; c++) {
      const at = data.hiddenColumns.indexOf(c);
      if (value && at < 0) data.hiddenColumns.push(c);
      if (!value && at >= 0) data.hiddenColumns.splice(at, 1);
    }
    data.hiddenColumns.sort((a, b) => a - b);
    book.wrote(this.box, 'columnHidden');
  }
  get columnHidden(): boolean {
    throw officeError('PropertyNotLoaded', 'columnHidden is write-only in the stand-in');
  }
  constructor(
    ctx: RequestContext,
    readonly box: Box,
  ) {
    super(ctx);
    const range = this;
    this.format = {
      fill: {
        set color(value: string) {
          if (range.ctx.broken) return;
          range.each((cell) => (cell.fill = { color: value.toUpperCase(), pattern: 'Solid' }));
          book.wrote(range.box, 'fill');
        },
        get color(): string {
          throw officeError('PropertyNotLoaded', 'format.fill.color is write-only in the stand-in');
        },
        clear() {
          if (range.ctx.broken) return;
          range.each((cell) => (cell.fill = null));
          book.wrote(range.box, 'fill.clear');
        },
      },
      font: {
        set bold(value: boolean) {
          range.each((cell) => (cell.bold = value));
          book.wrote(range.box, 'font.bold');
        },
        get bold(): boolean {
          throw officeError('PropertyNotLoaded', 'format.font.bold is write-only in the stand-in');
        },
        set color(value: string) {
          range.each((cell) => (cell.fontColor = value));
          book.wrote(range.box, 'font.color');
        },
        get color(): string {
          throw officeError('PropertyNotLoaded', 'format.font.color is write-only in the stand-in');
        },
      },
      set wrapText(value: boolean) {
        range.each((cell) => (cell.wrap = value));
        book.wrote(range.box, 'wrapText');
      },
      get wrapText(): boolean {
        throw officeError('PropertyNotLoaded', 'format.wrapText is write-only in the stand-in');
      },
    };
    const validation = { address: boxAddress(box) } as SheetData['validations'][number];
    let added = false;
    const record = () => {
      if (!added) range.sheetData()?.validations.push(validation);
      added = true;
      book.wrote(range.box, 'dataValidation');
    };
    this.dataValidation = {
      set rule(value: unknown) {
        validation.rule = value;
        record();
      },
      get rule(): unknown {
        return validation.rule;
      },
      set errorAlert(value: unknown) {
        validation.errorAlert = value;
        record();
      },
      get errorAlert(): unknown {
        return validation.errorAlert;
      },
    };
  }
  private sheetData(): SheetData | undefined {
    const sheet = book.sheet(this.box.sheet);
    if (!sheet) this.ctx.fail('ItemNotFound', `sheet ${this.box.sheet} does not exist`);
    return sheet;
  }
  private get rows(): number {
    return this.box.r1 - this.box.r0 + 1;
  }
  private get columns(): number {
    return this.box.c1 - this.box.c0 + 1;
  }
  private each(apply: (cell: CellData, i: number, j: number) => void): void {
    const sheet = this.sheetData();
    if (!sheet) return;
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.columns; j++) apply(book.cell(sheet, this.box.r0 + i, this.box.c0 + j), i, j);
  }
  private peek(i: number, j: number): CellData | undefined {
    return book.sheet(this.box.sheet)?.cells.get(key(this.box.r0 + i, this.box.c0 + j));
  }
  private grid<T>(pick: (cell: CellData | undefined, i: number, j: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.columns }, (_, j) => pick(this.peek(i, j), i, j)));
  }
  /** A 2-D array must match the range exactly (as Excel requires); a single value fills it. */
  private fits(value: unknown, what: string): value is unknown[][] | Scalar {
    if (!Array.isArray(value)) return true;
    const ok = value.length === this.rows && value.every((row) => Array.isArray(row) && row.length === this.columns);
    if (!ok) {
      const got = `${value.length}×${Array.isArray(value[0]) ? value[0].length : '?'}`;
      this.ctx.fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} ${got} for ${boxAddress(this.box)}, ${this.rows}×${this.columns}).`);
    }
    return ok;
  }
  private at(value: unknown, i: number, j: number): unknown {
    return Array.isArray(value) ? (value[i] as unknown[])[j] : value;
  }
  protected scalars(): string[] {
    return ['address', 'values', 'formulas', 'formulasLocal', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'text'];
  }
  protected read(name: string): unknown {
    switch (name) {
      case 'address':
        return boxAddress(this.box);
      case 'values':
        return this.grid((cell) => (cell && cell.formula === null ? cell.value : cell?.nameError ? '#NAME?' : ''));
      case 'formulasLocal':
        return this.grid((cell) => (cell ? (cell.formula === null ? cell.value : localFormula(cell.formula)) : ''));
      case 'text':
        return this.grid((cell) => (cell && cell.formula === null ? String(cell.value) : ''));
      case 'formulas':
        return this.grid((cell) => (cell ? (cell.formula ?? cell.value) : ''));
      case 'numberFormat':
        return this.grid((cell) => cell?.numberFormat ?? 'General');
      case 'rowIndex':
        return this.box.r0;
      case 'columnIndex':
        return this.box.c0;
      case 'rowCount':
        return this.rows;
      case 'columnCount':
        return this.columns;
      case 'cellCount':
        return this.rows * this.columns;
      default:
        throw officeError('InvalidArgument', `Range has no property ${name}`);
    }
  }
  get address(): string {
    return this.expose('address');
  }
  get values(): Scalar[][] {
    return this.expose('values');
  }
  set values(value: Scalar[][]) {
    this.write(value, 'values');
  }
  get formulas(): Scalar[][] {
    return this.expose('formulas');
  }
  set formulas(value: Scalar[][]) {
    this.write(value, 'formulas');
  }
  get formulasLocal(): Scalar[][] {
    return this.expose('formulasLocal');
  }
  set formulasLocal(value: Scalar[][]) {
    this.write(value, 'formulasLocal');
  }
  get numberFormat(): string[][] {
    return this.expose('numberFormat');
  }
  set numberFormat(value: string[][]) {
    if (!this.fits(value, 'numberFormat') || this.ctx.broken) return;
    this.each((cell, i, j) => (cell.numberFormat = String(this.at(value, i, j))));
    book.wrote(this.box, 'numberFormat');
  }
  get rowIndex(): number {
    return this.expose('rowIndex');
  }
  get columnIndex(): number {
    return this.expose('columnIndex');
  }
  get rowCount(): number {
    return this.expose('rowCount');
  }
  get columnCount(): number {
    return this.expose('columnCount');
  }
  get cellCount(): number {
    return this.expose('cellCount');
  }
  get worksheet(): Worksheet {
    const sheet = this.sheetData();
    return new Worksheet(this.ctx, sheet ?? GHOST);
  }
  /** selection ∩ used range (ExcelApi 1.4): isNullObject after the next sync. */
  getIntersectionOrNullObject(other: Range | string): Range {
    const b = typeof other === 'string' ? { ...parse(other), sheet: parse(other).sheet || this.box.sheet } : other.box;
    const box: Box = { sheet: this.box.sheet, r0: Math.max(this.box.r0, b.r0), c0: Math.max(this.box.c0, b.c0), r1: Math.min(this.box.r1, b.r1), c1: Math.min(this.box.c1, b.c1) };
    const empty = b.sheet.toLowerCase() !== this.box.sheet.toLowerCase() || box.r0 > box.r1 || box.c0 > box.c1;
    const range = new Range(this.ctx, empty ? { ...this.box } : box);
    range.reveal({ isNullObject: empty });
    return range;
  }
  get isNullObject(): boolean {
    return this.expose('isNullObject');
  }
  private write(value: unknown, what: string): void {
    if (!this.fits(value, what) || this.ctx.broken) return;
    this.each((cell, i, j) => {
      const v = this.at(value, i, j);
      // Range.values: a string starting with =, + or - in a cell not formatted as Text ("@") is
      // read as a formula; Range.formulas: a string starting with =.
      if (typeof v === 'string' && (what !== 'values' ? v.startsWith('=') : /^[=+-]/.test(v) && cell.numberFormat !== '@')) {
        cell.formula = what === 'formulasLocal' ? invariantFormula(v) : v;
        cell.value = '';
        // #6614: our functions written with Range.formulas are not recognized in such a locale.
        cell.nameError = book.locale === 'tr' && what === 'formulas' && /ASSESS\./.test(v);
      } else {
        cell.formula = null;
        // Text written into a cell not formatted "@" is parsed as if typed: "3.10" → 3.1,
        // "2022-01-05" → a date serial, "TRUE" → true … (test/excel/excel-typing.ts cites Microsoft).
        const typed = typeof v === 'string' && cell.numberFormat !== '@' ? typedValue(v) : v;
        cell.value = typed === null || typed === undefined ? '' : (typed as Scalar);
      }
    });
    book.wrote(this.box, what);
  }
  autoFill(destination: string | Range, type = 'FillDefault'): void {
    const target = typeof destination === 'string' ? { ...parse(destination), sheet: this.box.sheet } : destination.box;
    const inside = target.r0 <= this.box.r0 && target.c0 <= this.box.c0 && target.r1 >= this.box.r1 && target.c1 >= this.box.c1;
    if (!inside || target.sheet !== this.box.sheet || type !== 'FillDefault') {
      this.ctx.fail('InvalidArgument', `autoFill: ${boxAddress(target)} must contain ${boxAddress(this.box)} (type ${type})`);
      return;
    }
    const sheet = this.sheetData();
    if (!sheet) return;
    const source = this.grid((cell) => (cell ? { ...cell } : undefined));
    for (let r = target.r0; r <= target.r1; r++) {
      for (let c = target.c0; c <= target.c1; c++) {
        if (r >= this.box.r0 && r <= this.box.r1 && c >= this.box.c0 && c <= this.box.c1) continue;
        const i = (((r - this.box.r0) % this.rows) + this.rows) % this.rows;
        const j = (((c - this.box.c0) % this.columns) + this.columns) % this.columns;
        const from = source[i][j];
        const cell = book.cell(sheet, r, c);
        if (!from) continue;
        cell.formula = from.formula === null ? null : shiftFormula(from.formula, r - (this.box.r0 + i), c - (this.box.c0 + j));
        cell.nameError = from.nameError;
        cell.value = from.value;
        cell.numberFormat = from.numberFormat;
      }
    }
    book.wrote(target, 'autoFill');
  }
  getCellProperties(_spec: unknown): ClientResult<CellPropertiesShape[][]> {
    const value = this.grid((cell, i, j) => ({
      address: `${sheetRef(this.box.sheet)}!${a1(this.box.r0 + i, this.box.c0 + j)}`,
      format: { fill: cell?.fill ? { ...cell.fill } : { color: '#FFFFFF', pattern: 'None' } },
    }));
    return new ClientResult(this.ctx, value);
  }
  setCellProperties(value: CellPropertiesShape[][]): void {
    if (!Array.isArray(value) || !this.fits(value, 'setCellProperties') || this.ctx.broken) return;
    this.each((cell, i, j) => {
      const fill = value[i][j].format?.fill;
      if (fill) cell.fill = !fill.pattern || fill.pattern === 'None' ? null : { color: String(fill.color ?? '#FFFFFF').toUpperCase(), pattern: fill.pattern };
      const font = value[i][j].format?.font;
      if (font?.bold !== undefined) cell.bold = font.bold;
      if (font?.color !== undefined) cell.fontColor = font.color;
    });
    book.wrote(this.box, 'setCellProperties');
  }
  select(): void {
    if (!book.sheet(this.box.sheet)) return void this.sheetData();
    book.selection = { ...this.box };
    book.active = this.box.sheet;
  }
}

class Comment extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly data: CommentData,
  ) {
    super(ctx);
  }
  protected scalars(): string[] {
    return ['content', 'id', 'authorName'];
  }
  protected read(name: string): unknown {
    if (name === 'content') return this.data.content;
    if (name === 'id') return this.data.id;
    if (name === 'authorName') return 'Clerk';
    throw officeError('InvalidArgument', `Comment has no property ${name}`);
  }
  get content(): string {
    return this.expose('content');
  }
  getLocation(): Range {
    return new Range(this.ctx, { sheet: this.data.sheet, r0: this.data.row, c0: this.data.column, r1: this.data.row, c1: this.data.column });
  }
  delete(): void {
    const index = book.comments.indexOf(this.data);
    if (index >= 0 && !this.ctx.broken) {
      book.comments.splice(index, 1);
      book.writes.push({ sheet: this.data.sheet, address: `${sheetRef(this.data.sheet)}!${a1(this.data.row, this.data.column)}`, op: 'comment.delete' });
    }
  }
}

const NO_COMMENT: CommentData = { id: '', sheet: '', row: 0, column: 0, content: '' };

class CommentCollection extends ClientObject {
  protected scalars(): string[] {
    return ['items'];
  }
  protected read(name: string): unknown {
    if (name !== 'items') throw officeError('InvalidArgument', `CommentCollection has no property ${name}`);
    return book.comments.map((comment) => new Comment(this.ctx, comment));
  }
  protected override readNested(head: string, tail: string): unknown {
    const items = this.read(head) as Comment[];
    for (const item of items) item.load(tail || undefined);
    return items;
  }
  get items(): Comment[] {
    return this.expose('items');
  }
  private find(address: string | Range): { box: Box; comment?: CommentData } | null {
    const box = typeof address === 'string' ? parse(address) : address.box;
    if (!box.sheet || !book.sheet(box.sheet)) {
      this.ctx.fail('InvalidArgument', `comment address needs an existing sheet: ${String(typeof address === 'string' ? address : boxAddress(box))}`);
      return null;
    }
    const sheet = book.sheet(box.sheet) as SheetData;
    return { box: { ...box, sheet: sheet.name }, comment: book.comments.find((c) => c.sheet === sheet.name && c.row === box.r0 && c.column === box.c0) };
  }
  add(address: string | Range, content: string): Comment {
    const found = this.find(address);
    if (!found) return new Comment(this.ctx, NO_COMMENT);
    if (found.box.r0 !== found.box.r1 || found.box.c0 !== found.box.c1) {
      this.ctx.fail('InvalidArgument', 'a comment goes on a single cell');
      return new Comment(this.ctx, NO_COMMENT);
    }
    if (found.comment) {
      this.ctx.fail('InvalidArgument', `${boxAddress(found.box)} already has a comment`);
      return new Comment(this.ctx, found.comment);
    }
    if (book.commentsAdd === 'NotImplemented') {
      // office-js #1847 (Excel for Windows 2104), office-docs #2006 (2006): see Seed.commentsAdd.
      this.ctx.fail('NotImplemented', 'This operation is not implemented.');
      return new Comment(this.ctx, NO_COMMENT);
    }
    if (noteAt(found.box.sheet, found.box.r0, found.box.c0)) {
      // A cell holds a note or a threaded comment, not both (see Seed.notes).
      this.ctx.fail('InvalidArgument', `${boxAddress(found.box)} has a note`);
      return new Comment(this.ctx, NO_COMMENT);
    }
    if (this.ctx.broken) return new Comment(this.ctx, NO_COMMENT);
    book.writes.push({ sheet: found.box.sheet, address: boxAddress(found.box), op: 'comment.add' });
    return new Comment(this.ctx, book.addComment(found.box.sheet, found.box.r0, found.box.c0, content));
  }
  getItemByCell(address: string | Range): Comment {
    const found = this.find(address);
    if (!found) return new Comment(this.ctx, NO_COMMENT);
    if (!found.comment) {
      this.ctx.fail('ItemNotFound', `no comment at ${boxAddress(found.box)}`);
      return new Comment(this.ctx, NO_COMMENT);
    }
    return new Comment(this.ctx, found.comment);
  }
}

function noteAt(sheet: string, row: number, column: number): CommentData | undefined {
  return book.notes.find((n) => n.sheet.toLowerCase() === sheet.toLowerCase() && n.row === row && n.column === column);
}

/** Excel.Note (ExcelApi 1.18): content, getLocation(), delete(). */
class Note extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly data: CommentData,
  ) {
    super(ctx);
  }
  protected scalars(): string[] {
    return ['content', 'authorName'];
  }
  protected read(name: string): unknown {
    if (name === 'content') return this.data.content;
    if (name === 'authorName') return 'Clerk';
    throw officeError('InvalidArgument', `Note has no property ${name}`);
  }
  get content(): string {
    return this.expose('content');
  }
  getLocation(): Range {
    return new Range(this.ctx, { sheet: this.data.sheet, r0: this.data.row, c0: this.data.column, r1: this.data.row, c1: this.data.column });
  }
  delete(): void {
    const index = book.notes.indexOf(this.data);
    if (index < 0) this.ctx.fail('ItemNotFound', 'the note is gone');
    else if (!this.ctx.broken) {
      book.notes.splice(index, 1);
      book.writes.push({ sheet: this.data.sheet, address: `${sheetRef(this.data.sheet)}!${a1(this.data.row, this.data.column)}`, op: 'note.delete' });
    }
  }
}

/**
 * Excel.NoteCollection (ExcelApi 1.18): items, add(cellAddress, content) on a single cell ("an
 * InvalidArgument error is thrown if multiple cells are selected", Learn's sample), refused on a
 * cell that has a note or a threaded comment already.
 */
class NoteCollection extends ClientObject {
  protected scalars(): string[] {
    return ['items'];
  }
  protected read(name: string): unknown {
    if (name !== 'items') throw officeError('InvalidArgument', `NoteCollection has no property ${name}`);
    return book.notes.map((note) => new Note(this.ctx, note));
  }
  protected override readNested(head: string, tail: string): unknown {
    const items = this.read(head) as Note[];
    for (const item of items) item.load(tail || undefined);
    return items;
  }
  get items(): Note[] {
    return this.expose('items');
  }
  add(address: string | Range, content: string): Note {
    const box = typeof address === 'string' ? parse(address) : address.box;
    const sheet = box.sheet ? book.sheet(box.sheet) : undefined;
    if (!sheet) {
      this.ctx.fail('InvalidArgument', `note address needs an existing sheet: ${typeof address === 'string' ? address : boxAddress(box)}`);
      return new Note(this.ctx, NO_COMMENT);
    }
    if (box.r0 !== box.r1 || box.c0 !== box.c1) {
      this.ctx.fail('InvalidArgument', 'a note goes on a single cell');
      return new Note(this.ctx, NO_COMMENT);
    }
    if (noteAt(sheet.name, box.r0, box.c0) || book.comments.some((c) => c.sheet === sheet.name && c.row === box.r0 && c.column === box.c0)) {
      this.ctx.fail('InvalidArgument', `${boxAddress({ ...box, sheet: sheet.name })} already has a note or a comment`);
      return new Note(this.ctx, NO_COMMENT);
    }
    if (this.ctx.broken) return new Note(this.ctx, NO_COMMENT);
    const note: CommentData = { id: `note-${book.notes.length + 1}`, sheet: sheet.name, row: box.r0, column: box.c0, content };
    book.notes.push(note);
    book.writes.push({ sheet: sheet.name, address: boxAddress({ ...box, sheet: sheet.name }), op: 'note.add' });
    return new Note(this.ctx, note);
  }
}

class Setting extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly settingKey: string,
    exists: boolean,
  ) {
    super(ctx);
    this.reveal({ isNullObject: !exists });
  }
  protected scalars(): string[] {
    return ['key', 'value'];
  }
  protected read(name: string): unknown {
    if (name === 'key') return this.settingKey;
    if (name === 'value') return book.settings.get(this.settingKey);
    throw officeError('InvalidArgument', `Setting has no property ${name}`);
  }
  get isNullObject(): boolean {
    return this.expose('isNullObject');
  }
  get value(): unknown {
    return this.expose('value');
  }
  delete(): void {
    if (!this.ctx.broken) book.settings.delete(this.settingKey);
  }
}

class SettingCollection {
  constructor(private readonly ctx: RequestContext) {}
  add(settingKey: string, value: unknown): Setting {
    if (!this.ctx.broken) book.settings.set(settingKey, JSON.parse(JSON.stringify(value)) as unknown);
    return new Setting(this.ctx, settingKey, true);
  }
  getItemOrNullObject(settingKey: string): Setting {
    return new Setting(this.ctx, settingKey, book.settings.has(settingKey));
  }
  getItem(settingKey: string): Setting {
    if (!book.settings.has(settingKey)) this.ctx.fail('ItemNotFound', `no setting ${settingKey}`);
    return new Setting(this.ctx, settingKey, book.settings.has(settingKey));
  }
}

// ---------------------------------------------------------------------------------------------
// Seeding and inspection

function seed(data: Seed): void {
  for (const sheet of data.sheets) {
    const target = book.addSheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === '' || value === null || value === undefined) return;
        const cell = book.cell(target, r, c);
        if (typeof value === 'string' && value.startsWith('=')) cell.formula = value;
        else cell.value = value;
      }),
    );
    for (const [at, fill] of Object.entries(sheet.fills ?? {})) {
      const { row, column } = cellOf(at);
      book.cell(target, row, column).fill = { color: fill.color.toUpperCase(), pattern: fill.pattern };
    }
  }
  for (const comment of data.comments ?? []) {
    const { row, column } = cellOf(comment.cell);
    book.addComment(comment.sheet, row, column, comment.content);
  }
  for (const note of data.notes ?? []) {
    const { row, column } = cellOf(note.cell);
    book.notes.push({ id: `note-${book.notes.length + 1}`, sheet: note.sheet, row, column, content: note.content });
  }
  for (const [name, visibility] of Object.entries(data.visibility ?? {})) {
    const sheet = book.sheet(name);
    if (sheet) sheet.visibility = visibility;
  }
  for (const [key, value] of Object.entries(data.settings ?? {})) book.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
  book.commentsAdd = data.commentsAdd ?? 'ok';
  selectRange(data.selection.sheet, data.selection.address);
}

function selectRange(sheet: string, address: string): void {
  const box = parse(address);
  const data = book.sheet(sheet);
  if (!data) throw new Error(`no sheet ${sheet}`);
  book.selection = { sheet: data.name, r0: box.r0, c0: box.c0, r1: box.r1, c1: box.c1 };
  book.active = data.name;
}

function snapshotSheet(name: string): unknown {
  const sheet = book.sheet(name);
  if (!sheet) return null;
  const cells: Record<string, { value: Scalar; formula: string | null; fill: Fill | null; bold?: boolean; wrap?: boolean; numberFormat?: string }> = {};
  const ordered = [...sheet.cells.entries()].sort(([a], [b]) => {
    const [ra, ca] = a.split(',').map(Number);
    const [rb, cb] = b.split(',').map(Number);
    return ra - rb || ca - cb;
  });
  for (const [at, cell] of ordered) {
    const [row, column] = at.split(',').map(Number);
    if (cell.value === '' && cell.formula === null && cell.fill === null && cell.bold === undefined && cell.wrap === undefined && cell.numberFormat === undefined) continue;
    cells[a1(row, column)] = { ...cell, fill: cell.fill ? { ...cell.fill } : null };
  }
  return { name: sheet.name, cells, frozenRows: sheet.frozenRows, charts: sheet.charts, tables: sheet.tables, validations: sheet.validations, hiddenColumns: sheet.hiddenColumns, print: sheet.print };
}

const DEFAULT_SEED: Seed = {
  sheets: [{ name: 'Sheet1', rows: [] }],
  selection: { sheet: 'Sheet1', address: 'A1' },
};

const host = globalThis as unknown as Record<string, unknown> & { __STANDIN_SEED?: Seed; __STANDIN_LANG?: string };
const initial = host.__STANDIN_SEED ?? DEFAULT_SEED;
seed(initial);
book.blanks = initial.blanks ?? 'null';
book.locale = initial.formulaLocale ?? 'en';
const language = host.__STANDIN_LANG ?? initial.language ?? 'zh-CN';

/** Office.context.requirements.isSetSupported: from Seed.requirements (a set not named is fully there). */
function supports(name: string, version = '1.1'): boolean {
  const has = initial.requirements?.[name];
  if (has === undefined) return true;
  const [a, b] = [has, version].map((v) => v.split('.').map(Number));
  return a[0] > b[0] || (a[0] === b[0] && (a[1] ?? 0) >= (b[1] ?? 0));
}

async function run<T>(...args: unknown[]): Promise<T> {
  const batch = args[args.length - 1] as (context: RequestContext) => Promise<T>;
  const context = new RequestContext();
  try {
    const result = await batch(context);
    if (context.error || context.pending.length > 0) {
      // Excel.run flushes what is still queued; this flush is not one of the batch's syncs.
      await context.sync();
      context.syncs--;
    }
    return result;
  } finally {
    book.runs.push({ syncs: context.syncs });
  }
}

host.Excel = { run, RequestContext };
host.OfficeExtension = { Error: OfficeError };
host.Office = {
  HostType: { Excel: 'Excel' },
  PlatformType: { PC: 'PC' },
  context: {
    displayLanguage: language,
    contentLanguage: language,
    requirements: { isSetSupported: supports },
  },
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
    const info = { host: 'Excel', platform: 'PC' };
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    );
  },
};
// ---------------------------------------------------------------------------------------------
// What the add-in's custom functions receive (the stand-in does not calculate; it resolves the
// arguments of each ASSESS.* call in a cell as Excel would hand them over)

/** Top-level arguments of a call whose '(' is at `open`: their texts and the index after ')'. */
function callArguments(formula: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const close = formula.indexOf(ch, i + 1);
      i = close < 0 ? formula.length : close;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (ch === ')' || (ch === ',' && depth === 0)) {
      args.push(formula.slice(start, i).trim());
      start = i + 1;
      if (ch === ')') return { args, end: i + 1 };
    }
  }
  return { args, end: formula.length };
}

const REF = /^((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/u;

/**
 * The value of one argument as a custom function gets it: a quoted text; a reference (a matrix of
 * its cells: a formula cell is "=…" since nothing is calculated here, an empty cell null or 0 by
 * the mode, see Seed.blanks); IF(r="","",r) over a reference (empty cells "", whatever the mode:
 * `=""` is TRUE for an empty cell); anything else its text.
 */
function argumentValue(text: string, at: string, mode: 'null' | 'zero'): unknown {
  if (/^"(?:[^"]|"")*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  const guarded = /^IF\((.+)="","",(.+)\)$/.exec(text);
  const blankAsText = guarded !== null && guarded[1] === guarded[2];
  const ref = REF.exec(blankAsText ? guarded![1] : text);
  if (!ref) return text;
  const sheetName = ref[1] ? ref[1].slice(0, -1).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : at;
  const sheet = book.sheet(sheetName);
  if (!sheet) return `#REF! ${text}`;
  const box = parse(ref[2].replace(/\$/g, ''));
  const out: unknown[][] = [];
  for (let r = box.r0; r <= box.r1; r++) {
    const row: unknown[] = [];
    for (let c = box.c0; c <= box.c1; c++) {
      const cell = sheet.cells.get(key(r, c));
      if (cell?.formula) row.push(cell.formula);
      else if (cell === undefined || cell.value === '') row.push(blankAsText ? '' : mode === 'zero' ? 0 : null);
      else row.push(cell.value);
    }
    out.push(row);
  }
  return out;
}

/** Each ASSESS.* call in a cell's formula with its arguments as the function receives them. */
function functionArguments(sheetName: string, address: string, mode: 'null' | 'zero' = book.blanks): Array<{ name: string; args: unknown[] }> {
  const sheet = book.sheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const { row, column } = cellOf(address);
  const formula = sheet.cells.get(key(row, column))?.formula ?? '';
  const calls: Array<{ name: string; args: unknown[] }> = [];
  const pattern = /ASSESS\.([A-Z]+)\(/g;
  for (let match = pattern.exec(formula); match; match = pattern.exec(formula)) {
    const { args } = callArguments(formula, match.index + match[0].length - 1);
    calls.push({ name: match[1], args: args.map((arg) => argumentValue(arg, sheet.name, mode)) });
  }
  return calls;
}

host.__standin = {
  functionArguments,
  select: selectRange,
  /** The clerk types into a cell. */
  setCell: (name: string, address: string, value: Scalar) => {
    const sheet = book.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const { row, column } = cellOf(address);
    const cell = book.cell(sheet, row, column);
    cell.formula = typeof value === 'string' && value.startsWith('=') ? value : null;
    cell.value = cell.formula === null ? value : '';
  },
  sheet: snapshotSheet,
  sheetNames: () => book.sheets.map((sheet) => sheet.name),
  active: () => book.active,
  selection: () => boxAddress(book.selection),
  comments: () => book.comments.map((c) => ({ cell: `${sheetRef(c.sheet)}!${a1(c.row, c.column)}`, content: c.content })),
  /** Notes (legacy comments), see Seed.notes. */
  notes: () => book.notes.map((c) => ({ cell: `${sheetRef(c.sheet)}!${a1(c.row, c.column)}`, content: c.content })),
  /** Sheets with their Excel.SheetVisibility. */
  visibility: () => Object.fromEntries(book.sheets.map((sheet) => [sheet.name, sheet.visibility ?? 'Visible'])),
  settings: () => Object.fromEntries(book.settings),
  runs: () => book.runs.map((r) => ({ ...r })),
  writes: () => book.writes.map((w) => ({ ...w })),
  suspended: () => ({ ...book.suspended }),
};
