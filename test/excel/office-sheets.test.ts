/**
 * Issue 10 in the pane's Excel operations (src/taskpane/actions.ts on the Office.js host): an office's 汇总表 with entered
 * points, its own 总分, a -1 and an `abc` — every bad cell found at its sheet address, the
 * office's wrong total too; the mapping follows the ruleset; the clerk's modes are what
 * validation and the scorecard read. Numbers worked by hand from chengdu2006 (细则 第八–十一條).
 */
import { describe, expect, it } from 'vitest';
import type { Cell, ColumnMatch } from '../../src/core';
import { AssessError } from '../../src/core/errors';
import { createScorecard, readSourceTable } from './pane-on-fake';
import { type SourceTable, findingsOnCells, proposeMapping, withMappedHeader } from '../../src/taskpane/actions';
import { builtInRuleset } from '../../src/rulesets';
import { FakeWorkbook, isWrite } from './fake-excel';

const chengdu = builtInRuleset('chengdu2006');
const county = builtInRuleset('county2013');

/** A table selected from A2 of 汇总 (row 1 is a title above the selection). */
function source(values: Cell[][], row = 1, column = 0): SourceTable {
  return { sheet: '汇总', address: `汇总!A${row + 1}`, row, column, values, headerRow: 0 };
}

// Sheet rows 2–6. Hand-worked (chengdu2006; blanks: 8.1 yes → 70):
//  锦江区 70 + 9.1 4 + 9.3 points 1.5 = 75.5 (its 总分 right);
//  青羊区 9.1 = -1: invalid (C4);  金牛区 9.3 points "abc": invalid (D5);
//  武侯区 70 + 2 + 2 − 10.2 1×2 = 72 (2 ≤ bonus 4, 第十條(八)): its 总分 74 is wrong (F6).
const SUMMARY: Cell[][] = [
  ['单位', '圈层', '9.1', '第九条（三）加分', '10.2', '总分'],
  ['锦江区', '第一圈', 4, 1.5, 0, 75.5],
  ['青羊区', '第一圈', -1, 1, 0, 71],
  ['金牛区', '第一圈', 3, 'abc', 0, 73],
  ['武侯区', '第一圈', 2, 2, 1, 74],
];

describe('就地校验 of a 汇总表: every bad cell, at its sheet address', () => {
  const findings = findingsOnCells(source(SUMMARY), chengdu);

  it('lists the -1 and the abc as errors, the units they stop as notes, and the wrong 总分', () => {
    // Items by label, not code (issue 22.4).
    expect(findings.map((f) => [f.severity, f.cell, f.unit, f.subject])).toEqual([
      // 第一圈 has 6 units (第四條); the two scored here give floor(0.6) = 0, counted on 6: floor(1.8) = 1.
      ['info', 'A3', '锦江区', '名额基数'],
      ['error', 'C4', '青羊区', '主要领导重视、机构健全、编制落实、人员稳定、经费有保障'],
      ['info', 'A4', '青羊区', '未计分'],
      ['error', 'D5', '金牛区', '率先推出创新性政务服务举措'],
      ['info', 'A5', '金牛区', '未计分'],
      ['warning', 'F6', '武侯区', '总分'],
    ]);
  });

  it('says each position as the sheet counts it (D5 = 第5行第4列), whatever row the selection starts on', () => {
    expect(findings[1].message).toBe('单位「青羊区」条目 9.1（主要领导重视、机构健全、编制落实、人员稳定、经费有保障）的值 -1 无效：分数不能为负数（第4行第3列）');
    expect(findings[3].message).toMatch(/条目 9\.3（率先推出创新性政务服务举措）的值 "abc" 无效：.*（第5行第4列）$/);
    expect(findings[4].message).toBe('单位「金牛区」有 1 个无效单元格（第5行第4列）：改正之前不计分、不排名、不评等次、不占名额');
    expect(findings[5].message).toBe('总分 74，按细则应为 72：逐项相加应为 72');
    expect(findings[1].clause).toBe('第九條(一)');
    // The same table selected from C10 (row 9, column 2): 9.1 of 青羊区 is E12.
    const moved = findingsOnCells(source(SUMMARY, 9, 2), chengdu);
    expect(moved[1]).toMatchObject({ cell: 'E12', message: expect.stringMatching(/（第12行第5列）$/) });
  });

  it('a range with no item columns is an error naming its headers (没有条目列), not 未发现问题', () => {
    const error = (() => {
      try {
        findingsOnCells(source([['单位', '备注'], ['锦江区', '']]), chengdu);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AssessError);
    expect((error as AssessError).zh).toMatch(/^没有条目列：表头 「单位」「备注」 都不是规则集 chengdu2006 的条目/);
  });
});

describe('the mapping follows the ruleset', () => {
  const table = source([
    ['单位', '9.1', '9.3'],
    ['锦江区', 4, 9],
  ]);

  it('a mapping made for chengdu2006, validated with county2013: the headers are not county2013 items (no false 未发现问题)', () => {
    const madeFor = proposeMapping(chengdu, table);
    expect(madeFor.map((m) => m.item)).toEqual([null, '9.1', '9.3']);
    expect(() => findingsOnCells(table, county, madeFor)).toThrow(/表头「9\.1」不是规则集 county2013 的条目编码或名称（第2行第2列）/);
    // And with the mapping proposed for county2013 (nothing matched): the same, not silence.
    expect(() => findingsOnCells(table, county, proposeMapping(county, table))).toThrow(/不是规则集 county2013/);
    // Back to chengdu2006: 9.3 = 9 → 4.5, over its cap of 2 (第九條(三)).
    expect(findingsOnCells(table, chengdu, madeFor).map((f) => [f.cell, f.subject, f.message])).toContainEqual(['C3', '率先推出创新性政务服务举措', '率先推出创新性政务服务举措 计 4.5，超过上限 2']); // by label (issue 22.4)
  });
});

describe('the clerk\'s modes are what validation and the scorecard read', () => {
  const table = source([
    ['单位', '9.3', '第九条（四）加分', '合计分'],
    ['锦江区', 1.5, 5, 75.5],
  ]);
  const proposed = proposeMapping(chengdu, table);

  it('the proposal: 9.3 a count, 第九条（四）加分 category points, 合计分 unmatched', () => {
    expect(proposed.map((m) => [m.header, m.item, m.match, m.mode, m.target, m.claim])).toEqual([
      ['单位', null, 'special', undefined, undefined, undefined],
      ['9.3', '9.3', 'code', 'count', undefined, undefined],
      ['第九条(四)加分', null, 'target', 'points', '9.4', undefined],
      ['合计分', null, 'none', undefined, undefined, undefined],
    ]);
    // As proposed: 1.5 is not a count, and 合计分 is not an item: the core says so, at each cell
    // (issue 18: a column nothing matches is a finding at its header, no longer a refusal of the sheet).
    const said = findingsOnCells(table, chengdu, proposed).map((f) => [f.cell, f.message]);
    expect(said.some(([cell, message]) => cell === 'B3' && /整数/.test(message))).toBe(true);
    expect(said.some(([cell, message]) => cell === 'D2' && /合计分.*未识别的列，未计入/.test(message))).toBe(true);
  });

  it('9.3 read as points, 合计分 as the office\'s 总分: 70 + 1.5 + min(5, 4) = 75.5, and the total agrees', () => {
    const confirmed: ColumnMatch[] = proposed.map((m) => (m.column === 1 ? { ...m, mode: 'points' } : m.column === 3 ? { ...m, match: 'claim', claim: 'score' } : m));
    expect(withMappedHeader(table, confirmed, chengdu)[0]).toEqual(['单位', '9.3 得分', '第九条（四）加分', '总分']);
    const findings = findingsOnCells(table, chengdu, confirmed);
    // 第九條(四) caps the category at 4: the 5 entered is a finding at C3 (sheet row 3); the 总分 75.5 is
    // right; the note is 第一圈's quota, counted on its 6 units (第四條).
    expect(findings.map((f) => [f.severity, f.cell, f.subject])).toEqual([
      ['warning', 'C3', '调研文章发表'], // group 9.4 by its label (issue 22.4)
      ['info', 'A3', '名额基数'],
    ]);
    expect(findings[0].message).toContain('超过上限 4，按 4 计');
    // The 总分 made wrong is audited at D3.
    const wrong = source([table.values[0], ['锦江区', 1.5, 5, 76.5]]);
    expect(findingsOnCells(wrong, chengdu, confirmed).map((f) => [f.cell, f.message])).toContainEqual(['D3', '总分 76.5，按细则应为 75.5'] /* 第九條(四) is its clause, not repeated (issue 22.5) */);
  });

  it('a column the clerk leaves out (不计入) is read as 备注', () => {
    const leftOut: ColumnMatch[] = proposed.map((m) => (m.column === 3 ? { ...m, ignored: true } : m.column === 1 ? { ...m, mode: 'points' } : m));
    expect(withMappedHeader(table, leftOut, chengdu)[0]).toEqual(['单位', '9.3 得分', '第九条（四）加分', '备注']);
  });

  it('the scorecard passes the points columns with their points words, so ASSESS.SCORE reads points', async () => {
    const book = new FakeWorkbook().setSource({ sheet: '汇总', values: table.values as Array<Array<string | number>> });
    const context = book.context().context;
    const read = await readSourceTable(context);
    const mapping: ColumnMatch[] = proposeMapping(chengdu, read).map((m) => (m.column === 1 ? { ...m, mode: 'points' } : m.column === 3 ? { ...m, match: 'claim', claim: 'score' } : m));
    const mark = book.ops.length;
    await createScorecard(book.context().context, { ruleset: chengdu, rulesetRef: { kind: 'builtin', id: 'chengdu2006' }, source: read, mapping });
    const header = book.since(mark).filter(isWrite).find((op) => op.target === 'new:计分表 汇总!A2:H2' && op.path === 'values');
    expect(header?.value).toEqual([['单位', '圈层', '通报批评或曝光', '9.3 得分', '第九条(四)加分', '得分', '名次', '等级']]);
  });
});
