/**
 * Issue 21 point 3: the drafter drafts the format extensions (rate bonus above a threshold, capped
 * rate deduction, escalating sanctions) instead of listing them unread, and a drafted table keeps
 * `confirm`/`note` (确认/说明) through the sheet table. Records worked out by hand from the sentences.
 */
import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../../src/core/compile';
import { blocksFromText, draftRuleset, draftSpec } from '../../../src/core/draft';
import { readUnits } from '../../../src/core/input';
import { scoreRecord } from '../../../src/core/score';
import { rulesetFromTable, rulesetToTable } from '../../../src/core/table-format';

const draft = (text: string) => draftRuleset({ name: 'test', blocks: blocksFromText(text) });
const strip = <T extends object>(r: T) => {
  const { label: _l, note: _n, quote: _q, confirm: _c, code: _k, clause: _cl, ...rest } = r as T & Record<string, unknown>;
  return rest;
};

describe('drafting the format extensions', () => {
  it('达到10%加1分，每提高10%加1分，最高加5分: a rate bonus above 10%, capped at 5, to confirm', () => {
    const r = draft('(三)网上办理率达到10%加1分，每提高10%加1分，最高加5分。');
    expect(r.draft.items.map(strip)).toEqual([{ kind: 'rate', role: 'bonus', above: 10, points: 1, step: 1, per: 10, cap: 5 }]);
    expect(r.draft.items[0].confirm).toBe(true);
    expect(r.unread).toEqual([]);
  });

  it('低于95%的，每低1%扣1分，最高扣5分: a capped rate deduction below 95%', () => {
    const r = draft('(四)按时办结率低于95%的，每低1%扣1分，最高扣5分。');
    expect(r.draft.items.map(strip)).toEqual([{ kind: 'rate', role: 'deduction', below: 95, step: 1, per: 1, cap: 5 }]);
    expect(r.unread).toEqual([]);
  });

  it('每低1个百分点扣1分，最高扣5分 (no threshold stated): below 100%', () => {
    const r = draft('(四)群众满意率每低1个百分点扣1分，最高扣5分。');
    expect(r.draft.items.map(strip)).toEqual([{ kind: 'rate', role: 'deduction', below: 100, step: 1, per: 1, cap: 5 }]);
  });

  it('第一次扣10分，第二次扣15分，第三次及以上每次扣20分: a ladder 10、15、20, added up, to confirm', () => {
    const r = draft('(五)被市级以上通报批评的，第一次扣10分，第二次扣15分，第三次及以上每次扣20分。');
    expect(r.draft.items.map(strip)).toEqual([{ kind: 'count', role: 'deduction', ladder: '10、15、20' }]);
    expect(r.draft.items[0].confirm).toBe(true);
    expect(r.unread).toEqual([]);
  });

  it('the drafted ladder scores 2 occurrences as 25 (10 + 15)', () => {
    const r = draft('(五)被市级以上通报批评的，第一次扣10分，第二次扣15分，第三次及以上每次扣20分。');
    const rs = compileRuleset(draftSpec(r));
    const item = rs.items[0];
    const [record] = readUnits(rs, [['单位', item.code], ['甲', 2]]);
    expect(scoreRecord(rs, record).result.items[0].points).toBe(-25);
  });
});

describe('a drafted table keeps confirm and note', () => {
  it('rulesetToTable(draftSpec) has 确认 and 说明, and reads back with them', () => {
    const r = draft('(二)扣分标准\n1、单位领导不重视对政务信息工作督促不力的,扣20分。');
    const table = rulesetToTable(compileRuleset(draftSpec(r)).spec);
    expect(table[0]).toContain('确认');
    expect(table[0]).toContain('说明');
    const back = rulesetFromTable(table);
    expect(back.items[0].confirm).toBe(true);
    expect(back.items[0].note).toBe(r.draft.items[0].note);
  });
});

describe('gaps the unseen texts showed (issue 21 point 6), fixed after their first figures', () => {
  it('得10分 then deductions in the same clause: a deduct item of 10 with a counter per deduction (window-grading (2))', () => {
    const r = draft('(2)窗口工作人员遵守纪律的得10分。迟到、早退、溜岗的,每人次扣0.5分;不履行请假手续、擅自缺岗的,每人次扣1分。');
    expect(r.draft.items.map((i) => [i.code, i.kind, i.role, i.points, i.step, i.parent])).toEqual([
      ['2', 'deduct', undefined, 10, undefined, undefined],
      ['2.1', 'count', undefined, undefined, 0.5, '2'],
      ['2.2', 'count', undefined, undefined, 1, '2'],
    ]);
    expect(r.draft.items[0].confirm).toBe(true);
  });

  it('grade bands 80分(含80分)以上 / 60-80分(不含80分) / 60分(不含60分)以下, with 基本合格 (window-grading 四)', () => {
    const r = draft('四、考评等级\n80分(含80分)以上的为合格单位:60-80分(不含80分)的为基本合格单位;60分(不含60分)以下的为不合格单位。');
    expect(r.draft.grades.map((g) => [g.label, g.min])).toEqual([['合格', 80], ['基本合格', 60], ['不合格', undefined]]);
  });

  it('60分以下为不合格 names the grade 不合格 (it was drafted with the label "60")', () => {
    expect(draft('60分以下为不合格。').draft.grades.map((g) => g.label)).toEqual(['不合格']);
  });
});
