/**
 * Which columns of a sheet we write are worth printing (issue 22.3): a column no unit has a value
 * in (圈层 without tiers, 等次 without grades, 奖励 without rewards, 通报批评或曝光 nobody marked)
 * prints as an empty column a leader has to skip. The CLI's 计分表 leaves such columns out and the
 * pane's scorecard hides them; both decide by this one rule.
 */

/** A value that prints as something: not undefined, null or blank text (0 and FALSE print). */
export function hasPrintedValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

export interface OptionalColumn<Row> {
  /** Printed whatever the rows hold (单位, 得分). */
  always?: boolean;
  /** The column's value in a row. */
  value: (row: Row) => unknown;
}

/** The columns to print, in order: those always printed, and those some row has a value in. */
export function columnsWithValues<Row, Column extends OptionalColumn<Row>>(columns: readonly Column[], rows: readonly Row[]): Column[] {
  return columns.filter((column) => column.always === true || rows.some((row) => hasPrintedValue(column.value(row))));
}
