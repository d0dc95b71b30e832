/**
 * Scoring one unit against a compiled ruleset. Integer micros throughout; the only mechanisms
 * are the item kinds, caps, floors, groups and totals of the format — no ruleset is special.
 */
import type { Citation, CompiledItem, CompiledRuleset } from './compile';
import { AssessError } from './errors';
import { type Micros, fromMicros, times } from './fixed';
import { type Kernel, type Totals, groupApplied, groupSum, kernelOf, ladderPoints, magnitudesInto, rateSteps, stepsFrom, totalsOf } from './kernel';
import { type Position, type UnitRecord, entered, positionText } from './input';
import type { Finding, FindingKind, ItemResult, TraceStep, UnitResult } from './result';
import type { EnteredPoints } from './entered';


/** Stored values per item index, NaN for empty (see UnitRecord.values). */
type Values = Float64Array;

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
}

function addFinding(s: Scratch, code: string, kind: FindingKind, severity: Finding['severity'], cite: Citation, zh: string, en: string, where?: Position): void {
  const finding: Finding = { code, kind, severity, zh, en, clause: cite.clause, quote: cite.quote };
  if (where !== undefined) finding.where = positionText(where);
  s.findings.push(finding);
}

/** A stored value, or the item's value for an empty cell (undefined: unscored). */
function storedValue(item: CompiledItem, values: Values): number | undefined {
  const value = values[item.index];
  return value === value ? value : item.empty.value; // value !== value: NaN, empty
}

function valueOf(item: CompiledItem, s: Scratch): number | undefined {
  return storedValue(item, s.record.values);
}

/** Points a count or flag gives (or a counter takes) before its own cap, for the notes. */
function occurrenceRaw(item: CompiledItem, per: Micros, values: Values): Micros {
  const value = storedValue(item, values) ?? 0;
  if (item.ladder !== null) return ladderPoints(item.ladder, value, item.ladderOnce);
  return item.kind === 'flag' ? (value ? per : 0) : times(value, per);
}

/** How a ladder's points came about: 10+15+20+20, or the one rung reached. */
function ladderNote(item: CompiledItem, value: number): string {
  const rungs = item.ladder ?? [];
  const n = Math.max(0, Math.floor(value));
  if (n === 0) return '0';
  if (item.ladderOnce) return `第${n}次：${fmt(n <= rungs.length ? rungs[n - 1] : rungs[rungs.length - 1])}（只计一次）`;
  const taken = Array.from({ length: n }, (_, k) => fmt(rungs[Math.min(k, rungs.length - 1)]));
  return `${n}次：${taken.length > 6 ? `${taken.slice(0, rungs.length).join('+')}+${n - rungs.length}×${fmt(rungs[rungs.length - 1])}` : taken.join('+')}`;
}

/** The note on a count or flag (or a counter), with a finding when its own cap bites. */
function explainOccurrence(item: CompiledItem, per: Micros, s: Scratch): string {
  const value = valueOf(item, s) ?? 0;
  const raw = occurrenceRaw(item, per, s.record.values);
  if (item.cap !== null && raw > item.cap) {
    s.trace.push(step(item.cite, `${item.code} ${fmt(raw)} 超过上限，按 ${fmt(item.cap)} 计`, `${item.code} ${fmt(raw)} is over its cap; counts ${fmt(item.cap)}`));
    addFinding(s, item.code, 'capped', 'info', item.cite, `${item.code} 计 ${fmt(raw)}，超过上限 ${fmt(item.cap)}`, `${item.code} gives ${fmt(raw)}, over its cap ${fmt(item.cap)}`, s.record.where[item.index]);
    return `${item.ladder !== null ? ladderNote(item, value) : `${value}×${fmt(per)}`}=${fmt(raw)}，封顶${fmt(item.cap)}`;
  }
  if (item.ladder !== null) return `${ladderNote(item, value)}=${fmt(raw)}`;
  return item.kind === 'flag' ? (value ? '是' : '否') : `${value}×${fmt(per)}`;
}

/** How an item came to its points (note, input as shown), with its findings and trace steps. */
function explainItem(item: CompiledItem, s: Scratch, batchRank: number | undefined): { note: string; input: string } {
  const given = entered(s.record.values[item.index]);
  const where = s.record.where[item.index];
  switch (item.kind) {
    case 'flag':
    case 'count': {
      const note = explainOccurrence(item, item.points, s);
      return { note: given === undefined && item.kind === 'count' ? '' : note, input: displayValue(item, given) };
    }
    case 'judged': {
      const value = valueOf(item, s);
      if (value === undefined) {
        addFinding(s, item.code, 'unscored', 'warning', item.cite, `${item.code}（${item.label}）未评分，按 0 分计`, `${item.code} (${item.label}) is not scored; counts 0`);
        return { note: '未评分', input: '' };
      }
      checkIncidents(item, value, s);
      if (item.max !== null && value > item.max) {
        addFinding(s, item.code, 'beyond-bound', 'warning', item.cite, `${item.code} 填写 ${fmt(value)}，超过上限 ${fmt(item.max)}，按 ${fmt(item.max)} 计`, `${item.code} is ${fmt(value)}, above its bound ${fmt(item.max)}; counts ${fmt(item.max)}`, where);
        s.trace.push(step(item.cite, `${item.code} ${fmt(value)} 超过上限，按 ${fmt(item.max)} 计`, `${item.code} ${fmt(value)} is above its bound; counts ${fmt(item.max)}`));
        return { note: `${fmt(value)}→${fmt(item.max)}（上限）`, input: fmt(value) };
      }
      if (value < item.min) {
        addFinding(s, item.code, 'beyond-bound', 'warning', item.cite, `${item.code} 填写 ${fmt(value)}，低于下限 ${fmt(item.min)}，按 ${fmt(item.min)} 计`, `${item.code} is ${fmt(value)}, below its bound ${fmt(item.min)}; counts ${fmt(item.min)}`, where);
        return { note: `${fmt(value)}→${fmt(item.min)}（下限）`, input: fmt(value) };
      }
      return { note: given === undefined ? `空白按 ${fmt(value)} 计` : '', input: given === undefined ? '' : fmt(value) };
    }
    case 'deduct': {
      const counters = item.counters.length > 0 ? item.counters : [item];
      let taken = 0;
      const notes: string[] = [];
      const inputs: string[] = [];
      for (const counter of counters) {
        const raw = occurrenceRaw(counter, counter.step, s.record.values);
        taken += counter.cap !== null && raw > counter.cap ? counter.cap : raw;
        const note = explainOccurrence(counter, counter.step, s);
        const value = valueOf(counter, s);
        if (value) {
          notes.push(`−${note}`);
          inputs.push(counters.length > 1 ? `${counter.code}=${displayValue(counter, value)}` : displayValue(counter, value));
        }
      }
      if (item.points - taken < 0) {
        s.trace.push(step(item.cite, `${item.code} 扣分 ${fmt(taken)} 超过分值 ${fmt(item.points)}，扣完为止`, `${item.code} deductions ${fmt(taken)} exceed its ${fmt(item.points)} points; it stops at 0`));
        addFinding(s, item.code, 'floored', 'info', item.cite, `${item.code} 已扣完本项分值`, `${item.code} has lost all its points`, s.record.where[counters[0].index]);
      }
      return { note: `${fmt(item.points)}${notes.join('')}`, input: inputs.join('，') };
    }
    case 'rank': {
      const rank = given ?? batchRank;
      if (rank === undefined) {
        if (s.record.volumes[item.index] !== undefined) {
          addFinding(s, item.code, 'rank-needs-batch', 'warning', item.cite, `${item.code} 只有办件量没有名次：名次需与其他单位一起计算`, `${item.code} has a volume but no rank: ranks need the other units`);
        } else {
          addFinding(s, item.code, 'unscored', 'warning', item.cite, `${item.code}（${item.label}）没有名次，按 0 分计`, `${item.code} (${item.label}) has no rank; counts 0`);
        }
        return { note: '未评分', input: '' };
      }
      const raw = item.points - times(rank - 1, item.step);
      return { note: `第${rank}名：${fmt(item.points)}−${rank - 1}×${fmt(item.step)}${raw < item.floor ? `，保底${fmt(item.floor)}` : ''}`, input: given === undefined ? `第${rank}名` : String(rank) };
    }
    case 'rate': {
      const rate = valueOf(item, s);
      if (rate === undefined) {
        addFinding(s, item.code, 'unscored', 'warning', item.cite, `${item.code}（${item.label}）未填写比率，按 0 分计`, `${item.code} (${item.label}) has no rate; counts 0`);
        return { note: '未评分', input: '' };
      }
      const from = item.rateFrom;
      if (from === null) {
        const steps = rateSteps(item.perMicroPct, rate);
        const raw = item.points - times(steps, item.step);
        return { note: `低于100% ${steps} 档 × ${fmt(item.step)}${raw < 0 ? '，扣完为止' : ''}`, input: displayValue(item, rate) };
      }
      const steps = stepsFrom(from.mode, from.threshold, item.perMicroPct, rate);
      const at = `${fmt(from.threshold)}%`;
      if (from.mode === 'below' && item.role !== 'deduction') {
        const raw = item.points - times(steps, item.step);
        return { note: `低于${at} ${steps} 档 × ${fmt(item.step)}${raw < 0 ? '，扣完为止' : ''}`, input: displayValue(item, rate) };
      }
      const reached = from.mode === 'below' || rate >= from.threshold;
      const raw = from.mode === 'above' ? (reached ? item.points + times(steps, item.step) : 0) : times(steps, item.step);
      const how = from.mode === 'above' ? (reached ? `达到${at}：${fmt(item.points)} + ${steps} 档 × ${fmt(item.step)}` : `未达到${at}`) : `低于${at} ${steps} 档 × ${fmt(item.step)}`;
      if (item.cap !== null && raw > item.cap) {
        s.trace.push(step(item.cite, `${item.code} ${fmt(raw)} 超过上限，按 ${fmt(item.cap)} 计`, `${item.code} ${fmt(raw)} is over its cap; counts ${fmt(item.cap)}`));
        addFinding(s, item.code, 'capped', 'info', item.cite, `${item.code} 计 ${fmt(raw)}，超过上限 ${fmt(item.cap)}`, `${item.code} gives ${fmt(raw)}, over its cap ${fmt(item.cap)}`, s.record.where[item.index]);
        return { note: `${how}=${fmt(raw)}，封顶${fmt(item.cap)}`, input: displayValue(item, rate) };
      }
      return { note: `${how}`, input: displayValue(item, rate) };
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
        addFinding(s, item.code, 'incident-range', 'warning', item.cite, `${item.code} 单次 ${fmt(incident.points)} 不在 ${range} 分之间`, `${item.code}: a single incident of ${fmt(incident.points)} is outside ${range}`, incident.where);
      }
    }
  } else if (value > 0 && value < min) {
    // A row total below one incident's minimum cannot be any number of incidents.
    addFinding(s, item.code, 'incident-range', 'warning', item.cite, `${item.code} 为 ${fmt(value)}，低于单次最少 ${fmt(min)} 分`, `${item.code} is ${fmt(value)}, below the ${fmt(min)} of a single incident`, s.record.where[item.index]);
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

/** Trace steps, findings and adjustment rows for the groups and totals that changed a sum. */
function explainTotals(rs: CompiledRuleset, k: Kernel, magnitudes: Float64Array, totals: Totals, s: Scratch, adjustments: ItemResult[]): void {
  rs.groups.forEach((group, g) => {
    const sum = groupSum(k, magnitudes, g);
    if (group.once) {
      const raw = group.members.reduce((acc, m) => acc + magnitudes[m.index], 0);
      if (raw > sum) {
        s.trace.push(step(group.cite, `${group.code} 一次性计 ${fmt(sum)}（不按次累计 ${fmt(raw)}）`, `${group.code} applies ${fmt(sum)} once (not ${fmt(raw)} per occurrence)`));
        adjustments.push(adjustment(group.code, group.label, group.role, sum - raw, group.cite, '一次性'));
      }
    }
    // Mean over periods and share (kernel.ts partValue): one row from the sum to what the part counts.
    if (group.mean || group.share !== null) {
      const applied = groupApplied(k, g, sum, false);
      const how = [group.mean ? `取${group.members.length}期平均` : '', group.cap !== null && sum > group.cap * (group.mean ? group.members.length : 1) ? `封顶${fmt(group.cap)}` : '', group.share !== null ? `按${fmt(group.share * 100)}%计` : ''].filter((w) => w !== '').join('，');
      s.trace.push(step(group.cite, `${group.code} 合计 ${fmt(sum)}，${how}：${fmt(applied)}`, `${group.code} totals ${fmt(sum)}; ${group.mean ? `mean of ${group.members.length} periods, ` : ''}${group.share !== null ? `counted at ${fmt(group.share * 100)}%` : ''}: ${fmt(applied)}`));
      if (applied !== sum) adjustments.push(adjustment(group.code, group.label, group.role, applied - sum, group.cite, how));
      return;
    }
    if (group.cap !== null && sum > group.cap) {
      s.trace.push(step(group.cite, `${group.code} 合计 ${fmt(sum)} 超过上限，按 ${fmt(group.cap)} 计`, `${group.code} totals ${fmt(sum)}, over its cap; counts ${fmt(group.cap)}`));
      const first = group.members.find((m) => s.record.where[m.index] !== undefined);
      addFinding(s, group.code, 'capped', 'info', group.cite, `${group.code} 合计 ${fmt(sum)}，超过上限 ${fmt(group.cap)}`, `${group.code} totals ${fmt(sum)}, over its cap ${fmt(group.cap)}`, first ? s.record.where[first.index] : undefined);
      adjustments.push(adjustment(group.code, group.label, group.role, group.cap - sum, group.cite, `封顶${fmt(group.cap)}`));
    }
  });
  if (rs.bonusCap && totals.bonusRaw > rs.bonusCap.value) {
    s.trace.push(step(rs.bonusCap.cite, `加分合计 ${fmt(totals.bonusRaw)} 超过上限，按 ${fmt(rs.bonusCap.value)} 计`, `bonus ${fmt(totals.bonusRaw)} is over the cap; counts ${fmt(rs.bonusCap.value)}`));
    adjustments.push(adjustment('bonusCap', '加分上限', 'bonus', rs.bonusCap.value - totals.bonusRaw, rs.bonusCap.cite, `封顶${fmt(rs.bonusCap.value)}`));
  }
  const cappedDeduction = rs.deductionCap && totals.deductionRaw > rs.deductionCap.value ? rs.deductionCap.value : totals.deductionRaw;
  if (rs.deductionCap && cappedDeduction !== totals.deductionRaw) {
    s.trace.push(step(rs.deductionCap.cite, `扣分合计 ${fmt(totals.deductionRaw)} 超过上限，按 ${fmt(rs.deductionCap.value)} 计`, `deductions ${fmt(totals.deductionRaw)} are over the cap; count ${fmt(rs.deductionCap.value)}`));
    adjustments.push(adjustment('deductionCap', '扣分上限', 'deduction', rs.deductionCap.value - totals.deductionRaw, rs.deductionCap.cite, `封顶${fmt(rs.deductionCap.value)}`));
  }
  if (rs.deductionWithinBonus && cappedDeduction > totals.bonus) {
    s.trace.push(step(rs.deductionWithinBonus, `扣分 ${fmt(cappedDeduction)} 超过实得加分 ${fmt(totals.bonus)}，按 ${fmt(totals.bonus)} 计`, `deductions ${fmt(cappedDeduction)} exceed the applied bonus ${fmt(totals.bonus)}; count ${fmt(totals.bonus)}`));
    adjustments.push(adjustment('deductionWithinBonus', '减分不超过加分', 'deduction', totals.bonus - cappedDeduction, rs.deductionWithinBonus, `不超过加分${fmt(totals.bonus)}`));
  }
}

/** Whether a total lies outside the ruleset's score bounds (an input error: see checkBounds). */
export function outOfBounds(rs: CompiledRuleset, score: Micros): boolean {
  return (rs.scoreMin !== null && score < rs.scoreMin.value) || (rs.scoreMax !== null && score > rs.scoreMax.value);
}

/**
 * Puts entered points in place of what counts would give: an item's into its magnitude, a
 * category's or clause's over its parts (the first part takes the points, the others none).
 */
export function applyEntered(k: Kernel, record: UnitRecord, magnitudes: Float64Array): Float64Array | undefined {
  let parts: Float64Array | undefined;
  for (const e of record.entered) {
    if (e.target.item) magnitudes[e.target.item.index] = e.used;
    else {
      parts ??= new Float64Array(k.partCount).fill(NaN);
      e.target.parts.forEach((part, i) => {
        (parts as Float64Array)[part] = i === 0 ? e.used : 0;
      });
    }
  }
  return parts;
}

export function scoreRecord(rs: CompiledRuleset, record: UnitRecord, context: ScoreContext = {}): ScoredUnit {
  const explain = context.explain !== false;
  const s: Scratch = { findings: record.readFindings ? [...record.readFindings] : [], trace: explain ? [...record.notes] : [], record };
  const k = kernelOf(rs);
  const magnitudes = new Float64Array(rs.items.length);
  magnitudesInto(k, record.values, magnitudes, context.ranks);
  const parts = applyEntered(k, record, magnitudes);
  const items: ItemResult[] = [];
  const adjustments: ItemResult[] = [];

  if (explain) {
    const covered = new Map<CompiledItem, EnteredPoints>();
    for (const e of record.entered) for (const item of e.target.item ? [e.target.item] : e.target.items) covered.set(item, e);
    for (const e of record.entered) {
      if (e.used !== (e.mode === 'deducted' && e.target.role !== 'deduction' ? (e.target.full ?? 0) - e.given : e.given)) continue;
      s.trace.push(step(e.target.cite, `${e.target.code} 按表中填写的分数计 ${fmt(e.used)}`, `${e.target.code} counts the ${fmt(e.used)} points entered on the sheet`));
    }
    for (const item of rs.scoredItems) {
      const entry = covered.get(item);
      const { note, input } = entry
        ? { note: entry.target.item ? `填写${entry.mode === 'deducted' ? '扣分' : '得分'} ${fmt(entry.given)}${entry.used !== entry.given && entry.mode !== 'deducted' ? `→${fmt(entry.used)}` : ''}` : `按${entry.target.code}填写`, input: entry.target.item ? fmt(entry.given) : '' }
        : explainItem(item, s, context.ranks?.get(item.index));
      const points = magnitudes[item.index];
      items.push({
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
  }

  let extras = 0;
  const openCite = rs.openItems;
  for (const extra of record.extras) {
    extras += extra.points;
    if (explain) items.push({ code: extra.label, label: extra.label, role: 'score', input: fmt(extra.points), points: fromMicros(extra.points), clause: openCite?.clause ?? '', quote: openCite?.quote ?? '', note: '' });
  }

  const totals = totalsOf(k, magnitudes, extras, parts);
  if (explain) explainTotals(rs, k, magnitudes, totals, s, adjustments);
  const scoreMicros = totals.score;
  checkBounds(rs, record, scoreMicros);

  if (explain) {
    for (const check of rs.checks) {
      let sum = 0;
      for (const item of check.items) {
        const value = valueOf(item, s) ?? 0;
        sum += item.kind === 'judged' ? value : times(value, 1_000_000);
      }
      if (sum > check.max) {
        addFinding(s, check.code, 'sum-limit', 'warning', check.cite, `${check.label}：${check.code} 合计 ${fmt(sum)}，超过 ${fmt(check.max)}`, `${check.label}: ${check.code} total ${fmt(sum)}, more than ${fmt(check.max)}`);
      }
    }
  }

  const thresholds: string[] = [];
  const measures = { score: scoreMicros, bonus: totals.bonusRaw, deduction: totals.deductionRaw };
  for (const threshold of rs.thresholds) {
    if (measures[threshold.spec.code] >= threshold.min) {
      thresholds.push(threshold.spec.label);
      if (explain) s.trace.push(step(threshold.cite, `${threshold.spec.code === 'deduction' ? '扣分' : threshold.spec.code === 'bonus' ? '加分' : '得分'} ${fmt(measures[threshold.spec.code])} ≥ ${fmt(threshold.min)}：${threshold.spec.label}`, `${threshold.spec.code} ${fmt(measures[threshold.spec.code])} ≥ ${fmt(threshold.min)}: ${threshold.spec.labelEn ?? threshold.spec.label}`));
    }
  }

  return {
    scoreMicros,
    result: {
      unit: record.unit,
      tier: record.tier,
      criticized: record.criticized,
      score: fromMicros(scoreMicros),
      direct: fromMicros(totals.direct),
      bonusRaw: fromMicros(totals.bonusRaw),
      bonus: fromMicros(totals.bonus),
      deductionRaw: fromMicros(totals.deductionRaw),
      deduction: fromMicros(totals.deduction),
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
  if (outOfBounds(rs, score)) {
    const low = rs.scoreMin;
    const high = rs.scoreMax;
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
