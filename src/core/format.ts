/**
 * The one ruleset format. A ruleset is a header (id, title, version, effective date, source) and
 * lists of flat records — items, groups, totals, grades, levels, thresholds, checks, tiers,
 * units — each record only scalars plus its citation. Flat records are what makes the same
 * format readable from JSON and from a sheet table (one row per record, see table-format.ts).
 * The built-in rulesets in src/rulesets/*.json are written in exactly this format.
 */
import * as v from 'valibot';

const text = v.pipe(v.string(), v.trim(), v.minLength(1));
const optionalText = v.optional(text);
const amount = v.pipe(v.number(), v.finite());
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));

/** Clause + short quote: on every item, cap and band, so an explanation can cite it. */
const citation = {
  clause: text,
  quote: text,
  note: optionalText,
  /**
   * A drafted record a clerk must still check (assess draft sets it where it chose between
   * readings, the reading in `note`). Scoring ignores it; the sheet table keeps it (确认 column).
   */
  confirm: v.optional(v.boolean()),
};

export const ITEM_KINDS = ['flag', 'count', 'judged', 'deduct', 'rank', 'rate'] as const;
export const ITEM_ROLES = ['score', 'bonus', 'deduction'] as const;

export const itemSchema = v.strictObject({
  code: text,
  label: text,
  labelEn: optionalText,
  /** Short names offices write for the item in a header (领导重视 for S1), separated by 、 or commas; each read exactly as the label. */
  aliases: optionalText,
  /**
   * flag: points if set · count: count × points · judged: points as entered within [min, max] ·
   * deduct: points (分值) minus step per finding, never below 0 · rank: points − step × (rank − 1),
   * not below floor · rate: points − step per full `per` percentage points below 100%, not below 0.
   * An item with `parent` is a counter of that deduct item: it takes step per count (flag: once).
   */
  kind: v.picklist(ITEM_KINDS),
  /** score: adds to the score directly · bonus / deduction: go through the bonus / deduction caps. */
  role: v.optional(v.picklist(ITEM_ROLES)),
  points: v.optional(amount),
  step: v.optional(nonNegative),
  /** rate items: percentage points per step (1, or 0.01 for "每降低0.01个百分点"). */
  per: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0))),
  /**
   * rate items, a bonus above a threshold (达到10%加1分，每提高10%加1分): a rate at or above
   * `above` % gives points, plus step per full `per` points above it, within cap; below it 0.
   */
  above: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  /**
   * rate items, steps counted below this rate instead of 100% (低于95%的，每低1个百分点扣1分).
   * Role deduction: takes step per full `per` points below it, within cap (最高扣5分), no points.
   * Other roles: points − step per full step below it, not below 0.
   */
  below: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  /**
   * count items and counters, escalating sanctions (第一次扣10分，第二次扣15分，第三次及以上扣20分):
   * the points of the 1st, 2nd, 3rd… occurrence, separated by 、 or commas; occurrences past the
   * list take the last. Added up over the occurrences (2 → 10+15), within cap; with `ladderOnce`
   * only the rung reached is taken, once (2 → 15).
   */
  ladder: optionalText,
  ladderOnce: v.optional(v.boolean()),
  /** Item cap: the most this item (or this counter) can give or take. */
  cap: v.optional(nonNegative),
  /** judged items: bounds of what can be entered (values beyond are applied at the bound). */
  min: v.optional(amount),
  max: v.optional(amount),
  /** rank items: the least points a rank earns. */
  floor: v.optional(nonNegative),
  /** Value of an empty or absent cell: a number, 'full' (the item's max/points) or 'unscored'. */
  default: v.optional(v.union([amount, v.picklist(['full', 'unscored'])])),
  group: optionalText,
  parent: optionalText,
  /** Yuan per count (a separate measure from points). */
  reward: v.optional(nonNegative),
  /** rank items: code of a batch column holding the volume the rank is computed from. */
  volume: optionalText,
  volumeLabel: optionalText,
  /** judged items: bounds for a single incident (checked, not clamped). */
  incidentMin: v.optional(nonNegative),
  incidentMax: v.optional(nonNegative),
  /** judged items: the unit's points are given once (a 直接给分 item): a ledger holds at most one row for it per unit. */
  oneEntry: v.optional(v.boolean()),
  ...citation,
});

export const groupSchema = v.strictObject({
  code: text,
  label: optionalText,
  /** Short names offices write for the group's column of entered points (一次性扣减 for D4), as items' aliases. */
  aliases: optionalText,
  /** The members together give or take at most this much. */
  cap: v.optional(nonNegative),
  /** One-time: any member occurring applies the highest member's points once in all. */
  once: v.optional(v.boolean()),
  /** 同一事项就高不就低: ledger rows sharing a matter count once, at the highest-valued member. */
  sameMatter: v.optional(v.boolean()),
  /**
   * Scores averaged over periods (年度得分为各季度得分的平均值): the group is its members' mean —
   * each member a period's score (第一季度…) — instead of their sum; then its cap, then its share.
   */
  mean: v.optional(v.boolean()),
  /**
   * Parts weighted by share (日常考核占40%，年终考核占60%): the group counts `share` × its value
   * (after mean and cap), a decimal in (0, 1] — 0.4 for 40%. The shares of all groups add up to at
   * most 1. Mean and share are taken exactly and rounded once, half up, to 6 decimals.
   */
  share: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(1))),
  ...citation,
});

export const TOTAL_CODES = [
  'bonusCap',
  'deductionCap',
  'deductionWithinBonus',
  'scoreMin',
  'scoreMax',
  'openItems',
  'levelScope',
  'downgrade',
  'pendingLabel',
  'scoreFormula',
] as const;

/**
 * Totals. Which value each code takes is checked in compile.ts, before use: bonusCap and
 * deductionCap a number ≥ 0; scoreMin/scoreMax numbers with min ≤ max; deductionWithinBonus and
 * openItems true/false or no value (= on); levelScope 'tier' | 'all'; downgrade 'criticized';
 * pendingLabel text;
 * scoreFormula text (the formula as the regulation writes it: the clause cited when an office's own
 * sum disagrees and no cap or limit explains it).
 */
export const totalSchema = v.strictObject({
  code: v.picklist(TOTAL_CODES),
  value: v.optional(v.union([amount, text, v.boolean()])),
  label: optionalText,
  ...citation,
});

export const gradeSchema = v.strictObject({
  label: text,
  labelEn: optionalText,
  /** Inclusive lower bound; the band runs up to, not including, the next band's min. Omit for the lowest. */
  min: v.optional(amount),
  ...citation,
});

export const levelSchema = v.strictObject({
  label: text,
  labelEn: optionalText,
  /** Quota level: at most floor(quota × units in scope), taken by score from the top. */
  quota: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1))),
  /** Rank level: ranks from…to (RANK.EQ, descending). */
  from: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  to: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Points the level carries into another score (e.g. 一等 +5). */
  points: v.optional(amount),
  ...citation,
});

export const THRESHOLD_MEASURES = ['score', 'bonus', 'deduction'] as const;

export const thresholdSchema = v.strictObject({
  /** Which total is compared: score, bonus or deduction (before caps). */
  code: v.picklist(THRESHOLD_MEASURES),
  min: amount,
  label: text,
  labelEn: optionalText,
  ...citation,
});

export const checkSchema = v.strictObject({
  code: text,
  kind: v.picklist(['sumAtMost']),
  /** Item codes separated by commas. */
  items: text,
  max: amount,
  label: text,
  ...citation,
});

export const tierSchema = v.strictObject({
  code: text,
  label: text,
  /** Other names separated by 、 or commas. */
  aliases: optionalText,
  ...citation,
});

export const unitSchema = v.strictObject({
  label: text,
  aliases: optionalText,
  tier: optionalText,
});

export const rulesetSchema = v.strictObject({
  id: v.pipe(text, v.regex(/^[\p{L}\p{N}_.-]+$/u, 'id: letters, digits, _ . - only')),
  title: text,
  titleEn: optionalText,
  version: text,
  /** A date as YYYY-MM-DD, or 未注明 when the source gives none. */
  effective: v.union([v.pipe(text, v.isoDate('effective: a date as YYYY-MM-DD')), v.literal('未注明')]),
  clause: text,
  quote: text,
  note: optionalText,
  items: v.array(itemSchema),
  groups: v.optional(v.array(groupSchema), []),
  totals: v.optional(v.array(totalSchema), []),
  grades: v.optional(v.array(gradeSchema), []),
  levels: v.optional(v.array(levelSchema), []),
  thresholds: v.optional(v.array(thresholdSchema), []),
  checks: v.optional(v.array(checkSchema), []),
  tiers: v.optional(v.array(tierSchema), []),
  units: v.optional(v.array(unitSchema), []),
});

export type RulesetInput = v.InferInput<typeof rulesetSchema>;
export type RulesetSpec = v.InferOutput<typeof rulesetSchema>;
export type ItemSpec = v.InferOutput<typeof itemSchema>;
export type GroupSpec = v.InferOutput<typeof groupSchema>;
export type TotalSpec = v.InferOutput<typeof totalSchema>;
export type GradeSpec = v.InferOutput<typeof gradeSchema>;
export type LevelSpec = v.InferOutput<typeof levelSchema>;
export type ThresholdSpec = v.InferOutput<typeof thresholdSchema>;
export type CheckSpec = v.InferOutput<typeof checkSchema>;
export type TierSpec = v.InferOutput<typeof tierSchema>;
export type UnitSpec = v.InferOutput<typeof unitSchema>;
export type ItemKind = (typeof ITEM_KINDS)[number];
export type ItemRole = (typeof ITEM_ROLES)[number];

/** The record lists of a ruleset, by the name a table row's `type` cell gives. */
export const RECORD_LISTS = {
  item: itemSchema,
  group: groupSchema,
  total: totalSchema,
  grade: gradeSchema,
  level: levelSchema,
  threshold: thresholdSchema,
  check: checkSchema,
  tier: tierSchema,
  unit: unitSchema,
} as const;
export type RecordType = keyof typeof RECORD_LISTS;
export const RECORD_LIST_KEY: Record<RecordType, keyof RulesetSpec> = {
  item: 'items',
  group: 'groups',
  total: 'totals',
  grade: 'grades',
  level: 'levels',
  threshold: 'thresholds',
  check: 'checks',
  tier: 'tiers',
  unit: 'units',
};

export interface SchemaProblem {
  path: string;
  message: string;
}

/** Validates a ruleset object; returns the typed spec or the list of problems with their paths. */
export function validateRulesetShape(
  input: unknown,
): { ok: true; spec: RulesetSpec } | { ok: false; problems: SchemaProblem[] } {
  const result = v.safeParse(rulesetSchema, input);
  if (result.success) return { ok: true, spec: result.output };
  return {
    ok: false,
    problems: result.issues.map((issue) => ({
      path: v.getDotPath(issue) ?? '',
      message: `${issueZh(issue)} / ${issue.message}`,
    })),
  };
}

const TYPE_ZH: Record<string, string> = { number: '数字', string: '文本', boolean: '是/否', array: '列表', object: '记录' };

/** The schema's complaint in Chinese (valibot's English follows it in the message). */
function issueZh(issue: v.BaseIssue<unknown>): string {
  const requirement = 'requirement' in issue ? String(issue.requirement) : '';
  switch (issue.type) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'array':
      return `应为${TYPE_ZH[issue.type]}，实际为 ${issue.received}`;
    case 'picklist':
      return `应为 ${issue.expected ?? ''} 之一，实际为 ${issue.received}`;
    case 'strict_object':
      return `不适用的字段 ${issue.received}`;
    case 'object':
      return issue.received === 'undefined' ? '缺少必填项' : `应为记录，实际为 ${issue.received}`;
    case 'min_length':
      return '不能为空';
    case 'min_value':
      return `应不小于 ${requirement}`;
    case 'max_value':
      return `应不大于 ${requirement}`;
    case 'gt_value':
      return `应大于 ${requirement}`;
    case 'integer':
      return '应为整数';
    case 'finite':
      return '应为有限数';
    case 'iso_date':
      return '应为日期（YYYY-MM-DD）';
    case 'regex':
      return '只能包含字母、数字、_ . -';
    case 'union':
      return `值 ${issue.received} 不符合要求`;
    default:
      return '值不符合要求';
  }
}
