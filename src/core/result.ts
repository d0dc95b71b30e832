/** What scoring produces: numbers, and why each is what it is. */

/** One step of the explanation: what happened, under which clause. */
export interface TraceStep {
  clause: string;
  quote: string;
  zh: string;
  en: string;
}

export type FindingKind =
  | 'unscored' // a judged/rate/rank item left empty
  | 'beyond-bound' // a judged value outside its bounds, applied at the bound
  | 'capped' // an item, counter or group cap cut the points
  | 'floored' // an item reached 0 (or its floor) and further deductions had no effect
  | 'incident-range' // a single incident outside the range the clause gives
  | 'sum-limit' // items that together exceed a limit (e.g. S2 + K2 > 12 months)
  | 'quota-tie' // units tied across a quota line: level pending
  | 'level-tie' // more units share a rank level than its ranks span
  | 'no-tier' // a tiered level without a tier
  | 'rank-needs-batch' // a rank computed from volume needs the other units
  | 'merged-cell' // a merged range over item cells: one value, several cells
  | 'level-downgrade' // a criticized unit's level lowered one step (the reason a rank and a level disagree)
  | 'entered-points' // points entered on the sheet below 0, above their limit or off their step grid
  | 'claim' // the sheet's own subtotal, total, rank, level or result disagrees with the regulation
  | 'quota-base' // a tier's quota counted on the units the regulation lists, more than the sheet has
  | 'incomplete' // a unit with items still unscored: no rank, level or quota place yet
  | 'duplicate-unit' // a unit listed twice in one batch (by its identity: alias, script, invisible characters): counted once
  | 'tier-differs' // a 圈层 cell that contradicts the tier the ruleset lists the unit in: the ruleset's tier is used
  | 'unlisted-unit' // a unit the ruleset does not list, in a tier whose units it lists: ranked there, not counted in the quota base
  | 'row-label' // a 评分表 line matched to its item by position, its label disagreeing
  | 'invalid-value' // a cell that cannot be read for its item (-1 in a count, abc): its unit is not scored
  | 'not-scored' // a unit withheld from score, rank and level because of its invalid cells
  | 'sheet-unread' // a sheet of the workbook not read (another shape, or not a table): said, never only on stderr
  | 'column-read'; // how a column was read when it was not plain: not recognised (未计入), matched approximately, a mode unlike its siblings'

export interface Finding {
  /** Item code, check code, or 'level'. */
  code: string;
  kind: FindingKind;
  /** error: an invalid cell (its unit gets no score); warning: a problem to fix; info: a note. */
  severity: 'error' | 'warning' | 'info';
  zh: string;
  en: string;
  clause: string;
  quote: string;
  /** Where the value came from, when known ("第3行第4列" in the table read). */
  where?: string;
  /** For findings about one cell of the sheet: its value as text, and ASSESS's (null: no single right value). */
  found?: string;
  expected?: string | null;
  /** The sheet the cell is on, when a workbook of several sheets was read. */
  sheet?: string;
}

export interface ItemResult {
  code: string;
  label: string;
  role: 'score' | 'bonus' | 'deduction';
  /** The input as read, for display ("3", "98.5%", "是", or "" when empty). */
  input: string;
  /** Points after the item's own caps and floors; negative for deductions. */
  points: number;
  clause: string;
  quote: string;
  note: string;
}

export interface UnitResult {
  unit: string;
  tier: string | null;
  criticized: boolean;
  score: number;
  /** Σ of items that count directly (base, tasks, township items). */
  direct: number;
  /** Bonus after item and group caps, before the overall cap. */
  bonusRaw: number;
  /** Bonus applied after every cap. */
  bonus: number;
  /** Deductions after item and group caps, before the overall caps (threshold measure). */
  deductionRaw: number;
  /** Deductions applied after every cap. */
  deduction: number;
  items: ItemResult[];
  grade: string | null;
  reward: number | null;
  thresholds: string[];
  findings: Finding[];
  trace: TraceStep[];
  /** Batch results (null when scored alone). */
  rank: number | null;
  level: string | null;
  /** Points the level carries elsewhere (e.g. 一等 +5). */
  result: number | null;
  /**
   * The unit has invalid cells (read with `collect`): its score is NaN, with no grade, rank,
   * level or reward, until the cells are fixed; the error findings name each cell.
   */
  invalid?: true;
}

export interface BatchResult {
  ruleset: string;
  units: UnitResult[];
  /** Findings about the batch as a whole (quota ties …), also attached to the units concerned. */
  findings: Finding[];
}
