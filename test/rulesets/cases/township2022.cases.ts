/**
 * Hand-worked cases for `township2022` (XX县乡镇便民服务中心标准化等级评定工作方案, 2022, with its
 * 附件《乡镇综合便民服务中心等级评定评分表》). Worked out from ../../../../shared/regulations/township2022*.md
 * and ../../../../shared/spec/rulesets.md only, never from the program's output.
 *
 * Item 分值 (评分表, reconstructed table; 9 + 4 + 45 + 17 + 22 + 3 = 100):
 *   1.1 3 · 1.2 2 · 1.3 2 · 1.4 2 · 2.1 2 · 2.2 2 · 3.1 4 · 3.2 2 · 3.3 4 · 3.4 1 · 3.5 3 · 3.6 5 · 3.7 1
 *   3.8 4 · 3.9 2 · 3.10 2 · 3.11 5 · 3.12 1 · 3.13 1 · 3.14 5 · 3.15 5 · 4.1 1 · 4.2 3 · 4.3 2 · 4.4 3
 *   4.5 5 · 4.6 3 · 5.1 1 · 5.2 3 · 5.3 2 · 5.4 3 · 5.5 2 · 5.6 3 · 5.7 2 · 5.8 4 · 5.9 2 · 6.1 3
 * Steps per finding: 1.2 0.5 · 1.3 2 · 2.1 0.5 · 2.2 1 · 3.2 0.5 · 3.4 0.2 · 3.5 1 · 3.6 0.5 · 3.7 0.2
 *   3.8 0.2 · 3.10 0.5 · 3.11 0.5 · 3.12 0.1 · 3.13 0.1 · 3.14 1 · 3.15 1 · 4.1 0.5 · 4.2 0.5 · 4.3 2
 *   4.4 1 · 4.5 1 · 5.8 0.5; 1.4.missing/unexecuted 0.5/0.5; 3.3.late/overdue 0.3/1;
 *   5.2.discipline/late/absent/video/closed 0.5/0.5/1/2/2; 5.5.sensitive/review 0.5/1;
 *   5.9.issue 0.5 (at most 2 in all), 5.9.nosystem flag 1.
 *
 * Most cases start from PERFECT (every item at its 分值: counts 0, judged items at 分值, rates 100%,
 * 3.1 rank 1, flags 5.7 and 6.1 set, 5.9.nosystem not set), which scores 100, and change a few cells;
 * so a unit's score is 100 − Σ (分值 − points) over the changed items.
 *
 * Readings chosen where the spec is silent (a careful clerk's reading):
 *  - An empty count cell is "nothing entered" = no findings: the item keeps its 分值.
 *  - An empty flag cell (5.7, 6.1, 5.9.nosystem) is "not set": 5.7/6.1 earn 0, 5.9.nosystem deducts nothing.
 *  - A negative judged points cell (1.1, 4.6, 5.1, 5.6) is an input error naming the item (judged
 *    points run 0–分值; only "beyond 分值" is clipped with a check).
 *  - 3.1 as a rank must be a whole number ≥ 1: 0 or 2.5 is an input error naming 3.1.
 *    `3.1.volume` is a count (whole number ≥ 0): a negative volume is an input error naming 3.1.volume.
 *  - A rank given directly in 3.1 is taken as given, even if several units give the same rank.
 *  - Levels (四(一)) go by the competition rank of the total (RANK.EQ descending): every unit whose
 *    rank is 1–2 is 一等, 3–6 二等, 7–11 三等, so a tie straddling a boundary takes the better
 *    level for the whole tied group (three units tied at ranks 1, 2, 2 are all 一等). 通报批评
 *    (`criticized`) lowers only the criticized unit; nobody moves up to fill its place, and the
 *    rank (and score) of the criticized unit does not change.
 *  - Sub-counter errors name the sub-counter's column code (e.g. 5.2.absent).
 */
import type { CaseCell, CaseUnitRow, RulesetCase } from '../case-types';

/** Every item at its 分值 (score 100). */
const PERFECT: Record<string, CaseCell> = {
  '1.1': 3,
  '1.2': 0,
  '1.3': 0,
  '1.4.missing': 0,
  '1.4.unexecuted': 0,
  '2.1': 0,
  '2.2': 0,
  '3.1': 1,
  '3.2': 0,
  '3.3.late': 0,
  '3.3.overdue': 0,
  '3.4': 0,
  '3.5': 0,
  '3.6': 0,
  '3.7': 0,
  '3.8': 0,
  '3.9': 100,
  '3.10': 0,
  '3.11': 0,
  '3.12': 0,
  '3.13': 0,
  '3.14': 0,
  '3.15': 0,
  '4.1': 0,
  '4.2': 0,
  '4.3': 0,
  '4.4': 0,
  '4.5': 0,
  '4.6': 3,
  '5.1': 1,
  '5.2.discipline': 0,
  '5.2.late': 0,
  '5.2.absent': 0,
  '5.2.video': 0,
  '5.2.closed': 0,
  '5.3': 100,
  '5.4': 100,
  '5.5.sensitive': 0,
  '5.5.review': 0,
  '5.6': 3,
  '5.7': '是',
  '5.8': 0,
  '5.9.issue': 0,
  '5.9.nosystem': '否',
  '6.1': '是',
};

/** A unit row: PERFECT with some cells changed and some columns left out. */
function u(
  unit: string,
  over: Record<string, CaseCell> = {},
  opts: { criticized?: boolean; omit?: string[] } = {},
): CaseUnitRow {
  const values: Record<string, CaseCell> = { ...PERFECT, ...over };
  for (const code of opts.omit ?? []) delete values[code];
  const row: CaseUnitRow = { unit, values };
  if (opts.criticized !== undefined) row.criticized = opts.criticized;
  return row;
}

/** A single-unit batch that must fail naming `item`. */
function bad(name: string, over: Record<string, CaseCell>, item: string, value?: string): RulesetCase {
  return {
    name,
    clause: '输入规则 (spec: Input cells) · 评分表 ' + item.split('.').slice(0, 2).join('.'),
    input: { kind: 'rows', rows: [u('某镇', over)] },
    error: value === undefined ? { item } : { item, value },
  };
}

/** 13 units, 3.6 findings 0…10 then 3.11 findings on top: totals 100, 99.5, …, 94 (all different). */
function thirteen(criticized: string[] = []): CaseUnitRow[] {
  const spec: Array<[string, Record<string, CaseCell>]> = [
    ['镇07', { '3.6': 6 }],
    ['镇01', {}],
    ['镇13', { '3.6': 10, '3.11': 2 }],
    ['镇04', { '3.6': 3 }],
    ['镇10', { '3.6': 9 }],
    ['镇02', { '3.6': 1 }],
    ['镇12', { '3.6': 10, '3.11': 1 }],
    ['镇05', { '3.6': 4 }],
    ['镇08', { '3.6': 7 }],
    ['镇03', { '3.6': 2 }],
    ['镇11', { '3.6': 10 }],
    ['镇06', { '3.6': 5 }],
    ['镇09', { '3.6': 8 }],
  ];
  return spec.map(([name, over]) =>
    u(name, over, criticized.length ? { criticized: criticized.includes(name) } : {}),
  );
}

/** 14 units with ties at ranks 2, 6 and 11 (3.6 findings 0,1,1,2,3,4,4,5,6,7,8,8,9,10). */
function fourteenTied(criticized: string[] = []): CaseUnitRow[] {
  const counts: Array<[string, number]> = [
    ['乡14', 10],
    ['乡03', 1],
    ['乡12', 8],
    ['乡01', 0],
    ['乡07', 4],
    ['乡09', 6],
    ['乡02', 1],
    ['乡13', 9],
    ['乡05', 3],
    ['乡11', 8],
    ['乡04', 2],
    ['乡10', 7],
    ['乡06', 4],
    ['乡08', 5],
  ];
  return counts.map(([name, n]) =>
    u(name, { '3.6': n }, criticized.length ? { criticized: criticized.includes(name) } : {}),
  );
}

/** 22 units, 3.1 from 3.1.volume: 乡镇01 has 2200, 乡镇02 2100, …, 乡镇22 100 (listed last first). */
function twentyTwoByVolume(): CaseUnitRow[] {
  const rows: CaseUnitRow[] = [];
  for (let i = 22; i >= 1; i--) {
    const name = '乡镇' + String(i).padStart(2, '0');
    rows.push(u(name, { '3.1.volume': 2300 - 100 * i }, { omit: ['3.1'] }));
  }
  return rows;
}

export const cases: RulesetCase[] = [
  // ───────────────────────── a perfect unit ─────────────────────────
  {
    name: 'perfect unit scores 100: every item at its 分值',
    clause: '附件评分表 1.1–6.1 (分值合计100); 四(一) 按总得分排名 (one unit alone: no level yet)',
    input: { kind: 'rows', rows: [u('满分镇')] },
    // arithmetic: 场所规范建设 3+2+2+2 = 9; 硬件设施 2+2 = 4;
    //   服务标准化 4+2+4+1+3+5+1+4+2+2+5+1+1+5+5 = 45; 服务规范化 1+3+2+3+5+3 = 17;
    //   日常管理 1+3+2+3+2+3+2+4+2 = 22; 工作创新 3.  9+4+45+17+22+3 = 100.
    //   Alone in its batch it is rank 1 of 1: 四(一) ranks a township among the others (前两名 一等),
    //   so one alone gets no level and no result points until scored with the rest (a finding says so).
    expect: {
      满分镇: {
        score: 100,
        items: {
          '1.1': 3, '1.2': 2, '1.3': 2, '1.4': 2, '2.1': 2, '2.2': 2,
          '3.1': 4, '3.2': 2, '3.3': 4, '3.4': 1, '3.5': 3, '3.6': 5, '3.7': 1, '3.8': 4, '3.9': 2,
          '3.10': 2, '3.11': 5, '3.12': 1, '3.13': 1, '3.14': 5, '3.15': 5,
          '4.1': 1, '4.2': 3, '4.3': 2, '4.4': 3, '4.5': 5, '4.6': 3,
          '5.1': 1, '5.2': 3, '5.3': 2, '5.4': 3, '5.5': 2, '5.6': 3, '5.7': 2, '5.8': 4, '5.9': 2,
          '6.1': 3,
        },
        rank: 1,
        level: null,
        result: null,
      },
    },
  },
  {
    name: 'perfect unit with other input forms: rate 1 is a fraction (100%), flags TRUE/1/√, empty nosystem flag',
    clause: '输入规则 (rates, flags); 评分表 3.9, 5.3, 5.4, 5.7, 5.9, 6.1',
    input: {
      kind: 'rows',
      rows: [
        u('分数镇', { '3.9': 1, '5.3': 1, '5.4': 1, '5.7': true, '6.1': 1, '5.9.nosystem': false }),
        u('文本镇', { '3.9': '100%', '5.3': '100%', '5.4': '100%', '5.7': 'TRUE', '6.1': '√', '5.9.nosystem': '×' }),
        u('空标志镇', { '5.9.nosystem': null }),
      ],
    },
    // arithmetic: 1 lies in [0,1] → fraction → 100% (not 1%): 3.9 = 2, 5.3 = 2, 5.4 = 3.
    //   '100%' → 100%. TRUE / 1 / √ set the flag: 5.7 = 2, 6.1 = 3. nosystem FALSE / × / empty → no −1: 5.9 = 2.
    //   Every item at 分值 → 100 for all three.
    expect: {
      分数镇: { score: 100, items: { '3.9': 2, '5.3': 2, '5.4': 3, '5.7': 2, '6.1': 3, '5.9': 2 } },
      文本镇: { score: 100, items: { '3.9': 2, '5.3': 2, '5.4': 3, '5.7': 2, '6.1': 3, '5.9': 2 } },
      空标志镇: { score: 100, items: { '5.9': 2 } },
    },
  },

  // ───────────────────────── judged items ─────────────────────────
  {
    name: 'judged items 1.1, 4.6, 5.1, 5.6 count as entered (numbers stored as text too)',
    clause: '评分表 1.1 规范场所建设, 4.6 人员审核, 5.1 着装, 5.6 人员变动 (由评定人员直接给分)',
    input: { kind: 'rows', rows: [u('评分镇', { '1.1': 2.5, '4.6': 0, '5.1': '0.5', '5.6': 3 })] },
    // arithmetic: 1.1 = 2.5 (3 − 0.5 lost); 4.6 = 0 (3 lost); 5.1 = '0.5' → 0.5 (1 − 0.5 = 0.5 lost); 5.6 = 3.
    //   score = 100 − 0.5 − 3 − 0.5 − 0 = 96.
    expect: { 评分镇: { score: 96, items: { '1.1': 2.5, '4.6': 0, '5.1': 0.5, '5.6': 3 } } },
  },
  {
    name: 'judged item left empty is not scored: 0 points and a check',
    clause: '评分表 1.1, 4.6 (由评定人员直接给分); spec township2022: empty means not scored',
    input: {
      kind: 'rows',
      rows: [u('漏评镇', { '1.1': null }), u('空串镇', { '4.6': '' }), u('两空镇', { '5.1': null, '5.6': '' })],
    },
    // arithmetic: 漏评镇 1.1 empty → 0 points: 100 − 3 = 97, check on 1.1.
    //   空串镇 4.6 '' → 0: 100 − 3 = 97, check on 4.6.
    //   两空镇 5.1 and 5.6 empty → 0 and 0: 100 − 1 − 3 = 96, checks on 5.1 and 5.6.
    expect: {
      漏评镇: { score: 97, items: { '1.1': 0 }, checks: ['1.1'] },
      空串镇: { score: 97, items: { '4.6': 0 }, checks: ['4.6'] },
      两空镇: { score: 96, items: { '5.1': 0, '5.6': 0 }, checks: ['5.1', '5.6'] },
    },
  },
  {
    name: 'judged item beyond its 分值 is applied at 分值 with a check',
    clause: '评分表 1.1 (分值3), 4.6 (3), 5.1 (1), 5.6 (3)',
    input: {
      kind: 'rows',
      rows: [u('超分镇', { '1.1': 5, '5.1': 2 }), u('超分乡', { '4.6': 3.5, '5.6': 4 })],
    },
    // arithmetic: 超分镇 1.1 = min(5, 3) = 3, 5.1 = min(2, 1) = 1 → all at 分值 → 100; checks 1.1, 5.1.
    //   超分乡 4.6 = min(3.5, 3) = 3, 5.6 = min(4, 3) = 3 → 100; checks 4.6, 5.6.
    expect: {
      超分镇: { score: 100, items: { '1.1': 3, '5.1': 1 }, checks: ['1.1', '5.1'] },
      超分乡: { score: 100, items: { '4.6': 3, '5.6': 3 }, checks: ['4.6', '5.6'] },
    },
  },

  // ───────────────────────── single counters ─────────────────────────
  {
    name: 'single counters, 场所/硬件/服务标准化 part 1: 分值 − count × step',
    clause: '评分表 1.2, 1.3, 2.1, 2.2, 3.2, 3.4, 3.5, 3.6, 3.7, 3.8',
    input: {
      kind: 'rows',
      rows: [
        u('1.2×3', { '1.2': 3 }),
        u('1.3×1', { '1.3': 1 }),
        u('2.1×2', { '2.1': 2 }),
        u('2.2×1', { '2.2': 1 }),
        u('3.2×1', { '3.2': 1 }),
        u('3.4×3', { '3.4': 3 }),
        u('3.5×2', { '3.5': 2 }),
        u('3.6×7', { '3.6': 7 }),
        u('3.7×4', { '3.7': 4 }),
        u('3.8×7', { '3.8': 7 }),
      ],
    },
    // arithmetic:
    //   1.2: 2 − 0.5×3 = 0.5 → 100 − 1.5 = 98.5
    //   1.3: 2 − 2×1 = 0 → 100 − 2 = 98
    //   2.1: 2 − 0.5×2 = 1 → 99
    //   2.2: 2 − 1×1 = 1 → 99
    //   3.2: 2 − 0.5×1 = 1.5 → 99.5
    //   3.4: 1 − 0.2×3 = 0.4 → 100 − 0.6 = 99.4
    //   3.5: 3 − 1×2 = 1 → 98
    //   3.6: 5 − 0.5×7 = 1.5 → 100 − 3.5 = 96.5
    //   3.7: 1 − 0.2×4 = 0.2 → 100 − 0.8 = 99.2
    //   3.8: 4 − 0.2×7 = 2.6 → 100 − 1.4 = 98.6
    expect: {
      '1.2×3': { score: 98.5, items: { '1.2': 0.5 } },
      '1.3×1': { score: 98, items: { '1.3': 0 } },
      '2.1×2': { score: 99, items: { '2.1': 1 } },
      '2.2×1': { score: 99, items: { '2.2': 1 } },
      '3.2×1': { score: 99.5, items: { '3.2': 1.5 } },
      '3.4×3': { score: 99.4, items: { '3.4': 0.4 } },
      '3.5×2': { score: 98, items: { '3.5': 1 } },
      '3.6×7': { score: 96.5, items: { '3.6': 1.5 } },
      '3.7×4': { score: 99.2, items: { '3.7': 0.2 } },
      '3.8×7': { score: 98.6, items: { '3.8': 2.6 } },
    },
  },
  {
    name: 'single counters, 服务标准化 part 2 / 服务规范化 / 业务考核: 分值 − count × step',
    clause: '评分表 3.10, 3.11, 3.12, 3.13, 3.14, 3.15, 4.1, 4.2, 4.3, 4.4, 4.5, 5.8',
    input: {
      kind: 'rows',
      rows: [
        u('3.10×3', { '3.10': 3 }),
        u('3.11×3', { '3.11': 3 }),
        u('3.12×3', { '3.12': 3 }),
        u('3.13×7', { '3.13': 7 }),
        u('3.14×2', { '3.14': 2 }),
        u('3.15×4', { '3.15': 4 }),
        u('4.1×1', { '4.1': 1 }),
        u('4.2×5', { '4.2': 5 }),
        u('4.3×1', { '4.3': 1 }),
        u('4.4×2', { '4.4': 2 }),
        u('4.5×3', { '4.5': 3 }),
        u('5.8×3', { '5.8': 3 }),
      ],
    },
    // arithmetic:
    //   3.10: 2 − 0.5×3 = 0.5 → 100 − 1.5 = 98.5
    //   3.11: 5 − 0.5×3 = 3.5 → 98.5
    //   3.12: 1 − 0.1×3 = 0.7 → 99.7
    //   3.13: 1 − 0.1×7 = 0.3 → 99.3
    //   3.14: 5 − 1×2 = 3 → 98
    //   3.15: 5 − 1×4 = 1 → 96
    //   4.1: 1 − 0.5×1 = 0.5 → 99.5
    //   4.2: 3 − 0.5×5 = 0.5 → 97.5
    //   4.3: 2 − 2×1 = 0 → 98
    //   4.4: 3 − 1×2 = 1 → 98
    //   4.5: 5 − 1×3 = 2 → 97
    //   5.8: 4 − 0.5×3 = 2.5 → 98.5
    expect: {
      '3.10×3': { score: 98.5, items: { '3.10': 0.5 } },
      '3.11×3': { score: 98.5, items: { '3.11': 3.5 } },
      '3.12×3': { score: 99.7, items: { '3.12': 0.7 } },
      '3.13×7': { score: 99.3, items: { '3.13': 0.3 } },
      '3.14×2': { score: 98, items: { '3.14': 3 } },
      '3.15×4': { score: 96, items: { '3.15': 1 } },
      '4.1×1': { score: 99.5, items: { '4.1': 0.5 } },
      '4.2×5': { score: 97.5, items: { '4.2': 0.5 } },
      '4.3×1': { score: 98, items: { '4.3': 0 } },
      '4.4×2': { score: 98, items: { '4.4': 1 } },
      '4.5×3': { score: 97, items: { '4.5': 2 } },
      '5.8×3': { score: 98.5, items: { '5.8': 2.5 } },
    },
  },
  {
    name: 'several small deductions on one unit add up exactly',
    clause: '评分表 1.2, 3.3, 3.4, 3.7, 3.8, 3.12, 3.13; spec: exact decimals',
    input: {
      kind: 'rows',
      rows: [
        u('小扣镇', { '1.2': 1, '3.4': 1, '3.8': 3, '3.12': 2, '3.13': 1 }),
        u('零点镇', { '3.3.late': 1, '3.7': 1, '3.4': 1 }),
      ],
    },
    // arithmetic: 小扣镇 1.2 = 2 − 0.5 = 1.5; 3.4 = 1 − 0.2 = 0.8; 3.8 = 4 − 0.2×3 = 3.4;
    //   3.12 = 1 − 0.1×2 = 0.8; 3.13 = 1 − 0.1 = 0.9.
    //   lost 0.5 + 0.2 + 0.6 + 0.2 + 0.1 = 1.6 → score 100 − 1.6 = 98.4.
    //   零点镇 3.3 = 4 − 0.3 = 3.7; 3.7 = 1 − 0.2 = 0.8; 3.4 = 0.8.
    //   lost 0.3 + 0.2 + 0.2 = 0.7 → 99.3.
    expect: {
      小扣镇: { score: 98.4, items: { '1.2': 1.5, '3.4': 0.8, '3.8': 3.4, '3.12': 0.8, '3.13': 0.9 } },
      零点镇: { score: 99.3, items: { '3.3': 3.7, '3.7': 0.8, '3.4': 0.8 } },
    },
  },
  {
    name: 'floor at 0: an item never goes below 0 and never takes points from another item',
    clause: '评分表 3.11 (直至扣完本项得分) and every counter item; spec: never below 0',
    input: {
      kind: 'rows',
      rows: [
        u('3.11×20', { '3.11': 20 }),
        u('1.3×2', { '1.3': 2 }),
        u('4.3×3', { '4.3': 3 }),
        u('3.12×15', { '3.12': 15 }),
        u('3.13×10', { '3.13': 10 }),
        u('1.2×4', { '1.2': 4 }),
        u('3.8×25', { '3.8': 25 }),
        u('5.8×9', { '5.8': 9 }),
        u('4.5×6', { '4.5': 6 }),
        u('两项扣完', { '3.11': 20, '4.5': 6 }),
      ],
    },
    // arithmetic:
    //   3.11: 5 − 0.5×20 = −5 → 0 → 100 − 5 = 95
    //   1.3: 2 − 2×2 = −2 → 0 → 98
    //   4.3: 2 − 2×3 = −4 → 0 → 98
    //   3.12: 1 − 0.1×15 = −0.5 → 0 → 99
    //   3.13: 1 − 0.1×10 = 0 exactly → 99
    //   1.2: 2 − 0.5×4 = 0 exactly → 98
    //   3.8: 4 − 0.2×25 = −1 → 0 → 96
    //   5.8: 4 − 0.5×9 = −0.5 → 0 → 96
    //   4.5: 5 − 1×6 = −1 → 0 → 95
    //   两项扣完: 3.11 → 0 and 4.5 → 0: 100 − 5 − 5 = 90 (not 100 − 10 − 6 = 84)
    expect: {
      '3.11×20': { score: 95, items: { '3.11': 0 } },
      '1.3×2': { score: 98, items: { '1.3': 0 } },
      '4.3×3': { score: 98, items: { '4.3': 0 } },
      '3.12×15': { score: 99, items: { '3.12': 0 } },
      '3.13×10': { score: 99, items: { '3.13': 0 } },
      '1.2×4': { score: 98, items: { '1.2': 0 } },
      '3.8×25': { score: 96, items: { '3.8': 0 } },
      '5.8×9': { score: 96, items: { '5.8': 0 } },
      '4.5×6': { score: 95, items: { '4.5': 0 } },
      两项扣完: { score: 90, items: { '3.11': 0, '4.5': 0 } },
    },
  },

  // ───────────────────────── multi-counter items ─────────────────────────
  {
    name: '1.4 中心制度建设: missing and unexecuted systems, 0.5 each, floor 0',
    clause: '评分表 1.4 (少一个制度扣0.5分；一个制度未执行扣0.5分)',
    input: {
      kind: 'rows',
      rows: [
        u('缺2未执1', { '1.4.missing': 2, '1.4.unexecuted': 1 }),
        u('缺1', { '1.4.missing': 1 }),
        u('未执4', { '1.4.unexecuted': 4 }),
        u('缺3未执2', { '1.4.missing': 3, '1.4.unexecuted': 2 }),
      ],
    },
    // arithmetic: 缺2未执1: 2 − 0.5×2 − 0.5×1 = 0.5 → 100 − 1.5 = 98.5
    //   缺1: 2 − 0.5 = 1.5 → 99.5
    //   未执4: 2 − 0.5×4 = 0 → 98
    //   缺3未执2: 2 − 1.5 − 1 = −0.5 → 0 → 98
    expect: {
      缺2未执1: { score: 98.5, items: { '1.4': 0.5 } },
      缺1: { score: 99.5, items: { '1.4': 1.5 } },
      未执4: { score: 98, items: { '1.4': 0 } },
      缺3未执2: { score: 98, items: { '1.4': 0 } },
    },
  },
  {
    name: '3.3 办件录入、办件预审: late entry 0.3, overdue 1, floor 0',
    clause: '评分表 3.3 (未及时录入每件扣0.3分；超期1件扣1分)',
    input: {
      kind: 'rows',
      rows: [
        u('迟3超1', { '3.3.late': 3, '3.3.overdue': 1 }),
        u('迟10', { '3.3.late': 10 }),
        u('超4', { '3.3.overdue': 4 }),
        u('迟10超2', { '3.3.late': 10, '3.3.overdue': 2 }),
        u('迟1', { '3.3.late': 1 }),
        u('迟2超3', { '3.3.late': 2, '3.3.overdue': 3 }),
      ],
    },
    // arithmetic: 迟3超1: 4 − 0.3×3 − 1×1 = 4 − 0.9 − 1 = 2.1 → 100 − 1.9 = 98.1
    //   迟10: 4 − 3 = 1 → 97
    //   超4: 4 − 4 = 0 → 96
    //   迟10超2: 4 − 3 − 2 = −1 → 0 → 96
    //   迟1: 4 − 0.3 = 3.7 → 99.7
    //   迟2超3: 4 − 0.6 − 3 = 0.4 → 100 − 3.6 = 96.4
    expect: {
      迟3超1: { score: 98.1, items: { '3.3': 2.1 } },
      迟10: { score: 97, items: { '3.3': 1 } },
      超4: { score: 96, items: { '3.3': 0 } },
      迟10超2: { score: 96, items: { '3.3': 0 } },
      迟1: { score: 99.7, items: { '3.3': 3.7 } },
      迟2超3: { score: 96.4, items: { '3.3': 0.4 } },
    },
  },
  {
    name: '5.2 工作纪律: five counters (0.5/0.5/1/2/2), floor 0',
    clause: '评分表 5.2 (违纪0.5、迟到早退0.5、缺席1、视频监控通报2、未正常办公2)',
    input: {
      kind: 'rows',
      rows: [
        u('纪迟缺各1', { '5.2.discipline': 1, '5.2.late': 1, '5.2.absent': 1 }),
        u('视频1', { '5.2.video': 1 }),
        u('闭门1违纪1', { '5.2.closed': 1, '5.2.discipline': 1 }),
        u('视频1闭门1', { '5.2.video': 1, '5.2.closed': 1 }),
        u('迟到2', { '5.2.late': 2 }),
        u('缺席3', { '5.2.absent': 3 }),
        u('违纪7', { '5.2.discipline': 7 }),
      ],
    },
    // arithmetic: 纪迟缺各1: 3 − 0.5 − 0.5 − 1 = 1 → 98
    //   视频1: 3 − 2 = 1 → 98
    //   闭门1违纪1: 3 − 2 − 0.5 = 0.5 → 97.5
    //   视频1闭门1: 3 − 2 − 2 = −1 → 0 → 97
    //   迟到2: 3 − 0.5×2 = 2 → 99
    //   缺席3: 3 − 1×3 = 0 → 97
    //   违纪7: 3 − 0.5×7 = −0.5 → 0 → 97
    expect: {
      纪迟缺各1: { score: 98, items: { '5.2': 1 } },
      视频1: { score: 98, items: { '5.2': 1 } },
      闭门1违纪1: { score: 97.5, items: { '5.2': 0.5 } },
      视频1闭门1: { score: 97, items: { '5.2': 0 } },
      迟到2: { score: 99, items: { '5.2': 2 } },
      缺席3: { score: 97, items: { '5.2': 0 } },
      违纪7: { score: 97, items: { '5.2': 0 } },
    },
  },
  {
    name: '5.5 敏感词审核及差评整改: sensitive 0.5, review 1, floor 0',
    clause: '评分表 5.5 (敏感词每件扣0.5分；差评核查整改每件每项扣1分，直至扣完本项目得分)',
    input: {
      kind: 'rows',
      rows: [
        u('敏1差1', { '5.5.sensitive': 1, '5.5.review': 1 }),
        u('敏3', { '5.5.sensitive': 3 }),
        u('差3', { '5.5.review': 3 }),
        u('敏4', { '5.5.sensitive': 4 }),
        u('差1', { '5.5.review': 1 }),
      ],
    },
    // arithmetic: 敏1差1: 2 − 0.5 − 1 = 0.5 → 98.5
    //   敏3: 2 − 1.5 = 0.5 → 98.5
    //   差3: 2 − 3 = −1 → 0 → 98
    //   敏4: 2 − 2 = 0 → 98
    //   差1: 2 − 1 = 1 → 99
    expect: {
      敏1差1: { score: 98.5, items: { '5.5': 0.5 } },
      敏3: { score: 98.5, items: { '5.5': 0.5 } },
      差3: { score: 98, items: { '5.5': 0 } },
      敏4: { score: 98, items: { '5.5': 0 } },
      差1: { score: 99, items: { '5.5': 1 } },
    },
  },
  {
    name: '5.9 服务特殊群体: issues 0.5 each capped at 2, no-system flag −1, item never below 0',
    clause: '评分表 5.9 (每发现一处扣0.5分，最高扣2分；未建立制度措施的扣1分)',
    input: {
      kind: 'rows',
      rows: [
        u('问题1', { '5.9.issue': 1 }),
        u('问题3', { '5.9.issue': 3 }),
        u('问题4', { '5.9.issue': 4 }),
        u('问题5', { '5.9.issue': 5 }),
        u('无制度是', { '5.9.nosystem': '是' }),
        u('无制度1', { '5.9.nosystem': 1 }),
        u('问题1无制度', { '5.9.issue': 1, '5.9.nosystem': '是' }),
        u('问题2无制度', { '5.9.issue': 2, '5.9.nosystem': true }),
        u('问题3无制度', { '5.9.issue': 3, '5.9.nosystem': '是' }),
        u('问题5无制度', { '5.9.issue': 5, '5.9.nosystem': '是' }),
      ],
    },
    // arithmetic: 问题1: 2 − 0.5 = 1.5 → 99.5
    //   问题3: 2 − 1.5 = 0.5 → 98.5
    //   问题4: 2 − min(2, 2) = 0 → 98
    //   问题5: issue deduction min(0.5×5 = 2.5, 2) = 2 → 2 − 2 = 0 → 98
    //   无制度是 / 无制度1: 2 − 1 = 1 → 99
    //   问题1无制度: 2 − 0.5 − 1 = 0.5 → 98.5
    //   问题2无制度: 2 − 1 − 1 = 0 → 98
    //   问题3无制度: 2 − 1.5 − 1 = −0.5 → 0 → 98
    //   问题5无制度: 2 − min(2.5, 2) − 1 = −1 → 0 → 98
    expect: {
      问题1: { score: 99.5, items: { '5.9': 1.5 } },
      问题3: { score: 98.5, items: { '5.9': 0.5 } },
      问题4: { score: 98, items: { '5.9': 0 } },
      问题5: { score: 98, items: { '5.9': 0 } },
      无制度是: { score: 99, items: { '5.9': 1 } },
      无制度1: { score: 99, items: { '5.9': 1 } },
      问题1无制度: { score: 98.5, items: { '5.9': 0.5 } },
      问题2无制度: { score: 98, items: { '5.9': 0 } },
      问题3无制度: { score: 98, items: { '5.9': 0 } },
      问题5无制度: { score: 98, items: { '5.9': 0 } },
    },
  },

  // ───────────────────────── 3.1 办件量排名 ─────────────────────────
  {
    name: '3.1 given as a rank: 4 − 0.2 × (rank − 1), at least 0.2 (ranks 1, 2, 3, 11, 20, 21, 25)',
    clause: '评分表 3.1 (第一名4分，第二名3.8分，第三名3.6分，以此类推，20名以后均得0.2分)',
    input: {
      kind: 'rows',
      rows: [
        u('第1名', { '3.1': 1 }),
        u('第2名', { '3.1': 2 }),
        u('第3名', { '3.1': 3 }),
        u('第11名', { '3.1': 11 }),
        u('第20名', { '3.1': 20 }),
        u('第21名', { '3.1': 21 }),
        u('第25名', { '3.1': 25 }),
      ],
    },
    // arithmetic: rank 1: 4 − 0.2×0 = 4 → 100
    //   rank 2: 4 − 0.2×1 = 3.8 → 99.8
    //   rank 3: 4 − 0.2×2 = 3.6 → 99.6
    //   rank 11: 4 − 0.2×10 = 2 → 98
    //   rank 20: 4 − 0.2×19 = 0.2 → 100 − 3.8 = 96.2
    //   rank 21: max(4 − 0.2×20 = 0, 0.2) = 0.2 → 96.2
    //   rank 25: max(4 − 0.2×24 = −0.8, 0.2) = 0.2 → 96.2
    expect: {
      第1名: { score: 100, items: { '3.1': 4 } },
      第2名: { score: 99.8, items: { '3.1': 3.8 } },
      第3名: { score: 99.6, items: { '3.1': 3.6 } },
      第11名: { score: 98, items: { '3.1': 2 } },
      第20名: { score: 96.2, items: { '3.1': 0.2 } },
      第21名: { score: 96.2, items: { '3.1': 0.2 } },
      第25名: { score: 96.2, items: { '3.1': 0.2 } },
    },
  },
  {
    name: '3.1 from 3.1.volume ranked across the batch; tied volumes share the better rank',
    clause: '评分表 3.1 (根据办件数量进行排名); spec: 3.1.volume, RANK.EQ',
    input: {
      kind: 'rows',
      rows: [
        u('丁镇', { '3.1.volume': 100 }, { omit: ['3.1'] }),
        u('甲镇', { '3.1.volume': 500 }, { omit: ['3.1'] }),
        u('丙镇', { '3.1.volume': 300 }, { omit: ['3.1'] }),
        u('戊镇', { '3.1.volume': 0 }, { omit: ['3.1'] }),
        u('乙镇', { '3.1.volume': 300 }, { omit: ['3.1'] }),
      ],
    },
    // arithmetic: volumes 500, 300, 300, 100, 0 → RANK.EQ descending 1, 2, 2, 4, 5.
    //   甲 4 − 0 = 4 → 100; 乙, 丙 4 − 0.2×1 = 3.8 → 99.8; 丁 4 − 0.2×3 = 3.4 → 99.4;
    //   戊 4 − 0.2×4 = 3.2 → 99.2.
    //   Totals 100, 99.8, 99.8, 99.4, 99.2 → total ranks 1, 2, 2, 4, 5.
    expect: {
      甲镇: { score: 100, items: { '3.1': 4 }, rank: 1 },
      乙镇: { score: 99.8, items: { '3.1': 3.8 }, rank: 2 },
      丙镇: { score: 99.8, items: { '3.1': 3.8 }, rank: 2 },
      丁镇: { score: 99.4, items: { '3.1': 3.4 }, rank: 4 },
      戊镇: { score: 99.2, items: { '3.1': 3.2 }, rank: 5 },
    },
  },
  {
    name: '3.1 from 3.1.volume over 22 units: ranks 20, 21, 22 all earn 0.2; levels over the batch',
    clause: '评分表 3.1 (20名以后均得0.2分); 四(一); 五.1',
    input: { kind: 'rows', rows: twentyTwoByVolume() },
    // arithmetic: 乡镇i has volume 2300 − 100i (2200, 2100, …, 100) → 3.1 rank i.
    //   3.1 = max(4 − 0.2(i − 1), 0.2); every other item at 分值 (96 points) → score = 96 + 3.1.
    //   乡镇01: 4 → 100; 乡镇02: 3.8 → 99.8; 乡镇06: 4 − 1 = 3 → 99; 乡镇07: 4 − 1.2 = 2.8 → 98.8;
    //   乡镇11: 4 − 2 = 2 → 98; 乡镇12: 4 − 2.2 = 1.8 → 97.8; 乡镇19: 4 − 3.6 = 0.4 → 96.4;
    //   乡镇20: 4 − 3.8 = 0.2 → 96.2; 乡镇21: max(0, 0.2) = 0.2 → 96.2; 乡镇22: max(−0.2, 0.2) = 0.2 → 96.2.
    //   Total ranks: i for i ≤ 20; 乡镇20, 21, 22 tie at 96.2 → rank 20.
    //   Levels: ranks 1–2 一等 (+5), 3–6 二等 (+3), 7–11 三等 (+2), 12 and below none.
    expect: {
      乡镇01: { score: 100, items: { '3.1': 4 }, rank: 1, level: '一等', result: 5 },
      乡镇02: { score: 99.8, items: { '3.1': 3.8 }, rank: 2, level: '一等', result: 5 },
      乡镇03: { score: 99.6, items: { '3.1': 3.6 }, rank: 3, level: '二等', result: 3 },
      乡镇06: { score: 99, items: { '3.1': 3 }, rank: 6, level: '二等', result: 3 },
      乡镇07: { score: 98.8, items: { '3.1': 2.8 }, rank: 7, level: '三等', result: 2 },
      乡镇11: { score: 98, items: { '3.1': 2 }, rank: 11, level: '三等', result: 2 },
      乡镇12: { score: 97.8, items: { '3.1': 1.8 }, rank: 12, level: null, result: null },
      乡镇19: { score: 96.4, items: { '3.1': 0.4 }, rank: 19, level: null, result: null },
      乡镇20: { score: 96.2, items: { '3.1': 0.2 }, rank: 20, level: null, result: null },
      乡镇21: { score: 96.2, items: { '3.1': 0.2 }, rank: 20, level: null, result: null },
      乡镇22: { score: 96.2, items: { '3.1': 0.2 }, rank: 20, level: null, result: null },
    },
  },

  // ───────────────────────── rates ─────────────────────────
  {
    name: '3.9 归档率: 2 − 0.2 per full percentage point below 100%, in all three input forms',
    clause: '评分表 3.9 (归档率100%，每低一个百分点扣0.2分); spec: rates as fraction / percent / text',
    input: {
      kind: 'rows',
      rows: [
        u('分数0.985', { '3.9': 0.985 }),
        u('百分98.5', { '3.9': 98.5 }),
        u('文本98.5%', { '3.9': '98.5%' }),
        u('97', { '3.9': 97 }),
        u('0.97', { '3.9': 0.97 }),
        u('95.2', { '3.9': 95.2 }),
        u('90', { '3.9': 90 }),
        u('89.5', { '3.9': 89.5 }),
        u('99.99', { '3.9': 99.99 }),
      ],
    },
    // arithmetic: 0.985 → 98.5%; 98.5 → 98.5%; '98.5%' → 98.5%: 1.5 points below → 1 full → 2 − 0.2 = 1.8 → 99.8
    //   97 and 0.97 → 97%: 3 below → 2 − 0.6 = 1.4 → 99.4
    //   95.2: 4.8 below → 4 full → 2 − 0.8 = 1.2 → 99.2
    //   90: 10 below → 2 − 2 = 0 → 98
    //   89.5: 10.5 below → 10 full → 0 → 98
    //   99.99: 0.01 below → 0 full → 2 → 100
    expect: {
      '分数0.985': { score: 99.8, items: { '3.9': 1.8 } },
      '百分98.5': { score: 99.8, items: { '3.9': 1.8 } },
      '文本98.5%': { score: 99.8, items: { '3.9': 1.8 } },
      '97': { score: 99.4, items: { '3.9': 1.4 } },
      '0.97': { score: 99.4, items: { '3.9': 1.4 } },
      '95.2': { score: 99.2, items: { '3.9': 1.2 } },
      '90': { score: 98, items: { '3.9': 0 } },
      '89.5': { score: 98, items: { '3.9': 0 } },
      '99.99': { score: 100, items: { '3.9': 2 } },
    },
  },
  {
    name: '5.3 非常满意率: 2 − 0.2 per full 0.01 percentage point below 100%, floor 0',
    clause: '评分表 5.3 (非常满意率100%为基数，每降低0.01个百分点扣0.2分，直至扣完本项目得分)',
    input: {
      kind: 'rows',
      rows: [
        u('99.95', { '5.3': 99.95 }),
        u('0.9995', { '5.3': 0.9995 }),
        u('99.95%', { '5.3': '99.95%' }),
        u('99.99', { '5.3': 99.99 }),
        u('99.98', { '5.3': 99.98 }),
        u('99.955', { '5.3': 99.955 }),
        u('99.991', { '5.3': 99.991 }),
        u('99.9', { '5.3': 99.9 }),
        u('95', { '5.3': 95 }),
      ],
    },
    // arithmetic: 99.95% (also 0.9995 and '99.95%'): 0.05 points below = 5 steps of 0.01 → 2 − 0.2×5 = 1 → 99
    //   99.99%: 1 step → 1.8 → 99.8
    //   99.98%: 2 steps → 2 − 0.4 = 1.6 → 99.6
    //   99.955%: 0.045 below → 4 full steps (4.5) → 2 − 0.8 = 1.2 → 99.2
    //   99.991%: 0.009 below → 0 full steps → 2 → 100
    //   99.9%: 10 steps → 2 − 2 = 0 → 98
    //   95%: 500 steps → 0 (floor) → 98
    expect: {
      '99.95': { score: 99, items: { '5.3': 1 } },
      '0.9995': { score: 99, items: { '5.3': 1 } },
      '99.95%': { score: 99, items: { '5.3': 1 } },
      '99.99': { score: 99.8, items: { '5.3': 1.8 } },
      '99.98': { score: 99.6, items: { '5.3': 1.6 } },
      '99.955': { score: 99.2, items: { '5.3': 1.2 } },
      '99.991': { score: 100, items: { '5.3': 2 } },
      '99.9': { score: 98, items: { '5.3': 0 } },
      '95': { score: 98, items: { '5.3': 0 } },
    },
  },
  {
    name: '5.4 主动评价率: 分值 3 (not the 2 of the text), 0.3 per full percentage point, floor 0',
    clause: '评分表 5.4 (分值3；原文“评价率100%得2分”与分值栏不一致，按分值3); 每低1个百分点扣0.3分',
    input: {
      kind: 'rows',
      rows: [
        u('100', { '5.4': 100 }),
        u('95.5', { '5.4': 95.5 }),
        u('0.93', { '5.4': 0.93 }),
        u('96%', { '5.4': '96%' }),
        u('99.99%', { '5.4': '99.99%' }),
        u('99', { '5.4': 99 }),
        u('90', { '5.4': 90 }),
        u('80', { '5.4': 80 }),
      ],
    },
    // arithmetic: 100%: 3 → 100
    //   95.5%: 4.5 below → 4 full → 3 − 1.2 = 1.8 → 98.8
    //   0.93 → 93%: 7 below → 3 − 2.1 = 0.9 → 97.9
    //   '96%': 4 below → 1.8 → 98.8
    //   '99.99%': 0 full → 3 → 100
    //   99%: 1 below → 2.7 → 99.7
    //   90%: 10 below → 3 − 3 = 0 → 97
    //   80%: 20 below → 3 − 6 → 0 → 97
    expect: {
      '100': { score: 100, items: { '5.4': 3 } },
      '95.5': { score: 98.8, items: { '5.4': 1.8 } },
      '0.93': { score: 97.9, items: { '5.4': 0.9 } },
      '96%': { score: 98.8, items: { '5.4': 1.8 } },
      '99.99%': { score: 100, items: { '5.4': 3 } },
      '99': { score: 99.7, items: { '5.4': 2.7 } },
      '90': { score: 97, items: { '5.4': 0 } },
      '80': { score: 97, items: { '5.4': 0 } },
    },
  },

  // ───────────────────────── flags ─────────────────────────
  {
    name: 'flags 5.7 and 6.1 in every accepted form; empty is not set',
    clause: '评分表 5.7 (考核等次为优秀得2分), 6.1 (创新工作得到认可并推广的得3分); spec: flags',
    input: {
      kind: 'rows',
      rows: [
        u('是是', { '5.7': '是', '6.1': '是' }),
        u('否否', { '5.7': '否', '6.1': '否' }),
        u('真真', { '5.7': true, '6.1': true }),
        u('假假', { '5.7': false, '6.1': false }),
        u('TRUE文本', { '5.7': 'TRUE', '6.1': 'FALSE' }),
        u('一零', { '5.7': 1, '6.1': 0 }),
        u('零一', { '5.7': 0, '6.1': 1 }),
        u('勾叉', { '5.7': '√', '6.1': '×' }),
        u('空空', { '5.7': null, '6.1': '' }),
      ],
    },
    // arithmetic: set → 5.7 = 2, 6.1 = 3; not set → 0.
    //   是是 / 真真: 2 + 3 → 100.  否否 / 假假 / 空空: 0 + 0 → 100 − 2 − 3 = 95.
    //   TRUE文本 / 一零 / 勾叉: 2 + 0 → 97.  零一: 0 + 3 → 98.
    expect: {
      是是: { score: 100, items: { '5.7': 2, '6.1': 3 } },
      否否: { score: 95, items: { '5.7': 0, '6.1': 0 } },
      真真: { score: 100, items: { '5.7': 2, '6.1': 3 } },
      假假: { score: 95, items: { '5.7': 0, '6.1': 0 } },
      TRUE文本: { score: 97, items: { '5.7': 2, '6.1': 0 } },
      一零: { score: 97, items: { '5.7': 2, '6.1': 0 } },
      零一: { score: 98, items: { '5.7': 0, '6.1': 3 } },
      勾叉: { score: 97, items: { '5.7': 2, '6.1': 0 } },
      空空: { score: 95, items: { '5.7': 0, '6.1': 0 } },
    },
  },

  // ───────────────────────── input coercion ─────────────────────────
  {
    name: 'numbers stored as text (also full-width) are read as numbers; empty counts are no findings',
    clause: '输入规则 (spec: Input cells); 评分表 3.6, 3.1, 5.2',
    input: {
      kind: 'rows',
      rows: [
        u('文本3', { '3.6': '3' }),
        u('全角3', { '3.6': '３' }),
        u('文本名次', { '3.1': '2' }),
        u('全角缺席', { '5.2.absent': '２' }),
        u('空计数', { '3.6': null, '3.8': '', '1.4.missing': null }),
      ],
    },
    // arithmetic: '3' and '３' → 3: 3.6 = 5 − 0.5×3 = 3.5 → 98.5
    //   '2' → rank 2: 3.1 = 3.8 → 99.8
    //   '２' → 2 absences: 5.2 = 3 − 1×2 = 1 → 98
    //   empty counts → no findings: 3.6 = 5, 3.8 = 4, 1.4 = 2 → 100
    expect: {
      文本3: { score: 98.5, items: { '3.6': 3.5 } },
      全角3: { score: 98.5, items: { '3.6': 3.5 } },
      文本名次: { score: 99.8, items: { '3.1': 3.8 } },
      全角缺席: { score: 98, items: { '5.2': 1 } },
      空计数: { score: 100, items: { '3.6': 5, '3.8': 4, '1.4': 2 } },
    },
  },

  // ───────────────────────── levels 四(一) and result 五.1 ─────────────────────────
  {
    name: 'levels over 13 units: ranks 1–2 一等, 3–6 二等, 7–11 三等, 12–13 none; result 5/3/2',
    clause: '四(一) 等级划分; 五.1 一等、二等、三等加5分、3分、2分',
    input: { kind: 'rows', rows: thirteen() },
    // arithmetic: 镇01 100; 镇02…镇11 lose 0.5 × (3.6 findings 1…10): 99.5, 99, 98.5, 98, 97.5, 97,
    //   96.5, 96, 95.5, 95; 镇12: 95 − 0.5 (3.11×1) = 94.5; 镇13: 95 − 1 (3.11×2) = 94.
    //   Ranks 1…13 in that order (rows are shuffled in the input).
    expect: {
      镇01: { score: 100, rank: 1, level: '一等', result: 5 },
      镇02: { score: 99.5, rank: 2, level: '一等', result: 5 },
      镇03: { score: 99, rank: 3, level: '二等', result: 3 },
      镇04: { score: 98.5, rank: 4, level: '二等', result: 3 },
      镇05: { score: 98, rank: 5, level: '二等', result: 3 },
      镇06: { score: 97.5, rank: 6, level: '二等', result: 3 },
      镇07: { score: 97, rank: 7, level: '三等', result: 2 },
      镇08: { score: 96.5, rank: 8, level: '三等', result: 2 },
      镇09: { score: 96, rank: 9, level: '三等', result: 2 },
      镇10: { score: 95.5, rank: 10, level: '三等', result: 2 },
      镇11: { score: 95, rank: 11, level: '三等', result: 2 },
      镇12: { score: 94.5, rank: 12, level: null, result: null },
      镇13: { score: 94, rank: 13, level: null, result: null },
    },
  },
  {
    name: 'criticized units drop one level (三等 → none); nobody else moves up; score and rank unchanged',
    clause: '四(一) (有上述情形的降低一个等级；三等有上述情形的不予评定等级); 五.1; 五.2',
    input: { kind: 'rows', rows: thirteen(['镇01', '镇03', '镇06', '镇07', '镇11', '镇12']) },
    // arithmetic: same totals and ranks as the 13-unit case.
    //   镇01 rank 1 一等 → 二等 (+3); 镇02 stays 一等 (+5); 镇03 rank 3 二等 → 三等 (+2), it does not move up;
    //   镇04, 镇05 二等 (+3); 镇06 二等 → 三等 (+2); 镇07 三等 → none; 镇08–镇10 三等 (+2);
    //   镇11 三等 → none; 镇12 none, criticized → still none; 镇13 none (does not move up to 三等).
    expect: {
      镇01: { score: 100, rank: 1, level: '二等', result: 3 },
      镇02: { score: 99.5, rank: 2, level: '一等', result: 5 },
      镇03: { score: 99, rank: 3, level: '三等', result: 2 },
      镇04: { score: 98.5, rank: 4, level: '二等', result: 3 },
      镇05: { score: 98, rank: 5, level: '二等', result: 3 },
      镇06: { score: 97.5, rank: 6, level: '三等', result: 2 },
      镇07: { score: 97, rank: 7, level: null, result: null },
      镇08: { score: 96.5, rank: 8, level: '三等', result: 2 },
      镇09: { score: 96, rank: 9, level: '三等', result: 2 },
      镇10: { score: 95.5, rank: 10, level: '三等', result: 2 },
      镇11: { score: 95, rank: 11, level: null, result: null },
      镇12: { score: 94.5, rank: 12, level: null, result: null },
      镇13: { score: 94, rank: 13, level: null, result: null },
    },
  },
  {
    name: 'ties share the better rank (RANK.EQ): tied at rank 2 both 一等, at 6 both 二等, at 11 both 三等',
    clause: '四(一) (按总得分排名); spec: Ranking (RANK.EQ descending); 五.1',
    input: { kind: 'rows', rows: fourteenTied() },
    // arithmetic: totals 100 − 0.5 × (3.6 findings):
    //   乡01 0 → 100; 乡02, 乡03 1 → 99.5; 乡04 2 → 99; 乡05 3 → 98.5; 乡06, 乡07 4 → 98; 乡08 5 → 97.5;
    //   乡09 6 → 97; 乡10 7 → 96.5; 乡11, 乡12 8 → 96; 乡13 9 → 95.5; 乡14 10 → 95.
    //   RANK.EQ: 1, 2, 2, 4, 5, 6, 6, 8, 9, 10, 11, 11, 13, 14.
    //   Levels by rank: ≤2 一等 (乡01–乡03), 3–6 二等 (乡04–乡07), 7–11 三等 (乡08–乡12), else none.
    expect: {
      乡01: { score: 100, rank: 1, level: '一等', result: 5 },
      乡02: { score: 99.5, rank: 2, level: '一等', result: 5 },
      乡03: { score: 99.5, rank: 2, level: '一等', result: 5 },
      乡04: { score: 99, rank: 4, level: '二等', result: 3 },
      乡05: { score: 98.5, rank: 5, level: '二等', result: 3 },
      乡06: { score: 98, rank: 6, level: '二等', result: 3 },
      乡07: { score: 98, rank: 6, level: '二等', result: 3 },
      乡08: { score: 97.5, rank: 8, level: '三等', result: 2 },
      乡09: { score: 97, rank: 9, level: '三等', result: 2 },
      乡10: { score: 96.5, rank: 10, level: '三等', result: 2 },
      乡11: { score: 96, rank: 11, level: '三等', result: 2 },
      乡12: { score: 96, rank: 11, level: '三等', result: 2 },
      乡13: { score: 95.5, rank: 13, level: null, result: null },
      乡14: { score: 95, rank: 14, level: null, result: null },
    },
  },
  {
    name: 'ties plus criticism: only the criticized member of a tied group drops',
    clause: '四(一); 五.1',
    input: { kind: 'rows', rows: fourteenTied(['乡03', '乡07', '乡12']) },
    // arithmetic: totals and ranks as in the tie case.
    //   乡03 (rank 2, 一等) criticized → 二等 (+3); its tie partner 乡02 stays 一等 (+5).
    //   乡07 (rank 6, 二等) criticized → 三等 (+2); 乡06 stays 二等 (+3).
    //   乡12 (rank 11, 三等) criticized → none; 乡11 stays 三等 (+2); 乡13 stays none.
    expect: {
      乡01: { rank: 1, level: '一等', result: 5 },
      乡02: { rank: 2, level: '一等', result: 5 },
      乡03: { score: 99.5, rank: 2, level: '二等', result: 3 },
      乡04: { rank: 4, level: '二等', result: 3 },
      乡06: { rank: 6, level: '二等', result: 3 },
      乡07: { score: 98, rank: 6, level: '三等', result: 2 },
      乡08: { rank: 8, level: '三等', result: 2 },
      乡11: { rank: 11, level: '三等', result: 2 },
      乡12: { score: 96, rank: 11, level: null, result: null },
      乡13: { rank: 13, level: null, result: null },
    },
  },
  {
    name: 'two units tied at the top: both rank 1 一等, the next is rank 3 and 二等',
    clause: '四(一) (前两名为一等，第三名至第六名为二等); spec: Ranking',
    input: {
      kind: 'rows',
      rows: [
        u('甲', {}),
        u('乙', {}),
        u('丙', { '3.6': 1 }),
        u('丁', { '3.6': 2 }),
        u('戊', { '3.6': 3 }),
        u('己', { '3.6': 4 }),
        u('庚', { '3.6': 5 }),
        u('辛', { '3.6': 6 }),
        u('壬', { '3.6': 7 }),
        u('癸', { '3.6': 8 }),
        u('子', { '3.6': 9 }),
        u('丑', { '3.6': 10 }),
      ],
    },
    // arithmetic: 甲, 乙 100 → rank 1; 丙 99.5 → rank 3; 丁 99 → 4; 戊 98.5 → 5; 己 98 → 6;
    //   庚 97.5 → 7; 辛 97 → 8; 壬 96.5 → 9; 癸 96 → 10; 子 95.5 → 11; 丑 95 → 12.
    //   一等: 甲, 乙; 二等: 丙–己 (ranks 3–6); 三等: 庚–子 (ranks 7–11); none: 丑.
    expect: {
      甲: { score: 100, rank: 1, level: '一等', result: 5 },
      乙: { score: 100, rank: 1, level: '一等', result: 5 },
      丙: { score: 99.5, rank: 3, level: '二等', result: 3 },
      己: { score: 98, rank: 6, level: '二等', result: 3 },
      庚: { score: 97.5, rank: 7, level: '三等', result: 2 },
      子: { score: 95.5, rank: 11, level: '三等', result: 2 },
      丑: { score: 95, rank: 12, level: null, result: null },
    },
  },

  // ───────────────────────── input errors ─────────────────────────
  // Each of these single-unit batches (PERFECT with one bad cell) must be refused, naming the item.
  // arithmetic: none — counts are whole numbers ≥ 0; −1 is not one.
  bad('negative count is an input error', { '3.6': -1 }, '3.6'),
  // arithmetic: none — 1.5 findings is not a whole number.
  bad('fraction where a count belongs is an input error', { '1.2': 1.5 }, '1.2', '1.5'),
  // arithmetic: none — −2 absences is not a count.
  bad('negative sub-counter is an input error naming the sub-counter', { '5.2.absent': -2 }, '5.2.absent'),
  // arithmetic: none — 0.5 lies in [0,1] but 5.9.issue is a count, not a rate.
  bad('fractional sub-counter is an input error', { '5.9.issue': 0.5 }, '5.9.issue', '0.5'),
  // arithmetic: none — 101 lies above (1,100]: 101% is impossible.
  bad('rate above 100% (percent number 101) is an input error', { '3.9': 101 }, '3.9', '101'),
  // arithmetic: none — 100.5% > 100%.
  bad('rate above 100% as text is an input error', { '5.3': '100.5%' }, '5.3', '100.5%'),
  // arithmetic: none — −5 is neither a fraction in [0,1] nor a percent in (1,100].
  bad('negative rate is an input error', { '5.4': -5 }, '5.4'),
  // arithmetic: none — '三处' is other text; it is not read as 0 (nor as 3).
  bad('text in a count cell is an input error, never 0', { '3.11': '三处' }, '3.11', '三处'),
  // arithmetic: none — '很高' is other text.
  bad('text in a rate cell is an input error', { '5.4': '很高' }, '5.4', '很高'),
  // arithmetic: none — '好' is other text in a points cell.
  bad('text in a judged cell is an input error', { '1.1': '好' }, '1.1', '好'),
  // arithmetic: none — judged points run 0–3; −1 is refused (reading, see top).
  bad('negative judged points are an input error', { '4.6': -1 }, '4.6'),
  // arithmetic: none — an Excel error value is never read as 0.
  bad('an Excel error value is an input error', { '3.8': '#N/A' }, '3.8', '#N/A'),
  // arithmetic: none — flags accept TRUE/FALSE, 1/0, 是/否, √/× only.
  bad('a flag that is neither yes nor no is an input error', { '6.1': '待定' }, '6.1', '待定'),
  // arithmetic: none — ranks start at 1 (reading, see top).
  bad('rank 0 is an input error', { '3.1': 0 }, '3.1'),
  // arithmetic: none — a rank is a whole number (reading, see top).
  bad('fractional rank is an input error', { '3.1': 2.5 }, '3.1', '2.5'),
  {
    name: 'negative 办件量 is an input error',
    clause: '输入规则 (spec: Input cells); 评分表 3.1',
    input: {
      kind: 'rows',
      rows: [
        u('甲镇', { '3.1.volume': 120 }, { omit: ['3.1'] }),
        u('乙镇', { '3.1.volume': -10 }, { omit: ['3.1'] }),
      ],
    },
    // arithmetic: none — the batch is refused because of 乙镇's volume.
    error: { item: '3.1.volume' },
  },
  {
    name: 'one bad cell in a batch refuses the batch',
    clause: '输入规则 (spec: Input cells); 评分表 4.4',
    input: { kind: 'rows', rows: [u('好镇'), u('坏镇', { '4.4': 'abc' })] },
    // arithmetic: none — 坏镇's 4.4 'abc' is other text in a count cell.
    error: { item: '4.4', value: 'abc' },
  },
];
