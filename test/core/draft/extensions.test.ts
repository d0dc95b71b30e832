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
