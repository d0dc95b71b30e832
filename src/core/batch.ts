/**
 * Scoring units together: ranks (RANK.EQ, descending), rank items computed from volumes, and
 * levels — by rank bands or by quota per scope (tier), with 待定 for ties across a quota line
 * and the downgrade flag.
 */
import type { CompiledRuleset } from './compile';
import { type Micros, toMicros } from './fixed';
import { CELL_RULE, type UnitRecord, entered, spellingNote, unitKey } from './input';
import type { BatchResult, Finding } from './result';
import { type ScoredUnit, scoreRecord } from './score';
import { auditClaims } from './audit';
import { normalizeKey, unitIdentity, visibleName } from './text';
import { AssessError } from './errors';

/** Competition ranks like Excel's RANK.EQ with order 0: equal values share the better rank. */
export function rankDescending(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value);
  const ranks = new Array<number>(values.length);
  order.forEach((entry, position) => {
    const previous = order[position - 1];
    ranks[entry.index] = previous && previous.value === entry.value ? ranks[previous.index] : position + 1;
  });
  return ranks;
}

/** Ranks for rank items whose units gave a volume instead of a rank. */
export function volumeRanks(rs: CompiledRuleset, records: readonly UnitRecord[]): Array<Map<number, number>> {
  const perRecord = records.map(() => new Map<number, number>());
  for (const item of rs.items) {
    if (item.kind !== 'rank' || item.volume === null) continue;
    const ranked = records
      .map((record, index) => ({ index, volume: record.volumes[item.index] }))
      .filter((entry): entry is { index: number; volume: number } => entry.volume !== undefined && entered(records[entry.index].values[item.index]) === undefined);
    const ranks = rankDescending(ranked.map((entry) => entry.volume));
    ranked.forEach((entry, i) => perRecord[entry.index].set(item.index, ranks[i]));
  }
  return perRecord;
}

function quotaSize(quota: number, units: number): number {
  const share = toMicros(quota) ?? 0;
  return Math.floor((share * units) / 1_000_000);
}

/**
 * A unit with items still unscored (a judged item left blank, a rank or rate not given): its
 * score is shown with the 未评分 findings, but it takes no rank, no rank-based level, no quota
 * place and no result points until it is scored.
 */
function isIncomplete(unit: ScoredUnit, record: UnitRecord): boolean {
  // Only a unit with nothing entered at all (a row named but left blank): a unit partly scored
  // keeps today's reading, its unscored items at 0 with their findings (spec).
  const blank = record.values.every((value) => value !== value) && record.entered.length === 0 && record.extras.length === 0 && record.volumes.every((v) => v === undefined);
  return blank && unit.result.findings.some((finding) => finding.kind === 'unscored' || finding.kind === 'rank-needs-batch');
}

export interface BatchOptions {
  /**
   * Records read with ReadOptions.collect: a unit whose score cannot be computed (an invalid
   * total) becomes an error finding instead of stopping the batch, like its invalid cells.
   */
  collect?: boolean;
  /**
   * false: each unit's item results and trace (its explanation) are let go as soon as it is
   * scored — its score, grade, findings, thresholds, rank and level are kept — unless its record
   * carries claims (总分, 小计, 奖励 …) the audit checks against them. For an output that shows no
   * explanation (the CLI's table and CSV, check), so a large batch does not hold one for every unit.
   */
  explanations?: boolean;
}

/** Whether a record holds invalid cells (collected while reading): its unit gets no score. */
function hasInvalidCells(record: UnitRecord): boolean {
  return record.readFindings?.some((finding) => finding.severity === 'error') === true;
}

/** Scores one record; with `collect`, an input error of the scoring itself becomes the unit's error finding. */
function scoreOrCollect(rs: CompiledRuleset, record: UnitRecord, ranks: Map<number, number>, collect: boolean): ScoredUnit {
  try {
    return scoreRecord(rs, record, { ranks });
  } catch (error) {
    if (!collect || !(error instanceof AssessError) || error.kind !== 'input') throw error;
    const finding: Finding = { code: error.item ?? 'unit', kind: 'invalid-value', severity: 'error', zh: error.zh, en: error.en, clause: CELL_RULE.clause, quote: CELL_RULE.quote, found: error.value ?? '', expected: null };
    (record.readFindings ??= []).push(finding);
    // The numbers of a unit with an invalid cell are withheld (see withhold); an empty record gives the shape.
    return scoreRecord(rs, { ...record, values: new Float64Array(rs.items.length).fill(NaN), volumes: [], extras: [], incidents: [], entered: [] }, { ranks: new Map() });
  }
}

/** Findings about one cell of an item, true whatever the unit's other cells hold. */
const CELL_KINDS = new Set<Finding['kind']>(['beyond-bound', 'incident-range', 'capped']);

/**
 * A unit with invalid cells: no score (NaN), grade, rank, level, result or reward, and a note
 * saying so — its numbers would be computed from the cells that happened to read. The findings
 * about its other cells (read, or about one item's cell) stay; those about its sums go.
 */
function withhold(rs: CompiledRuleset, unit: ScoredUnit, record: UnitRecord): void {
  const read = new Set(record.readFindings ?? []);
  const errors = (record.readFindings ?? []).filter((finding) => finding.severity === 'error');
  const kept = unit.result.findings.filter((finding) => read.has(finding) || (CELL_KINDS.has(finding.kind) && rs.itemByCode.has(finding.code) && finding.where !== undefined));
  const cells = errors.map((finding) => finding.where).filter((where): where is string => where !== undefined);
  unit.result = { ...unit.result, score: NaN, grade: null, reward: null, thresholds: [], rank: null, level: null, result: null, invalid: true };
  unit.result.findings = [
    ...kept,
    {
      code: 'unit',
      kind: 'not-scored',
      severity: 'info',
      zh: `单位「${unit.result.unit}」有 ${errors.length} 个无效单元格${cells.length > 0 ? `（${cells.join('、')}）` : ''}：改正之前不计分、不排名、不评等次、不占名额`,
      en: `unit ${unit.result.unit} has ${errors.length} invalid cell${errors.length === 1 ? '' : 's'}${cells.length > 0 ? ` (${cells.map((where) => where.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')).join('; ')})` : ''}: no score, rank, level or quota place until fixed`,
      clause: CELL_RULE.clause,
      quote: CELL_RULE.quote,
    },
  ];
  unit.scoreMicros = NaN;
}

/**
 * Records naming a unit already named by an earlier record — by its identity (unitKey: the
 * ruleset's unit and aliases, script, width, spaces, invisible characters) — each mapped to the
 * earlier one. The readers drop a second row of a unit; this catches what reaches a batch by any
 * other way (units as columns, several sources).
 */
function repeatedUnits(rs: CompiledRuleset, records: readonly UnitRecord[]): Map<number, number> {
  const firstOf = new Map<string, number>();
  const repeats = new Map<number, number>();
  records.forEach((record, i) => {
    if (record.unit === '') return;
    const key = unitKey(rs, record.unit);
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, i);
    else repeats.set(i, first);
  });
  return repeats;
}

function repeatedFinding(rs: CompiledRuleset, first: UnitRecord, second: UnitRecord): Finding {
  const note = spellingNote(rs, first.unit, second.unit);
  const where = (record: UnitRecord): string => (record.sheet !== undefined && first.sheet !== second.sheet ? `「${record.sheet}」` : '');
  return {
    code: 'unit', kind: 'duplicate-unit', severity: 'warning', clause: '每个单位一行 / one row per unit', quote: '同一单位只计一次 / a unit counts once',
    zh: `单位「${visibleName(first.unit)}」${where(first)}出现了两次，第二处「${visibleName(second.unit)}」${where(second)}${note.zh}；只计第一处，第二处不排名、不评等次、不占名额`,
    en: `unit "${visibleName(first.unit)}" is listed twice; the second, "${visibleName(second.unit)}"${note.en}, takes no rank, level or quota place: only the first counts`,
    found: second.unit, expected: '',
  };
}

export function scoreBatch(rs: CompiledRuleset, records: readonly UnitRecord[], options: BatchOptions = {}): BatchResult {
  const repeats = repeatedUnits(rs, records);
  const counted = repeats.size === 0 ? records : records.filter((_, i) => !repeats.has(i));
  const countedRanks = volumeRanks(rs, counted);
  let k = 0;
  const ranks = records.map((_, i) => (repeats.has(i) ? new Map<number, number>() : countedRanks[k++]));
  const lean = options.explanations === false;
  const scored: ScoredUnit[] = records.map((record, i) => {
    const unit = scoreOrCollect(rs, record, ranks[i], options.collect === true);
    if (lean && record.claims.length === 0) {
      unit.result.items = [];
      unit.result.trace = [];
    }
    return unit;
  });
  const invalid = new Set<ScoredUnit>();
  scored.forEach((unit, i) => {
    if (!hasInvalidCells(records[i])) return;
    withhold(rs, unit, records[i]);
    invalid.add(unit);
  });
  const findings: Finding[] = [];
  const repeated = new Set<ScoredUnit>();
  for (const [i, first] of repeats) {
    const finding = repeatedFinding(rs, records[first], records[i]);
    scored[first].result.findings.push(finding);
    scored[i].result.findings.push(finding);
    findings.push(finding);
    repeated.add(scored[i]);
  }
  const complete = scored.filter((unit, i) => !invalid.has(unit) && !repeated.has(unit) && !isIncomplete(unit, records[i]));
  const isComplete = new Set(complete);
  for (const unit of scored) {
    if (isComplete.has(unit) || invalid.has(unit) || repeated.has(unit)) continue;
    const finding: Finding = {
      code: 'unit',
      kind: 'incomplete',
      severity: 'info',
      zh: `单位「${unit.result.unit}」尚未评分（各条目均为空白，且空白不能按规则计分）：暂不排名、不评等次、不占名额`,
      en: `unit ${unit.result.unit} is not scored yet (every item blank, and blanks do not score here): no rank, level or quota place until it is`,
      clause: rs.spec.clause,
      quote: rs.spec.quote,
    };
    unit.result.findings.push(finding);
  }
  const overall = rankDescending(complete.map((unit) => unit.scoreMicros));
  complete.forEach((unit, i) => {
    unit.result.rank = overall[i];
  });
  if (rs.levels.length > 0) assignLevels(rs, complete, findings, unlistedUnits(rs, complete));
  const units = scored.map((unit) => unit.result);
  // An invalid unit's own results (总分, 名次 …) cannot be checked against numbers it does not have;
  // a unit's second listing is not counted, so its 名次 and 等次 are not audited either.
  const audited = records.map((record, i) => ({ record, unit: units[i] })).filter(({ unit }, i) => unit.invalid !== true && !repeated.has(scored[i]));
  findings.push(...auditClaims({ rs, records: audited.map(({ record }) => record), units: audited.map(({ unit }) => unit) }));
  return { ruleset: rs.id, units, findings };
}

/** Units the ruleset lists for a tier (第四條 names them), or 0 when it lists none. */
function tierMembers(rs: CompiledRuleset, tier: string): number {
  let count = 0;
  for (const unit of rs.spec.units) if (unit.tier !== undefined && rs.tierIndex.get(normalizeKey(unit.tier)) === tier) count++;
  return count;
}

/**
 * Units in a tier whose units the ruleset lists (第四條), without being one of them (天府新区 given
 * 第一圈 by its 圈层 cell, or a misspelt name). Each is ranked in the tier its sheet gives, but it
 * does not count in the quota base: 第十一條(一) caps the level at a share of 该圈层单位总数, the
 * units the regulation names, and a name it does not list cannot raise that ceiling (fewer is
 * always within a ceiling; more is not). A finding on each says so.
 */
function unlistedUnits(rs: CompiledRuleset, units: readonly ScoredUnit[]): Set<ScoredUnit> {
  const out = new Set<ScoredUnit>();
  if (rs.levelScope !== 'tier' || rs.unitIndex.size === 0) return out;
  const members = new Map<string, number>();
  for (const unit of units) {
    const tier = unit.result.tier;
    if (tier === null) continue;
    let count = members.get(tier);
    if (count === undefined) members.set(tier, (count = tierMembers(rs, tier)));
    if (count > 0 && rs.unitIndex.get(unitIdentity(unit.result.unit))?.tier !== tier) out.add(unit);
  }
  return out;
}

/** At most this many names in a note about a group of units (a tie on a quota line); the rest are counted. */
export const GROUP_NAMES_SHOWN = 10;

/** Names of a group, bounded: the first GROUP_NAMES_SHOWN, then 等 K 个单位 / and K more. */
export function groupNames(names: readonly string[]): { zh: string; en: string } {
  if (names.length <= GROUP_NAMES_SHOWN) return { zh: names.join('、'), en: names.join(', ') };
  const shown = names.slice(0, GROUP_NAMES_SHOWN);
  return { zh: `${shown.join('、')} 等 ${names.length} 个单位`, en: `${shown.join(', ')} and ${names.length - GROUP_NAMES_SHOWN} more (${names.length} units)` };
}

/** Levels for bare scores (LEVEL(scores, ruleset, tiers, criticized)): no item data needed. */
export function levelsForScores(
  rs: CompiledRuleset,
  entries: ReadonlyArray<{ unit: string; scoreMicros: Micros; tier: string | null; criticized: boolean }>,
): Array<{ level: string | null; result: number | null; findings: Finding[] }> {
  const scored: ScoredUnit[] = entries.map((entry) => ({
    scoreMicros: entry.scoreMicros,
    result: {
      unit: entry.unit, tier: entry.tier, criticized: entry.criticized, score: entry.scoreMicros / 1_000_000,
      direct: 0, bonusRaw: 0, bonus: 0, deductionRaw: 0, deduction: 0, items: [], grade: null, reward: null,
      thresholds: [], findings: [], trace: [], rank: null, level: null, result: null,
    },
  }));
  if (rs.levels.length > 0) assignLevels(rs, scored, []);
  return scored.map((unit) => ({ level: unit.result.level, result: unit.result.result, findings: unit.result.findings }));
}

function assignLevels(rs: CompiledRuleset, scored: ScoredUnit[], findings: Finding[], unlisted: ReadonlySet<ScoredUnit> = new Set()): void {
  const scopes = new Map<string, ScoredUnit[]>();
  for (const unit of scored) {
    let key = 'all';
    if (rs.levelScope === 'tier') {
      if (unit.result.tier === null) {
        const cite = rs.levelScopeCite ?? { clause: rs.spec.clause, quote: rs.spec.quote };
        const finding: Finding = {
          code: 'level',
          kind: 'no-tier',
          severity: 'warning',
          zh: `单位「${unit.result.unit}」没有圈层，无法评定等次`,
          en: `unit ${unit.result.unit} has no tier; no level can be given`,
          clause: cite.clause,
          quote: cite.quote,
        };
        unit.result.findings.push(finding);
        findings.push(finding);
        continue;
      }
      key = unit.result.tier;
    }
    const list = scopes.get(key) ?? [];
    list.push(unit);
    scopes.set(key, list);
  }
  for (const [scope, units] of scopes) assignScope(rs, scope, units, findings, unlisted);
}

function assignScope(rs: CompiledRuleset, scope: string, units: ScoredUnit[], findings: Finding[], unlisted: ReadonlySet<ScoredUnit>): void {
  const sorted = [...units].sort((a, b) => b.scoreMicros - a.scoreMicros);
  const ranks = rankDescending(sorted.map((unit) => unit.scoreMicros));
  const bandIndex = new Map<ScoredUnit, number>();
  const scopeName = scope === 'all' ? '' : `${rs.tiers.find((t) => t.code === scope)?.label ?? scope}`;
  let next = 0;
  // 该圈层单位总数: the quota is counted on the tier's units as the ruleset lists them, however many the sheet holds.
  const members = scope === 'all' ? 0 : tierMembers(rs, scope);
  // Units the ruleset does not list for the tier are ranked in it but never raise the base: where
  // it lists the tier's units, the base is their number, whatever the sheet holds (LEVEL's
  // anonymous scores by tier alike — more than the listed number cannot all be listed units).
  const outside = members === 0 ? [] : sorted.filter((unit) => unlisted.has(unit));
  const base = members > 0 ? members : sorted.length;
  if (outside.length > 0) noteUnlisted(rs, scope, scopeName, members, base, outside, findings);
  // Levels by rank (第1至第2名 …) rank a unit among the others: one unit alone is first of one, which
  // says nothing (a single 评分表 checked on its own). It gets no level or result until scored with the rest.
  const byRank = rs.levels.find((band) => band.from !== undefined);
  if (byRank && sorted.length === 1) {
    const finding: Finding = {
      code: 'level',
      kind: 'rank-needs-batch',
      severity: 'info',
      zh: `等级按名次评定，本次只有「${sorted[0].result.unit}」1 个单位：与其他单位一起计分后才评等级`,
      en: `levels go by rank and only ${sorted[0].result.unit} was scored: its level is given when scored with the other units`,
      clause: byRank.clause,
      quote: byRank.quote,
    };
    findings.push(finding);
    sorted[0].result.findings.push(finding);
    return;
  }
  rs.levels.forEach((band, b) => {
    if (band.quota !== undefined) {
      const size = quotaSize(band.quota, base);
      // Said once when the sheet's count would give another quota: fewer units than listed, or more
      // given the tier without names to tell them by (LEVEL's scores by tier; named ones have their own finding).
      const differs = members > sorted.length || (members > 0 && members < sorted.length && outside.length === 0);
      if (differs && size !== quotaSize(band.quota, sorted.length)) {
        const finding: Finding = {
          code: 'level',
          kind: 'quota-base',
          severity: 'info',
          zh: `${scopeName}共有 ${members} 个单位，本表有 ${sorted.length} 个：${band.label}名额按 ${members} 个单位计为 ${size} 个`,
          en: `${scopeName} has ${members} units, the sheet ${sorted.length}: the ${band.labelEn ?? band.label} quota is counted on ${members}, giving ${size}`,
          clause: band.clause,
          quote: band.quote,
        };
        findings.push(finding);
        sorted[0]?.result.findings.push(finding); // once per tier, not on every unit
      }
      const end = Math.min(next + size, sorted.length);
      let cut = end;
      if (end > next && end < sorted.length && sorted[end - 1].scoreMicros === sorted[end].scoreMicros) {
        // A tie straddles the quota line: none of the tied group is chosen automatically.
        const tied: Micros = sorted[end].scoreMicros;
        cut = sorted.findIndex((unit) => unit.scoreMicros === tied);
        const group = sorted.filter((unit) => unit.scoreMicros === tied);
        // Said once, its units named once and bounded; every tied unit refers to this one finding.
        const names = groupNames(group.map((unit) => visibleName(unit.result.unit)));
        const finding: Finding = {
          code: 'level',
          kind: 'quota-tie',
          severity: 'warning',
          zh: `${scopeName}${band.label}名额 ${size} 个：${names.zh} 同分 ${group[0].result.score} 跨过名额线，等次待定，需考核小组确定`,
          en: `${scopeName} quota for ${band.labelEn ?? band.label} is ${size}: ${names.en} tie at ${group[0].result.score} across the quota line; level pending a decision`,
          clause: band.clause,
          quote: band.quote,
        };
        findings.push(finding);
        for (const unit of group) {
          unit.result.level = rs.pendingLabel;
          unit.result.findings.push(finding);
          unit.result.trace.push({ clause: band.clause, quote: band.quote, zh: finding.zh, en: finding.en });
        }
        for (let i = next; i < cut; i++) bandIndex.set(sorted[i], b);
        next = sorted.length - sorted.slice().reverse().findIndex((unit) => unit.scoreMicros === tied);
        return;
      }
      for (let i = next; i < cut; i++) bandIndex.set(sorted[i], b);
      next = cut;
    } else if (band.from !== undefined && band.to !== undefined) {
      const members = sorted.filter((_, i) => ranks[i] >= (band.from ?? 0) && ranks[i] <= (band.to ?? 0));
      for (const unit of members) bandIndex.set(unit, b);
      const span = band.to - band.from + 1;
      if (members.length > span) {
        const finding: Finding = {
          code: 'level',
          kind: 'level-tie',
          severity: 'info',
          zh: `${band.label}为第${band.from}至第${band.to}名，因同分并列共 ${members.length} 个单位`,
          en: `${band.labelEn ?? band.label} covers ranks ${band.from}–${band.to}; ties put ${members.length} units in it`,
          clause: band.clause,
          quote: band.quote,
        };
        findings.push(finding);
        for (const unit of members) unit.result.findings.push(finding);
      }
    }
  });
  const position = new Map(sorted.map((unit, i) => [unit, i]));
  for (const [unit, b] of bandIndex) {
    let index = b;
    const band = rs.levels[b];
    if (rs.downgrade && unit.result.criticized) {
      index = b + 1;
      const lower = rs.levels[index];
      const rank = ranks[position.get(unit) ?? 0];
      const step = {
        clause: rs.downgrade.cite.clause,
        quote: rs.downgrade.cite.quote,
        zh: `第${rank}名按名次应为${band.label}，因被通报批评或曝光降低一个等级为${lower ? lower.label : '不予评定等级'}`,
        en: `rank ${rank} gives ${band.labelEn ?? band.label}; criticized, it drops one level to ${lower ? (lower.labelEn ?? lower.label) : 'no level'}`,
      };
      unit.result.trace.push(step);
      const finding: Finding = { code: 'level', kind: 'level-downgrade', severity: 'info', ...step };
      unit.result.findings.push(finding);
      findings.push(finding);
    } else {
      unit.result.trace.push({ clause: band.clause, quote: band.quote, zh: `评为${band.label}`, en: `level ${band.labelEn ?? band.label}` });
    }
    const level = rs.levels[index];
    unit.result.level = level ? level.label : null;
    unit.result.result = level && level.points !== undefined ? level.points : null;
  }
}

/** The finding on each unit the ruleset does not list for the tier it is in (see unlistedUnits). */
function noteUnlisted(rs: CompiledRuleset, scope: string, scopeName: string, members: number, base: number, outside: readonly ScoredUnit[], findings: Finding[]): void {
  const tier = rs.tiers.find((t) => t.code === scope);
  const cite = tier ? { clause: tier.clause, quote: tier.quote } : { clause: rs.spec.clause, quote: rs.spec.quote };
  const quotas = rs.levels.filter((band) => band.quota !== undefined);
  const zh = quotas.map((band) => `${band.label}名额按 ${base} 个单位计为 ${quotaSize(band.quota ?? 0, base)} 个`).join('，');
  const en = quotas.map((band) => `the ${band.labelEn ?? band.label} quota is counted on ${base} units, giving ${quotaSize(band.quota ?? 0, base)}`).join('; ');
  for (const unit of outside) {
    const name = visibleName(unit.result.unit);
    const finding: Finding = {
      code: 'unit',
      kind: 'unlisted-unit',
      severity: 'warning',
      zh: `单位「${name}」不是${cite.clause}所列${scopeName}的单位（所列 ${members} 个）：按表中圈层参加${scopeName}排名，但不计入名额基数${zh === '' ? '' : `，${zh}`}；如其确属${scopeName}，请在规则集的单位表中列明`,
      en: `unit ${name} is not one of the ${members} units ${cite.clause} lists for ${scopeName}: ranked there as its sheet gives, but not counted in the quota base${en === '' ? '' : `; ${en}`}; if it belongs to ${scopeName}, list it in the ruleset's units`,
      clause: cite.clause,
      quote: cite.quote,
    };
    unit.result.findings.push(finding);
    findings.push(finding);
  }
}
