/**
 * A recording Excel for the task-pane operations (src/taskpane/actions.ts through src/excel/office-host.ts).
 *
 * The request context is an office-addin-mock OfficeMockObject: its sync() is the one the code
 * awaits, and the source table the clerk selected (getSelectedRange(), its worksheet and the used
 * range) are OfficeMockObject nodes, so a property read before load + sync gives the library's
 * "not loaded" / "not synced" error instead of data.
 *
 * The library cannot express the rest, so those parts are small hand-made fakes hung on the mock:
 *  - collections loaded as 'items/name' (worksheets): load() of a navigational path into an array
 *    throws in the mock ("Navigational property items needs to be present…");
 *  - methods that take arguments and return new objects (worksheets.add, getRange(address),
 *    charts.add, tables.add, comments.add/getItemByCell, getLocation): mock functions are copied
 *    as they are and nothing records or validates their calls;
 *  - ClientResult and *OrNullObject semantics (getCellProperties().value, settings
 *    getItemOrNullObject().isNullObject): the mock has no notion of a value readable after sync
 *    without load(), and an unloaded isNullObject would read as a (truthy) error string;
 *  - autoFill, format.fill.clear, setCellProperties, freezePanes, pageLayout, data validation: no behaviour.
 * The hand-made parts follow Office.js where it matters for these tests: values of a result are
 * readable only after the next sync, writes of a 2-D array must match the range's size, a sheet
 * name must be valid and free (case-insensitively), getItemByCell on a cell without a comment
 * fails, and errors surface at context.sync() as RichApi errors do.
 *
 * Every property set and method call on any object the code touches goes through a recording
 * Proxy, so tests see each write with its target ("source:G8", "new:计分表 数据!A4:AD4", …), the
 * batch (sync) it belongs to, and the JSON size of what it sends.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { Cell } from '../../src/core';
import { a1, parseAddress } from '../../src/excel/addresses';
import { MARKS_SHEET } from '../../src/host/marks-record';
import { typedValue } from './excel-typing';

export interface Fill {
  color: string;
  pattern: NonNullable<Excel.CellPropertiesFill['pattern']>;
}
/** Excel's answer for a cell without fill. */
export const NO_FILL: Fill = { color: '#FFFFFF', pattern: 'None' };

export interface Op {
  /** Batch the operation was queued in: 0 before the first sync, 1 after it, … */
  batch: number;
  /** "source:selection", "source:used", "source:sheet", "source:G8", "new:<sheet>!<address>", "chart:<sheet>", "comments", … */
  target: string;
  kind: 'set' | 'call';
  /** Property path or method path within the target ("format.fill.color", "autoFill"). */
  path: string;
  /** The value set or the call's arguments (API objects replaced by their target name). */
  value: unknown;
}

export interface Batch {
  /** UTF-8 bytes of the JSON of every value set and every writing call's arguments. */
  writeBytes: number;
  /** UTF-8 bytes of the JSON of what the loads of the batch return (values, cell properties). */
  readBytes: number;
}

export interface Comment {
  sheet: string;
  cell: string;
  content: string;
  /** Added by the code under test (false for comments the workbook had). */
  added: boolean;
}

/** Calls that only read or navigate; any other call is a write. */
const READ_CALLS = new Set([
  'load', 'getIntersectionOrNullObject', 'getRange', 'getUsedRange', 'getCellProperties', 'getSelectedRange', 'getItem', 'getItemOrNullObject', 'getItemAt',
  'getLocation', 'getItemByCell', 'toJSON', 'getUsedRangeOrNullObject',
]);

export function isWrite(op: Op): boolean {
  return op.kind === 'set' || !READ_CALLS.has(op.path.split('.').pop() ?? '');
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "A4:AD13" (or "Sheet!A4", "$A$4") → 0-based inclusive bounds. */
export function boxOf(address: string): Box {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [from, to = from] = local.split(':');
  const a = parseAddress(from);
  const b = parseAddress(to);
  return { r0: Math.min(a.row, b.row), c0: Math.min(a.column, b.column), r1: Math.max(a.row, b.row), c1: Math.max(a.column, b.column) };
}

function cellsOf(box: Box): string[] {
  const out: string[] = [];
  for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) out.push(a1(r, c));
  return out;
}

/** Sheet name as Excel writes it in an address (quoted when it has spaces or punctuation). */
function addressSheet(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function bytes(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/** A cell of a sheet the code wrote (values, formulas, number formats). */
export interface CellModel {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
}

interface SheetModel {
  name: string;
  /** Excel.SheetVisibility as set by the code ('Visible' unless set). */
  visibility?: string;
  kind: 'source' | 'new' | 'other';
  fills: Map<string, Fill>;
  cells: Map<string, CellModel>;
}

/** Excel's limits per request: cells read, and (Excel on the web) payload of request or response. */
export const CELL_LIMIT = 5_000_000;
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** Range.values: a string starting with =, + or - written to a cell not formatted as Text is a formula. */
export function readAsFormula(value: unknown, numberFormat: string): boolean {
  return typeof value === 'string' && /^[=+-]/.test(value) && numberFormat !== '@';
}

export interface SourceOptions {
  /** Sheet name of the clerk's table. */
  sheet: string;
  /** The used range's values (title rows, header, units). */
  values: Cell[][];
  /** 0-based top-left of the used range. */
  row?: number;
  column?: number;
  /** 'cell': one cell selected (the used range is read); 'table': the whole table selected;
   *  'columns': whole columns selected (A:… as wide as the table, all 1,048,576 rows). */
  selection?: 'cell' | 'table' | 'columns';
}

export class FakeWorkbook {
  readonly ops: Op[] = [];
  readonly batches: Batch[] = [];
  readonly comments: Comment[] = [];
  readonly settings = new Map<string, unknown>();
  readonly sheets: SheetModel[] = [];
  /** context.sync() calls so far, over every context of this workbook. */
  syncs = 0;
  /** Formula cells ("sheet!A1") of batches that ended with API calculation suspended and never recalculated. */
  readonly uncalculated: string[] = [];
  /** Cells where text written with Range.values became a formula ("sheet!A1"). */
  readonly interpreted: string[] = [];
  private failures: string[] = [];
  private readBytes = 0;
  private readCells = 0;
  private calcSuspended = false;
  private pendingCalc: Array<{ sheet: string; box: Box }> = [];
  /** Fault injection: this many more writes succeed, the next one fails (and nothing after it in the batch applies). */
  private faultIn: number | null = null;
  /** A write of this batch failed: later operations of the batch are not applied (as in Excel). */
  broken = false;
  private readonly labels = new WeakMap<object, string>();
  private readonly innerLabels = new WeakMap<object, string>();
  private source: Required<SourceOptions> | null = null;

  constructor(otherSheets: string[] = []) {
    for (const name of otherSheets) this.sheets.push({ name, kind: 'other', fills: new Map(), cells: new Map() });
  }

  /** The clerk's table: a sheet with values; selection on one cell or on the whole table. */
  setSource(options: SourceOptions): this {
    this.source = { row: 0, column: 0, selection: 'cell', ...options };
    if (!this.sheet(options.sheet)) this.sheets.push({ name: options.sheet, kind: 'source', fills: new Map(), cells: new Map() });
    else this.sheet(options.sheet)!.kind = 'source';
    return this;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  fillOf(sheet: string, cell: string): Fill {
    return this.sheet(sheet)?.fills.get(cell) ?? NO_FILL;
  }

  /** The next `writes` writes succeed; the one after fails at the next sync, and the rest of its batch is not applied. */
  failAfterWrites(writes: number): void {
    this.faultIn = writes;
  }

  /** What the code wrote into a cell of a sheet it added. */
  cellOf(sheet: string, cell: string): CellModel | undefined {
    return this.sheet(sheet)?.cells.get(cell);
  }

  setFill(sheet: string, cell: string, fill: Fill): void {
    if (this.broken) return;
    const model = this.sheet(sheet);
    if (!model) throw new Error(`no sheet ${sheet}`);
    if (fill.pattern === 'None') model.fills.delete(cell);
    else model.fills.set(cell, { ...fill });
  }

  /** The text of the marks record (column A of the very hidden sheet src/host/marks-record.ts names), or null. */
  marksRecordText(): string | null {
    const model = this.sheet(MARKS_SHEET);
    if (!model) return null;
    const rows = [...model.cells.keys()].filter((at) => /^A\d+$/.test(at)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    return rows.map((at) => String(model.cells.get(at)!.value)).join('');
  }

  /** Address of the used range ("数据!A1:AA24"). */
  usedAddress(): string {
    const s = this.requireSource();
    const width = Math.max(...s.values.map((row) => row.length));
    return `${addressSheet(s.sheet)}!${a1(s.row, s.column)}:${a1(s.row + s.values.length - 1, s.column + width - 1)}`;
  }

  /** Operations since a mark (ops.length before an action). */
  since(mark: number): Op[] {
    return this.ops.slice(mark);
  }

  /** A fresh request context, as Excel.run gives one per action; the workbook state is shared. */
  context(): { context: Excel.RequestContext; mock: OfficeMockObject } {
    const s = this.requireSource();
    const usedValues = s.values;
    const width = Math.max(...usedValues.map((row) => row.length));
    const usedBox: Box = { r0: s.row, c0: s.column, r1: s.row + usedValues.length - 1, c1: s.column + width - 1 };
    const used = {
      address: this.usedAddress(),
      values: usedValues,
      rowIndex: s.row,
      columnIndex: s.column,
      rowCount: usedValues.length,
      columnCount: width,
      getCellProperties: (options: unknown) => this.cellProperties(s.sheet, { r0: s.row, c0: s.column, r1: s.row + usedValues.length - 1, c1: s.column + width - 1 }, options),
    };
    const selectedBox: Box =
      s.selection === 'table' ? usedBox : s.selection === 'columns' ? { r0: 0, c0: usedBox.c0, r1: 1_048_575, c1: usedBox.c1 } : { r0: s.row, c0: s.column, r1: s.row, c1: s.column };
    const selectedCells = (selectedBox.r1 - selectedBox.r0 + 1) * (selectedBox.c1 - selectedBox.c0 + 1);
    const selected = {
      address: `${addressSheet(s.sheet)}!${s.selection === 'columns' ? `${a1(0, usedBox.c0).replace(/\d+/, '')}:${a1(0, usedBox.c1).replace(/\d+/, '')}` : selectedCells === 1 ? a1(s.row, s.column) : `${a1(selectedBox.r0, selectedBox.c0)}:${a1(selectedBox.r1, selectedBox.c1)}`}`,
      // Only what Excel would return for small selections is materialized; the limits are checked from the box.
      values: selectedCells <= usedValues.length * width ? this.valuesIn(selectedBox) : [[]],
      rowIndex: selectedBox.r0,
      columnIndex: selectedBox.c0,
      cellCount: selectedCells,
    };
    this.selectedBox = selectedBox;
    // Filled in after construction: the functions reach the mock's own nodes through it.
    let root: OfficeMockObject | null = null;
    const node = (path: string[]): object => {
      let at: unknown = root;
      for (const key of path) at = (at as Record<string, unknown>)[key];
      return at as object;
    };
    const data = {
      workbook: {
        selection: {
          ...selected,
          getIntersectionOrNullObject: (_other: unknown) => this.intersection(s.sheet, selectedBox, usedBox),
          worksheet: {
            name: s.sheet,
            used,
            getUsedRange: () => this.record(node(['workbook', 'selection', 'worksheet', 'used']), 'source:used'),
            getRange: (address: string) => this.range(s.sheet, address),
          },
        },
        getSelectedRange: () => {
          const selection = node(['workbook', 'selection']);
          this.innerLabels.set(node(['workbook', 'selection', 'worksheet']), 'source:sheet');
          return this.record(selection, 'source:selection');
        },
      },
    };
    root = new OfficeMockObject(data);
    const mock = root as unknown as Record<string, Record<string, unknown>> & { sync: () => Promise<void> };
    mock.workbook.worksheets = this.worksheets();
    mock.workbook.comments = this.commentCollection();
    mock.workbook.settings = this.settingCollection();
    mock.application = this.record(
      { suspendApiCalculationUntilNextSync: () => undefined, suspendScreenUpdatingUntilNextSync: () => undefined },
      'application',
    );
    const librarySync = root.sync.bind(root);
    mock.sync = async () => {
      this.endBatch();
      await librarySync();
      // The library updates loaded properties in un-awaited async callbacks: let them run.
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    return { context: root as unknown as Excel.RequestContext, mock: root };
  }

  private requireSource(): Required<SourceOptions> {
    if (!this.source) throw new Error('setSource first');
    return this.source;
  }

  private endBatch(): void {
    const batch = this.syncs;
    const writeBytes = this.ops.filter((op) => op.batch === batch && isWrite(op)).reduce((sum, op) => sum + bytes(op.value), 0);
    this.batches.push({ writeBytes, readBytes: this.readBytes });
    if (this.readCells > CELL_LIMIT) this.fail(`InvalidOperation: the request asks for ${this.readCells} cells, over Excel's limit of ${CELL_LIMIT}`);
    if (this.readBytes > PAYLOAD_LIMIT) this.fail(`ResponsePayloadSizeLimitExceeded: the response payload size (${this.readBytes} bytes) has exceeded the limit`);
    if (writeBytes > PAYLOAD_LIMIT) this.fail(`RequestPayloadSizeLimitExceeded: the request payload size (${writeBytes} bytes) has exceeded the limit`);
    for (const { sheet, box } of this.pendingCalc) this.uncalculated.push(...cellsOf(box).map((cell) => `${sheet}!${cell}`));
    this.pendingCalc = [];
    this.calcSuspended = false;
    this.readBytes = 0;
    this.readCells = 0;
    this.broken = false;
    this.syncs++;
    if (this.failures.length > 0) {
      const message = this.failures.join('; ');
      this.failures = [];
      throw new Error(`RichApi.Error: ${message}`);
    }
  }

  private fail(message: string): void {
    this.failures.push(message);
  }

  /** A value readable once a sync has run after it was asked for (Office.js proxy semantics). */
  private gate(): () => boolean {
    const asked = this.syncs;
    return () => this.syncs > asked;
  }

  /** API objects in logged values are shown by their target name. */
  private describe(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const label = this.labels.get(value);
    if (label) return { ref: label };
    if (Array.isArray(value)) return value.map((v) => this.describe(v));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.describe(v)]));
  }

  private selectedBox: Box | null = null;

  /** The source's values in a box of its sheet ('' outside the used range). */
  private valuesIn(box: Box): Cell[][] {
    const s = this.requireSource();
    const out: Cell[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const row: Cell[] = [];
      for (let c = box.c0; c <= box.c1; c++) row.push(s.values[r - s.row]?.[c - s.column] ?? '');
      out.push(row);
    }
    return out;
  }

  /** A read of the values of a box of the source: counted against the cell and payload limits. */
  private readValues(box: Box): Cell[][] | null {
    const cells = (box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1);
    this.readCells += cells;
    if (cells > CELL_LIMIT) return null;
    const values = this.valuesIn(box);
    this.readBytes += bytes(values);
    return values;
  }

  private log(target: string, kind: Op['kind'], path: string, value: unknown): void {
    const op: Op = { batch: this.syncs, target, kind, path, value: this.describe(value) };
    this.ops.push(op);
    if (isWrite(op) && this.faultIn !== null) {
      if (this.faultIn === 0) {
        this.broken = true;
        this.faultIn = null;
        this.fail(`GeneralException: injected failure at ${target} ${path}`);
      } else this.faultIn--;
    }
    if (kind === 'call' && path.endsWith('load') && (target === 'source:used' || target === 'source:selection')) {
      const wanted = JSON.stringify(value);
      const s = this.requireSource();
      const usedBox = boxOf(this.usedAddress());
      if (wanted.includes('values')) this.readValues(target === 'source:used' ? usedBox : (this.selectedBox ?? usedBox));
      void s;
    }
    if (kind === 'call' && path === 'suspendApiCalculationUntilNextSync') this.calcSuspended = true;
  }

  /** selection.getIntersectionOrNullObject(usedRange): a hand-made ClientObject (isNullObject after sync). */
  private intersection(sheet: string, a: Box, b: Box): object {
    const box: Box = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
    const empty = box.r0 > box.r1 || box.c0 > box.c1;
    const valuesOf = () => this.valuesIn(box);
    const ready = this.gate();
    const loaded = new Set<string>();
    const prop = (name: string, value: () => unknown) => (): unknown => {
      if (!ready() || !loaded.has(name)) throw new Error(`PropertyNotLoaded: intersection ${name}`);
      if (empty) throw new Error(`InvalidObjectPath: the intersection is a null object (${name})`);
      return value();
    };
    const inner = {
      load: (what: string | string[]) => {
        for (const name of typeof what === 'string' ? what.split(',') : what) loaded.add(name.trim());
        if (loaded.has('values') && !empty) this.readValues(box);
      },
      get isNullObject(): boolean {
        if (!ready()) throw new Error('PropertyNotLoaded: isNullObject read before context.sync()');
        return empty;
      },
      get address(): unknown {
        return prop('address', () => `${addressSheet(sheet)}!${a1(box.r0, box.c0)}:${a1(box.r1, box.c1)}`)();
      },
      get rowIndex(): unknown {
        return prop('rowIndex', () => box.r0)();
      },
      get columnIndex(): unknown {
        return prop('columnIndex', () => box.c0)();
      },
      get rowCount(): unknown {
        return prop('rowCount', () => box.r1 - box.r0 + 1)();
      },
      get columnCount(): unknown {
        return prop('columnCount', () => box.c1 - box.c0 + 1)();
      },
      get values(): unknown {
        return prop('values', valuesOf)();
      },
    };
    return this.record(inner, 'source:intersection');
  }

  /** Wraps an object so every set and call is logged under a target name. */
  record<T extends object>(inner: T, target: string, path = ''): T {
    const proxy = new Proxy(inner, {
      get: (obj, prop) => {
        const value: unknown = Reflect.get(obj, prop, obj);
        if (typeof prop !== 'string' || prop.startsWith('_') || prop === 'constructor') return value;
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            this.log(target, 'call', path + prop, args);
            return (value as (...a: unknown[]) => unknown).apply(obj, args);
          };
        }
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && !this.labels.has(value)) {
          const own = this.innerLabels.get(value);
          return own ? this.record(value, own) : this.record(value, target, `${path}${prop}.`);
        }
        return value;
      },
      set: (obj, prop, value: unknown) => {
        if (typeof prop === 'string') this.log(target, 'set', path + prop, value);
        return Reflect.set(obj, prop, value, obj);
      },
    });
    if (path === '') this.labels.set(proxy, target);
    return proxy;
  }

  /** getRange(address) on a sheet: writes are validated and applied to the model. */
  range(sheetName: string, address: string): object {
    const model = this.sheet(sheetName);
    const box = boxOf(address);
    const rows = box.r1 - box.r0 + 1;
    const columns = box.c1 - box.c0 + 1;
    const local = address.replace(/\$/g, '');
    const label = model?.kind === 'source' ? `source:${local}` : `new:${sheetName}!${local}`;
    if (!model) this.fail(`ItemNotFound: sheet ${sheetName}`);
    const checkSize = (what: string, value: unknown): void => {
      if (!Array.isArray(value)) return; // a single value applies to every cell
      const ok = value.length === rows && value.every((row) => Array.isArray(row) && row.length === columns);
      if (!ok) {
        const shape = `${value.length}×${Array.isArray(value[0]) ? (value[0] as unknown[]).length : '?'}`;
        this.fail(`InvalidArgument: ${what} of ${shape} set on ${sheetName}!${local} (${rows}×${columns}): the number of rows or columns in the input array doesn't match the size or dimensions of the range`);
      }
    };
    const notLoaded = (what: string) => (): never => {
      throw new Error(`PropertyNotLoaded: ${what} of ${sheetName}!${local}`);
    };
    const fillAll = (fill: Fill) => {
      if (model) for (const cell of cellsOf(box)) this.setFill(sheetName, cell, fill);
    };
    const at = (value: unknown, i: number, j: number): unknown => (Array.isArray(value) ? (value[i] as unknown[] | undefined)?.[j] : value);
    const cellModel = (cell: string): CellModel => {
      let found = model!.cells.get(cell);
      if (!found) {
        found = { value: '', formula: null, numberFormat: 'General' };
        model!.cells.set(cell, found);
      }
      return found;
    };
    /** Applies a values / formulas / numberFormat write to the cells of a sheet the code added. */
    const apply = (what: 'values' | 'formulas' | 'numberFormat', value: unknown): void => {
      if (!model || model.kind !== 'new' || this.broken) return;
      cellsOf(box).forEach((cell, k) => {
        const v = at(value, Math.floor(k / columns), k % columns);
        const target = cellModel(cell);
        if (what === 'numberFormat') target.numberFormat = String(v);
        else if (what === 'formulas' ? typeof v === 'string' && v.startsWith('=') : readAsFormula(v, target.numberFormat)) {
          target.formula = String(v);
          target.value = '';
          if (what === 'values') this.interpreted.push(`${sheetName}!${cell}`);
          if (this.calcSuspended) this.pendingCalc.push({ sheet: sheetName, box: boxOf(cell) });
        } else {
          target.formula = null;
          // Text written into a cell not formatted "@" is parsed as if typed: "3.10" → 3.1,
          // "2022-01-05" → a date serial, "TRUE" → true … (excel-typing.ts cites Microsoft).
          const typed = typeof v === 'string' && target.numberFormat !== '@' ? typedValue(v) : v;
          target.value = (typed ?? '') as CellModel['value'];
        }
      });
    };
    let loadedValues: Cell[][] | null = null;
    let valuesReady: (() => boolean) | null = null;
    let localFormulas: string[][] | null = null;
    let localReady: (() => boolean) | null = null;
    let color: string | undefined;
    const inner = {
      address: `${addressSheet(sheetName)}!${local}`,
      format: {
        fill: {
          get color(): string | undefined {
            return color;
          },
          set color(value: string | undefined) {
            color = value;
            if (value) fillAll({ color: value, pattern: 'Solid' });
          },
          clear: () => fillAll(NO_FILL),
        },
        font: {} as Record<string, unknown>,
      },
      dataValidation: {} as Record<string, unknown>,
      get values(): Cell[][] {
        if (!loadedValues || !valuesReady?.()) return notLoaded('values')();
        return loadedValues;
      },
      set values(value: unknown) {
        checkSize('values', value);
        apply('values', value);
      },
      get formulas(): never {
        return notLoaded('formulas')();
      },
      get formulasLocal(): string[][] {
        if (!localFormulas || !localReady?.()) return notLoaded('formulasLocal')();
        return localFormulas;
      },
      set formulasLocal(value: unknown) {
        checkSize('formulasLocal', value);
        apply('formulas', value);
      },
      set formulas(value: unknown) {
        checkSize('formulas', value);
        apply('formulas', value);
      },
      get numberFormat(): never {
        return notLoaded('numberFormat')();
      },
      set numberFormat(value: unknown) {
        checkSize('numberFormat', value);
        apply('numberFormat', value);
      },
      autoFill: (destination: string, _type?: string) => {
        const to = boxOf(destination);
        if (!(to.r0 === box.r0 && to.c0 === box.c0 && to.c1 === box.c1 && to.r1 >= box.r1))
          this.fail(`InvalidArgument: autoFill destination ${destination} does not extend ${local} downwards`);
        else if (this.calcSuspended && !this.broken) this.pendingCalc.push({ sheet: sheetName, box: to });
      },
      calculate: () => {
        this.pendingCalc = this.pendingCalc.filter((p) => !(p.sheet === sheetName && p.box.r0 >= box.r0 && p.box.r1 <= box.r1 && p.box.c0 >= box.c0 && p.box.c1 <= box.c1));
      },
      setCellProperties: (cells: Array<Array<{ format?: { fill?: Fill } }>>) => {
        checkSize('cell properties', cells);
        cellsOf(box).forEach((cell, k) => {
          const fill = cells[Math.floor(k / columns)]?.[k % columns]?.format?.fill;
          if (fill) this.setFill(sheetName, cell, { ...NO_FILL, ...fill });
        });
      },
      getCellProperties: (options: unknown) => this.cellProperties(sheetName, box, options),
      select: () => undefined,
      load: (what?: string | string[]) => {
        const names = typeof what === 'string' ? what.split(',').map((n) => n.trim()) : (what ?? []);
        if (names.includes('values') && model?.kind === 'source') {
          loadedValues = this.readValues(box);
          valuesReady = this.gate();
        } else if (names.includes('values') && model) {
          // A sheet the code wrote: formulas are not calculated here (their values read as '').
          loadedValues = cellsOf(box).reduce<Cell[][]>((rows, cell, k) => {
            if (k % columns === 0) rows.push([]);
            const found = model.cells.get(cell);
            rows[rows.length - 1].push(found && found.formula === null ? found.value : '');
            return rows;
          }, []);
          valuesReady = this.gate();
        }
        if (names.includes('formulasLocal') && model) {
          localFormulas = cellsOf(box).reduce<string[][]>((rows, cell, k) => {
            if (k % columns === 0) rows.push([]);
            const found = model.cells.get(cell);
            rows[rows.length - 1].push(found?.formula ?? String(found?.value ?? ''));
            return rows;
          }, []);
          localReady = this.gate();
        }
      },
    };
    return this.record(inner, label);
  }

  private cellProperties(sheet: string, box: Box, options: unknown): { value: Excel.CellProperties[][] } {
    const wanted = JSON.stringify(options);
    const value: Excel.CellProperties[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const row: Excel.CellProperties[] = [];
      for (let c = box.c0; c <= box.c1; c++) {
        const cell = a1(r, c);
        const props: Excel.CellProperties = { format: { fill: { ...this.fillOf(sheet, cell) } } };
        if (wanted.includes('"address"')) props.address = `${addressSheet(sheet)}!${cell}`;
        row.push(props);
      }
      value.push(row);
    }
    this.readBytes += bytes(value);
    const ready = this.gate();
    return {
      get value(): Excel.CellProperties[][] {
        if (!ready()) throw new Error('PropertyNotLoaded: getCellProperties().value read before context.sync()');
        return value;
      },
    };
  }

  private worksheets(): object {
    let ready: (() => boolean) | null = null;
    let snapshot: string[] = [];
    const book = this;
    const inner = {
      load: (_what: unknown) => {
        ready = this.gate();
        snapshot = this.sheetNames();
      },
      get items(): Array<{ name: string }> {
        if (!ready?.()) throw new Error('PropertyNotLoaded: worksheets.items');
        return snapshot.map((name) => ({ name }));
      },
      add: (name: string) => {
        if (!/^[^:\\/?*[\]]{1,31}$/.test(name) || name.startsWith("'") || name.endsWith("'")) this.fail(`InvalidArgument: sheet name ${JSON.stringify(name)}`);
        else if (book.sheet(name)) this.fail(`ItemAlreadyExists: a sheet named ${JSON.stringify(name)} exists`);
        else if (!this.broken) this.sheets.push({ name, kind: 'new', fills: new Map(), cells: new Map() });
        return this.worksheet(name);
      },
      getItem: (name: string) => {
        if (!book.sheet(name)) this.fail(`ItemNotFound: sheet ${name}`);
        return this.worksheet(name);
      },
      // ExcelApi 1.4: isNullObject readable after the next sync.
      getItemOrNullObject: (name: string) => this.worksheet(name, this.gate()),
    };
    return this.record(inner, 'worksheets');
  }

  private worksheet(name: string, nullGate?: () => boolean): object {
    const book = this;
    const exists = this.sheet(name) !== undefined;
    const inner = {
      name,
      get isNullObject(): boolean {
        if (!nullGate?.()) throw new Error('PropertyNotLoaded: isNullObject read before context.sync()');
        return !exists;
      },
      set visibility(value: string) {
        const model = book.sheet(name);
        if (!model) book.fail(`ItemNotFound: sheet ${name}`);
        else if (!book.broken) model.visibility = value;
      },
      /** ExcelApi 1.4, valuesOnly: the cells the code wrote a value into; a null object when none. */
      getUsedRangeOrNullObject: (_valuesOnly?: boolean) => this.usedOrNull(name),
      getRange: (address: string) => this.range(name, address),
      freezePanes: { freezeRows: (_rows: number) => undefined },
      pageLayout: { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 } as Excel.PageLayoutZoomOptions, setPrintTitleRows: (_rows: string) => undefined, setPrintTitleColumns: (_columns: string) => undefined },
      charts: {
        add: (_type: string, _source: object, _seriesBy?: string) => {
          const chart = {
            title: {} as Record<string, unknown>,
            series: {
              getItemAt: (_index: number) => this.record({ setXAxisValues: (_values: object) => undefined, name: '' }, `series:${name}`),
            },
            setPosition: (_startCell: string, _endCell?: string) => undefined,
          };
          return this.record(chart, `chart:${name}`);
        },
      },
      tables: { add: (_address: string, _hasHeaders: boolean) => this.record({ name: '' }, `table:${name}`) },
      activate: () => undefined,
      load: () => undefined,
    };
    const model = this.sheet(name);
    return this.record(inner, model?.kind === 'source' ? 'source:sheet' : `sheet:${name}`);
  }

  private usedOrNull(name: string): object {
    const model = this.sheet(name);
    const used = [...(model?.cells.entries() ?? [])].filter(([, cell]) => cell.formula !== null || cell.value !== '').map(([at]) => parseAddress(at));
    const box: Box | null = used.length === 0 ? null : { r0: Math.min(...used.map((p) => p.row)), c0: Math.min(...used.map((p) => p.column)), r1: Math.max(...used.map((p) => p.row)), c1: Math.max(...used.map((p) => p.column)) };
    const ready = this.gate();
    const values = box ? cellsOf(box).map((cell) => model!.cells.get(cell)?.value ?? '') : [];
    const width = box ? box.c1 - box.c0 + 1 : 0;
    const loaded = () => {
      if (!ready()) throw new Error('PropertyNotLoaded: used range read before context.sync()');
      if (!box) throw new Error('InvalidObjectPath: the used range is a null object');
      return box;
    };
    const inner = {
      load: (_what: unknown) => undefined,
      get isNullObject(): boolean {
        if (!ready()) throw new Error('PropertyNotLoaded: isNullObject read before context.sync()');
        return box === null;
      },
      get values(): Cell[][] {
        const b = loaded();
        return Array.from({ length: b.r1 - b.r0 + 1 }, (_, r) => values.slice(r * width, (r + 1) * width));
      },
      get rowIndex(): number {
        return loaded().r0;
      },
      get columnIndex(): number {
        return loaded().c0;
      },
      get rowCount(): number {
        const b = loaded();
        return b.r1 - b.r0 + 1;
      },
    };
    return this.record(inner, `used:${name}`);
  }

  private commentCollection(): object {
    const book = this;
    let ready: (() => boolean) | null = null;
    let snapshot: Comment[] = [];
    const where = (address: string): { sheet: string; cell: string; single: boolean } => {
      const { sheet } = parseAddress(address);
      const box = boxOf(address);
      return { sheet, cell: a1(box.r0, box.c0), single: box.r0 === box.r1 && box.c0 === box.c1 };
    };
    const find = (sheet: string, cell: string) => this.comments.findIndex((c) => c.sheet.toLowerCase() === sheet.toLowerCase() && c.cell === cell);
    const inner = {
      load: (_what: unknown) => {
        ready = this.gate();
        snapshot = [...this.comments];
      },
      get items(): object[] {
        if (!ready?.()) throw new Error('PropertyNotLoaded: comments.items');
        return snapshot.map((comment) => ({
          content: comment.content,
          delete: () => {
            const index = book.comments.indexOf(comment);
            if (index < 0) book.fail(`ItemNotFound: the comment on ${comment.sheet}!${comment.cell} is gone`);
            else if (!book.broken) book.comments.splice(index, 1);
          },
          getLocation: () => {
            let located: (() => boolean) | null = null;
            return book.record(
              {
                load: () => {
                  located = book.gate();
                },
                get address(): string {
                  if (!located?.()) throw new Error('PropertyNotLoaded: comment location address');
                  return `${addressSheet(comment.sheet)}!${comment.cell}`;
                },
              },
              'comment-location',
            );
          },
        }));
      },
      add: (cellAddress: string, content: string) => {
        const at = where(cellAddress);
        if (!at.single) this.fail(`InvalidArgument: comment on more than one cell ${cellAddress}`);
        // One comment thread per cell: Excel refuses a second one (replies go to the thread).
        else if (find(at.sheet, at.cell) >= 0) this.fail(`InvalidArgument: ${cellAddress} already has a comment`);
        else if (!this.broken) this.comments.push({ sheet: at.sheet, cell: at.cell, content, added: true });
      },
      getItemByCell: (cellAddress: string) => {
        const at = where(cellAddress);
        return this.record(
          {
            delete: () => {
              const index = find(at.sheet, at.cell);
              if (index < 0) this.fail(`ItemNotFound: no comment on ${cellAddress}`);
              else this.comments.splice(index, 1);
            },
          },
          `comment:${cellAddress}`,
        );
      },
    };
    return this.record(inner, 'comments');
  }

  private settingCollection(): object {
    const inner = {
      getItemOrNullObject: (key: string) => {
        const ready = this.gate();
        const exists = this.settings.has(key);
        const value = this.settings.get(key);
        let loaded = false;
        return this.record(
          {
            load: () => {
              loaded = true;
            },
            get isNullObject(): boolean {
              if (!ready()) throw new Error('PropertyNotLoaded: isNullObject read before context.sync()');
              return !exists;
            },
            get value(): unknown {
              if (!ready() || !loaded) throw new Error('PropertyNotLoaded: setting value');
              if (!exists) throw new Error('InvalidObjectPath: the setting is a null object');
              return value;
            },
            delete: () => {
              if (!this.broken) this.settings.delete(key);
            },
          },
          `setting:${key}`,
        );
      },
      add: (key: string, value: unknown) => {
        if (!this.broken) this.settings.set(key, value);
      },
    };
    return this.record(inner, 'settings');
  }
}
