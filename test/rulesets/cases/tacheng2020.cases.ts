/**
 * Hand-worked cases for `tacheng2020` (塔城地区2020年政务公开和“放管服”改革工作考核细则, 塔行办发〔2020〕14号).
 * Worked out from ../../../../shared/regulations/tacheng2020.md and ../../../../shared/spec/rulesets.md only.
 *
 * The two scoring attachments are not in the source, so the items come from the user. These cases
 * give no rules table: every value column (A1, A2, …, 组织领导, …) is read as item points.
 *   score = Σ item points (三(三) 百分制); a total outside 0–100 is an input error naming '总分'.
 *   Grades (三(三)): 优秀 ≥ 90; 良好 80 ≤ s < 90; 合格 60 ≤ s < 80; 不合格 < 60.
 *   The text's bands (90分以上 / 80—89分 / 60—79分 / 60分以下) are whole numbers; for fractional
 *   scores each band runs from its lower bound up to, not including, the next (spec: Boundaries),
 *   so 89.9 is 良好 and 79.99 is 合格.
 *
 * Readings chosen where the spec is silent:
 *  - A 扣分 column (header with 扣分/减分) holds a positive deduction that subtracts (issue 10); a
 *    negative number there is a finding counted 0, never silently flipped; only the total is bounded to 0–100.
 *    So 92 + (−2.5) = 89.5 is valid, and 10 + (−12.5) = −2.5 is an error naming '总分'.
 *  - An empty cell is "nothing entered" and adds nothing to the sum (no assertion on checks).
 *  - Text that is not a number in a value column is an input error naming that column.
 */
import type { RulesetCase } from '../case-types';

export const cases: RulesetCase[] = [
  {
    name: 'score is the exact decimal sum of the item columns: 30.1 + 29.9 + 30 = 90 → 优秀',
    clause: '三(三) 百分制量化考核; 优秀(90分以上)',
    input: { kind: 'rows', rows: [{ unit: '塔城市', values: { A1: 30.1, A2: 29.9, A3: 30 } }] },
    // arithmetic: 30.1 + 29.9 = 60; 60 + 30 = 90. 90 ≥ 90 → 优秀.
    expect: { 塔城市: { score: 90, items: { A1: 30.1, A2: 29.9, A3: 30 }, grade: '优秀' } },
  },
  {
    name: 'grade band edges: 100, 90, 89.9, 80, 79.99, 60, 59.5, 0',
    clause: '三(三) 优秀(90分以上)、良好(80—89分)、合格(60—79分)、不合格(60分以下)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '满分', values: { A1: 50, A2: 50 } },
        { unit: '九十', values: { A1: 45, A2: 45 } },
        { unit: '八十九点九', values: { A1: 45, A2: 44.9 } },
        { unit: '八十', values: { A1: 40, A2: 40 } },
        { unit: '七十九点九九', values: { A1: 40, A2: 39.99 } },
        { unit: '六十', values: { A1: 30, A2: 30 } },
        { unit: '五十九点五', values: { A1: 30, A2: 29.5 } },
        { unit: '零分', values: { A1: 0, A2: 0 } },
      ],
    },
    // arithmetic: 50 + 50 = 100 → ≥ 90 → 优秀 (and 100 is inside 0–100, not an error)
    //   45 + 45 = 90 → ≥ 90 → 优秀
    //   45 + 44.9 = 89.9 → 80 ≤ 89.9 < 90 → 良好
    //   40 + 40 = 80 → 80 ≤ 80 < 90 → 良好
    //   40 + 39.99 = 79.99 → 60 ≤ 79.99 < 80 → 合格
    //   30 + 30 = 60 → 60 ≤ 60 < 80 → 合格
    //   30 + 29.5 = 59.5 → < 60 → 不合格
    //   0 + 0 = 0 → < 60 → 不合格 (0 is inside 0–100, not an error)
    expect: {
      满分: { score: 100, grade: '优秀' },
      九十: { score: 90, grade: '优秀' },
      八十九点九: { score: 89.9, grade: '良好' },
      八十: { score: 80, grade: '良好' },
      七十九点九九: { score: 79.99, grade: '合格' },
      六十: { score: 60, grade: '合格' },
      五十九点五: { score: 59.5, grade: '不合格' },
      零分: { score: 0, grade: '不合格' },
    },
  },
  {
    name: 'decimal sums that land exactly on a band edge keep the higher band (exact decimals)',
    clause: '三(三) 等次; spec: exact decimals, boundaries',
    input: {
      kind: 'rows',
      rows: [
        { unit: '额敏县', values: { A1: 25.9, A2: 45.3, A3: 18.8, A4: 0 } },
        { unit: '沙湾县', values: { A1: 29.2, A2: 28.4, A3: 10.3, A4: 12.1 } },
        { unit: '托里县', values: { A1: 8.2, A2: 23.9, A3: 27.9, A4: 0 } },
      ],
    },
    // arithmetic: 额敏县 25.9 + 45.3 = 71.2; 71.2 + 18.8 = 90; + 0 = 90 → 优秀 (binary floating point gives 89.99999999999999)
    //   沙湾县 29.2 + 28.4 = 57.6; 57.6 + 10.3 = 67.9; 67.9 + 12.1 = 80 → 良好
    //   托里县 8.2 + 23.9 = 32.1; 32.1 + 27.9 = 60; + 0 = 60 → 合格
    expect: {
      额敏县: { score: 90, grade: '优秀' },
      沙湾县: { score: 80, grade: '良好' },
      托里县: { score: 60, grade: '合格' },
    },
  },
  {
    name: 'a decimal sum of exactly 100 is valid, not "outside 0–100"',
    clause: '三(三) 百分制; spec: exact decimals',
    input: { kind: 'rows', rows: [{ unit: '乌苏市', values: { A1: 21.3, A2: 34.1, A3: 8.9, A4: 35.7 } }] },
    // arithmetic: 21.3 + 34.1 = 55.4; 55.4 + 8.9 = 64.3; 64.3 + 35.7 = 100 → inside 0–100 → 优秀
    //   (binary floating point gives 100.00000000000001, which must not be refused).
    expect: { 乌苏市: { score: 100, items: { A1: 21.3, A2: 34.1, A3: 8.9, A4: 35.7 }, grade: '优秀' } },
  },
  {
    name: 'Chinese column names are item names; points as entered',
    clause: '二、考核内容 (组织领导、政府信息公开、平台建设、“放管服”改革); 三(三)',
    input: {
      kind: 'rows',
      rows: [{ unit: '裕民县', values: { 组织领导: 20, 政府信息公开: 25.5, 平台建设: 14.5, 放管服改革: 20 } }],
    },
    // arithmetic: 20 + 25.5 = 45.5; 45.5 + 14.5 = 60; 60 + 20 = 80 → 80 ≤ 80 < 90 → 良好.
    expect: {
      裕民县: {
        score: 80,
        items: { 组织领导: 20, 政府信息公开: 25.5, 平台建设: 14.5, 放管服改革: 20 },
        grade: '良好',
      },
    },
  },
  {
    name: 'exact decimal sum away from an edge: 33.3 × 3 = 99.9',
    clause: '三(三) 百分制; spec: exact decimals',
    input: { kind: 'rows', rows: [{ unit: '和布克赛尔县', values: { A1: 33.3, A2: 33.3, A3: 33.3 } }] },
    // arithmetic: 33.3 + 33.3 = 66.6; 66.6 + 33.3 = 99.9 (not 99.89999999999999) → ≥ 90 → 优秀.
    expect: { 和布克赛尔县: { score: 99.9, grade: '优秀' } },
  },
  {
    name: 'just inside the bands with two decimals: 89.99, 60.01, 59.99, 80.5',
    clause: '三(三) 等次; spec: Boundaries (a band runs up to, not including, the next lower bound)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '甲局', values: { A1: 89.99 } },
        { unit: '乙局', values: { A1: 60.01 } },
        { unit: '丙局', values: { A1: 59.99 } },
        { unit: '丁局', values: { A1: 80.5 } },
      ],
    },
    // arithmetic: one item each, score = the item.
    //   89.99 < 90 → 良好; 60 ≤ 60.01 < 80 → 合格; 59.99 < 60 → 不合格; 80 ≤ 80.5 < 90 → 良好.
    expect: {
      甲局: { score: 89.99, grade: '良好' },
      乙局: { score: 60.01, grade: '合格' },
      丙局: { score: 59.99, grade: '不合格' },
      丁局: { score: 80.5, grade: '良好' },
    },
  },
  {
    name: 'numbers stored as text (also full-width) are read as numbers',
    clause: 'spec: Input cells; 三(三)',
    input: { kind: 'rows', rows: [{ unit: '托里县', values: { A1: '45', A2: '４５' } }] },
    // arithmetic: '45' → 45; '４５' → 45; 45 + 45 = 90 → 优秀.
    expect: { 托里县: { score: 90, items: { A1: 45, A2: 45 }, grade: '优秀' } },
  },
  {
    name: 'a 扣分 column (written positive, as offices do) lowers the total; the total stays within 0–100',
    clause: '四(一) 日常考核 (核减或核加相应考核项目分数); 三(三)',
    input: { kind: 'rows', rows: [{ unit: '地区财政局', values: { A1: 92, 日常考核扣分: 2.5 } }] },
    // arithmetic: 92 − 2.5 = 89.5 → 80 ≤ 89.5 < 90 → 良好. (Reading: a 扣分 column's points subtract.)
    expect: { 地区财政局: { score: 89.5, items: { A1: 92, 日常考核扣分: -2.5 }, grade: '良好' } },
  },
  {
    name: 'an empty cell adds nothing to the sum',
    clause: 'spec: Input cells (empty cell = nothing entered); 三(三)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '地区教育局', values: { A1: 50, A2: 30 } },
        { unit: '地区卫健委', values: { A1: 50, A2: null } },
        { unit: '地区民政局', values: { A1: '', A2: 62.5 } },
      ],
    },
    // arithmetic: 地区教育局 50 + 30 = 80 → 良好; 地区卫健委 50 + (nothing) = 50 → 不合格;
    //   地区民政局 (nothing) + 62.5 = 62.5 → 合格.
    expect: {
      地区教育局: { score: 80, grade: '良好' },
      地区卫健委: { score: 50, grade: '不合格' },
      地区民政局: { score: 62.5, grade: '合格' },
    },
  },
  {
    name: 'a total above 100 is an input error naming 总分',
    clause: '三(三) 百分制; spec tacheng2020: a total outside 0–100 is an input error',
    input: { kind: 'rows', rows: [{ unit: '塔城市', values: { A1: 60, A2: 40.5 } }] },
    // arithmetic: 60 + 40.5 = 100.5 > 100 → refused, naming 总分.
    error: { item: '总分' },
  },
  {
    name: 'a total of 100.01 is already outside 0–100',
    clause: '三(三) 百分制; spec tacheng2020',
    input: {
      kind: 'rows',
      rows: [
        { unit: '额敏县', values: { A1: 45, A2: 45 } },
        { unit: '沙湾县', values: { A1: 50.01, A2: 50 } },
      ],
    },
    // arithmetic: 额敏县 45 + 45 = 90 is fine, but 沙湾县 50.01 + 50 = 100.01 > 100 → the batch is refused, naming 总分.
    error: { item: '总分' },
  },
  {
    name: 'a total below 0 is an input error naming 总分',
    clause: '三(三) 百分制; spec tacheng2020',
    input: { kind: 'rows', rows: [{ unit: '裕民县', values: { A1: 10, 日常考核扣分: 12.5 } }] },
    // arithmetic: 10 − 12.5 = −2.5 < 0 → refused, naming 总分.
    error: { item: '总分' },
  },
  {
    name: 'text that is not a number in an item column is an input error naming the column',
    clause: 'spec: Input cells (other text is an input error, never 0)',
    input: { kind: 'rows', rows: [{ unit: '乌苏市', values: { A1: 45, A2: '良好' } }] },
    // arithmetic: none — '良好' is not a number; it is not read as 0.
    error: { item: 'A2', value: '良好' },
  },
];
