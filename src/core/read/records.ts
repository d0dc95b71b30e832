/**
 * The records reading produces and scoring, audit and the fast path read: a unit's values, where
 * they came from, the points entered and the office's own claims — plain data, in one small file,
 * with the options a read takes. Nothing here runs: the readers (input.ts, item-rows.ts,
 * read/build.ts) make these, score.ts / batch.ts / audit.ts read them.
 */
import type { Cell } from '../cells';
import type { CompiledItem } from '../compile';
import type { Micros } from '../fixed';
import type { Finding, TraceStep } from '../result';
import type { Target } from '../targets';

/** How entered values are read: as the quantities of today's template, as points, or by header. */
export type EnteredMode = 'counts' | 'points' | 'auto';

/** points: the points an item gives (or a deduction takes); deducted: a 扣分 column, counted down from the 分值. */
export type PointsMode = 'points' | 'deducted';

/** The office's own results on the sheet. */
export type ClaimKind = 'bonus' | 'deduction' | 'score' | 'rank' | 'level' | 'result';

/**
 * A cell's place on the sheet as one number (row × 16384 + column): text is made only when shown.
 * Made from table coordinates while a table is read, shifted by the table's origin (see `reading`).
 */
export type Position = number;

export interface EnteredPoints {
  target: Target;
  mode: PointsMode;
  /** As written on the sheet (a 扣分 value positive). */
  given: Micros;
  /** Points the target gives or takes (≥ 0), after the check. */
  used: Micros;
  /** Where the value is (Position). */
  at: number;
}

/** A result the office wrote on the sheet (加分小计, 总分, 名次, 等次…), audited after scoring. */
export interface Claim {
  kind: ClaimKind;
  cell: Cell;
  at: Position;
  header: string;
  /** The sheet the claim is on, when it is not the unit's own (a 汇总 sheet beside the forms). */
  sheet?: string;
  /** A 小计 over some items (任务得分小计): their codes; the claim is their points, not the whole score. */
  parts?: string[];
}

export interface UnitRecord {
  unit: string;
  /** Tier code, resolved from a tier cell or the unit's name; null when unknown. */
  tier: string | null;
  criticized: boolean;
  /**
   * Per item index: count, flag (0/1), micros (judged), micro-percent (rate), rank; NaN = empty
   * (no reader accepts a non-finite number), so scoring reads unboxed doubles. See `entered`.
   */
  values: Float64Array;
  /** Per rank item index: the volume the rank is computed from across a batch. */
  volumes: Array<number | undefined>;
  /** Items of an open ruleset (columns read as item points). */
  extras: Array<{ label: string; points: Micros }>;
  /** Single incidents of judged items (ledger rows), for incident-range checks. */
  incidents: Array<{ item: CompiledItem; points: Micros; where: Position }>;
  /** Same-matter choices made while reading a ledger. */
  notes: TraceStep[];
  /** Per item index: where the value came from (positionText gives "第3行第4列"), for findings. */
  where: Array<Position | undefined>;
  /** The unit's row in the table read (rows layout; null for pairs and ledgers). */
  row: number | null;
  /** Findings made while reading (merged item cells), shown with the scoring findings. */
  readFindings?: Finding[];
  /** Points entered for items, categories or clauses (checked), which replace what counts would give. */
  entered: EnteredPoints[];
  /** The office's own results on the sheet, to audit. */
  claims: Claim[];
  /** The sheet the unit was read from, in a workbook of several sheets. */
  sheet?: string;
  /** Where the unit's 圈层 cell is and what it says (checked against the tier the ruleset lists the unit in). */
  tierAt?: Position;
  tierText?: string;
}

/** A merged range of the table read (0-based, inclusive), as an .xlsx reader reports it. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ReadOptions {
  /** A header row given apart from the data (e.g. B$2:K$2 beside B3:K3). */
  headers?: Cell[][] | Cell[] | null;
  /** Name for a unit when the data has no unit column. */
  unit?: string;
  /** Force a layout instead of detecting it: rows (units as rows), columns (items as rows, units as columns), forms (one 评分表). */
  layout?: Layout;
  /** Values as quantities (counts), as points, or by each header's points word (default auto). */
  entered?: EnteredMode;
  /**
   * Merged ranges of the table (an .xlsx keeps a merged value in its top-left cell only): a
   * unit attribute (单位, 圈层, 通报批评) merged down over its units applies to each of them; a
   * merge over item cells is ambiguous and becomes a finding.
   */
  merges?: readonly MergedRange[];
  /**
   * Collect every invalid cell (-1 in a count, abc, a tier that is not one) as an error finding
   * on its unit, instead of throwing at the first: the rest of the table is still read. What a
   * checking surface (check, ASSESS.CHECK, the pane's 就地校验) needs; scoring keeps refusing.
   */
  collect?: boolean;
  /**
   * Where the table's top-left cell is on its sheet (0-based): positions in findings and
   * messages are then the sheet's (F5 is 第5行第6列 however the selection starts). Default A1.
   */
  origin?: { row: number; column: number };
  /**
   * Refuse a units-as-rows header with no item column at all (单位, 备注 only): every unit would
   * get the blank score (chengdu2006 70) from nothing. What scoring surfaces ask for; a 汇总
   * sheet of totals read beside its forms does not.
   */
  requireItems?: boolean;
}

export type Layout = 'rows' | 'pairs' | 'ledger' | 'columns' | 'forms';
