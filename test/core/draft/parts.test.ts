/**
 * Issue 21 point 3: the drafter reads parts weighted by share and scores averaged over periods
 * into the group fields `share` and `mean` (format.ts), each record quoting its sentence and to
 * confirm. Sentences from test/core/draft/texts/quarterly-shares.md (a real text); the scores
 * are worked out by hand from them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../../src/core/compile';
import { blocksFromText, draftRuleset, draftSpec, draftTable } from '../../../src/core/draft';
import { compileRulesetTable } from '../../../src/core/table-format';
import { readUnits } from '../../../src/core/input';
import { scoreRecord } from '../../../src/core/score';

const draft = (text: string) => draftRuleset({ name: 'test', blocks: blocksFromText(text) });
const text = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'texts', 'quarterly-shares.md'), 'utf8');

/** Scores one unit with the draft, its columns headed by the drafted items' labels. */
function scoreDraft(r: ReturnType<typeof draft>, values: Record<string, number>): number {
  const rs = compileRuleset(draftSpec(r));
  const labels = Object.keys(values);
  const [record] = readUnits(rs, [['单位', ...labels], ['甲', ...labels.map((l) => values[l])]]);
  return scoreRecord(rs, record).result.score;
}

describe('parts weighted by share', () => {
  const sentence2 = '2.被考核人评价三种方法所占的得分比分别为:自我评价占10%,本处室人员互评占55%,全厅同级人员之间互评占35%。';

  it('自我评价占10%,本处室人员互评占55%,全厅同级人员之间互评占35% → three parts, each a group with its share and a judged item, to confirm', () => {
    const r = draft(sentence2);
    expect(r.draft.groups.map((g) => [g.label, g.share, g.confirm])).toEqual([
      ['自我评价', 0.1, true],
      ['本处室人员互评', 0.55, true],
      ['全厅同级人员之间互评', 0.35, true],
    ]);
    expect(r.draft.items.map((i) => [i.label, i.kind, i.min, i.max, i.group])).toEqual(r.draft.groups.map((g) => [g.label, 'judged', 0, undefined, g.code]));
    for (const record of [...r.draft.groups, ...r.draft.items]) expect(sentence2).toContain(record.quote);
    expect(r.draft.groups[1].quote).toBe('本处室人员互评占55%');
    expect(r.unread).toEqual([]);
  });

  it('scored with the draft: 自我评价 90, 本处室人员互评 80, 全厅同级人员之间互评 70 → 9 + 44 + 24.5 = 77.5', () => {
    expect(scoreDraft(draft(sentence2), { 自我评价: 90, 本处室人员互评: 80, 全厅同级人员之间互评: 70 })).toBe(77.5);
  });

  it('“德、能、勤、绩、廉”…所占比重分别为“15%、10%、30%、30%、15%” → five parts; 90, 80, 85, 95, 100 → 90.5', () => {
    const r = draft('1.“德、能、勤、绩、廉”五个方面各评价内容所占比重分别为“15%、10%、30%、30%、15%”。');
    expect(r.draft.groups.map((g) => [g.label, g.share])).toEqual([
      ['德', 0.15],
      ['能', 0.1],
      ['勤', 0.3],
      ['绩', 0.3],
      ['廉', 0.15],
    ]);
    expect(r.unread).toEqual([]);
    expect(scoreDraft(r, { 德: 90, 能: 80, 勤: 85, 绩: 95, 廉: 100 })).toBe(90.5);
  });

  it('综合得分=日常考核得分×40%+年终考核得分×60% (the issue\'s form): two parts; 80 and 90 → 32 + 54 = 86', () => {
    const r = draft('综合得分=日常考核得分×40%+年终考核得分×60%。');
    expect(r.draft.groups.map((g) => [g.label, g.share])).toEqual([
      ['日常考核得分', 0.4],
      ['年终考核得分', 0.6],
    ]);
    expect(r.unread).toEqual([]);
    expect(scoreDraft(r, { 日常考核得分: 80, 年终考核得分: 90 })).toBe(86);
  });

  it('X占比40% is a part too; a quota written 优秀等次比例占20% is not a part (no share drafted)', () => {
    expect(draft('日常考核占比40%,年终考核占比60%。').draft.groups.map((g) => [g.label, g.share])).toEqual([
      ['日常考核', 0.4],
      ['年终考核', 0.6],
    ]);
    const quota = draft('优秀等次比例占20%。');
    expect(quota.draft.groups).toEqual([]);
    expect(quota.unread.map((u) => u.quote)).toEqual(['优秀等次比例占20%']);
  });

  it('shares past 100% in all (a part weighted inside another part) are not drafted: unread, saying why', () => {
    const r = draft(`${'1.“德、能、勤、绩、廉”五个方面各评价内容所占比重分别为“15%、10%、30%、30%、15%”。'}\n${sentence2}`);
    expect(r.draft.groups.map((g) => g.label)).toEqual(['德', '能', '勤', '绩', '廉']);
    expect(r.unread).toHaveLength(1);
    expect(r.unread[0].quote).toContain('自我评价占10%');
    expect(r.unread[0].why).toContain('100%');
  });
});

describe('scores averaged over periods', () => {
  const sentence4 = '4.季度综合评价得分按百分制计算,4个季度综合评分结果占年度综合评分的95%,另外5%由厅考核领导小组成员评价。';

  it('4个季度综合评分结果占年度综合评分的95% → a mean group of four quarters (百分制: 0–100) with share 95%, to confirm', () => {
    const r = draft(sentence4);
    const year = r.draft.groups[0];
    expect([year.label, year.mean, year.share, year.confirm]).toEqual(['4个季度综合评分结果', true, 0.95, true]);
    expect(year.quote).toBe('4个季度综合评分结果占年度综合评分的95%');
    expect(year.note).toContain('平均');
    expect(r.draft.items.filter((i) => i.group === year.code).map((i) => [i.label, i.kind, i.min, i.max])).toEqual([
      ['第1季度综合评分结果', 'judged', 0, 100],
      ['第2季度综合评分结果', 'judged', 0, 100],
      ['第3季度综合评分结果', 'judged', 0, 100],
      ['第4季度综合评分结果', 'judged', 0, 100],
    ]);
  });

  it('另外5%由厅考核领导小组成员评价 → the rest, a part of 5%; nothing unread', () => {
    const r = draft(sentence4);
    expect(r.draft.groups.slice(1).map((g) => [g.label, g.share, g.quote])).toEqual([['厅考核领导小组成员评价', 0.05, '另外5%由厅考核领导小组成员评价']]);
    expect(r.unread).toEqual([]);
  });

  it('scored with the draft: quarters 90, 85, 88, 92 and the leaders 80 → 88.75 × 95% + 80 × 5% = 84.3125 + 4 = 88.3125', () => {
    const r = draft(sentence4);
    expect(scoreDraft(r, { 第1季度综合评分结果: 90, 第2季度综合评分结果: 85, 第3季度综合评分结果: 88, 第4季度综合评分结果: 92, 厅考核领导小组成员评价: 80 })).toBe(88.3125);
  });

  it('a quarter left blank is 未评分, said, never a silent 0: 90, 85, 88, (blank) → (263 + 0) / 4 × 95% + 4 = 66.4625 with an unscored finding for 第4季度', () => {
    const r = draft(sentence4);
    expect(r.draft.items.map((i) => i.default)).toEqual(['unscored', 'unscored', 'unscored', 'unscored', 'unscored']);
    const rs = compileRuleset(draftSpec(r));
    const labels = ['第1季度综合评分结果', '第2季度综合评分结果', '第3季度综合评分结果', '第4季度综合评分结果', '厅考核领导小组成员评价'];
    const [record] = readUnits(rs, [['单位', ...labels], ['甲', 90, 85, 88, null, 80]]);
    const result = scoreRecord(rs, record).result;
    expect(result.score).toBe(66.4625);
    expect(result.findings.filter((f) => f.kind === 'unscored').map((f) => rs.itemByCode.get(f.code)?.label)).toEqual(['第4季度综合评分结果']);
  });

  it('the drafted sheet table (assess draft --out, the pane) holds 取平均 and 占比 and scores the same 88.3125', () => {
    const { table } = draftTable(draft(sentence4));
    expect(table[0]).toEqual(expect.arrayContaining(['取平均', '占比']));
    const rs = compileRulesetTable(table);
    const labels = ['第1季度综合评分结果', '第2季度综合评分结果', '第3季度综合评分结果', '第4季度综合评分结果', '厅考核领导小组成员评价'];
    const [record] = readUnits(rs, [['单位', ...labels], ['甲', 90, 85, 88, 92, 80]]);
    expect(scoreRecord(rs, record).result.score).toBe(88.3125);
  });

  it('年度得分为各季度得分的平均值 (the issue\'s form): a mean group of four quarters, no share; 90, 85, 88, 92 → 88.75', () => {
    const r = draft('年度得分为各季度得分的平均值。');
    expect(r.draft.groups.map((g) => [g.mean, g.share])).toEqual([[true, undefined]]);
    expect(r.unread).toEqual([]);
    expect(scoreDraft(r, { 第1季度得分: 90, 第2季度得分: 85, 第3季度得分: 88, 第4季度得分: 92 })).toBe(88.75);
  });
});

describe('the whole text (test/core/draft/texts/quarterly-shares.md)', () => {
  // One ruleset holds one level of shares. The sentence that splits the whole (占年度综合评分的95%)
  // is that level; the weights inside a part (一、1 德能勤绩廉, 一、2 自我评价…) are unread, nested.
  it('drafts the year: the mean of the quarters at 95%, the leaders at 5%; 一、1 and 一、2 are unread as nested shares, each once; the draft compiles', () => {
    const r = draftRuleset({ name: 'quarterly-shares', blocks: blocksFromText(text) });
    expect(r.draft.groups.map((g) => [g.clause, g.label, g.mean, g.share])).toEqual([
      ['一、4', '4个季度综合评分结果', true, 0.95],
      ['一、4', '厅考核领导小组成员评价', undefined, 0.05],
    ]);
    const nested = r.unread.filter((u) => /100%/.test(u.why));
    expect(nested.map((u) => u.clause)).toEqual(['一、1', '一、2']);
    expect(() => compileRuleset(draftSpec(r))).not.toThrow();
  });
});
