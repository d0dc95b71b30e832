/**
 * Issue 10: the sheets offices keep — entered points, two-row headers, items as rows, 评分表
 * forms, a workbook of forms with its 汇总 — read and audited cell by cell. Values worked by hand
 * from the regulation texts (comments give the arithmetic).
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { scoreBatch } from '../../src/core/batch';
import { readUnits } from '../../src/core/input';
import { readSheets } from '../../src/core/sheets';
import type { BatchResult, Finding } from '../../src/core/result';
import { BUILT_IN_IDS, builtInRuleset } from '../../src/rulesets';

function warnings(batch: BatchResult): Array<[string, string | undefined, string | undefined, string | null | undefined]> {
  return batch.units.flatMap((u) => u.findings.filter((f: Finding) => f.severity === 'warning').map((f): [string, string | undefined, string | undefined, string | null | undefined] => [u.unit, f.where, f.found, f.expected]));
}

describe('a chengdu2006 汇总表: category points under a two-row header, the office\'s subtotals, 总分 and 等次', () => {
  const rs = builtInRuleset('chengdu2006');
  const table: Cell[][] = [
    ['成都市考核汇总表', null, null, null, null, null, null, null, null, null, null, null, null],
    ['序号', '单位', '圈层', '加分', null, null, null, '扣分', null, '加分小计', '扣分小计', '总分', '等次'],
    [null, null, null, '第九条（一）', '第九條(三)', '九(四)', '第九条（五）', '第十条（一）', '第十条（五）', null, null, null, null],
    [1, '锦江区', '第一圈', 4, 2.5, 4.5, 1, null, null, 12, 0, 82, '优秀'],
    [2, '青羊区', '第一圈', 3, 1, null, null, 2, 5, 4, 7, 67, '优秀'],
    [3, '金牛区', '第一圈', 2, 0.7, null, null, null, null, 2.7, 0, 72.7, null],
    ['制表人：张三', null, null, null, null, null, null, null, null, null, null, null, null],
  ];
  const batch = scoreBatch(rs, readUnits(rs, table));

  it('scores the entered points with every cap and 第十條(八)', () => {
    // 锦江区 4 + min(2.5, 2) + min(4.5, 4) + 1 = 11 → 81; 青羊区 bonus 3 + 1 = 4, deductions 2 + 5 = 7 > 4 → 4 → 70;
    // 金牛区 2 + 0.7 (off the 0.5 grid, counted as entered) → 72.7. 第一圈: 3 of its 6 units → quota floor(1.8) = 1.
    expect(batch.units.map((u) => [u.unit, u.score, u.rank, u.level])).toEqual([
      ['锦江区', 81, 1, '优秀'],
      ['青羊区', 70, 3, null],
      ['金牛区', 72.7, 2, null],
    ]);
  });

  it('reports every wrong cell, with the sheet\'s value and the regulation\'s', () => {
    expect(warnings(batch)).toEqual([
      ['锦江区', '第4行第5列', '2.5', '2'], // 第九條(三) cap 2
      ['锦江区', '第4行第6列', '4.5', '4'], // 第九條(四) 累計加分不超過4分
      ['锦江区', '第4行第10列', '12', '11'], // 加分小计 with both caps
      ['锦江区', '第4行第12列', '82', '81'],
      ['青羊区', '第5行第12列', '67', '70'], // 第十條(八)
      ['青羊区', '第5行第13列', '优秀', ''], // quota 1, taken by 锦江区
      ['金牛区', '第6行第5列', '0.7', null], // not a multiple of 0.5
    ]);
    const total = batch.units[1].findings.find((f) => f.where === '第5行第12列');
    expect(total?.clause).toBe('第十條(八)');
    expect(total?.zh).toBe('总分 67，按细则应为 70'); // the clause is the finding's clause, not repeated (issue 22.5)
  });
});

describe('sub-clauses alone under an article header, as offices write them: （一）…（九） under 第九条 加分', () => {
  it('reads （三） under 第九条 加分 as 第九條(三) and （二） under 第十条 扣分 as 第十條(二)', () => {
    const rs = builtInRuleset('chengdu2006');
    const table: Cell[][] = [
      ['单位', '第九条 加分', null, '第十条 扣分', '总分'],
      [null, '（一）', '（三）', '（二）', null],
      ['锦江区', 4, 1.5, 2, 73.5],
    ];
    // 70 + 4 (9.1) + 1.5 (9.3, three measures) − 2 (10.2, one case) = 73.5: the office's 总分 agrees.
    const batch = scoreBatch(rs, readUnits(rs, table));
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([['锦江区', 73.5]]);
    expect(batch.units[0].items.filter((i) => i.points !== 0).map((i) => [i.code, i.points])).toEqual(
      expect.arrayContaining([['9.1', 4], ['9.3', 1.5]]),
    );
    expect(warnings(batch)).toEqual([]);
  });
});

describe('sign-off and note lines under the table, wherever their cells fall', () => {
  it('a 制表人 line in the 单位 column and an 审核人 cell under an item is not a unit', () => {
    const rs = builtInRuleset('chengdu2006');
    const table: Cell[][] = [
      ['序号', '单位', '圈层', '第九条（一）加分', '总分'],
      [1, '锦江区', '第一圈', 4, 74],
      [null, '制表人：王丽', null, '审核人：陈刚', '2006年12月28日'],
      ['注：总分＝70＋加分－扣分', null, null, null, null],
    ];
    // 70 + 4 = 74, the office's 总分 agrees; the two lines below are nobody's row.
    const batch = scoreBatch(rs, readUnits(rs, table));
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([['锦江区', 74]]);
    expect(warnings(batch)).toEqual([]);
  });

  it('under items as rows, an 审核人 cell in a unit\'s column is not a value', () => {
    const rs = builtInRuleset('county2013');
    const table: Cell[][] = [
      ['序号', '考核项目', '分值', '甲县', '乙县'],
      [1, '推进政务服务体系建设', 20, 18, 20],
      [2, '建立审批流程检查制度', 15, 15, 14],
      [null, '制表人：王丽', null, '审核人：陈刚', null],
    ];
    // Blank T3–T8 at full 分值: 15 + 10 × 5 = 65. 甲县 18 + 15 + 65 = 98; 乙县 20 + 14 + 65 = 99.
    const batch = scoreBatch(rs, readUnits(rs, table));
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([['甲县', 98], ['乙县', 99]]);
  });
});

describe('county2013 with the tasks as rows and the counties as columns', () => {
  const rs = builtInRuleset('county2013');
  const table: Cell[][] = [
    ['2013年度目标考核评分表'],
    ['序号', '考核项目', '分值', '甲县', '乙县', '丙区'],
    [1, '推进政务服务体系建设', 20, 18, 22, null],
    [2, '建立审批流程检查制度', 15, 15, 14, null],
    [3, '推进电子政务大厅建设', 15, 15, 15, null],
    [4, '指导乡镇使用行政审批软件系统', 10, 10, 10, null],
    [5, '完成投资项目并联审批流程再造', 10, 9, 10, null],
    [6, '加强政务服务工作宣传', 10, 10, 10, null],
    [7, '现场办结率不低于90%', 10, 10, 10, null],
    [8, '机关文化建设', 10, 10, 10, null],
    [null, '加分', 10, 3, 12, null],
    [null, '扣分', 10, 2, null, null],
    [null, '总分', 100, 98, 110, 100],
  ];
  const batch = scoreBatch(rs, readUnits(rs, table));

  it('reads each county column, a blank task at its full 分值 (丙区 nothing entered → 100)', () => {
    // 甲县 18+15+15+10+9+10+10+10 = 97 + 3 − 2 = 98; 乙县 min(22, 20) + 14 + 15 + 10×5 = 99 + min(12, 10) = 109; 丙区 100.
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([
      ['甲县', 98],
      ['乙县', 109],
      ['丙区', 100],
    ]);
  });

  it('reports the task above its 分值, the 加分 above 10 and the 总分 that follows from them', () => {
    expect(warnings(batch)).toEqual([
      ['乙县', '第3行第5列', '22', '20'],
      ['乙县', '第11行第5列', '12', '10'],
      ['乙县', '第13行第5列', '110', '109'],
    ]);
  });
});

describe('items as rows whose labels carry the clause and the points word (第九条（三）… 加分), units as columns', () => {
  it('reads each row as the points its label says, with no 分值 column', () => {
    const rs = builtInRuleset('chengdu2006');
    const table: Cell[][] = [
      ['序号', '考核项目', '锦江区', '青羊区'],
      [1, '第九条（一）主要领导重视、机构健全 加分', 4, 5],
      [2, '第九条（三）率先推出创新性政务服务举措 加分', 1.5, 2],
      [3, '第十条（二）超过规定和承诺时限办结 扣分', 2, null],
    ];
    // 锦江区 70 + 4 + 1.5 (points, not 1.5 measures) − 2 (one case of 第十條(二)) = 73.5; 青羊区 70 + 5 + 2 = 77.
    const batch = scoreBatch(rs, readUnits(rs, table));
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([
      ['锦江区', 73.5],
      ['青羊区', 77],
    ]);
    expect(warnings(batch)).toEqual([]);
  });
});

describe('county2013 tasks reworded as offices write them: matched by their place in the regulation\'s order and their 分值', () => {
  const rs = builtInRuleset('county2013');
  const table = (t1: string, full1: number): Cell[][] => [
    ['序号', '考核项目', '分值', '甲县'],
    [1, t1, full1, 18],
    [2, '审批流程检查制度', 15, 15],
    [3, '推进电子政务大厅建设', 15, 14],
    [4, '乡镇审批软件和效能视频监控', 10, 10],
    [5, '完成投资项目并联审批流程再造', 10, 9],
    [6, '加强政务服务工作宣传', 10, 10],
    [7, '现场办结率、群众满意率', 10, 10],
    [8, '机关文化建设', 10, 10],
    [null, '加分', 10, 2],
    [null, '总分', 100, 98],
  ];

  it('reads the reworded rows by place (T1 before T2, T4 and T7 between matched tasks), each with a note', () => {
    // 18 + 15 + 14 + 10 + 9 + 10 + 10 + 10 = 96, + 加分 2 = 98: the office's 总分 agrees.
    const batch = scoreBatch(rs, readUnits(rs, table('政务服务体系建设', 20)));
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([['甲县', 98]]);
    expect(warnings(batch)).toEqual([]);
    const notes = batch.units[0].findings.filter((f) => f.kind === 'row-label');
    expect(notes.map((f) => [f.code, f.where])).toEqual(
      expect.arrayContaining([
        ['T1', '第2行第2列'],
        ['T4', '第5行第2列'],
        ['T7', '第8行第2列'],
      ]),
    );
    expect(notes.every((f) => f.severity === 'info')).toBe(true);
  });

  it('refuses a reworded first row whose 分值 is not the item\'s (the place alone proves nothing there)', () => {
    expect(() => readUnits(rs, table('政务服务体系建设', 15))).toThrow(/第2行「政务服务体系建设」不是规则集 county2013 的条目（第2行第2列）/);
  });
});

/** A township2022 评分表 for one unit: every scored item at its 分值 except `points`. */
function form(unit: string | null, points: Record<string, number>, relabel: Record<string, string> = {}): Cell[][] {
  const rs = builtInRuleset('township2022');
  const rows: Cell[][] = [['乡镇便民服务中心等级评定评分表']];
  if (unit) rows.push([`单位：${unit}`]);
  rows.push(['序号', '项目', '评选内容', '分值', '得分', '扣分原因']);
  let total = 0;
  for (const item of rs.scoredItems) {
    const full = (item.kind === 'judged' ? (item.max ?? 0) : item.points) / 1e6;
    const value = points[item.code] ?? full;
    total += value * 10;
    rows.push([item.code.split('.')[0], null, relabel[item.code] ?? `${item.label.replace('·', '')}：评分说明`, full, value, null]);
  }
  rows.push([null, '合计', null, 100, Math.round(total) / 10, null]);
  return rows;
}

describe('township2022 评分表 forms', () => {
  const rs = builtInRuleset('township2022');

  it('one form: rows matched by label, the 得分 checked against 分值 and step, the 合计 audited', () => {
    const batch = scoreBatch(rs, readUnits(rs, form('城关镇', { '1.2': 2.5, '3.1': 3.6, '3.11': 4.3 })));
    // 100 − 0 (1.2 at most 2) − 0.4 (3.1 third place) − 0.7 (3.11 as entered) = 98.9; the form's own 合计 used 2.5.
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([['城关镇', 98.9]]);
    expect(warnings(batch)).toEqual([
      ['城关镇', '第5行第5列', '2.5', '2'],
      ['城关镇', '第20行第5列', '4.3', null], // 5 less whole 0.5 steps
      ['城关镇', '第41行第5列', '99.4', '98.9'],
    ]);
  });

  it('a 评选内容 sentence ending in 扣分 or 得分 does not make the row a 扣分 row: the 得分 column decides', () => {
    // 4.4 材料收取 at its 分值 3 and 3.11 at 5: nothing lost → 100 (read as 扣分 3, 4.4 would give 0 → 97).
    const relabel = { '4.4': '材料收取：每多收取一份材料扣1分，同一事项同一材料不累计扣分', '3.11': '系统实操：发现一项不符合规范扣0.5分，直至扣完本项得分' };
    const batch = scoreBatch(rs, readUnits(rs, form('城关镇', {}, relabel)));
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([['城关镇', 100]]);
    expect(warnings(batch)).toEqual([]);
  });

  it('a reworded label is matched by position, with a note', () => {
    const batch = scoreBatch(rs, readUnits(rs, form('城关镇', {}, { '2.2': '计算机设备（台）' })));
    expect(batch.units[0].score).toBe(100);
    const note = batch.units[0].findings.find((f) => f.kind === 'row-label');
    expect(note?.severity).toBe('info');
    expect(note?.zh).toContain('2.2');
    // At the label's own cell: row 1 title, 2 单位, 3 header, 2.2 the 6th item → row 9, column C (评选内容).
    expect(note?.where).toBe('第9行第3列');
  });

  it('a workbook of forms with a 汇总 sheet is one batch; the summary\'s 名次, 等级 and 加分 are audited', () => {
    const names = ['甲镇', '乙镇', '丙镇'];
    const sheets = names.map((name, i) => ({ name, table: form(null, { '3.1': 4 - 0.2 * i }) }));
    // 甲镇 100, 乙镇 99.8, 丙镇 99.6 → ranks 1, 2, 3 → 一等 +5, 一等 +5, 二等 +3; 乙镇 criticized → 二等 +3.
    sheets.push({
      name: '汇总',
      table: [
        ['单位', '总分', '名次', '等级', '加分', '通报批评'],
        ['甲镇', 100, 1, '一等', 5, null],
        ['乙镇', 99.8, 2, '一等', 5, '是'],
        ['丙镇', 99.6, 2, '二等', 3, null],
      ],
    });
    const { records } = readSheets(rs, sheets);
    const batch = scoreBatch(rs, records);
    expect(batch.units.map((u) => [u.unit, u.score, u.rank, u.level, u.result])).toEqual([
      ['甲镇', 100, 1, '一等', 5],
      ['乙镇', 99.8, 2, '二等', 3],
      ['丙镇', 99.6, 3, '二等', 3],
    ]);
    const found = batch.units.flatMap((u) => u.findings.filter((f) => f.severity === 'warning').map((f) => [f.sheet, f.where, f.found, f.expected]));
    expect(found).toEqual([
      ['汇总', '第3行第4列', '一等', '二等'], // downgraded, 四(一)
      ['汇总', '第3行第5列', '5', '3'],
      ['汇总', '第4行第3列', '2', '3'],
    ]);
  });
});

describe('a 汇总 row whose unit has no 评分表', () => {
  it('is a warning at its unit cell, not silently skipped', () => {
    const rs = builtInRuleset('township2022');
    const sheets = [
      { name: '甲镇', table: form(null, {}) },
      { name: '乙镇', table: form(null, { '3.1': 3.8 }) },
      {
        name: '汇总',
        table: [
          ['单位', '总分', '名次'],
          ['甲镇', 100, 1],
          ['乙乡', 99.8, 2], // 乙镇 misspelt: its total and rank are nobody's
        ],
      },
    ];
    const batch = scoreBatch(rs, readSheets(rs, sheets).records);
    expect(batch.units.map((u) => [u.unit, u.score, u.rank])).toEqual([
      ['甲镇', 100, 1],
      ['乙镇', 99.8, 2],
    ]);
    const found = batch.units.flatMap((u) => u.findings.filter((f) => f.severity === 'warning').map((f) => [f.sheet, f.where, f.found]));
    expect(found).toEqual([['汇总', '第3行第1列', '乙乡']]);
  });
});

describe('a unit with nothing entered (issue 10.6)', () => {
  it('one blank row with its header apart is a unit: chengdu2006 70 (no events), county2013 100 (blank task = full)', () => {
    const chengdu = builtInRuleset('chengdu2006');
    const county = builtInRuleset('county2013');
    expect(scoreBatch(chengdu, readUnits(chengdu, [[null, null]], { headers: [['9.1', '9.3']] })).units[0].score).toBe(70);
    expect(scoreBatch(county, readUnits(county, [[null, null]], { headers: [['T1', 'B1']] })).units[0].score).toBe(100);
  });

  it('a named township with nothing entered is scored with its 未评分 findings but takes no rank, level or result', () => {
    const rs = builtInRuleset('township2022');
    const batch = scoreBatch(rs, readUnits(rs, [['单位', '1.1', '4.6'], ['甲镇', 3, 3], ['乙镇', null, null]]));
    // 甲镇 is the only scored township, so first of one: levels go by rank among the others (四(一)),
    // and none is given until 乙镇 is scored too.
    expect(batch.units.map((u) => [u.unit, u.rank, u.level, u.result])).toEqual([
      ['甲镇', 1, null, null],
      ['乙镇', null, null, null],
    ]);
    expect(batch.units[0].findings.map((f) => f.kind)).toContain('rank-needs-batch');
    expect(batch.units[1].findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['unscored', 'incomplete']));
  });

  it('a wholly empty range stays an error', () => {
    const rs = builtInRuleset('chengdu2006');
    expect(() => readUnits(rs, [[null, null], [null, null]])).toThrow(/没有数据/);
  });
});

describe('property: counts and the points they earn give the same score; a points table and its transpose agree', () => {
  /** A small deterministic generator (no flaky seeds). */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }
  for (const id of BUILT_IN_IDS) {
    it(id, () => {
      const rs = builtInRuleset(id);
      const next = random(id.length * 7919);
      const inputs = rs.items.filter((item) => item.isInput);
      if (inputs.length === 0) return; // tacheng2020: its columns are points already
      const header: Cell[] = ['单位', ...inputs.map((item) => item.code)];
      const rows: Cell[][] = [header];
      for (let u = 0; u < 12; u++) {
        rows.push([
          `单位${u}`,
          ...inputs.map((item): Cell => {
            const r = next();
            if (item.kind === 'flag') return r < 0.5 ? 1 : 0;
            if (item.kind === 'judged') return Math.round(r * ((item.max ?? 5_000_000) / 1e6) * 10) / 10;
            if (item.kind === 'rank') return 1 + Math.floor(r * 20);
            if (item.kind === 'rate') return 0.9 + Math.round(r * 100) / 1000;
            return Math.floor(r * 4);
          }),
        ]);
      }
      const counted = scoreBatch(rs, readUnits(rs, rows));
      const scored = rs.scoredItems;
      const pointsHeader: Cell[] = ['单位', ...scored.map((item) => `${item.code} ${item.role === 'deduction' ? '扣分' : '得分'}`)];
      const pointsRows: Cell[][] = [pointsHeader];
      for (const unit of counted.units) {
        const byCode = new Map(unit.items.map((item) => [item.code, Math.abs(item.points)]));
        pointsRows.push([unit.unit, ...scored.map((item) => byCode.get(item.code) ?? 0)]);
      }
      const entered = scoreBatch(rs, readUnits(rs, pointsRows));
      expect(entered.units.map((u) => [u.unit, u.score, u.rank, u.level])).toEqual(counted.units.map((u) => [u.unit, u.score, u.rank, u.level]));
      expect(entered.units.flatMap((u) => u.findings.filter((f) => f.kind === 'entered-points'))).toEqual([]);
      // The transpose: 序号 · 考核项目 then one column per unit.
      const transposed: Cell[][] = [['序号', '考核项目', ...counted.units.map((u) => u.unit)]];
      scored.forEach((item, k) => transposed.push([k + 1, pointsHeader[k + 1], ...pointsRows.slice(1).map((row) => row[k + 1])]));
      const columns = scoreBatch(rs, readUnits(rs, transposed));
      expect(columns.units.map((u) => [u.unit, u.score, u.rank, u.level])).toEqual(counted.units.map((u) => [u.unit, u.score, u.rank, u.level]));
    });
  }
});
