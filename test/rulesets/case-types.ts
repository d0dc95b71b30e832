/**
 * Hand-worked test cases for the built-in rulesets, written from ../shared/regulations and
 * ../shared/spec/rulesets.md alone (never from the program's output). Each case carries its
 * arithmetic in a comment and the clause it checks.
 */

/** A cell as Excel would hand it over: number, text, boolean, or empty (null / ""). */
export type CaseCell = number | string | boolean | null;

/** One row per unit: item code → cell value. Codes not listed are absent columns. */
export interface CaseUnitRow {
  unit: string;
  /** chengdu2006 only: 1/2/3 or 第一圈…; omitted → tier from the unit's name. */
  tier?: number | string;
  /** township2022 only: 被通报批评或被媒体曝光 (drops one level). */
  criticized?: boolean;
  values: Record<string, CaseCell>;
}

/** One ledger (台账) row: one event. quantity defaults to 1; matter (事项) may be empty. */
export interface CaseLedgerRow {
  unit: string;
  code: string;
  quantity?: number;
  matter?: string;
}

export type CaseInput =
  | { kind: 'rows'; rows: CaseUnitRow[] }
  | { kind: 'ledger'; rows: CaseLedgerRow[] };

/** What one unit must come out as. Omitted fields are not checked; null means "none". */
export interface CaseUnitExpectation {
  score?: number;
  /** Bonus actually applied after every cap (e.g. chengdu2006 min(Σ capped bonus, 30)). */
  bonus?: number;
  /** Deduction actually applied after every cap. */
  deduction?: number;
  /** Points of single items after their own caps/floors: item code → points. */
  items?: Record<string, number>;
  grade?: string | null;
  /** '优秀' | '待定' | '一等' | '二等' | '三等' | null */
  level?: string | null;
  /** township2022: points the level adds to the annual performance score (5/3/2), else null. */
  result?: number | null;
  /** govinfo: reward in yuan. */
  reward?: number | null;
  /** Threshold labels that must be raised, exactly as in the spec, e.g. '不得参评先进单位和先进个人'. */
  thresholds?: string[];
  /** Item codes (or 'S2+K2') that must carry a check finding (unscored item, beyond bound, …). */
  checks?: string[];
  /** Rank (RANK.EQ descending) within the batch. */
  rank?: number;
}

export interface RulesetCase {
  name: string;
  /** The clause(s) the case exercises, e.g. '第九條(四)'. */
  clause: string;
  input: CaseInput;
  /** unit name → expectation. */
  expect?: Record<string, CaseUnitExpectation>;
  /** The input is invalid: scoring must fail with an error that names this item code. */
  error?: { item: string; value?: string };
}
