/**
 * src/core/table-format.ts — the one ruleset format written as a sheet table (spec: "Custom
 * rulesets"): the built-in rulesets round-trip through it, Chinese and English headers and
 * Chinese enum words read, an office's own table scores a hand-worked unit, and errors name the cell.
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../support/errors';
import type { Cell } from '../../src/core/cells';
import { type CompiledRuleset, compileRuleset } from '../../src/core/compile';
import type { RulesetSpec } from '../../src/core/format';
import { readUnits } from '../../src/core/input';
import { scoreBatch } from '../../src/core/batch';
import { compileRulesetTable, rulesetFromTable, rulesetToTable } from '../../src/core/table-format';
import { normalizeText } from '../../src/core/text';
import { BUILT_IN_IDS, BUILT_IN_RULESETS, builtInRuleset } from '../../src/rulesets';



/** A sample unit per built-in ruleset, with its hand-worked score. */
const SAMPLES: Record<string, { table: Cell[][]; score: number }> = {
  // base 70 (8.1 empty = 1); bonus 9.1 4.5 + 9.3 min(5×0.5, 2) = 2 + 9.4 min(2×0.5 + 3×1.5, 4) = 4
  // → 10.5; deductions 10.2 1×2 + 10.7 0.5 = 2.5 (≤ bonus) → 70 + 10.5 − 2.5 = 78
  chengdu2006: {
    table: [
      ['单位', '9.1', '9.3', '9.4.city', '9.4.national', '10.2', '10.7'],
      ['锦江区', 4.5, 5, 2, 3, 1, 0.5],
    ],
    score: 78,
  },
  // tasks T1 18.5 + T2 15 + T3 empty = 15 + T4…T8 5×10 = 98.5; bonus B1 2×1 + B3.province 3 = 5;
  // deductions D3.city 2 + D4 once 10 = 12 → cap 10 → 98.5 + 5 − 10 = 93.5
  county2013: {
    table: [
      ['单位', 'T1', 'T3', 'B1', 'B3.province', 'D3.city', 'D4.1', 'D4.4'],
      ['甲县', 18.5, null, 2, 1, 1, 1, 1],
    ],
    score: 93.5,
  },
  // S1 20 + S2 10×20 = 200 + S3.single 3×10 = 30 → 250; K3 60 + K2 2×30 = 60 → 120 → 130
  govinfo: {
    table: [
      ['单位', 'S1', 'S2', 'S3.single', 'K3', 'K2'],
      ['区政府办', '是', 10, 3, 60, 2],
    ],
    score: 130,
  },
  // open items: 50 + 42.5 = 92.5
  tacheng2020: {
    table: [
      ['单位', '甲项', '乙项'],
      ['塔城市', 50, 42.5],
    ],
    score: 92.5,
  },
  // deduct items at full 分值 sum to 74; 1.2 − 1×0.5 → 73.5; 3.3 − 3×0.3 → 72.6;
  // 1.1 2.5; 3.9 98.5% → 1 full point below → 2 − 0.2 = 1.8; 5.3 99.95% → 5 × 0.01 below →
  // 2 − 5×0.2 = 1; 5.4 97% → 3 below → 3 − 3×0.3 = 2.1; 5.7 是 → 2; 3.1 rank 2 → 4 − 0.2 = 3.8;
  // 72.6 + 2.5 + 1.8 + 1 + 2.1 + 2 + 3.8 = 85.8
  township2022: {
    table: [
      ['单位', '1.1', '1.2', '3.3.late', '3.9', '5.3', '5.4', '5.7', '3.1'],
      ['甲镇', 2.5, 1, 3, '98.5%', 0.9995, 97, '是', 2],
    ],
    score: 85.8,
  },
};

function scoreOf(rs: CompiledRuleset, table: Cell[][]): number {
  return scoreBatch(rs, readUnits(rs, table)).units[0].score;
}

describe('built-in rulesets through the table format', () => {
  it('there are five, each with a sample here', () => {
    expect([...BUILT_IN_IDS].sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  for (const id of Object.keys(SAMPLES)) {
    const spec = (): RulesetSpec => builtInRuleset(id).spec;

    it(`${id}: the table has a Chinese header row and one 规则集 row`, () => {
      const table = rulesetToTable(spec());
      expect(table[0][0]).toBe('类型');
      expect(table[0]).toContain('编码');
      expect(table.filter((row) => row[0] === '规则集')).toHaveLength(1);
      // one row per record: header + ruleset row + items + groups + totals + …
      const s = spec();
      const records = s.items.length + s.groups.length + s.totals.length + s.grades.length + s.levels.length + s.thresholds.length + s.checks.length + s.tiers.length + s.units.length;
      expect(table).toHaveLength(2 + records);
    });

    // Fixed bug for four of the five (src/core/table-format.ts:105, readField → cellText → NFKC): text
    // cells are NFKC-normalized, so labels, quotes and titles come back changed: （）→ (), …… →
    // ......, ， → , and ： → :. tacheng2020 has none of these characters and round-trips.
    it(`${id}: rulesetFromTable(rulesetToTable(spec)) deep-equals the spec`, () => {
      expect(rulesetFromTable(rulesetToTable(spec()))).toEqual(spec());
    });

    it(`${id}: the spec is what compileRuleset gives for the JSON`, () => {
      expect(compileRuleset(BUILT_IN_RULESETS[id]).spec).toEqual(spec());
    });

    it(`${id}: a sample unit scores ${SAMPLES[id].score} with the JSON and with the table ruleset`, () => {
      const json = builtInRuleset(id);
      const table = compileRulesetTable(rulesetToTable(json.spec));
      expect(scoreOf(json, SAMPLES[id].table)).toBe(SAMPLES[id].score);
      expect(scoreOf(table, SAMPLES[id].table)).toBe(SAMPLES[id].score);
    });
  }
});

/** A small ruleset, as an English, a Chinese and a mixed header would write it. */
const FIELDS_EN = ['type', 'code', 'label', 'kind', 'role', 'points', 'cap', 'max', 'default', 'group', 'value', 'version', 'effective', 'clause', 'quote'];
const FIELDS_ZH = ['类型', '编码', '名称', '种类', '性质', '分值', '上限', '最大值', '空白按', '组', '值', '版本', '生效日期', '条款', '原文'];
const FIELDS_MIXED = FIELDS_ZH.map((zh, i) => `${zh} ${FIELDS_EN[i]}`);
function demoRows(words: 'en' | 'zh'): Cell[][] {
  const w = (en: string, zh: string): string => (words === 'en' ? en : zh);
  return [
    [w('ruleset', '规则集'), 'demo', '演示规则', null, null, null, null, null, null, null, null, '1', '2024-01-01', '第一条', '演示'],
    [w('item', '条目'), 'A', '基础', w('judged', '评分'), w('score', '得分'), null, null, 80, w('full', '满分'), null, null, null, null, '第二条', '基础80分'],
    [w('item', '条目'), 'B', '表彰', w('count', '计数'), w('bonus', '加分'), 0.5, 2, null, null, 'G', null, null, null, '第三条', '每次0.5分'],
    [w('item', '条目'), 'C', '创新', w('flag', '是否'), w('bonus', '加分'), 1, null, null, null, 'G', null, null, null, '第三条', '有则1分'],
    [w('item', '条目'), 'D', '投诉', w('count', '计数'), w('deduction', '扣分'), 1, null, null, null, null, null, null, null, '第四条', '每次扣1分'],
    [w('group', '组'), 'G', '加分组', null, null, null, 2.5, null, null, null, null, null, null, '第三条', '合计不超过2.5分'],
    [w('total', '总计'), 'bonusCap', '加分上限', null, null, null, null, null, null, null, 10, null, null, '第五条', '加分不超过10分'],
    [w('total', '总计'), 'deductionWithinBonus', '扣分不超过加分', null, null, null, null, null, null, null, w('true', '是'), null, null, '第五条', '扣分不超过加分'],
  ];
}
const DEMO_SPEC = {
  id: 'demo',
  title: '演示规则',
  version: '1',
  effective: '2024-01-01',
  clause: '第一条',
  quote: '演示',
  items: [
    { code: 'A', label: '基础', kind: 'judged', role: 'score', max: 80, default: 'full', clause: '第二条', quote: '基础80分' },
    { code: 'B', label: '表彰', kind: 'count', role: 'bonus', points: 0.5, cap: 2, group: 'G', clause: '第三条', quote: '每次0.5分' },
    { code: 'C', label: '创新', kind: 'flag', role: 'bonus', points: 1, group: 'G', clause: '第三条', quote: '有则1分' },
    { code: 'D', label: '投诉', kind: 'count', role: 'deduction', points: 1, clause: '第四条', quote: '每次扣1分' },
  ],
  groups: [{ code: 'G', label: '加分组', cap: 2.5, clause: '第三条', quote: '合计不超过2.5分' }],
  totals: [
    { code: 'bonusCap', label: '加分上限', value: 10, clause: '第五条', quote: '加分不超过10分' },
    { code: 'deductionWithinBonus', label: '扣分不超过加分', value: true, clause: '第五条', quote: '扣分不超过加分' },
  ],
  grades: [],
  levels: [],
  thresholds: [],
  checks: [],
  tiers: [],
  units: [],
};

describe('headers and words', () => {
  it('English headers and English words read', () => {
    expect(rulesetFromTable([FIELDS_EN, ...demoRows('en')])).toEqual(DEMO_SPEC);
  });

  it('Chinese headers and Chinese words (评分, 计数, 是否, 得分, 加分, 扣分, 满分, 是) read the same', () => {
    expect(rulesetFromTable([FIELDS_ZH, ...demoRows('zh')])).toEqual(DEMO_SPEC);
  });

  it('"中文 english" headers, full-width header text and blank rows read the same', () => {
    const fullWidth = FIELDS_EN.map((f) => f.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
    expect(rulesetFromTable([FIELDS_MIXED, ...demoRows('zh')])).toEqual(DEMO_SPEC);
    expect(rulesetFromTable([[null], fullWidth, [], ...demoRows('en'), [null, '']])).toEqual(DEMO_SPEC);
  });

  it('the other Chinese words: 扣减, 排名, 比率, 未评分', () => {
    const spec = rulesetFromTable([
      ['类型', '编码', '名称', '种类', '分值', '步长', '每档百分点', '保底', '空白按', '版本', '生效日期', '条款', '原文'],
      ['规则集', 'w', '词', null, null, null, null, null, null, '1', '未注明', 'c', 'q'],
      ['条目', 'X', '扣减项', '扣减', 2, 0.5, null, null, null, null, null, 'c', 'q'],
      ['条目', 'R', '排名项', '排名', 4, 0.2, null, 0.2, null, null, null, 'c', 'q'],
      ['条目', 'P', '比率项', '比率', 2, 0.2, 1, null, '未评分', null, null, 'c', 'q'],
    ]);
    expect(spec.effective).toBe('未注明');
    expect(spec.items.map((i) => [i.code, i.kind, i.default])).toEqual([
      ['X', 'deduct', undefined],
      ['R', 'rank', undefined],
      ['P', 'rate', 'unscored'],
    ]);
    expect(spec.items[1].floor).toBe(0.2);
    expect(spec.items[2].per).toBe(1);
  });

  it('numbers written as text read as numbers (full-width too)', () => {
    const rows = demoRows('zh');
    rows[2][5] = '０．５'; // B 分值
    rows[5][6] = '2.5'; // G 上限
    expect(rulesetFromTable([FIELDS_ZH, ...rows])).toEqual(DEMO_SPEC);
  });

  it('rulesetToTable writes Chinese words back', () => {
    const table = rulesetToTable(rulesetFromTable([FIELDS_EN, ...demoRows('en')]));
    const kind = table[0].indexOf('种类');
    const role = table[0].indexOf('性质');
    const dflt = table[0].indexOf('空白按');
    expect(table.slice(2, 6).map((row) => [row[kind], row[role]])).toEqual([
      ['评分', '得分'],
      ['计数', '加分'],
      ['是否', '加分'],
      ['计数', '扣分'],
    ]);
    expect(table[2][dflt]).toBe('满分');
  });

  // Fixed bug (src/core/table-format.ts:104, readField): a number cell in a text column is kept as a
  // number, so a clerk who types the tier code 1 or the version 2024 into Excel (which stores them
  // as numbers) gets "Invalid type: Expected string but received 1". Input reading accepts 1 for a
  // tier (cellText); the ruleset table should read text columns as text too.
  it('numbers typed into text columns (编码 1, 版本 2024, 所属圈层 1) read as text', () => {
    const spec = rulesetFromTable([
      ['类型', '编码', '名称', '种类', '分值', '所属圈层', '版本', '生效日期', '条款', '原文'],
      ['规则集', 'tiers', '圈层', null, null, null, 2024, '2024-01-01', 'c', 'q'],
      ['条目', 'A', '甲', '计数', 1, null, null, null, 'c', 'q'],
      ['圈层', 1, '第一圈', null, null, null, null, null, 'c', 'q'],
      ['单位', null, '甲区', null, null, 1, null, null, null, null],
    ]);
    expect(spec.version).toBe('2024');
    expect(spec.tiers[0].code).toBe('1');
    expect(spec.units[0].tier).toBe('1');
  });
});

describe('a custom office ruleset written as a table', () => {
  // 基础工作 A: judged 0–80, empty = 80 · B1 市级表彰 2 each, B2 省级表彰 3 each, together (group B)
  // at most 5 · B3 创新举措 1 each, at most 3 · D1 有效投诉 −1.5 each · all bonus at most 6 ·
  // grades 优秀 ≥ 85, 良好 ≥ 75, 合格 ≥ 60, else 不合格.
  const table: Cell[][] = [
    ['类型', '编码', '名称', '种类', '性质', '分值', '上限', '最大值', '空白按', '组', '值', '最小值', '版本', '生效日期', '条款', '原文'],
    ['规则集', 'office2024', '某局科室年度考核', null, null, null, null, null, null, null, null, null, '2024.1', '2024-01-01', '第一条', '科室年度考核办法'],
    ['条目', 'A', '基础工作', '评分', '得分', null, null, 80, '满分', null, null, null, null, null, '第二条', '基础工作80分'],
    ['条目', 'B1', '市级表彰', '计数', '加分', 2, null, null, null, 'B', null, null, null, null, '第三条(一)', '市级表彰每次加2分'],
    ['条目', 'B2', '省级表彰', '计数', '加分', 3, null, null, null, 'B', null, null, null, null, '第三条(一)', '省级表彰每次加3分'],
    ['条目', 'B3', '创新举措', '计数', '加分', 1, 3, null, null, null, null, null, null, null, '第三条(二)', '每项加1分，最多3分'],
    ['条目', 'D1', '有效投诉', '计数', '扣分', 1.5, null, null, null, null, null, null, null, null, '第四条', '每次扣1.5分'],
    ['组', 'B', '表彰', null, null, null, 5, null, null, null, null, null, null, null, '第三条(一)', '表彰加分累计不超过5分'],
    ['总计', 'bonusCap', '加分上限', null, null, null, null, null, null, null, 6, null, null, null, '第三条', '加分合计不超过6分'],
    ['等次', null, '优秀', null, null, null, null, null, null, null, null, 85, null, null, '第五条', '85分以上为优秀'],
    ['等次', null, '良好', null, null, null, null, null, null, null, null, 75, null, null, '第五条', '75分以上为良好'],
    ['等次', null, '合格', null, null, null, null, null, null, null, null, 60, null, null, '第五条', '60分以上为合格'],
    ['等次', null, '不合格', null, null, null, null, null, null, null, null, null, null, null, '第五条', '60分以下为不合格'],
  ];
  const units: Cell[][] = [
    ['单位', '基础工作', 'B1', '省级表彰', 'B3', 'D1'],
    ['一科', 78.5, 2, 1, 2, 1],
    ['二科', null, 3, null, 5, null],
    ['三科', 60.3, null, null, null, 1],
    ['四科', 60, null, null, null, null],
  ];

  it('scores hand-worked units', () => {
    const rs = compileRulesetTable(table);
    expect(rs.id).toBe('office2024');
    const result = scoreBatch(rs, readUnits(rs, units));
    const got = result.units.map((u) => ({ unit: u.unit, score: u.score, bonusRaw: u.bonusRaw, bonus: u.bonus, deduction: u.deduction, grade: u.grade, rank: u.rank }));
    expect(got).toEqual([
      // A 78.5; group B 2×2 + 1×3 = 7 → 5; B3 2×1 = 2; bonus 5 + 2 = 7 → 6; D1 1×1.5 = 1.5
      // → 78.5 + 6 − 1.5 = 83 → 良好
      { unit: '一科', score: 83, bonusRaw: 7, bonus: 6, deduction: 1.5, grade: '良好', rank: 2 },
      // A empty = 80; group B 3×2 = 6 → 5; B3 5×1 = 5 → 3; bonus 8 → 6 → 86 → 优秀
      { unit: '二科', score: 86, bonusRaw: 8, bonus: 6, deduction: 0, grade: '优秀', rank: 1 },
      // 60.3 − 1.5 = 58.8 → 不合格 (no deductions-within-bonus rule here)
      { unit: '三科', score: 58.8, bonusRaw: 0, bonus: 0, deduction: 1.5, grade: '不合格', rank: 4 },
      // 60 exactly → 合格 (以上 includes the number)
      { unit: '四科', score: 60, bonusRaw: 0, bonus: 0, deduction: 0, grade: '合格', rank: 3 },
    ]);
  });

  it('explains the caps with the clauses from the table', () => {
    const rs = compileRulesetTable(table);
    const [first] = scoreBatch(rs, readUnits(rs, units)).units;
    const adjustments = first.items.filter((i) => i.code === 'B' || i.code === 'bonusCap').map((i) => [i.code, i.points, i.clause]);
    // group B: 5 − 7 = −2; overall: 6 − 7 = −1
    expect(adjustments).toEqual([
      ['B', -2, '第三条(一)'],
      ['bonusCap', -1, '第三条'],
    ]);
  });

  it('the same ruleset as JSON scores the same', () => {
    const fromTable = rulesetFromTable(table);
    const rs = compileRuleset(JSON.parse(JSON.stringify(fromTable)));
    expect(scoreBatch(rs, readUnits(rs, units)).units.map((u) => u.score)).toEqual([83, 86, 58.8, 60]);
    expect(rulesetFromTable(rulesetToTable(fromTable))).toEqual(fromTable);
  });
});

describe('errors name the cell', () => {
  const header: Cell[] = ['类型', '编码', '名称', '种类', '性质', '分值', '组', '版本', '生效日期', '条款', '原文'];
  const rulesetRow: Cell[] = ['规则集', 'office', '科室考核', null, null, null, null, '1', '2024-01-01', '第一条', '原文'];
  const item = (overrides: Partial<Record<string, Cell>> = {}): Cell[] => {
    const base: Record<string, Cell> = { 类型: '条目', 编码: 'A', 名称: '基础', 种类: '计数', 性质: '加分', 分值: 1, 组: null, 版本: null, 生效日期: null, 条款: '第二条', 原文: 'q' };
    return header.map((h) => (h !== null && String(h) in overrides ? overrides[String(h)] : base[String(h)])) as Cell[];
  };

  it('a non-number in 分值: the row and the column header', () => {
    const error = errorOf(() => rulesetFromTable([header, rulesetRow, item({ 分值: 'abc' })]));
    expect(error.kind).toBe('ruleset');
    expect(error.where).toBe('第3行「分值」列');
    expect(error.message).toContain('第3行');
    expect(error.message).toContain('分值');
    expect(error.message).toContain('abc');
  });

  it('the header text the clerk wrote is the one named', () => {
    const english = header.map((h) => (h === '分值' ? 'points' : h));
    const error = errorOf(() => rulesetFromTable([english, rulesetRow, item(), [...item({ 编码: 'B' }).slice(0, 5), '两分', ...item().slice(6)]]));
    expect(error.where).toBe('第4行「points」列');
  });

  it('an unknown 类型: the row, and the word', () => {
    const error = errorOf(() => rulesetFromTable([header, rulesetRow, item({ 类型: '项目X' })]));
    expect(error.where).toBe('第3行「类型」列');
    expect(error.message).toContain('项目X');
  });

  it('an unknown kind word: the row and the 种类 column', () => {
    const error = errorOf(() => rulesetFromTable([header, rulesetRow, item({ 种类: '奇怪' })]));
    expect(error.where).toBe('第3行「种类」列');
    expect(error.message).toContain('奇怪');
  });

  it('an unknown column: its position and text', () => {
    const error = errorOf(() => rulesetFromTable([[...header, '颜色'], rulesetRow, item()]));
    expect(error.where).toBe('第1行第12列');
    expect(error.message).toContain('颜色');
  });

  it('no 类型 column', () => {
    const error = errorOf(() => rulesetFromTable([header.slice(1), rulesetRow.slice(1)]));
    expect(error.en).toContain('no "type" column');
  });

  it('a missing 规则集 row', () => {
    const error = errorOf(() => rulesetFromTable([header, item()]));
    expect(error.kind).toBe('ruleset');
    expect(error.message).toContain('缺少「规则集」行');
  });

  it('two 规则集 rows', () => {
    const error = errorOf(() => rulesetFromTable([header, rulesetRow, rulesetRow, item()]));
    expect(error.message).toContain('第3行');
    expect(error.en).toContain('only one ruleset row');
  });

  it('a missing field of the 规则集 row names its column', () => {
    const noVersion = rulesetRow.map((cell, i) => (header[i] === '版本' ? null : cell));
    const error = errorOf(() => rulesetFromTable([header, noVersion, item()]));
    expect(error.message).toContain('第2行');
    expect(error.message).toContain('版本');
  });

  it('an empty table', () => {
    expect(errorOf(() => rulesetFromTable([[null], []])).message).toContain('规则表是空的');
  });

  it('an item referencing an unknown group: the item and the group are named', () => {
    const error = errorOf(() => compileRulesetTable([header, rulesetRow, item({ 组: 'G9' })]));
    expect(error.kind).toBe('ruleset');
    expect(error.message).toContain('A');
    expect(error.message).toContain('unknown group G9');
  });

  // Fixed bug (src/core/table-format.ts compileRulesetTable → src/core/compile.ts:212): meaning checks
  // run after the table is turned into JSON, so their problems keep JSON paths ("items.0.group")
  // that the clerk cannot find in the sheet, instead of 第3行「组」列 like the shape checks.
  it('an item referencing an unknown group names the row and the 组 column', () => {
    const error = errorOf(() => compileRulesetTable([header, rulesetRow, item({ 组: 'G9' })]));
    expect(error.message).toContain('第3行「组」列');
  });
});
