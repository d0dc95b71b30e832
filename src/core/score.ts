/**
 * Scoring one unit against a compiled ruleset. Integer micros throughout; the only mechanisms
 * are the item kinds, caps, floors, groups and totals of the format — no ruleset is special.
 */
import type { Citation, CompiledItem, CompiledRuleset } from './compile';
import { AssessError } from './errors';
import { type Micros, fromMicros, times } from './fixed';
import { type Position, type UnitRecord, positionText } from './input';
import type { Finding, FindingKind, ItemResult, TraceStep, UnitResult } from './result';

const FULL_PERCENT = 100_000_000; // 100% in micro-percentage-points

function fmt(micros: Micros): string {
  return String(fromMicros(micros));
}

function step(cite: Citation, zh: string, en: string): TraceStep {
  return { clause: cite.clause, quote: cite.quote, zh, en };
}

/** Display text of a stored value. */
export function displayValue(item: CompiledItem, value: number | undefined): string {
  if (value === undefined) return '';
  switch (item.kind) {
    case 'flag':
      return value ? '是' : '否';
    case 'judged':
      return fmt(value);
    case 'rate':
      return `${fromMicros(value)}%`;
    default:
      return String(value);
  }
}

interface Scratch {
  findings: Finding[];
  trace: TraceStep[];
  record: UnitRecord;
  /** Build notes, inputs, trace and findings (BREAKDOWN, EXPLAIN, CHECK, CLI); SCORE needs numbers only. */
  explain: boolean;
}

function addFinding(s: Scratch, code: string, kind: FindingKind, severity: Finding['severity'], cite: Citation, zh: string, en: string, where?: Position): void {
  const finding: Finding = { code, kind, severity, zh, en, clause: cite.clause, quote: cite.quote };
  if (where !== undefined) finding.where = positionText(where);
  s.findings.push(finding);
}

function valueOf(item: CompiledItem, s: Scratch): number | undefined {
  const value = s.record.values[item.index];
  if (value !== undefined) return value;
  if (item.empty.kind === 'value') return item.empty.value;
  return undefined;
}

/** Points a count or flag gives (or a counter takes), after its own cap. */
function occurrencePoints(item: CompiledItem, per: Micros, s: Scratch): { points: Micros; note: string } {
  const value = valueOf(item, s) ?? 0;
  const raw = item.kind === 'flag' ? (value ? per : 0) : times(value, per);
  if (item.cap !== null && raw > item.cap) {
    if (s.explain) s.trace.push(step(item.cite, `${item.code} ${fmt(raw)} 超过上限，按 ${fmt(item.cap)} 计`, `${item.code} ${fmt(raw)} is over its cap; counts ${fmt(item.cap)}`));
    if (s.explain) addFinding(s, item.code, 'capped', 'info', item.cite, `${item.code} 计 ${fmt(raw)}，超过上限 ${fmt(item.cap)}`, `${item.code} gives ${fmt(raw)}, over its cap ${fmt(item.cap)}`, s.record.where[item.index]);
    return { points: item.cap, note: s.explain ? `${value}×${fmt(per)}=${fmt(raw)}，封顶${fmt(item.cap)}` : '' };
  }
  if (!s.explain) return { points: raw, note: '' };
  return { points: raw, note: item.kind === 'flag' ? (value ? '是' : '否') : `${value}×${fmt(per)}` };
}

/** Magnitude (≥ 0) an item gives or takes, with a note on how. */
function itemPoints(item: CompiledItem, s: Scratch, batchRank: number | undefined): { points: Micros; note: string; input: string } {
  const given = s.record.values[item.index];
  const where = s.record.where[item.index];
  switch (item.kind) {
    case 'flag':
    case 'count': {
      const { points, note } = occurrencePoints(item, item.points, s);
      if (!s.explain) return { points, note: '', input: '' };
      return { points, note: given === undefined && item.kind === 'count' ? '' : note, input: displayValue(item, given) };
    }
    case 'judged': {
      const value = valueOf(item, s);
      if (value === undefined) {
        if (s.explain) addFinding(s, item.code, 'unscored', 'warning', item.cite, `${item.code}（${item.label}）未评分，按 0 分计`, `${item.code} (${item.label}) is not scored; counts 0`);
        return { points: 0, note: '未评分', input: '' };
      }
      checkIncidents(item, value, s);
      if (item.max !== null && value > item.max) {
        if (s.explain) addFinding(s, item.code, 'beyond-bound', 'warning', item.cite, `${item.code} 填写 ${fmt(value)}，超过上限 ${fmt(item.max)}，按 ${fmt(item.max)} 计`, `${item.code} is ${fmt(value)}, above its bound ${fmt(item.max)}; counts ${fmt(item.max)}`, where);
        if (s.explain) s.trace.push(step(item.cite, `${item.code} ${fmt(value)} 超过上限，按 ${fmt(item.max)} 计`, `${item.code} ${fmt(value)} is above its bound; counts ${fmt(item.max)}`));
        return { points: item.max, note: s.explain ? `${fmt(value)}→${fmt(item.max)}（上限）` : '', input: s.explain ? fmt(value) : '' };
      }
      if (value < item.min) {
        if (s.explain) addFinding(s, item.code, 'beyond-bound', 'warning', item.cite, `${item.code} 填写 ${fmt(value)}，低于下限 ${fmt(item.min)}，按 ${fmt(item.min)} 计`, `${item.code} is ${fmt(value)}, below its bound ${fmt(item.min)}; counts ${fmt(item.min)}`, where);
        return { points: item.min, note: s.explain ? `${fmt(value)}→${fmt(item.min)}（下限）` : '', input: s.explain ? fmt(value) : '' };
      }
      if (!s.explain) return { points: value, note: '', input: '' };
      return { points: value, note: given === undefined ? `空白按 ${fmt(value)} 计` : '', input: given === undefined ? '' : fmt(value) };
    }
    case 'deduct': {
      const counters = item.counters.length > 0 ? item.counters : [item];
      let taken = 0;
      const notes: string[] = [];
      const inputs: string[] = [];
      for (const counter of counters) {
        const { points, note } = occurrencePoints(counter, counter.step, s);
        taken += points;
        if (!s.explain) continue;
        const value = valueOf(counter, s);
        if (value) {
          notes.push(`−${note}`);
          inputs.push(counters.length > 1 ? `${counter.code}=${displayValue(counter, value)}` : displayValue(counter, value));
        }
      }
      const left = item.points - taken;
      if (left < 0) {
        if (s.explain) s.trace.push(step(item.cite, `${item.code} 扣分 ${fmt(taken)} 超过分值 ${fmt(item.points)}，扣完为止`, `${item.code} deductions ${fmt(taken)} exceed its ${fmt(item.points)} points; it stops at 0`));
        if (s.explain) addFinding(s, item.code, 'floored', 'info', item.cite, `${item.code} 已扣完本项分值`, `${item.code} has lost all its points`, s.record.where[counters[0].index]);
      }
      if (!s.explain) return { points: Math.max(left, 0), note: '', input: '' };
      return { points: Math.max(left, 0), note: `${fmt(item.points)}${notes.join('')}`, input: inputs.join('，') };
    }
    case 'rank': {
      const rank = given ?? batchRank;
      if (rank === undefined) {
        if (s.record.volumes[item.index] !== undefined) {
          if (s.explain) addFinding(s, item.code, 'rank-needs-batch', 'warning', item.cite, `${item.code} 只有办件量没有名次：名次需与其他单位一起计算`, `${item.code} has a volume but no rank: ranks need the other units`);
        } else {
          if (s.explain) addFinding(s, item.code, 'unscored', 'warning', item.cite, `${item.code}（${item.label}）没有名次，按 0 分计`, `${item.code} (${item.label}) has no rank; counts 0`);
        }
        return { points: 0, note: '未评分', input: '' };
      }
      const raw = item.points - times(rank - 1, item.step);
      const points = Math.max(raw, item.floor);
      if (!s.explain) return { points, note: '', input: '' };
      return { points, note: `第${rank}名：${fmt(item.points)}−${rank - 1}×${fmt(item.step)}${raw < item.floor ? `，保底${fmt(item.floor)}` : ''}`, input: given === undefined ? `第${rank}名` : String(rank) };
    }
    case 'rate': {
      const rate = valueOf(item, s);
      if (rate === undefined) {
        if (s.explain) addFinding(s, item.code, 'unscored', 'warning', item.cite, `${item.code}（${item.label}）未填写比率，按 0 分计`, `${item.code} (${item.label}) has no rate; counts 0`);
        return { points: 0, note: '未评分', input: '' };
      }
      const steps = Math.floor((FULL_PERCENT - rate) / item.perMicroPct);
      const raw = item.points - times(steps, item.step);
      if (!s.explain) return { points: Math.max(raw, 0), note: '', input: '' };
      return {
        points: Math.max(raw, 0),
        note: `低于100% ${steps} 档 × ${fmt(item.step)}${raw < 0 ? '，扣完为止' : ''}`,
        input: displayValue(item, rate),
      };
    }
  }
}

function checkIncidents(item: CompiledItem, value: Micros, s: Scratch): void {
  if (item.incidentMin === null && item.incidentMax === null) return;
  const min = item.incidentMin ?? 0;
  const max = item.incidentMax ?? Infinity;
  const range = `${fmt(min)}–${item.incidentMax === null ? '' : fmt(item.incidentMax)}`;
  const incidents = s.record.incidents.filter((incident) => incident.item === item);
  if (incidents.length > 0) {
    for (const incident of incidents) {
      if (incident.points !== 0 && (incident.points < min || incident.points > max)) {
        if (s.explain) addFinding(s, item.code, 'incident-range', 'warning', item.cite, `${item.code} 单次 ${fmt(incident.points)} 不在 ${range} 分之间`, `${item.code}: a single incident of ${fmt(incident.points)} is outside ${range}`, incident.where);
      }
    }
  } else if (value > 0 && value < min) {
    // A row total below one incident's minimum cannot be any number of incidents.
    if (s.explain) addFinding(s, item.code, 'incident-range', 'warning', item.cite, `${item.code} 为 ${fmt(value)}，低于单次最少 ${fmt(min)} 分`, `${item.code} is ${fmt(value)}, below the ${fmt(min)} of a single incident`, s.record.where[item.index]);
  }
}

function reward(rs: CompiledRuleset, s: Scratch): number | null {
  if (!rs.hasReward) return null;
  let total = 0;
  for (const item of rs.items) {
    if (item.reward === null) continue;
    const value = valueOf(item, s) ?? 0;
    total += item.kind === 'flag' ? (value ? item.reward : 0) : times(value, item.reward);
  }
  return fromMicros(total);
}

export interface ScoreContext {
  /** Ranks computed across a batch for rank items without a rank cell: item index → rank. */
  ranks?: Map<number, number>;
  /**
   * false: numbers only (score, totals, grade, thresholds, reward) — no items, notes, trace or
   * findings. What SCORE needs, several times faster. Default true.
   */
  explain?: boolean;
}

export interface ScoredUnit {
  result: UnitResult;
  scoreMicros: Micros;
}

export function scoreRecord(rs: CompiledRuleset, record: UnitRecord, context: ScoreContext = {}): ScoredUnit {
  const explain = context.explain !== false;
  const s: Scratch = { findings: [], trace: explain ? [...record.notes] : [], record, explain };
  const magnitudes = new Array<Micros>(rs.items.length).fill(0);
  const items: ItemResult[] = [];
  const adjustments: ItemResult[] = [];

  for (const item of rs.scoredItems) {
    const { points, note, input } = itemPoints(item, s, context.ranks?.get(item.index));
    magnitudes[item.index] = points;
    if (explain) items.push({
      code: item.code,
      label: item.label,
      role: item.role,
      input,
      points: fromMicros(item.role === 'deduction' ? -points : points),
      clause: item.cite.clause,
      quote: item.cite.quote,
      note,
    });
  }

  const totals = { score: 0, bonus: 0, deduction: 0 };
  const inGroup = new Set<number>();
  for (const group of rs.groups) {
    let sum = 0;
    if (group.once) {
      for (const member of group.members) {
        inGroup.add(member.index);
        if (magnitudes[member.index] > 0) sum = Math.max(sum, member.kind === 'count' || member.kind === 'flag' ? member.points : magnitudes[member.index]);
      }
      const raw = group.members.reduce((acc, m) => acc + magnitudes[m.index], 0);
      if (raw > sum) {
        if (s.explain) s.trace.push(step(group.cite, `${group.code} 一次性计 ${fmt(sum)}（不按次累计 ${fmt(raw)}）`, `${group.code} applies ${fmt(sum)} once (not ${fmt(raw)} per occurrence)`));
        if (explain) adjustments.push(adjustment(group.code, group.label, group.role, sum - raw, group.cite, '一次性'));
      }
    } else {
      for (const member of group.members) {
        inGroup.add(member.index);
        sum += magnitudes[member.index];
      }
    }
    if (group.cap !== null && sum > group.cap) {
      if (s.explain) s.trace.push(step(group.cite, `${group.code} 合计 ${fmt(sum)} 超过上限，按 ${fmt(group.cap)} 计`, `${group.code} totals ${fmt(sum)}, over its cap; counts ${fmt(group.cap)}`));
      const first = group.members.find((m) => s.record.where[m.index] !== undefined);
      if (s.explain) addFinding(s, group.code, 'capped', 'info', group.cite, `${group.code} 合计 ${fmt(sum)}，超过上限 ${fmt(group.cap)}`, `${group.code} totals ${fmt(sum)}, over its cap ${fmt(group.cap)}`, first ? s.record.where[first.index] : undefined);
      if (explain) adjustments.push(adjustment(group.code, group.label, group.role, group.cap - sum, group.cite, `封顶${fmt(group.cap)}`));
      sum = group.cap;
    }
    totals[group.role] += sum;
  }
  for (const item of rs.scoredItems) if (!inGroup.has(item.index)) totals[item.role] += magnitudes[item.index];

  const openCite = rs.openItems;
  for (const extra of record.extras) {
    totals.score += extra.points;
    if (explain) items.push({ code: extra.label, label: extra.label, role: 'score', input: fmt(extra.points), points: fromMicros(extra.points), clause: openCite?.clause ?? '', quote: openCite?.quote ?? '', note: '' });
  }

  let bonus = totals.bonus;
  if (rs.bonusCap && bonus > rs.bonusCap.value) {
    if (s.explain) s.trace.push(step(rs.bonusCap.cite, `加分合计 ${fmt(bonus)} 超过上限，按 ${fmt(rs.bonusCap.value)} 计`, `bonus ${fmt(bonus)} is over the cap; counts ${fmt(rs.bonusCap.value)}`));
    if (explain) adjustments.push(adjustment('bonusCap', '加分上限', 'bonus', rs.bonusCap.value - bonus, rs.bonusCap.cite, `封顶${fmt(rs.bonusCap.value)}`));
    bonus = rs.bonusCap.value;
  }
  let deduction = totals.deduction;
  if (rs.deductionCap && deduction > rs.deductionCap.value) {
    if (s.explain) s.trace.push(step(rs.deductionCap.cite, `扣分合计 ${fmt(deduction)} 超过上限，按 ${fmt(rs.deductionCap.value)} 计`, `deductions ${fmt(deduction)} are over the cap; count ${fmt(rs.deductionCap.value)}`));
    if (explain) adjustments.push(adjustment('deductionCap', '扣分上限', 'deduction', rs.deductionCap.value - deduction, rs.deductionCap.cite, `封顶${fmt(rs.deductionCap.value)}`));
    deduction = rs.deductionCap.value;
  }
  if (rs.deductionWithinBonus && deduction > bonus) {
    if (s.explain) s.trace.push(step(rs.deductionWithinBonus, `扣分 ${fmt(deduction)} 超过实得加分 ${fmt(bonus)}，按 ${fmt(bonus)} 计`, `deductions ${fmt(deduction)} exceed the applied bonus ${fmt(bonus)}; count ${fmt(bonus)}`));
    if (explain) adjustments.push(adjustment('deductionWithinBonus', '减分不超过加分', 'deduction', bonus - deduction, rs.deductionWithinBonus, `不超过加分${fmt(bonus)}`));
    deduction = bonus;
  }

  const scoreMicros = totals.score + bonus - deduction;
  checkBounds(rs, record, scoreMicros);

  for (const check of rs.checks) {
    let sum = 0;
    for (const item of check.items) {
      const value = valueOf(item, s) ?? 0;
      sum += item.kind === 'judged' ? value : times(value, 1_000_000);
    }
    if (sum > check.max) {
      if (s.explain) addFinding(s, check.code, 'sum-limit', 'warning', check.cite, `${check.label}：${check.code} 合计 ${fmt(sum)}，超过 ${fmt(check.max)}`, `${check.label}: ${check.code} total ${fmt(sum)}, more than ${fmt(check.max)}`);
    }
  }

  const thresholds: string[] = [];
  const measures = { score: scoreMicros, bonus: totals.bonus, deduction: totals.deduction };
  for (const threshold of rs.thresholds) {
    if (measures[threshold.spec.code] >= threshold.min) {
      thresholds.push(threshold.spec.label);
      if (s.explain) s.trace.push(step(threshold.cite, `${threshold.spec.code === 'deduction' ? '扣分' : threshold.spec.code === 'bonus' ? '加分' : '得分'} ${fmt(measures[threshold.spec.code])} ≥ ${fmt(threshold.min)}：${threshold.spec.label}`, `${threshold.spec.code} ${fmt(measures[threshold.spec.code])} ≥ ${fmt(threshold.min)}: ${threshold.spec.labelEn ?? threshold.spec.label}`));
    }
  }

  return {
    scoreMicros,
    result: {
      unit: record.unit,
      tier: record.tier,
      criticized: record.criticized,
      score: fromMicros(scoreMicros),
      direct: fromMicros(totals.score),
      bonusRaw: fromMicros(totals.bonus),
      bonus: fromMicros(bonus),
      deductionRaw: fromMicros(totals.deduction),
      deduction: fromMicros(deduction),
      items: [...items, ...adjustments],
      grade: gradeOf(rs, scoreMicros),
      reward: reward(rs, s),
      thresholds,
      findings: s.findings,
      trace: s.trace,
      rank: null,
      level: null,
      result: null,
    },
  };
}

function adjustment(code: string, label: string, role: ItemResult['role'], deltaMagnitude: Micros, cite: Citation, note: string): ItemResult {
  return {
    code,
    label,
    role,
    input: '',
    points: fromMicros(role === 'deduction' ? -deltaMagnitude : deltaMagnitude),
    clause: cite.clause,
    quote: cite.quote,
    note,
  };
}

function checkBounds(rs: CompiledRuleset, record: UnitRecord, score: Micros): void {
  const low = rs.scoreMin;
  const high = rs.scoreMax;
  if ((low && score < low.value) || (high && score > high.value)) {
    const range = `${low ? fmt(low.value) : '−∞'}–${high ? fmt(high.value) : '∞'}`;
    const cite = (low && score < low.value ? low : high)?.cite;
    throw new AssessError({
      kind: 'input',
      unit: record.unit,
      item: '总分',
      value: fmt(score),
      zh: `${record.unit ? `单位「${record.unit}」` : ''}总分 ${fmt(score)} 超出 ${range} 的范围（${cite?.clause ?? ''}）：请检查各项得分`,
      en: `${record.unit ? `unit ${record.unit}: ` : ''}the total ${fmt(score)} is outside ${range} (${cite?.clause ?? ''}); check the item points`,
    });
  }
}

export function gradeOf(rs: CompiledRuleset, score: Micros): string | null {
  for (const band of rs.grades) {
    if (band.min === null || score >= band.min) return band.spec.label;
  }
  return null;
}
