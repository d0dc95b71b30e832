/**
 * Entered points are checked, then used: a value below 0, above its target's limit or off its
 * grid is a finding naming the cell, the value, the limit and the clause; the value used is the
 * one the regulation allows (over the limit → the limit, below 0 → 0), an off-grid value counts as
 * entered (which of the grid's values was meant cannot be known).
 */
import { type Micros, fromMicros } from './fixed';
import type { PointsMode } from './read/records';
import type { Finding } from './result';
import { type Target, onGrid } from './targets';

export type { EnteredPoints } from './read/records';

function fmt(micros: Micros): string {
  return String(fromMicros(micros));
}

function targetName(target: Target): string {
  // "加分 12" reads as it is; no item name before the role's own word.
  return target.level === 'role' ? target.label : target.level === 'clause' ? target.code : `${target.code}（${target.label}）`;
}

/** Magnitude, used value and the problem (if any) of points entered for a target. */
export function admitPoints(
  target: Target,
  mode: PointsMode,
  given: Micros,
  where: string,
): { used: Micros; finding: Finding | null } {
  const name = targetName(target);
  const deductedFromFull = mode === 'deducted' && target.role !== 'deduction';
  const finding = (zh: string, en: string, expected: string | null, cite = target.limitCite): Finding => ({
    code: target.code,
    kind: 'entered-points',
    severity: 'warning',
    zh: zh.replace(/\s+/g, ' '),
    en: en.replace(/\s+/g, ' '),
    clause: cite.clause,
    quote: cite.quote,
    where,
    found: fmt(given),
    expected,
  });
  if (deductedFromFull) {
    // A 扣分 column over a score item: the deduction, counted down from the item's 分值.
    const full = target.full ?? 0;
    if (given < 0)
      return { used: full, finding: finding(`${name} 扣分 ${fmt(given)} 为负数：扣分应填正数，按 0 计`, `${name}: deduction ${fmt(given)} is negative; write deductions as positive numbers; counts 0`, '0', target.cite) };
    if (given > full)
      return { used: 0, finding: finding(`${name} 扣分 ${fmt(given)} 超过分值 ${fmt(full)}，按 ${fmt(full)} 计`, `${name}: deduction ${fmt(given)} is more than its ${fmt(full)} points; counts ${fmt(full)}`, fmt(full)) };
    const used = full - given;
    if (target.grid && !onGrid(target.grid, used))
      return { used, finding: finding(`${name} 扣分 ${fmt(given)} 不符合扣分标准（每次 ${fmt(target.grid.step)} 分）`, `${name}: deduction ${fmt(given)} is not a whole number of ${fmt(target.grid.step)}-point steps`, null, target.cite) };
    return { used, finding: null };
  }
  const isDeduction = mode === 'deducted' || target.role === 'deduction';
  const what = target.level === 'role' ? '' : isDeduction ? '扣分' : target.role === 'bonus' ? '加分' : '得分';
  const whatEn = target.level === 'role' ? '' : isDeduction ? 'deduction' : target.role === 'bonus' ? 'bonus' : 'points';
  if (given < target.min) {
    const min = fmt(target.min);
    const hint = isDeduction && given < 0 ? '扣分应填正数，' : '';
    return {
      used: target.min,
      finding: finding(`${name} ${what} ${fmt(given)} 低于 ${min}：${hint}按 ${min} 计`, `${name}: ${whatEn} ${fmt(given)} is below ${min}${hint ? ' (write deductions as positive numbers)' : ''}; counts ${min}`, min, target.cite),
    };
  }
  if (target.limit !== null && given > target.limit) {
    const limit = fmt(target.limit);
    return {
      used: target.limit,
      finding: finding(`${name} ${what} ${fmt(given)}，超过上限 ${limit}，按 ${limit} 计`, `${name}: ${whatEn} ${fmt(given)} is over its limit ${limit}; counts ${limit}`, limit),
    };
  }
  if (target.grid && given !== 0 && !onGrid(target.grid, given)) {
    const grid = target.grid;
    const ruleEn = grid.base === 0 ? `a multiple of ${fmt(grid.step)}` : `${fmt(grid.base)} less whole steps of ${fmt(grid.step)}`;
    // A grid counted down from the 分值: the values it allows, shown (5、4.5、4 …).
    const steps = [0, 1, 2].map((k) => grid.base - k * grid.step).filter((value) => value >= 0).map(fmt).join('、');
    const zh = grid.base === 0 ? `${name} ${what} ${fmt(given)} 不是${fmt(grid.step)} 的整数倍：按填写值计入，请核对` : `${name} ${what} ${fmt(given)} 不在 ${fmt(grid.base)} 分起每档 ${fmt(grid.step)} 分的分值上（应为 ${steps} …）：按填写值计入，请核对`;
    return { used: given, finding: finding(zh, `${name}: ${whatEn} ${fmt(given)} is not ${ruleEn}; counted as entered, please check`, null, target.cite) };
  }
  return { used: given, finding: null };
}
