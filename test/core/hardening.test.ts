/**
 * Issue 12, core points: ruleset totals validated before use, codes that cannot be hijacked by
 * labels, duplicate units, merged cells, formula float noise, linear header detection, and the
 * function caches. Each case failed on the code before the fix.
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../support/errors';
import { scoreBatch } from '../../src/core/batch';
import type { Cell } from '../../src/core/cells';
import { compileRuleset } from '../../src/core/compile';
import type { RulesetInput } from '../../src/core/format';
import { entered, findItem, headerRowIndex, readUnits } from '../../src/core/input';
import { compileRulesetTable } from '../../src/core/table-format';
import { resolveRuleset } from '../../src/functions/implementation';
import { builtInRuleset } from '../../src/rulesets';


const cite = { clause: '第一条', quote: '原文' };

/** A small office ruleset: B1 +2 per award, D1 −1 per complaint, base judged 0–90 (blank 90). */
function office(totals: RulesetInput['totals'], extra: Partial<RulesetInput> = {}): RulesetInput {
  return {
    id: 'office',
    title: '科室考核',
    version: '1',
    effective: '2024-01-01',
    ...cite,
    items: [
      { code: 'A', label: '基础工作', kind: 'judged', max: 90, default: 'full', ...cite },
      { code: 'B1', label: '表彰', kind: 'count', role: 'bonus', points: 2, ...cite },
      { code: 'D1', label: '投诉', kind: 'count', role: 'deduction', points: 1, ...cite },
    ],
    totals,
    ...extra,
  };
}

describe('ruleset totals and thresholds are validated before use (12.1)', () => {
  it('a bonusCap written "4分" is refused, naming the field (it used to drop the cap)', () => {
    const error = errorOf(() => compileRuleset(office([{ code: 'bonusCap', value: '4分', ...cite }])));
    expect(error.kind).toBe('ruleset');
    expect(error.zh).toContain('totals.0.value');
    expect(error.zh).toContain('bonusCap');
    expect(error.zh).toContain('4分');
  });

  it.each([1e9, 3e10, 4.0000001])('a bonusCap of %s is refused (it used to become 0 and remove every bonus)', (value) => {
    const error = errorOf(() => compileRuleset(office([{ code: 'bonusCap', value, ...cite }])));
    expect(error.zh).toContain('totals.0.value');
  });

  it('a negative bonusCap is refused (it used to give units −10)', () => {
    expect(errorOf(() => compileRuleset(office([{ code: 'bonusCap', value: -10, ...cite }]))).zh).toContain('不能为负数');
    expect(errorOf(() => compileRuleset(office([{ code: 'deductionCap', value: -1, ...cite }]))).zh).toContain('不能为负数');
  });

  it('a threshold min of 1e9 is refused (it used to become 0 and flag every unit)', () => {
    const error = errorOf(() => compileRuleset(office([], { thresholds: [{ code: 'deduction', min: 1e9, label: '扣分过多', ...cite }] })));
    expect(error.zh).toContain('thresholds.0.min');
  });

  it.each([0, 'false', 1])('deductionWithinBonus / openItems given %s is refused (it used to switch the rule on)', (value) => {
    expect(errorOf(() => compileRuleset(office([{ code: 'deductionWithinBonus', value, ...cite }]))).zh).toContain('deductionWithinBonus');
    expect(errorOf(() => compileRuleset(office([{ code: 'openItems', value, ...cite }]))).zh).toContain('openItems');
  });

  it('flags given true, false or no value mean on, off, on', () => {
    expect(compileRuleset(office([{ code: 'deductionWithinBonus', value: true, ...cite }])).deductionWithinBonus).not.toBeNull();
    expect(compileRuleset(office([{ code: 'deductionWithinBonus', value: false, ...cite }])).deductionWithinBonus).toBeNull();
    expect(compileRuleset(office([{ code: 'deductionWithinBonus', ...cite }])).deductionWithinBonus).not.toBeNull();
  });

  it('scoreMin above scoreMax is refused', () => {
    const error = errorOf(() =>
      compileRuleset(office([
        { code: 'scoreMin', value: 100, ...cite },
        { code: 'scoreMax', value: 0, ...cite },
      ])),
    );
    expect(error.zh).toContain('scoreMin 100 > scoreMax 0');
  });

  it('a #N/A cell in a ruleset table\'s 值 column names the cell (it used to drop the cap)', () => {
    const table: Cell[][] = [
      ['类型', '编码', '名称', '种类', '性质', '分值', '最大值', '空白按', '值', '版本', '生效日期', '条款', '原文'],
      ['规则集', 'office', '科室考核', null, null, null, null, null, null, '1', '2024-01-01', '第一条', '原文'],
      ['条目', 'A', '基础工作', '评分', '得分', null, 90, '满分', null, null, null, '第二条', '基础工作90分'],
      ['条目', 'B1', '表彰', '计数', '加分', 2, null, null, null, null, null, '第三条', '每次加2分'],
      ['总计', 'bonusCap', '加分上限', null, null, null, null, null, '#N/A', null, null, '第三条', '加分不超过4分'],
    ];
    const error = errorOf(() => compileRulesetTable(table));
    expect(error.zh).toContain('第5行「值」列');
    expect(error.zh).toContain('#N/A');
  });

  it('a valid cap still applies: 3 awards × 2 = 6, cut to 4 → 94', () => {
    const rs = compileRuleset(office([{ code: 'bonusCap', value: 4, ...cite }]));
    const [unit] = scoreBatch(rs, readUnits(rs, [['单位', 'B1'], ['一科', 3]])).units;
    expect(unit.score).toBe(94);
  });
});

describe('codes always win over labels (12.2)', () => {
  const item = (code: string, label: string) => ({ code, label, kind: 'count' as const, role: 'bonus' as const, points: code === 'a' || code === 'A' ? 1 : 5, ...cite });

  it('item b labelled "a", listed before item a: the header "a" is item a', () => {
    const rs = compileRuleset({ ...office([]), items: [item('b', 'a'), item('a', '甲')] });
    expect(findItem(rs, 'a')?.code).toBe('a');
    expect(findItem(rs, 'b')?.code).toBe('b');
    // 2 × 1 (item a), not 2 × 5 (item b)
    expect(scoreBatch(rs, readUnits(rs, [['单位', 'a'], ['一科', 2]])).units[0].score).toBe(2);
  });

  it('upper-case codes are matched normalised on both sides, not dropped', () => {
    const rs = compileRuleset({ ...office([]), items: [item('B', 'A'), item('A', '甲')] });
    expect(findItem(rs, 'A')?.code).toBe('A');
    expect(findItem(rs, 'a')?.code).toBe('A');
    expect(findItem(rs, 'B')?.code).toBe('B');
  });

  it('two codes that differ only in case are refused', () => {
    const error = errorOf(() => compileRuleset({ ...office([]), items: [item('x1', '甲'), item('X1', '乙')] }));
    expect(error.zh).toContain('只差大小写');
  });
});

describe('a unit listed twice is a finding naming both rows, counted once (12.3, issue 10)', () => {
  const chengdu = builtInRuleset('chengdu2006');

  it('锦江区 twice (once with a trailing space) in the chengdu2006 layout', () => {
    const records = readUnits(chengdu, [
      ['单位', '圈层', '9.3'],
      ['锦江区', '第一圈', 1],
      ['青羊区', '第一圈', 2],
      ['锦江区 ', '第一圈', 1],
    ]);
    expect(records.map((r) => r.unit)).toEqual(['锦江区', '青羊区']);
    const finding = records[0].readFindings?.find((f) => f.kind === 'duplicate-unit');
    expect(finding?.severity).toBe('warning');
    expect(finding?.zh).toContain('锦江区');
    expect(finding?.zh).toContain('第2行和第4行');
    expect(finding?.where).toBe('第4行第1列');
  });

  it('in a ledger the rows of one unit add up, however its name is spaced', () => {
    const records = readUnits(chengdu, [
      ['单位', '条目', '数量'],
      ['锦江区', '9.3', 1],
      ['锦江区 ', '9.3', 2],
      ['锦江区', '9.3', 1],
    ]);
    expect(records).toHaveLength(1);
    expect(entered(records[0].values[chengdu.itemByCode.get('9.3')?.index ?? -1])).toBe(4);
  });
});

describe('merged cells (12.6)', () => {
  const chengdu = builtInRuleset('chengdu2006');

  it('a 圈层 cell merged down over its units applies to each of them', () => {
    const table: Cell[][] = [
      ['单位', '圈层', '9.3'],
      ['锦江区', '第一圈', 1],
      ['青羊区', null, 2],
      ['金牛区', null, 0],
    ];
    const records = readUnits(chengdu, table, { merges: [{ top: 1, left: 1, bottom: 3, right: 1 }] });
    expect(records.map((r) => r.tier)).toEqual(['1', '1', '1']);
    expect(table[2][1]).toBeNull(); // the caller's table is not changed
  });

  it('a value merged across two item columns is a finding on the unit, at the merge', () => {
    const table: Cell[][] = [
      ['单位', '圈层', '9.3', '9.1'],
      ['锦江区', '第一圈', 1, null],
    ];
    const records = readUnits(chengdu, table, { merges: [{ top: 1, left: 2, bottom: 1, right: 3 }] });
    const [unit] = scoreBatch(chengdu, records).units;
    const finding = unit.findings.find((f) => f.kind === 'merged-cell');
    expect(finding?.severity).toBe('warning');
    expect(finding?.where).toBe('第2行第3列');
    expect(finding?.zh).toContain('9.3、9.1');
  });

  it('a title merged across the top stays a title', () => {
    const table: Cell[][] = [
      ['2024年度考核计分表', null, null],
      ['单位', '圈层', '9.3'],
      ['锦江区', '第一圈', 1],
    ];
    const records = readUnits(chengdu, table, { merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] });
    expect(records.map((r) => r.unit)).toEqual(['锦江区']);
    expect(scoreBatch(chengdu, records).units[0].findings.some((f) => f.kind === 'merged-cell')).toBe(false);
  });
});

describe('formula float noise (12.8)', () => {
  it('a points cell =84.6+0.1+0.2 (saved as 84.89999999999999) scores as 84.9', () => {
    const office2 = compileRuleset(office([]));
    const [unit] = scoreBatch(office2, readUnits(office2, [['单位', 'A'], ['一科', 84.6 + 0.1 + 0.2]])).units;
    expect(84.6 + 0.1 + 0.2).toBe(84.89999999999999);
    expect(unit.score).toBe(84.9);
  });
});

describe('header detection is linear in leading title rows (12.14)', () => {
  it('40,000 one-cell rows above the header: found in well under a second of work', () => {
    const table: Cell[][] = [];
    for (let i = 0; i < 40_000; i++) table.push([`标题${i}`, null, null]);
    table.push(['单位', '9.3', '9.1'], ['锦江区', 1, 2]);
    expect(headerRowIndex(table)).toBe(40_000);
  });
});

describe('function caches (12.17)', () => {
  const rulesetTable = (quote: string, cap: number): Cell[][] => [
    ['类型', '编码', '名称', '种类', '性质', '分值', '值', '版本', '生效日期', '条款', '原文'],
    ['规则集', 'office', '科室考核', null, null, null, null, '1', '2024-01-01', '第一条', quote],
    ['条目', 'B1', '表彰', '计数', '加分', 2, null, null, null, '第三条', quote],
    ['总计', 'bonusCap', '加分上限', null, null, null, cap, null, null, '第三条', quote],
  ];

  it('the same content is compiled once; different content never shares an entry', () => {
    const long = '原文'.repeat(50_000);
    const first = resolveRuleset(rulesetTable(long, 4));
    expect(resolveRuleset(rulesetTable(long, 4))).toBe(first); // a fresh array with equal cells: a hit
    const other = resolveRuleset(rulesetTable(long, 6));
    expect(other).not.toBe(first);
    expect(other.bonusCap?.value).toBe(6_000_000);
    // same length and first/last characters, different middle: the fingerprint matches, the cells do not
    const twisted = `${long.slice(0, 1000)}X${long.slice(1001)}`;
    expect(resolveRuleset(rulesetTable(twisted, 4))).not.toBe(first);
  });

  it('a crafted header with the old separator cannot take another header\'s column plan', () => {
    const chengdu = builtInRuleset('chengdu2006');
    // The old key joined `string:单位` and `string:9.3` with \u0001: the one header below gave
    // the same key, so it was read with the plan of ['单位', '9.3'] made just before.
    expect(readUnits(chengdu, [['单位', '9.3'], ['锦江区', 1]])).toHaveLength(1);
    const error = errorOf(() => readUnits(chengdu, [['单位\u0001string:9.3'], ['x']], { layout: 'rows' }));
    expect(error.kind).toBe('layout');
  });
});

describe('a downgrade is explained as a finding (issue 11.10)', () => {
  it('a criticized 2nd of three gets 二等 with the rank, the reason and the clause', () => {
    const rs = compileRuleset({
      ...office([{ code: 'downgrade', value: 'criticized', ...{ clause: '四(一)', quote: '有上述情形的降低一个等级' } }]),
      levels: [
        { label: '一等', from: 1, to: 2, ...cite },
        { label: '二等', from: 3, to: 3, ...cite },
      ],
    });
    const batch = scoreBatch(rs, readUnits(rs, [
      ['单位', 'A', '通报批评'],
      ['甲', 90, '否'],
      ['乙', 85, '是'],
      ['丙', 80, '否'],
    ]));
    const second = batch.units[1];
    expect([second.rank, second.level]).toEqual([2, '二等']);
    const finding = second.findings.find((f) => f.kind === 'level-downgrade');
    expect(finding?.zh).toBe('第2名按名次应为一等，因被通报批评或曝光降低一个等级为二等');
    expect(finding?.clause).toBe('四(一)');
    expect(second.trace.some((step) => step.zh === finding?.zh)).toBe(true);
    expect(batch.units[0].findings.some((f) => f.kind === 'level-downgrade')).toBe(false);
  });
});
