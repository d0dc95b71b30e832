/**
 * Every failure a clerk can cause carries the unit, the item and the offending value, in
 * Chinese first and English second, so a cell error or a CLI message says what to fix.
 */

export type AssessErrorKind =
  /** A cell value that cannot be read for its item. */
  | 'input'
  /** A header or table layout that cannot be read. */
  | 'layout'
  /** A ruleset (JSON or table) that does not validate. */
  | 'ruleset'
  /** An unknown built-in ruleset id. */
  | 'unknown-ruleset';

export interface AssessErrorDetail {
  kind: AssessErrorKind;
  zh: string;
  en: string;
  unit?: string;
  item?: string;
  value?: string;
  /** Where in the source (e.g. a cell address or "row 3, column 2"). */
  where?: string;
}

export class AssessError extends Error {
  readonly kind: AssessErrorKind;
  readonly zh: string;
  readonly en: string;
  readonly unit?: string;
  readonly item?: string;
  readonly value?: string;
  readonly where?: string;

  constructor(detail: AssessErrorDetail) {
    super(`${detail.zh}（${detail.en}）`);
    this.name = 'AssessError';
    this.kind = detail.kind;
    this.zh = detail.zh;
    this.en = detail.en;
    this.unit = detail.unit;
    this.item = detail.item;
    this.value = detail.value;
    this.where = detail.where;
  }
}

/** How a cell value is shown in a message: text quoted, empties named. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'string') return `"${truncate(value, 60)}"`;
  if (typeof value === 'number' && Object.is(value, -0)) return '0';
  return String(value);
}

/**
 * Cuts text to at most `max` UTF-16 units (what Excel counts), never inside a surrogate pair
 * (emoji), ending with … when cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}
