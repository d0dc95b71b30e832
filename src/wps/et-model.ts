/// <reference path="../../node_modules/et-jsapi-declare/lib.et.d.ts" />
/**
 * The part of WPS 表格's ET object model (VBA-like: Application.ActiveSheet.Range("A1").Value2)
 * that the ET host uses, typed from Kingsoft's declarations (et-jsapi-declare). Only lib.et.d.ts is
 * referenced: its index.d.ts would declare the globals `wps` and `Application` for the whole
 * program, and code outside src/wps must not see them.
 *
 * Each interface below is a narrowing of the declared one: the assertions at the end fail to
 * compile if Kingsoft's Et.Application, Et.Range … stop having a member with a compatible shape,
 * so the host (and the stand-in that implements these interfaces in tests) cannot drift from the
 * declarations. Enums are numbers here: the declarations' enums are ambient (no runtime object).
 */

export interface EtInterior {
  /** BGR long: red + green·256 + blue·65536. */
  Color: unknown;
  /** xlNone (-4142) when the cell has no fill; xlSolid (1) … otherwise. */
  Pattern: unknown;
  PatternColor: unknown;
}

export interface EtFont {
  Bold: unknown;
  Color: unknown;
}

export interface EtComment {
  Text(Text?: string, Start?: number, Overwrite?: number): string;
  Delete(): void;
}

export interface EtValidation {
  Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string, Formula2?: string): void;
  Delete(): void;
  ErrorTitle: string;
  ErrorMessage: string;
  ShowError: boolean;
  InCellDropdown: boolean;
}

export interface EtCount {
  readonly Count: number;
}

export interface EtRange {
  /** 1-based. */
  readonly Row: number;
  /** 1-based. */
  readonly Column: number;
  readonly Rows: EtCount;
  readonly Columns: EtCount;
  /** A scalar for one cell, an array of rows for several. */
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  ColumnWidth: unknown;
  /** Text wraps within the column. */
  WrapText: unknown;
  /** The whole columns of the range; Hidden hides them (VBA Range.EntireColumn, Range.Hidden). */
  readonly EntireColumn: { Hidden: unknown };
  /** The cell as displayed ("#N/A" for an error). */
  readonly Text: unknown;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  /** The cell's comment; null/undefined where there is none. */
  readonly Comment: EtComment | null | undefined;
  readonly Validation: EtValidation;
  AddComment(Text?: string): unknown;
  AutoFill(Destination: EtRange, Type?: number): unknown;
  Select(): unknown;
}

export interface EtChart {
  SetSourceData(Source: EtRange, PlotBy?: number): void;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
}

export interface EtShapes {
  AddChart2(Style?: number, XlChartType?: number, Left?: number, Top?: number, Width?: number, Height?: number): { readonly Chart: EtChart };
}

export interface EtListObjects {
  /**
   * ListObjects.Add, the documented member (Excel VBA reference; et-jsapi-declare declares both
   * Add and an undocumented alias _Add: only Add is used).
   */
  Add(SourceType?: number, Source?: EtRange, LinkSource?: unknown, XlListObjectHasHeaders?: number): { Name: string };
}

export interface EtPageSetup {
  /** xlPortrait 1, xlLandscape 2. */
  Orientation: number;
  /** xlPaperA4 9. */
  PaperSize: number;
  /** A percentage, or false so that FitToPagesWide/FitToPagesTall decide the scale. */
  Zoom: unknown;
  FitToPagesWide: unknown;
  /** false: as many pages down as needed. */
  FitToPagesTall: unknown;
  /** "$1:$3". */
  PrintTitleRows: string;
  /** "$A:$A": columns repeated at the left of every page. */
  PrintTitleColumns: string;
}

export interface EtWorksheet {
  Name: string;
  readonly PageSetup: EtPageSetup;
  readonly ListObjects: EtListObjects;
  Visible: unknown;
  Activate(): void;
  Range(Cell1: string): EtRange;
  readonly UsedRange: EtRange;
  readonly Shapes: EtShapes;
}

export interface EtSheets {
  readonly Count: number;
  /**
   * Declared as returning Worksheet | Sheets (an array index gives several sheets); with one name
   * or 1-based number it is one worksheet.
   */
  Item(Index: string | number): EtWorksheet;
  Add(Before?: EtWorksheet, After?: EtWorksheet, Count?: number, Type?: number): EtWorksheet;
}

export interface EtWindow {
  readonly RangeSelection: EtRange;
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
}

export interface EtApplication {
  readonly ActiveSheet: EtWorksheet;
  readonly ActiveWindow: EtWindow;
  readonly ActiveWorkbook: EtWorkbook;
  ScreenUpdating: boolean;
}

/** Constants of the ET/Excel object model used here (values as in Excel's VBA enums). */
export const xl = {
  none: -4142,
  solid: 1,
  sheetVeryHidden: 2,
  fillDefault: 0,
  validateWholeNumber: 1,
  validateDecimal: 2,
  validateList: 3,
  validAlertStop: 1,
  between: 1,
  greaterEqual: 7,
  barClustered: 57,
  srcRange: 1,
  yes: 1,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
} as const;

// ---- Compile-time checks against et-jsapi-declare (no runtime code) ----
type Assignable<To, From extends To> = From;
export type EtDeclarationChecks = [
  Assignable<EtInterior, Et.Interior>,
  Assignable<EtFont, Et.Font>,
  Assignable<EtComment, Et.Comment>,
  Assignable<EtValidation, Et.Validation>,
  Assignable<Omit<EtRange, 'Interior' | 'Font' | 'Comment' | 'Validation' | 'AutoFill' | 'Rows' | 'Columns'>, Et.Range>,
  Assignable<EtInterior, Et.Range['Interior']>,
  Assignable<EtFont, Et.Range['Font']>,
  Assignable<EtComment, Et.Range['Comment']>,
  Assignable<EtValidation, Et.Range['Validation']>,
  Assignable<EtCount, Et.Range['Rows']>,
  Assignable<Pick<EtChart, 'HasTitle'>, Et.Chart>,
  Assignable<{ Text: string }, Et.Chart['ChartTitle']>,
  Assignable<Pick<EtWorksheet, 'Name' | 'Activate'>, Et.Worksheet>,
  Assignable<EtPageSetup, Et.Worksheet['PageSetup']>,
  Assignable<{ Name: string }, ReturnType<Et.Worksheet['ListObjects']['Add']>>,
  Assignable<Pick<EtSheets, 'Count'>, Et.Sheets>,
  Assignable<EtWindow, Et.Window>,
  Assignable<Pick<EtApplication, 'ScreenUpdating'>, Et.Application>,
  Assignable<EtWorksheet['Name'], Et.Application['ActiveSheet']['Name']>,
];
