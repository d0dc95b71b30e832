/**
 * Format extensions of issue 21 point 3, each a mechanism of the one ruleset format (JSON and
 * sheet table alike), each worked by hand from the sentence it was made for:
 *  (a) a rate bonus above a threshold — 达到10%加1分，每提高10%加1分 (rate item, `above`);
 *  (b) a capped rate deduction — 每低1%扣1分，最高扣5分 (rate item of role deduction, `below`, cap);
 *  (c) escalating sanctions — 第一次扣10分，第二次扣15分，第三次及以上扣20分 (count item, `ladder`,
 *      added up, or `ladderOnce`: only the rung reached).
 * Plus `confirm` as a field of the format: scoring ignores it, the sheet table keeps it (确认).
 * Every case goes through the full path (readUnits + scoreRecord) and the numbers-only path
 * (quickScores), which must agree.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { compileRuleset } from '../../src/core/compile';
import { readUnits } from '../../src/core/input';
import { quickScores } from '../../src/core/quick';
import { scoreRecord } from '../../src/core/score';
import { compileRulesetTable, rulesetFromTable, rulesetToTable } from '../../src/core/table-format';
import type { RulesetInput } from '../../src/core/format';

const M = 1_000_000;

function ruleset(items: RulesetInput['items']): RulesetInput {
  return { id: 'ext', title: '扩展', version: '1', effective: '未注明', clause: '全文', quote: '考核细则', items };
}

/** Scores (points, not micros) by the full path, checked equal to the quick path's. */
function scores(spec: RulesetInput, table: Cell[][]): { score: number[]; items: Array<Record<string, { points: number; note: string }>> } {
  const rs = compileRuleset(spec);
  const records = readUnits(rs, table);
  const results = records.map((record) => scoreRecord(rs, record));
  const quick = quickScores(rs, table);
  expect(quick?.scores).toEqual(results.map((r) => r.scoreMicros));
  return {
    score: results.map((r) => r.scoreMicros / M),
    items: results.map((r) => Object.fromEntries(r.result.items.map((item) => [item.code, { points: item.points, note: item.note }]))),
  };
}

// (a) 网上办理率：达到10%加1分，每提高10%加1分，最高加5分 — the bonus starts at 10% (1 point)
// and grows a point per further full 10%: 9.9% → 0, 10% → 1, 25% → 2 (one full 10% above 10),
// 30% → 3, 100% → 1 + 9 = 10, capped at 5. A base item of 90 points carries it.
const above = ruleset([
  { code: 'B', label: '基本分', kind: 'flag', points: 90, default: 1, clause: '一', quote: '基本分90分' },
  { code: 'W', label: '网上办理率', kind: 'rate', role: 'bonus', above: 10, points: 1, step: 1, per: 10, cap: 5, clause: '二', quote: '达到10%加1分，每提高10%加1分，最高加5分' },
]);

describe('(a) a rate bonus above a threshold', () => {
  it('gives 1 at the threshold, a point per further full 10%, nothing below, within its cap', () => {
    const result = scores(above, [['单位', '网上办理率'], ['甲', '9.9%'], ['乙', '10%'], ['丙', '25%'], ['丁', '30%'], ['戊', '100%']]);
    expect(result.score).toEqual([90, 91, 92, 93, 95]);
    expect(result.items[0].W.note).toBe('未达到10%');
    expect(result.items[2].W.note).toBe('达到10%：1 + 1 档 × 1');
    expect(result.items[4].W.note).toBe('达到10%：1 + 9 档 × 1=10，封顶5');
  });
});

// (b) 按时办结率低于95%的，每低1%扣1分，最高扣5分 — 95% or more: 0; 94% → 1; 93.5% → 1 (one full
// point below; a part of a point takes nothing, as the 100% rate items do); 92% → 3; 80% → 15,
// capped at 5. Taken from a base of 100.
const below = ruleset([
  { code: 'B', label: '基本分', kind: 'flag', points: 100, default: 1, clause: '一', quote: '基本分100分' },
  { code: 'R', label: '按时办结率', kind: 'rate', role: 'deduction', below: 95, step: 1, per: 1, cap: 5, clause: '三', quote: '低于95%的，每低1%扣1分，最高扣5分' },
]);

describe('(b) a capped rate deduction', () => {
  it('takes a point per full point below 95%, at most 5', () => {
    const result = scores(below, [['单位', '按时办结率'], ['甲', '96%'], ['乙', '95%'], ['丙', '94%'], ['丁', '93.5%'], ['戊', '92%'], ['己', '80%']]);
    expect(result.score).toEqual([100, 100, 99, 99, 97, 95]);
    expect(result.items[4].R).toEqual({ points: -3, note: '低于95% 3 档 × 1' });
    expect(result.items[5].R).toEqual({ points: -5, note: '低于95% 15 档 × 1=15，封顶5' });
  });

  it('a rate item below a threshold with role deduction takes no points (分值): one would be a second answer', () => {
    expect(() => compileRuleset(ruleset([{ ...below.items[1], points: 5 }]))).toThrow(/points does not apply/);
    expect(() => compileRuleset(ruleset([{ ...below.items[1], above: 10 }]))).toThrow(/above or below, not both/);
    expect(() => compileRuleset(ruleset([{ code: 'C', label: '次数', kind: 'count', points: 1, below: 95, clause: '一', quote: 'x' }]))).toThrow(/below does not apply/);
  });

  it('with a 分值 (role score) counts down from it below the threshold, not below 0', () => {
    // 办结率(5分)：低于95%的，每低1个百分点扣1分，扣完为止 — 93% → 5 − 2 = 3; 85% → 0.
    const spec = ruleset([{ code: 'R', label: '办结率', kind: 'rate', points: 5, below: 95, step: 1, per: 1, clause: '三', quote: '低于95%的，每低1个百分点扣1分' }]);
    expect(scores(spec, [['单位', '办结率'], ['甲', '93%'], ['乙', '85%'], ['丙', '99%']]).score).toEqual([3, 0, 5]);
  });
});

// (c) 被通报批评的，第一次扣10分，第二次扣15分，第三次及以上每次扣20分 — added up: 1 → 10,
// 2 → 10+15 = 25, 3 → 45, 4 → 65; with a cap of 50: 4 → 50. Read as 'the rung reached, once':
// 2 → 15, 4 → 20.
const ladder = ruleset([
  { code: 'B', label: '基本分', kind: 'flag', points: 100, default: 1, clause: '一', quote: '基本分100分' },
  { code: 'T', label: '违规次数', kind: 'count', role: 'deduction', ladder: '10、15、20', clause: '四', quote: '第一次扣10分，第二次扣15分，第三次及以上每次扣20分' },
]);

describe('(c) escalating sanctions', () => {
  it('adds up the rungs of the occurrences, the last repeating', () => {
    const result = scores(ladder, [['单位', '违规次数'], ['甲', 0], ['乙', 1], ['丙', 2], ['丁', 3], ['戊', 4]]);
    expect(result.score).toEqual([100, 90, 75, 55, 35]);
    expect(result.items[4].T.note).toBe('4次：10+15+20+20=65');
  });

  it('within the item cap', () => {
    const capped = ruleset([ladder.items[0], { ...ladder.items[1], cap: 50 }]);
    expect(scores(capped, [['单位', '违规次数'], ['甲', 3], ['乙', 4]]).score).toEqual([55, 50]);
  });

  it('ladderOnce: only the rung reached is taken', () => {
    const once = ruleset([ladder.items[0], { ...ladder.items[1], ladderOnce: true }]);
    const result = scores(once, [['单位', '违规次数'], ['甲', 1], ['乙', 2], ['丙', 4]]);
    expect(result.score).toEqual([90, 85, 80]);
    expect(result.items[1].T.note).toBe('第2次：15（只计一次）=15');
  });

  it('as a counter of a deduct item (分值 20, 扣完为止): 2 → 20 − 25 → 0', () => {
    const spec = ruleset([
      { code: 'D', label: '工作纪律', kind: 'deduct', points: 20, clause: '五', quote: '工作纪律（20分）' },
      { code: 'D1', label: '违规次数', kind: 'count', parent: 'D', ladder: '10,15,20', clause: '五', quote: '第一次扣10分，第二次扣15分' },
      { code: 'D2', label: '迟到', kind: 'count', parent: 'D', step: 1, clause: '五', quote: '每次扣1分' },
    ]);
    expect(scores(spec, [['单位', '违规次数', '迟到'], ['甲', 1, 2], ['乙', 2, 0]]).score).toEqual([8, 0]);
  });

  it('refuses a ladder that is not numbers, on a kind other than count, beside points, or ladderOnce alone', () => {
    expect(() => compileRuleset(ruleset([{ ...ladder.items[1], ladder: '10、十五' }]))).toThrow(/十五/);
    expect(() => compileRuleset(ruleset([{ ...ladder.items[1], kind: 'flag' }]))).toThrow(/ladder applies to count items/);
    expect(() => compileRuleset(ruleset([{ ...ladder.items[1], points: 10 }]))).toThrow(/points does not apply/);
    expect(() => compileRuleset(ruleset([{ code: 'C', label: '次数', kind: 'count', points: 1, ladderOnce: true, clause: '一', quote: 'x' }]))).toThrow(/ladderOnce needs a ladder/);
  });
});

describe('the sheet table holds the new fields and confirm/note', () => {
  it('writes and reads 达到比率, 低于比率, 逐次分值, 逐次只计一次, 确认 and 说明, the same ruleset both ways', () => {
    const spec = ruleset([
      { ...above.items[1], confirm: true, note: '按达标后加分读' },
      below.items[1],
      { ...ladder.items[1], ladderOnce: true },
    ]);
    const table = rulesetToTable(compileRuleset(spec).spec);
    const header = table[0].map(String);
    for (const column of ['达到比率', '低于比率', '逐次分值', '逐次只计一次', '确认', '说明']) expect(header).toContain(column);
    const back = rulesetFromTable(table);
    expect(back.items).toEqual(compileRuleset(spec).spec.items);
    expect(back.items[0].confirm).toBe(true);
    expect(back.items[0].note).toBe('按达标后加分读');
  });

  it('a clerk typing 是 in 确认 and a ladder in the table scores like the JSON', () => {
    const rs = compileRulesetTable([
      ['类型', '编码', '名称', '种类', '性质', '逐次分值', '版本', '生效日期', '条款', '原文', '确认'],
      ['规则集', 't', '表', null, null, null, '1', '未注明', '全文', '细则', null],
      ['条目', 'T', '违规次数', '计数', '扣分', '10、15、20', null, null, '四', '第一次扣10分', '是'],
    ]);
    expect(rs.items[0].ladder).toEqual([10 * M, 15 * M, 20 * M]);
    const record = readUnits(rs, [['单位', '违规次数'], ['甲', 2]]);
    expect(scoreRecord(rs, record[0]).result.items[0].points).toBe(-25);
  });

  it('confirm changes no score', () => {
    const plain = scores(ladder, [['单位', '违规次数'], ['甲', 2]]).score;
    const marked = scores(ruleset(ladder.items.map((item) => ({ ...item, confirm: true }))), [['单位', '违规次数'], ['甲', 2]]).score;
    expect(marked).toEqual(plain);
  });
});

describe('entered points for the new items are limited by what the item can give or take', () => {
  it('a capped rate deduction (below, no 分值) and a rate bonus above a threshold are limited by their cap, not by points 0 / 1', async () => {
    const { targetsOf } = await import('../../src/core/targets');
    const rs = compileRuleset(ruleset([above.items[1], below.items[1], ladder.items[1]]));
    const limits = rs.scoredItems.map((item) => targetsOf(rs).byItem.get(item)?.limit);
    // W: 最高加5分 → 5; R: 最高扣5分 → 5; T: a ladder with no cap → no limit.
    expect(limits).toEqual([5 * M, 5 * M, null]);
  });
});
