/**
 * Compiling a ruleset: validate it once (shape with the schema, then meaning: references,
 * required fields per kind), pre-scale every number to micros and build the header lookup, so
 * scoring a unit is a tight loop over arrays with no parsing.
 */
import { AssessError, showValue } from './errors';
import { type Micros, fromMicros, toMicros } from './fixed';
import {
  type CheckSpec,
  type GradeSpec,
  type GroupSpec,
  type ItemKind,
  ITEM_KINDS,
  ITEM_ROLES,
  type ItemRole,
  type ItemSpec,
  type LevelSpec,
  type RulesetSpec,
  type SchemaProblem,
  type ThresholdSpec,
  type TierSpec,
  type TotalSpec,
  validateRulesetShape,
} from './format';
import { normalizeKey, unitIdentity } from './text';

export interface Citation {
  clause: string;
  quote: string;
  note?: string;
}

export interface CompiledGroup {
  code: string;
  label: string;
  cap: Micros | null;
  once: boolean;
  sameMatter: boolean;
  /** Scores averaged over periods: the members' mean instead of their sum (format.ts). */
  mean: boolean;
  /** Parts weighted by share: micros of 1 (400000 = 40%); null: counted whole. */
  share: Micros | null;
  role: ItemRole;
  /** Short names offices write for the group's column (format.ts). */
  aliases: string[];
  members: CompiledItem[];
  cite: Citation;
}

export interface CompiledItem {
  index: number;
  code: string;
  label: string;
  labelEn?: string;
  /** Short names offices write in a header, read exactly as the label (format.ts). */
  aliases: string[];
  kind: ItemKind;
  role: ItemRole;
  /** flag/count: points per occurrence; judged: upper bound; deduct/rank/rate: the 分值. */
  points: Micros;
  step: Micros;
  /** rate items: micro-percentage-points per step. */
  perMicroPct: number;
  /** rate items: 'above' gives from a threshold up; 'below' counts steps from a threshold (not 100%) down. */
  rateFrom: { mode: 'above' | 'below'; threshold: number } | null;
  /** count items and counters: points of the 1st, 2nd… occurrence (micros), the last repeating. */
  ladder: Micros[] | null;
  /** ladder: take only the rung reached, once, instead of adding the rungs up. */
  ladderOnce: boolean;
  cap: Micros | null;
  min: Micros;
  max: Micros | null;
  floor: Micros;
  /** micros for judged, a count/flag value otherwise; 'full' → points; 'unscored' → finding. */
  /** What an empty cell counts as; both shapes carry `value` so reading it stays monomorphic. */
  empty: { kind: 'value'; value: number } | { kind: 'unscored'; value: undefined };
  group: CompiledGroup | null;
  parent: CompiledItem | null;
  counters: CompiledItem[];
  reward: Micros | null;
  volume: string | null;
  volumeLabel: string | null;
  incidentMin: Micros | null;
  incidentMax: Micros | null;
  /** judged: one ledger row per unit at most (see format.ts). */
  oneEntry: boolean;
  /** True for items that take a value from an input column (not deduct items with counters). */
  isInput: boolean;
  cite: Citation;
}

export interface CompiledCheck {
  code: string;
  items: CompiledItem[];
  max: Micros;
  label: string;
  cite: Citation;
}

export interface CompiledTotal {
  value: Micros;
  cite: Citation;
}

export interface CompiledRuleset {
  spec: RulesetSpec;
  id: string;
  items: CompiledItem[];
  /** Items whose own points count (not counters, which count inside their parent). */
  scoredItems: CompiledItem[];
  itemByCode: Map<string, CompiledItem>;
  /** normalized header text → item (by code, label, "code label"). */
  headerIndex: Map<string, CompiledItem>;
  /** normalized header text → rank item whose volume the column holds. */
  volumeIndex: Map<string, CompiledItem>;
  groups: CompiledGroup[];
  bonusCap: CompiledTotal | null;
  deductionCap: CompiledTotal | null;
  deductionWithinBonus: Citation | null;
  scoreMin: CompiledTotal | null;
  scoreMax: CompiledTotal | null;
  openItems: Citation | null;
  grades: Array<{ spec: GradeSpec; min: Micros | null; cite: Citation }>;
  levels: LevelSpec[];
  levelScope: 'all' | 'tier';
  levelScopeCite: Citation | null;
  /** The clause that gives the total's formula (totals code scoreFormula), for a wrong sum. */
  scoreFormulaCite: Citation | null;
  downgrade: { flag: string; cite: Citation } | null;
  pendingLabel: string;
  thresholds: Array<{ spec: ThresholdSpec; min: Micros; cite: Citation }>;
  checks: CompiledCheck[];
  tiers: TierSpec[];
  /** normalized tier text (code, label, alias) → tier code. */
  tierIndex: Map<string, string>;
  /** unitIdentity of a listed unit's name or alias → tier code. */
  unitTier: Map<string, string>;
  /** unitIdentity of a listed unit's name or alias → the unit as the ruleset lists it (its label and tier). */
  unitIndex: Map<string, ListedUnit>;
  hasReward: boolean;
}

/** A unit the ruleset lists (第四條's names), with its tier code (null: listed without a tier). */
export interface ListedUnit {
  label: string;
  tier: string | null;
}

export function citeOf(record: { clause: string; quote: string; note?: string }): Citation {
  return record.note === undefined
    ? { clause: record.clause, quote: record.quote }
    : { clause: record.clause, quote: record.quote, note: record.note };
}

/** Splits "a、b,c；d" lists used in aliases and check item lists. */
export function splitList(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[、,，;；]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

class Problems {
  readonly list: SchemaProblem[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

function micros(problems: Problems, path: string, value: number | undefined): Micros | null {
  if (value === undefined) return null;
  const scaled = toMicros(value);
  if (scaled === null) {
    problems.add(path, Math.abs(value) > 1e8 ? `${value}: 数值过大（不超过 10^8）/ too large (at most 10^8)` : `${value}: 最多6位小数 / at most 6 decimal places`);
    return 0;
  }
  return scaled;
}

/** Compile a ruleset given as a plain object (parsed JSON or read from a table). */
export function compileRuleset(input: unknown): CompiledRuleset {
  const shape = validateRulesetShape(input);
  if (!shape.ok) throw new RulesetInvalid(shape.problems);
  return compileSpec(shape.spec);
}

/** An invalid ruleset, with every problem and its path (so a table reader can point at cells). */
export class RulesetInvalid extends AssessError {
  constructor(readonly problems: SchemaProblem[]) {
    const lines = problems.slice(0, 8).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
    const more = problems.length > 8 ? ` … +${problems.length - 8}` : '';
    super({ kind: 'ruleset', zh: `规则集无效：${lines.join('；')}${more}`, en: `invalid ruleset: ${lines.join('; ')}${more}` });
  }
}

function compileSpec(spec: RulesetSpec): CompiledRuleset {
  const problems = new Problems();

  const groups = new Map<string, CompiledGroup>();
  spec.groups.forEach((g: GroupSpec, i) => {
    if (groups.has(g.code)) problems.add(`groups.${i}.code`, `duplicate group ${g.code}`);
    groups.set(g.code, {
      code: g.code,
      label: g.label ?? g.code,
      cap: micros(problems, `groups.${i}.cap`, g.cap),
      once: g.once ?? false,
      sameMatter: g.sameMatter ?? false,
      mean: g.mean ?? false,
      share: micros(problems, `groups.${i}.share`, g.share),
      role: 'bonus',
      aliases: splitList(g.aliases),
      members: [],
      cite: citeOf(g),
    });
  });

  const items: CompiledItem[] = [];
  const itemByCode = new Map<string, CompiledItem>();
  spec.items.forEach((s: ItemSpec, i) => {
    const path = `items.${i}`;
    if (itemByCode.has(s.code)) problems.add(`${path}.code`, `duplicate item ${s.code}`);
    const item = compileItem(s, i, path, problems);
    items.push(item);
    itemByCode.set(s.code, item);
  });

  // Second pass: links between items and groups.
  spec.items.forEach((s, i) => {
    const item = items[i];
    if (s.parent !== undefined) {
      const parent = itemByCode.get(s.parent);
      if (!parent || parent.kind !== 'deduct' || parent.parent) {
        problems.add(`items.${i}.parent`, `${s.code}: parent ${s.parent} is not a deduct item`);
      } else {
        item.parent = parent;
        item.role = parent.role;
        parent.counters.push(item);
      }
    }
    if (s.group !== undefined) {
      const group = groups.get(s.group);
      if (!group) problems.add(`items.${i}.group`, `${s.code}: unknown group ${s.group}`);
      else {
        if (group.members.length > 0 && group.role !== item.role)
          problems.add(`items.${i}.group`, `${s.code}: group ${s.group} mixes roles`);
        group.role = item.role;
        group.members.push(item);
        item.group = group;
      }
    }
  });
  for (const item of items) {
    if (item.kind === 'deduct' && item.counters.length > 0) {
      item.isInput = false;
      if (item.step !== 0) problems.add(`items.${item.index}.step`, `${item.code}: a deduct item with counters takes its steps from them`);
    }
  }
  for (const group of groups.values()) {
    if (group.members.length === 0) problems.add('groups', `group ${group.code} has no items`);
  }
  checkParts(spec, [...groups.values()], problems);

  const totals = new Map<string, { spec: TotalSpec; index: number }>();
  spec.totals.forEach((t, i) => {
    if (totals.has(t.code)) problems.add(`totals.${i}.code`, `duplicate total ${t.code}`);
    totals.set(t.code, { spec: t, index: i });
  });
  // Every total is validated here, before the problems are thrown: a value that cannot be read
  // must never quietly drop or change a rule (a cap of "4分" is not "no cap").
  const numericTotal = (code: string, nonNegative: boolean): CompiledTotal | null => {
    const entry = totals.get(code);
    if (!entry) return null;
    const path = `totals.${entry.index}.value`;
    const value = entry.spec.value;
    if (typeof value !== 'number') {
      problems.add(path, `${code}: ${value === undefined ? '缺少数值 / needs a number value' : `${showValue(value)} 不是数值 / is not a number`}`);
      return null;
    }
    if (nonNegative && value < 0) problems.add(path, `${code}: ${value} 不能为负数 / must not be negative`);
    return { value: micros(problems, path, value) ?? 0, cite: citeOf(entry.spec) };
  };
  const flagTotal = (code: string): Citation | null => {
    const entry = totals.get(code);
    if (!entry) return null;
    const value = entry.spec.value;
    // Listed with no value, or true: the rule applies; false: it is written down but off.
    if (value === undefined || value === true) return citeOf(entry.spec);
    if (value === false) return null;
    problems.add(`totals.${entry.index}.value`, `${code}: ${showValue(value)} 应为 是/否（true/false）或留空 / must be true, false or empty`);
    return null;
  };
  const bonusCap = numericTotal('bonusCap', true);
  const deductionCap = numericTotal('deductionCap', true);
  const deductionWithinBonus = flagTotal('deductionWithinBonus');
  const scoreMin = numericTotal('scoreMin', false);
  const scoreMax = numericTotal('scoreMax', false);
  const openItems = flagTotal('openItems');
  if (scoreMin && scoreMax && scoreMin.value > scoreMax.value)
    problems.add(`totals.${totals.get('scoreMin')?.index}.value`, `scoreMin ${fromMicros(scoreMin.value)} > scoreMax ${fromMicros(scoreMax.value)}：下限不能高于上限 / the lower bound is above the upper bound`);
  const pendingEntry = totals.get('pendingLabel');
  if (pendingEntry && typeof pendingEntry.spec.value !== 'string')
    problems.add(`totals.${pendingEntry.index}.value`, `pendingLabel: ${showValue(pendingEntry.spec.value)} 应为文字 / must be text`);
  const formulaEntry = totals.get('scoreFormula');
  if (formulaEntry && formulaEntry.spec.value !== undefined && typeof formulaEntry.spec.value !== 'string')
    problems.add(`totals.${formulaEntry.index}.value`, `scoreFormula: ${showValue(formulaEntry.spec.value)} 应为文字或留空 / must be text or empty`);
  const thresholds = spec.thresholds.map((t, i) => ({ spec: t, min: micros(problems, `thresholds.${i}.min`, t.min) ?? 0, cite: citeOf(t) }));

  const listed = spec.grades.map((g, i) => ({ spec: g, min: micros(problems, `grades.${i}.min`, g.min), cite: citeOf(g) }));
  // Two bands from the same min: a score at that bound would be in both (which one it got would
  // depend on the order the bands are listed in).
  const bandAt = new Map<Micros, GradeSpec>();
  listed.forEach((band, i) => {
    if (band.min === null) return;
    const other = bandAt.get(band.min);
    if (other)
      problems.add(
        `grades.${i}.min`,
        `等次「${band.spec.label}」与等次「${other.label}」的最小值都是 ${fromMicros(band.min)}：同一分数不能属于两个等次 / grade "${band.spec.label}" and grade "${other.label}" have the same min ${fromMicros(band.min)}: a score cannot be in two grades`,
      );
    else bandAt.set(band.min, band.spec);
  });
  const grades = listed.sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
  if (grades.filter((g) => g.min === null).length > 1) problems.add('grades', 'only the lowest band may omit min');

  spec.levels.forEach((level, i) => {
    const byQuota = level.quota !== undefined;
    const byRank = level.from !== undefined || level.to !== undefined;
    if (byQuota === byRank) problems.add(`levels.${i}`, `${level.label}: give either quota or from/to`);
    if (byRank && (level.from === undefined || level.to === undefined || level.to < level.from))
      problems.add(`levels.${i}`, `${level.label}: from ≤ to required`);
  });

  const scopeEntry = totals.get('levelScope');
  const scope = scopeEntry?.spec;
  if (scope && scope.value !== 'tier' && scope.value !== 'all')
    problems.add(`totals.${scopeEntry?.index}.value`, `levelScope: ${showValue(scope.value)} 应为 tier 或 all / must be 'tier' or 'all'`);
  const downgradeEntry = totals.get('downgrade');
  const downgrade = downgradeEntry?.spec;
  if (downgrade && downgrade.value !== 'criticized')
    problems.add(`totals.${downgradeEntry?.index}.value`, `downgrade: ${showValue(downgrade.value)} 应为 criticized / must be 'criticized'`);

  const checks: CompiledCheck[] = spec.checks.map((c: CheckSpec, i) => {
    const members = splitList(c.items).map((code) => {
      const item = itemByCode.get(code);
      if (!item) problems.add(`checks.${i}.items`, `unknown item ${code}`);
      return item;
    });
    return {
      code: c.code,
      items: members.filter((m): m is CompiledItem => m !== undefined),
      max: micros(problems, `checks.${i}.max`, c.max) ?? 0,
      label: c.label,
      cite: citeOf(c),
    };
  });

  const tierIndex = new Map<string, string>();
  for (const tier of spec.tiers) {
    for (const name of [tier.code, tier.label, ...splitList(tier.aliases)]) tierIndex.set(normalizeKey(name), tier.code);
  }
  // Units by identity (unitIdentity: script, width, invisible characters folded), each alias too.
  const unitTier = new Map<string, string>();
  const unitIndex = new Map<string, ListedUnit>();
  spec.units.forEach((unit, i) => {
    const tier = unit.tier === undefined ? null : (tierIndex.get(normalizeKey(unit.tier)) ?? null);
    if (unit.tier !== undefined && tier === null) problems.add(`units.${i}.tier`, `unknown tier ${unit.tier}`);
    const listed: ListedUnit = { label: unit.label, tier };
    for (const name of [unit.label, ...splitList(unit.aliases)]) {
      const key = unitIdentity(name);
      if (key === '') continue;
      const before = unitIndex.get(key);
      if (before && before.label !== unit.label) problems.add(`units.${i}.aliases`, `${name} also names ${before.label}`);
      unitIndex.set(key, listed);
      if (tier !== null) unitTier.set(key, tier);
    }
  });

  // Codes always win over labels, compared normalised on both sides: a label can never take
  // over a header that is another item's code, whatever order the items are listed in.
  const codeKeys = new Map<string, CompiledItem>();
  for (const item of items) {
    const k = normalizeKey(item.code);
    const other = codeKeys.get(k);
    if (other && other !== item && other.code !== item.code)
      problems.add(`items.${item.index}.code`, `${item.code}: 与条目 ${other.code} 只差大小写或全半角 / differs from item ${other.code} only in case or width`);
    else codeKeys.set(k, item);
  }
  checkAliases(spec, items, [...groups.values()], problems);
  if (problems.list.length > 0) throw new RulesetInvalid(problems.list);

  const headerIndex = new Map<string, CompiledItem>();
  const ambiguous = new Set<string>();
  const volumeIndex = new Map<string, CompiledItem>();
  const claim = (key: string, item: CompiledItem): void => {
    const k = normalizeKey(key);
    if (codeKeys.has(k)) return; // another item's code (or this one's, set below)
    const other = headerIndex.get(k);
    if (other && other !== item) ambiguous.add(k);
    else headerIndex.set(k, item);
  };
  for (const item of items) {
    if (!item.isInput) continue;
    claim(item.label, item);
    claim(`${item.code} ${item.label}`, item);
    for (const alias of item.aliases) claim(alias, item);
    if (item.labelEn) claim(item.labelEn, item);
    if (item.volume) {
      volumeIndex.set(normalizeKey(item.volume), item);
      if (item.volumeLabel) volumeIndex.set(normalizeKey(item.volumeLabel), item);
    }
  }
  // Labels shared by two items must be written as codes.
  for (const k of ambiguous) headerIndex.delete(k);
  for (const [k, item] of codeKeys) if (item.isInput) headerIndex.set(k, item);

  return {
    spec,
    id: spec.id,
    items,
    scoredItems: items.filter((item) => item.parent === null),
    itemByCode,
    headerIndex,
    volumeIndex,
    groups: [...groups.values()],
    bonusCap,
    deductionCap,
    deductionWithinBonus,
    scoreMin,
    scoreMax,
    openItems,
    grades,
    levels: spec.levels,
    levelScope: scope?.value === 'tier' ? 'tier' : 'all',
    levelScopeCite: scope ? citeOf(scope) : null,
    scoreFormulaCite: formulaEntry ? citeOf(formulaEntry.spec) : null,
    downgrade: downgrade ? { flag: 'criticized', cite: citeOf(downgrade) } : null,
    pendingLabel: typeof pendingEntry?.spec.value === 'string' ? pendingEntry.spec.value : '待定',
    thresholds,
    checks,
    tiers: spec.tiers,
    tierIndex,
    unitTier,
    unitIndex,
    hasReward: items.some((item) => item.reward !== null),
  };
}

/** Mean and share (format.ts): a mean group is not one-time; the shares add up to at most 100%. */
function checkParts(spec: RulesetSpec, groups: CompiledGroup[], problems: Problems): void {
  let total = 0;
  groups.forEach((group, i) => {
    if (group.mean && group.once) problems.add(`groups.${i}.mean`, `${group.code}: 取平均的组不能同时为一次性 / a mean group cannot be one-time`);
    if (group.share === null) return;
    total += group.share;
    if (total > 1_000_000 && total - group.share <= 1_000_000) {
      const shares = spec.groups.filter((g) => g.share !== undefined).map((g) => `${g.code} ${percent(toMicros(g.share ?? 0) ?? 0)}`);
      const sum = groups.reduce((acc, g) => acc + (g.share ?? 0), 0);
      problems.add(`groups.${i}.share`, `${group.code}: 各部分占比合计 ${percent(sum)}，超过100%（${shares.join('、')}）/ the shares add up to ${percent(sum)}, over 100% (${shares.join(', ')})`);
    }
  });
}

/** A share in micros of 1 as a percentage: 400000 → 40%. */
function percent(share: Micros): string {
  return `${fromMicros(share * 100)}%`;
}

/**
 * Each short name (alias) names exactly one item or group: one that is another's code, label or
 * alias is a ruleset error naming both (a header written that way could mean either).
 */
function checkAliases(spec: RulesetSpec, items: CompiledItem[], groups: CompiledGroup[], problems: Problems): void {
  interface Owner {
    zh: string;
    en: string;
  }
  const itemOwner = (code: string): Owner => ({ zh: `条目 ${code}`, en: `item ${code}` });
  const groupOwner = (code: string): Owner => ({ zh: `组 ${code}`, en: `group ${code}` });
  const names = new Map<string, { owner: Owner; zh: string; en: string }>();
  const own = (owner: Owner, name: string, zh: string, en: string): void => {
    const k = normalizeKey(name);
    if (!names.has(k)) names.set(k, { owner, zh, en });
  };
  for (const item of items) {
    const owner = itemOwner(item.code);
    own(owner, item.code, '编码', 'code');
    own(owner, item.label, '名称', 'label');
    if (item.labelEn) own(owner, item.labelEn, '英文名称', 'English label');
    if (item.volume) own(owner, item.volume, '办件量列', 'volume column');
    if (item.volumeLabel) own(owner, item.volumeLabel, '办件量列', 'volume column');
  }
  for (const group of groups) {
    own(groupOwner(group.code), group.code, '编码', 'code');
    own(groupOwner(group.code), group.label, '名称', 'label');
  }
  const entries = [
    ...items.flatMap((item) => item.aliases.map((alias) => ({ owner: itemOwner(item.code), path: `items.${item.index}.aliases`, alias }))),
    ...spec.groups.flatMap((g, i) => splitList(g.aliases).map((alias) => ({ owner: groupOwner(g.code), path: `groups.${i}.aliases`, alias }))),
  ];
  for (const { owner, path, alias } of entries) {
    const k = normalizeKey(alias);
    const named = names.get(k);
    if (named && named.owner.zh !== owner.zh)
      problems.add(path, `${owner.zh} 的别名「${alias}」也是${named.owner.zh}的${named.zh}：一个别名只能指一个条目 / alias "${alias}" of ${owner.en} is also the ${named.en} of ${named.owner.en}: an alias names one item only`);
    else if (!named) names.set(k, { owner, zh: '别名', en: 'alias' });
  }
}

function compileItem(s: ItemSpec, index: number, path: string, problems: Problems): CompiledItem {
  const need = (field: keyof ItemSpec): void => {
    if (s[field] === undefined) problems.add(`${path}.${String(field)}`, `${s.code}: a ${s.kind} item needs ${String(field)}`);
  };
  const forbid = (field: keyof ItemSpec): void => {
    if (s[field] !== undefined) problems.add(`${path}.${String(field)}`, `${s.code}: ${String(field)} does not apply to a ${s.kind} item`);
  };
  const isCounter = s.parent !== undefined;
  switch (s.kind) {
    case 'flag':
    case 'count':
      if (s.ladder !== undefined) break;
      if (isCounter) need('step');
      else if (s.reward === undefined) need('points');
      break;
    case 'judged':
      forbid('step');
      break;
    case 'deduct':
      need('points');
      break;
    case 'rank':
      need('points');
      need('step');
      break;
    case 'rate':
      if (s.above !== undefined && s.below !== undefined) problems.add(`${path}.below`, `${s.code}: 比率条目只能有“达到”或“低于”之一 / a rate item takes above or below, not both`);
      // A capped deduction below a threshold takes steps only: it has no 分值 to count down from.
      if (s.below !== undefined && s.role === 'deduction') forbid('points');
      else need('points');
      need('step');
      need('per');
      break;
  }
  if (s.kind !== 'rate') {
    forbid('above');
    forbid('below');
  }
  if (s.ladder !== undefined) {
    if (s.kind !== 'count') problems.add(`${path}.ladder`, `${s.code}: 逐次递增（ladder）只用于计数条目 / ladder applies to count items`);
    // The ladder is the per-occurrence points: a points (or a counter's step) beside it would be a second answer.
    else if (isCounter) forbid('step');
    else forbid('points');
  }
  if (s.ladderOnce !== undefined && s.ladder === undefined) problems.add(`${path}.ladderOnce`, `${s.code}: ladderOnce 需与 ladder 同用 / ladderOnce needs a ladder`);
  if (isCounter && s.kind !== 'count' && s.kind !== 'flag') problems.add(`${path}.kind`, `${s.code}: a counter is a count or a flag`);
  if (s.oneEntry !== undefined && s.kind !== 'judged') problems.add(`${path}.oneEntry`, `${s.code}: oneEntry applies to judged items`);
  if (s.default === 'full' && s.kind !== 'judged') problems.add(`${path}.default`, `${s.code}: 'full' applies to judged items`);
  if (s.default === 'full' && s.max === undefined && s.points === undefined) need('max');

  const points = micros(problems, `${path}.points`, s.points) ?? 0;
  const max = micros(problems, `${path}.max`, s.max) ?? (s.kind === 'judged' && s.points !== undefined ? points : null);
  const min = micros(problems, `${path}.min`, s.min) ?? 0;
  // No value can lie within bounds whose lower end is above the upper one.
  if (s.kind === 'judged' && max !== null && min > max) {
    const maxFrom = s.max === undefined ? '（取自分值）' : '';
    problems.add(
      `${path}.min`,
      `条目 ${s.code}：最小值 ${fromMicros(min)} 大于最大值 ${fromMicros(max)}${maxFrom}，没有可录入的分数 / item ${s.code}: min ${fromMicros(min)} is above max ${fromMicros(max)}${s.max === undefined ? ' (from points)' : ''}, so no score can be entered`,
    );
  }
  let empty: CompiledItem['empty'];
  if (s.default === 'unscored') empty = { kind: 'unscored', value: undefined };
  else if (s.default === 'full') empty = { kind: 'value', value: max ?? 0 };
  else if (s.default === undefined) {
    empty = s.kind === 'rank' || s.kind === 'rate' ? { kind: 'unscored', value: undefined } : { kind: 'value', value: 0 };
  } else if (s.kind === 'judged') empty = { kind: 'value', value: micros(problems, `${path}.default`, s.default) ?? 0 };
  else if (Number.isInteger(s.default) && s.default >= 0 && (s.kind !== 'flag' || s.default <= 1)) empty = { kind: 'value', value: s.default };
  else {
    problems.add(`${path}.default`, `${s.code}: default ${s.default} does not fit a ${s.kind} item`);
    empty = { kind: 'value', value: 0 };
  }
  return {
    index,
    code: s.code,
    label: s.label,
    labelEn: s.labelEn,
    aliases: splitList(s.aliases),
    // The literal from ITEM_KINDS, not the parsed string: kind switches then compare by identity.
    kind: ITEM_KINDS.find((kind) => kind === s.kind) ?? s.kind,
    role: ITEM_ROLES.find((role) => role === s.role) ?? 'score',
    points,
    step: micros(problems, `${path}.step`, s.step) ?? 0,
    perMicroPct: Math.round((s.per ?? 1) * 1_000_000),
    rateFrom:
      s.above !== undefined
        ? { mode: 'above', threshold: micros(problems, `${path}.above`, s.above) ?? 0 }
        : s.below !== undefined
          ? { mode: 'below', threshold: micros(problems, `${path}.below`, s.below) ?? 0 }
          : null,
    ladder: s.ladder === undefined ? null : ladderOf(s.code, s.ladder, `${path}.ladder`, problems),
    ladderOnce: s.ladderOnce ?? false,
    cap: micros(problems, `${path}.cap`, s.cap),
    min,
    max,
    floor: micros(problems, `${path}.floor`, s.floor) ?? 0,
    empty,
    group: null,
    parent: null,
    counters: [],
    reward: micros(problems, `${path}.reward`, s.reward),
    volume: s.volume ?? null,
    volumeLabel: s.volumeLabel ?? null,
    incidentMin: micros(problems, `${path}.incidentMin`, s.incidentMin),
    incidentMax: micros(problems, `${path}.incidentMax`, s.incidentMax),
    oneEntry: s.oneEntry ?? false,
    isInput: true,
    cite: citeOf(s),
  };
}

/** The rungs of a ladder ("10、15、20"), in micros; each must be a number ≥ 0. */
function ladderOf(code: string, text: string, path: string, problems: Problems): Micros[] {
  const parts = splitList(text);
  const rungs = parts.map((part) => {
    const value = /^\d+(?:\.\d+)?$/.test(part) ? Number(part) : Number.NaN;
    if (!Number.isFinite(value)) {
      problems.add(path, `${code}: 逐次分值「${part}」不是不小于0的数 / ladder rung "${part}" is not a number ≥ 0`);
      return 0;
    }
    return micros(problems, path, value) ?? 0;
  });
  if (rungs.length === 0) problems.add(path, `${code}: 逐次分值为空 / the ladder is empty`);
  return rungs;
}
