/**
 * The example workbooks (examples/*.xlsx, written by scripts/make-examples.mjs) scored by the built
 * CLI exactly as a user runs it, against the results worked out BY HAND in examples/EXPECTED.md
 * (the arithmetic for every unit, with its clause, is there). Exact equality: the literals below
 * are copied from EXPECTED.md, never from the program's output.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run';

const root = new URL('../../', import.meta.url).pathname;

interface UnitOut {
  unit: string;
  score: number;
  rank: number | null;
  grade: string | null;
  level: string | null;
  result: number | null;
  reward: number | null;
  flags: string[];
}

/** `node bin/assess.js score examples/<file> --rules <id> --format json [...]`, run from the repo root. */
async function score(file: string, rules: string, extra: string[] = []): Promise<UnitOut[]> {
  const args = ['score', `examples/${file}`, '--rules', rules, '--format', 'json', ...extra];
  const run = await runCli(args, { cwd: root });
  if (run.status !== 0) throw new Error(`assess ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  const out = JSON.parse(run.stdout) as { ruleset: string; units: UnitOut[] };
  expect(out.ruleset).toBe(rules);
  return out.units;
}

describe('examples/chengdu2006 (EXPECTED.md § chengdu2006)', () => {
  // [unit, score, rank over all 20 (RANK.EQ), level]; 优秀 at most floor(30% × tier) per 圈层 (第十一條(一)):
  // 第一圈 1, 第二圈 1, 第三圈 2; 崇州市 and 金堂县 tie at 80.5 across the 第三圈 line → 待定.
  const expected: Array<[string, number, number, string | null]> = [
    ['锦江区', 86.5, 5, null],
    ['青羊区', 87.5, 3, null],
    ['金牛区', 77.5, 15, null],
    ['武侯区', 91.5, 2, null],
    ['成华区', 74.5, 18, null],
    ['高新区', 93.5, 1, '优秀'],
    ['龙泉驿区', 79, 12, null],
    ['青白江区', 75.5, 17, null],
    ['新都区', 85, 7, null],
    ['温江区', 81, 8, null],
    ['双流区', 87.5, 3, '优秀'],
    ['郫都区', 71, 19, null],
    ['都江堰市', 85.5, 6, '优秀'],
    ['彭州市', 70, 20, null], // deductions 7 > bonus 6 → 6 (第十條(八))
    ['邛崃市', 78, 14, null],
    ['崇州市', 80.5, 9, '待定'],
    ['金堂县', 80.5, 9, '待定'],
    ['大邑县', 78.5, 13, null],
    ['蒲江县', 77, 16, null],
    ['新津区', 80, 11, null],
  ];

  for (const file of ['chengdu2006.xlsx', 'chengdu2006.csv']) {
    it(`${file}: every unit's score, rank and level`, async () => {
      const units = await score(file, 'chengdu2006');
      expect(units.map((u) => [u.unit, u.score, u.rank, u.level])).toEqual(expected);
      for (const u of units) expect([u.grade, u.result, u.reward]).toEqual([null, null, null]);
    });
  }
});

describe('examples/county2013 (EXPECTED.md § county2013)', () => {
  it('sheet 目标考核: Σ tasks (empty = full) + min(bonus, 10) − min(deductions, 10)', async () => {
    const units = await score('county2013.xlsx', 'county2013');
    expect(units.map((u) => [u.unit, u.score])).toEqual([
      ['城关区', 107],
      ['东城区', 104.5],
      ['临河县', 85],
      ['平山县', 93.5],
      ['青石县', 91.5],
      ['永安县', 107],
    ]);
    for (const u of units) expect([u.grade, u.level, u.result, u.reward]).toEqual([null, null, null, null]);
  });

  it('sheet 台账: 同一事项就高不就低, absent tasks are full marks', async () => {
    const units = await score('county2013.xlsx', 'county2013', ['--sheet', '台账']);
    expect(units.map((u) => [u.unit, u.score])).toEqual([
      ['城关区', 107],
      ['东城区', 108],
      ['临河县', 91],
      ['平山县', 95],
      ['青石县', 96],
      ['永安县', 107],
    ]);
  });
});

describe('examples/tacheng2020 (EXPECTED.md § tacheng2020)', () => {
  it('sum of the office\'s item columns; grades 优秀 ≥ 90, 良好 80–<90, 合格 60–<80, 不合格 < 60', async () => {
    const units = await score('tacheng2020.xlsx', 'tacheng2020');
    expect(units.map((u) => [u.unit, u.score, u.grade])).toEqual([
      ['塔城市', 94.5, '优秀'],
      ['乌苏市', 90, '优秀'],
      ['沙湾市', 89.5, '良好'],
      ['额敏县', 80, '良好'],
      ['托里县', 73.5, '合格'],
      ['裕民县', 60, '合格'],
      ['和布克赛尔蒙古自治县', 59.5, '不合格'],
    ]);
    for (const u of units) expect([u.level, u.result, u.reward]).toEqual([null, null, null]);
  });
});

describe('examples/govinfo (EXPECTED.md § govinfo)', () => {
  it('points − deductions, reward in yuan, thresholds on deductions (五(四))', async () => {
    const NO_CONTEST = '不得参评先进单位和先进个人';
    const CRITICIZE = '予以通报批评';
    const units = await score('govinfo.xlsx', 'govinfo');
    expect(units.map((u) => [u.unit, u.score, u.reward, u.flags.filter((f) => f === NO_CONTEST || f === CRITICIZE)])).toEqual([
      ['区发改局', 870, 1780, []],
      ['区教育局', 440, 580, []],
      ['区财政局', 205, 150, []],
      ['区人社局', 840, 1600, []],
      ['区住建局', 195, 110, [NO_CONTEST]], // deductions exactly 100 (含100分)
      ['区卫健委', -65, 110, [NO_CONTEST, CRITICIZE]], // deductions 260
      ['区市场监管局', 555, 820, []],
      ['区应急管理局', 180, 40, []],
    ]);
    for (const u of units) expect([u.grade, u.level, u.result]).toEqual([null, null, null]);
  });
});

describe('examples/township2022 (EXPECTED.md § township2022)', () => {
  it('every item, 3.1 from the "3.1.volume 办件量" column; ranks, levels and level points', async () => {
    const units = await score('township2022.xlsx', 'township2022');
    // [unit, score, rank, level, result]; 石桥镇 is rank 2 but 通报批评或曝光 → 二等 (四(一)).
    expect(units.map((u) => [u.unit, u.score, u.rank, u.level, u.result])).toEqual([
      ['城关镇', 97.1, 1, '一等', 5],
      ['石桥镇', 96.4, 2, '二等', 3],
      ['东关镇', 94.3, 3, '二等', 3],
      ['白沙镇', 92.6, 4, '二等', 3],
      ['西河镇', 91, 6, '二等', 3],
      ['青龙镇', 91.8, 5, '二等', 3],
      ['南山镇', 91, 6, '二等', 3],
      ['杨柳镇', 87, 8, '三等', 2],
      ['柳树乡', 86.9, 9, '三等', 2],
      ['北坪乡', 84.1, 10, '三等', 2],
      ['马家乡', 81.2, 11, '三等', 2],
    ]);
    for (const u of units) expect([u.grade, u.reward]).toEqual([null, null]);
  });
});
