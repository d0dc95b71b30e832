/**
 * The office's own results on the sheet — 加分小计, 扣分小计, 总分, 名次, 等次, 奖励 — compared with
 * what the regulation gives. Every disagreement is a finding at the cell, with the sheet's value,
 * ASSESS's value and the clause that makes the difference; that is the hand arithmetic the
 * regulation exists to police.
 */
import { type Cell, cellText, isEmptyCell } from './cells';
import type { CompiledRuleset } from './compile';
import { fromMicros, toMicros } from './fixed';
import type { Claim, UnitRecord } from './input';
import { positionText } from './input';
import type { Finding, ItemResult, UnitResult } from './result';
import { normalizeKey } from './text';

/** Competition ranks, descending (RANK.EQ): each value's first place in the sorted list; O(n log n), not an indexOf per unit. */
function rankDescending(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => b - a);
  const first = new Map<number, number>();
  sorted.forEach((value, i) => {
    if (!first.has(value)) first.set(value, i + 1);
  });
  return values.map((value) => first.get(value) ?? 0);
}

/** A claimed number, or null when the cell holds no number (text such as "优" in a 总分 cell). */
function claimedNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return toMicros(cell);
  const text = normalizeKey(cellText(cell)).replace(/分$/, '').replace(/^第(\d+)名$/, '$1');
  if (text === '' || !/^[-+]?\d+(\.\d+)?$/.test(text)) return null;
  return toMicros(Number(text));
}

function show(micros: number): string {
  return String(fromMicros(micros));
}

/** A Position's column (positions are row × 16384 + column; see read/build.ts). */
const columnOf = (at: number): number => at % 16_384;

/** Words a flag column is set with, and left unset with (after normalizeKey). */
const FLAG_SET = new Set(['是', '√', '✓', '✔', 'y', 'yes', 'true', '1', '有']);
const FLAG_UNSET = new Set(['', '否', '×', '✗', 'n', 'no', 'false', '0', '无', '-', '—', '/']);

/** The threshold a result column is headed by (不得参评先进 → 不得参评先进单位和先进个人), if any. */
function thresholdNamed(rs: CompiledRuleset, header: string): CompiledRuleset['thresholds'][number] | undefined {
  const key = normalizeKey(header).replace(/\s+/g, '');
  if (key.length < 2) return undefined;
  return rs.thresholds.find((t) => {
    const label = normalizeKey(t.spec.label).replace(/\s+/g, '');
    return label === key || label.startsWith(key) || key.startsWith(label);
  });
}

/** A result column holding yuan (奖励金额（元）, 奖金): the unit's reward (四 奖励办法), not result points. */
function isRewardColumn(rs: CompiledRuleset, header: string): boolean {
  return rs.hasReward && /奖励|奖金|金额|元/.test(normalizeKey(header));
}

const WHAT: Record<Claim['kind'], [string, string]> = {
  bonus: ['加分小计', 'bonus subtotal'],
  deduction: ['扣分小计', 'deduction subtotal'],
  score: ['总分', 'total'],
  rank: ['名次', 'rank'],
  level: ['等次', 'level'],
  result: ['结果加分', 'result points'],
};

/** Clauses of the caps and rules that changed a unit's sum (the difference between the sheet's arithmetic and the regulation's). */
function adjustmentClauses(unit: UnitResult, kinds: ReadonlyArray<ItemResult['role']>): string[] {
  const clauses = unit.items.filter((item) => item.input === '' && item.note !== '' && kinds.includes(item.role) && item.points !== 0 && /封顶|不超过|一次性/.test(item.note)).map((item) => item.clause);
  for (const finding of unit.findings) if (finding.kind === 'entered-points' && finding.expected !== null && finding.expected !== undefined) clauses.push(finding.clause);
  return [...new Set(clauses)];
}

export interface AuditContext {
  rs: CompiledRuleset;
  records: readonly UnitRecord[];
  units: readonly UnitResult[];
  /** false: one unit scored alone (no rank or level to compare): only its sums are audited. */
  batch?: boolean;
}

/** Findings for every claim that disagrees; attached to the units, and returned. */
export function auditClaims({ rs, records, units, batch = true }: AuditContext): Finding[] {
  const out: Finding[] = [];
  const scoreMicros = units.map((unit) => toMicros(unit.score) ?? 0);
  const tierRanks = new Map<UnitResult, number>();
  const byTier = new Map<string, number[]>();
  units.forEach((unit, i) => {
    if (unit.tier === null || unit.rank === null) return;
    const list = byTier.get(unit.tier) ?? [];
    list.push(i);
    byTier.set(unit.tier, list);
  });
  for (const list of byTier.values()) {
    const ranks = rankDescending(list.map((i) => scoreMicros[i]));
    list.forEach((i, k) => tierRanks.set(units[i], ranks[k]));
  }
  const levelCounts = new Map<string, number>();
  /** How many units of a tier the regulation gives each level (the quota as filled). */
  const givenCounts = new Map<string, number>();
  for (const unit of units) if (unit.level !== null) {
    const key = `${unit.tier ?? ''}\u0000${normalizeKey(unit.level)}`;
    givenCounts.set(key, (givenCounts.get(key) ?? 0) + 1);
  }
  records.forEach((record, i) => {
    for (const claim of record.claims) if (claim.kind === 'level' && !isEmptyCell(claim.cell)) {
      const key = `${units[i].tier ?? ''}\u0000${normalizeKey(cellText(claim.cell))}`;
      levelCounts.set(key, (levelCounts.get(key) ?? 0) + 1);
    }
  });

  // A 名次 column ranks either the whole table or each 圈层 (a sheet per 圈层): whichever more of its
  // cells agree with; then each cell is held to that one (a tied unit's rank within its own 圈层 is no
  // excuse for a wrong rank in a table of all units, issue 18 F17).
  const rankColumn = (record: UnitRecord, claim: Claim): string => `${claim.sheet ?? record.sheet ?? ''}\u0000${columnOf(claim.at)}`;
  const votes = new Map<string, { overall: number; tier: number }>();
  records.forEach((record, i) => {
    const unit = units[i];
    for (const claim of record.claims) {
      if (claim.kind !== 'rank' || unit.rank === null) continue;
      const value = claimedNumber(claim.cell);
      const tally = votes.get(rankColumn(record, claim)) ?? { overall: 0, tier: 0 };
      if (value === unit.rank * 1e6) tally.overall++;
      if (value !== null && value === (tierRanks.get(unit) ?? 0) * 1e6) tally.tier++;
      votes.set(rankColumn(record, claim), tally);
    }
  });

  records.forEach((record, i) => {
    const unit = units[i];
    for (const claim of record.claims) {
      if (!batch && (claim.kind === 'rank' || claim.kind === 'level' || claim.kind === 'result')) continue;
      const [whatZh, whatEn] = WHAT[claim.kind];
      const found = cellText(claim.cell);
      const push = (severity: Finding['severity'], expected: string | null, clause: string, quote: string, why: string, whyEn: string): void => {
        // A reason that is only the finding's clause is not said in the message: every place that
        // shows the message shows the clause beside it (issue 22.5: "：第九条(四)（第九条(四)）").
        const onlyClause = why !== '' && why.split('、').join('; ') === clause;
        const reason = onlyClause ? '' : why;
        const reasonEn = onlyClause ? '' : whyEn;
        // A cell that should be blank says so (was "按细则应为 （空）").
        const should = expected === '' ? '按细则此项应留空' : `按细则应为 ${expected ?? ''}`;
        const shouldEn = expected === '' ? 'the regulation leaves this blank' : `the regulation gives ${expected ?? ''}`;
        const finding: Finding = {
          code: claim.header || whatZh,
          kind: 'claim',
          severity,
          zh: `${claim.header || whatZh} ${found}，${should}${reason ? `：${reason}` : ''}`,
          en: `${whatEn} ${found}; ${shouldEn}${reasonEn ? `: ${reasonEn}` : ''}`,
          clause,
          quote,
          where: positionText(claim.at),
          found,
          expected,
        };
        const sheet = claim.sheet ?? record.sheet;
        if (sheet !== undefined) finding.sheet = sheet;
        unit.findings.push(finding);
        out.push(finding);
      };
      const general = { clause: rs.spec.clause, quote: rs.spec.quote };
      if (claim.kind === 'level') {
        const expected = unit.level ?? (rs.levels.length === 0 ? (unit.grade ?? '') : '');
        if (normalizeKey(found) === normalizeKey(expected)) continue;
        const claimed = rs.levels.find((level) => normalizeKey(level.label) === normalizeKey(found));
        const given = rs.levels.find((level) => level.label === expected);
        // A quota is a ceiling (不超过): fewer units at that level is the office's choice.
        if (found === '' || (given?.quota !== undefined && claimed === undefined && found !== '')) {
          if (found === '' && given?.quota !== undefined) push('info', expected, given.clause, given.quote, `名额内可评${given.label}（比例为上限）`, `within the quota (a ceiling)`);
          else if (found === '') push('warning', expected, given?.clause ?? general.clause, given?.quote ?? general.quote, '', '');
          else push('warning', expected, given?.clause ?? general.clause, given?.quote ?? general.quote, '', '');
          continue;
        }
        if (unit.level === rs.pendingLabel) {
          push('info', expected, claimed?.clause ?? general.clause, claimed?.quote ?? general.quote, '同分跨名额线，由考核小组确定', 'a tie across the quota line, for the assessment group to decide');
          continue;
        }
        if (rs.downgrade && unit.criticized && claimed) {
          push('warning', expected, rs.downgrade.cite.clause, rs.downgrade.cite.quote, '被通报批评或曝光，降低一个等级', 'criticized: one level lower');
          continue;
        }
        if (claimed?.quota !== undefined) {
          const tier = rs.tiers.find((t) => t.code === unit.tier)?.label ?? '';
          const key = `${unit.tier ?? ''}\u0000${normalizeKey(found)}`;
          const count = levelCounts.get(key) ?? 0;
          const allowed = givenCounts.get(key) ?? 0;
          const rank = tierRanks.get(unit);
          const place = rank === undefined ? '' : `，本单位在${tier || '本批'}排第 ${rank} 名`;
          const placeEn = rank === undefined ? '' : `; this unit is ${rank} in ${tier || 'the batch'}`;
          push('warning', expected, claimed.clause, claimed.quote, `${tier}本表评了 ${count} 个${claimed.label}，按名额为 ${allowed} 个${place}`, `${count} units at ${claimed.labelEn ?? claimed.label} in ${tier || 'the batch'}, the quota gives ${allowed}${placeEn}`);
          continue;
        }
        const band = given ?? claimed;
        const grade = rs.grades.find((g) => g.spec.label === expected);
        // A level goes by rank (or quota); a grade by score bands (90分以上): say what decides it.
        const byScore = band === undefined && rs.levels.length === 0 && unit.score !== null;
        const why = byScore ? `得分 ${unit.score}` : unit.rank !== null ? `第${unit.rank}名` : '';
        const whyEn = byScore ? `score ${unit.score}` : unit.rank !== null ? `rank ${unit.rank}` : '';
        push('warning', expected, band?.clause ?? grade?.cite.clause ?? general.clause, band?.quote ?? grade?.cite.quote ?? general.quote, why, whyEn);
        continue;
      }
      if (claim.kind === 'result') {
        const threshold = thresholdNamed(rs, claim.header);
        if (threshold) {
          // 不得参评先进: set (是) iff the unit reached the threshold (五(四)); a blank cell says it did not.
          const text = normalizeKey(found).replace(/\s+/g, '');
          const due = unit.thresholds.includes(threshold.spec.label);
          const set = FLAG_SET.has(text) ? true : FLAG_UNSET.has(text) ? false : null;
          if (set === due) continue;
          const measure = threshold.spec.code === 'deduction' ? unit.deductionRaw : threshold.spec.code === 'bonus' ? unit.bonusRaw : unit.score;
          const [measureZh, measureEn] = threshold.spec.code === 'deduction' ? ['扣分', 'deductions'] : threshold.spec.code === 'bonus' ? ['加分', 'bonus'] : ['得分', 'score'];
          const min = show(threshold.min);
          if (set === null) push('warning', due ? '是' : '', threshold.cite.clause, threshold.cite.quote, `应填“是”或留空`, 'write 是 (yes) or leave it blank');
          else if (due) push('warning', '是', threshold.cite.clause, threshold.cite.quote, `${measureZh} ${measure} 达到 ${min}`, `${measureEn} ${measure} reach ${min}`);
          else push('warning', '', threshold.cite.clause, threshold.cite.quote, `${measureZh} ${measure} 未达 ${min}`, `${measureEn} ${measure} are below ${min}`);
          continue;
        }
        if (isEmptyCell(claim.cell)) continue; // a result or reward left blank is not claimed
      }
      const value = claimedNumber(claim.cell);
      if (value === null) {
        push('warning', null, general.clause, general.quote, '不是数字', 'not a number');
        continue;
      }
      if (claim.kind === 'rank') {
        if (unit.rank === null) continue; // an incomplete unit has no rank yet (its own finding says so)
        const tierRank = tierRanks.get(unit);
        const tally = votes.get(rankColumn(record, claim));
        const byTier = tierRank !== undefined && tally !== undefined && tally.tier > tally.overall;
        const expected = byTier ? tierRank : unit.rank;
        if (value === expected * 1e6) continue;
        // Where levels go by rank (四(一) 按总得分排名), that clause is the one the rank serves.
        // Else the first level's clause (chengdu2006 第十一條: 优秀 by quota over the ranked totals): the
        // ruleset's general clause is its effective date (第十三條), which says nothing of ranks.
        const byRank = rs.levels.find((level) => level.from !== undefined) ?? rs.levels[0];
        const tier = byTier ? (rs.tiers.find((t) => t.code === unit.tier)?.label ?? '') : '';
        push('warning', String(expected), byRank?.clause ?? general.clause, byRank?.quote ?? general.quote, `名次应为按总分从高到低的排名${tier ? `（${tier}内）` : ''}（同分同名次）`, `the rank is RANK.EQ of the totals, descending${tier ? ` within ${tier}` : ''} (ties share a rank)`);
        continue;
      }
      if (claim.kind === 'result' && isRewardColumn(rs, claim.header)) {
        // 奖励金额（元）: the unit's reward in yuan, Σ count × yuan (四 奖励办法).
        const expected = unit.reward ?? 0;
        if (value === toMicros(expected)) continue;
        // The reward clauses of the items this unit has (S3.single 三(一)3, 四(一) → 四(一)).
        const rewarded = unit.items.filter((item) => item.input !== '' && item.input !== '0' && (rs.itemByCode.get(item.code)?.reward ?? null) !== null);
        const clauses = [...new Set(rewarded.flatMap((item) => item.clause.split(/[,，、]\s*/).filter((c) => c.startsWith('四'))))];
        push('warning', String(expected), clauses.join('、') || general.clause, rewarded[0]?.quote ?? general.quote, `逐项相加应为 ${expected} 元`, `the items add up to ${expected} yuan`);
        continue;
      }
      if (claim.kind === 'result') {
        const expected = unit.result ?? unit.reward;
        if (expected !== null && value === toMicros(expected)) continue;
        if (expected === null && value === 0) continue;
        const level = rs.levels.find((l) => l.label === unit.level);
        push('warning', expected === null ? '' : String(expected), level?.clause ?? general.clause, level?.quote ?? general.quote, '', '');
        continue;
      }
      if (claim.parts) {
        // A 小计 over some items (任务得分小计): their points as the regulation gives them.
        const parts = new Set(claim.parts);
        const expected = unit.items.reduce((sum, item) => (parts.has(item.code) ? sum + (toMicros(item.points) ?? 0) : sum), 0);
        if (value === expected) continue;
        // An item over its bound explains the difference: its finding's clause; else a plain wrong sum.
        const over = unit.findings.find((f) => f.code !== undefined && parts.has(f.code) && (f.kind === 'beyond-bound' || f.kind === 'entered-points') && f.expected !== null && f.expected !== undefined);
        const formula = rs.scoreFormulaCite ?? general;
        push('warning', show(expected), over?.clause ?? formula.clause, over?.quote ?? formula.quote, over ? `${over.code} 按 ${over.expected} 计` : `逐项相加应为 ${show(expected)}`, over ? `${over.code} counts ${over.expected}` : `the items add up to ${show(expected)}`);
        continue;
      }
      const accepted =
        claim.kind === 'score' ? [scoreMicros[i]] : claim.kind === 'bonus' ? [toMicros(unit.bonusRaw) ?? 0, toMicros(unit.bonus) ?? 0] : [toMicros(unit.deductionRaw) ?? 0, toMicros(unit.deduction) ?? 0];
      if (accepted.includes(value)) continue;
      const expected = accepted[accepted.length - 1];
      const clauses = adjustmentClauses(unit, claim.kind === 'bonus' ? ['bonus'] : claim.kind === 'deduction' ? ['deduction'] : ['bonus', 'deduction', 'score']);
      // An over-limit cell's own finding quotes the cap (累計加分不超過4分), not the first item's rate.
      const cite = unit.findings.find((f) => f.kind === 'entered-points' && clauses.includes(f.clause)) ?? unit.items.find((item) => clauses.includes(item.clause));
      const why = clauses.length > 0 ? clauses.join('、') : `逐项相加应为 ${show(expected)}`;
      // No cap or limit explains it: a plain wrong sum, against the clause that gives the formula.
      const formula = rs.scoreFormulaCite ?? general;
      push('warning', show(expected), clauses.join('; ') || formula.clause, cite?.quote ?? formula.quote, why, clauses.length > 0 ? clauses.join(', ') : `the items add up to ${show(expected)}`);
    }
  });
  return out;
}
