/**
 * Issue 19 points 1 and 2: a unit is one unit however its name is written, and a 圈层 cell never
 * silently moves a unit the regulation places.
 *
 * Base data: examples/chengdu2006.csv, whose results are worked by hand in examples/EXPECTED.md
 * (chengdu2006 section) from ../shared/regulations/chengdu2006.md:
 *   第一圈 6 units (第四條) → 优秀 quota floor(30% × 6) = 1: 高新区 93.5 优秀; 武侯区 91.5 second, no level.
 *   第二圈 6 → 1: 双流区 87.5 优秀.
 *   第三圈 8 → 2: 都江堰市 85.5 优秀; 崇州市 and 金堂县 tie at 80.5 across the line → both 待定.
 *   Ranks (RANK.EQ over all 20): 高新区 1, 武侯区 2, 青羊区 3, 双流区 3, 锦江区 5, 都江堰市 6, 新都区 7,
 *   温江区 8, 崇州市 9, 金堂县 9, 新津区 11, 龙泉驿区 12, 大邑县 13, 邛崃市 14, 金牛区 15, 蒲江县 16,
 *   青白江区 17, 成华区 18, 郫都区 19, 彭州市 20.
 * Each case changes the CSV's rows in memory (the repo file is only read).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreBatch } from '../../src/core/batch';
import type { Cell } from '../../src/core/cells';
import { readUnits } from '../../src/core/input';
import type { BatchResult, Finding } from '../../src/core/result';
import { readSheets } from '../../src/core/sheets';
import { unitIdentity } from '../../src/core/text';
import { builtInRuleset } from '../../src/rulesets';

const chengdu = builtInRuleset('chengdu2006');

function exampleTable(): Cell[][] {
  const text = readFileSync(join(__dirname, '../../examples/chengdu2006.csv'), 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

const EXPECTED: Record<string, [number, number, string | null]> = {
  锦江区: [86.5, 5, null],
  青羊区: [87.5, 3, null],
  金牛区: [77.5, 15, null],
  武侯区: [91.5, 2, null],
  成华区: [74.5, 18, null],
  高新区: [93.5, 1, '优秀'],
  龙泉驿区: [79, 12, null],
  青白江区: [75.5, 17, null],
  新都区: [85, 7, null],
  温江区: [81, 8, null],
  双流区: [87.5, 3, '优秀'],
  郫都区: [71, 19, null],
  都江堰市: [85.5, 6, '优秀'],
  彭州市: [70, 20, null],
  邛崃市: [78, 14, null],
  崇州市: [80.5, 9, '待定'],
  金堂县: [80.5, 9, '待定'],
  大邑县: [78.5, 13, null],
  蒲江县: [77, 16, null],
  新津区: [80, 11, null],
};

function run(table: Cell[][]): BatchResult {
  return scoreBatch(chengdu, readUnits(chengdu, table));
}

function outcome(result: BatchResult): Record<string, [number, number | null, string | null]> {
  return Object.fromEntries(result.units.map((unit) => [unit.unit, [unit.score, unit.rank, unit.level]]));
}

function findingsOf(result: BatchResult, kind: Finding['kind']): Finding[] {
  return [...new Set(result.units.flatMap((unit) => unit.findings).filter((finding) => finding.kind === kind))];
}

describe('the base data scores as EXPECTED.md works it by hand', () => {
  it('20 units, 高新区 / 双流区 / 都江堰市 优秀, 崇州市 and 金堂县 待定', () => {
    expect(outcome(run(exampleTable()))).toEqual(EXPECTED);
  });
});

describe('unitIdentity: one key for every way a clerk or a copy-paste writes a name', () => {
  it('Traditional and Simplified, invisible and bidi characters, spaces and full width fold together', () => {
    const key = unitIdentity('锦江区');
    for (const spelling of ['錦江區', '锦江區', '锦江区\u200B', '\u202D锦江区\u202C', '锦\u2060江区', '\uFEFF锦江区', ' 锦 江 区\u3000', '锦江区\u00AD', '\u2066锦江区\u2069', '锦\u200D江\u200C区'])
      expect(unitIdentity(spelling), JSON.stringify(spelling)).toBe(key);
    for (const name of ['龙泉驿区', '青白江区', '温江区', '双流县', '邛崃市', '金堂县', '成华区'])
      expect(unitIdentity(name)).toBe(unitIdentity(name.replace('龙', '龍').replace('驿', '驛').replace('温', '溫').replace('双', '雙').replace('县', '縣').replace('崃', '崍').replace('华', '華')));
    expect(unitIdentity('Dept A')).toBe(unitIdentity('ＤＥＰＴ\u00A0a'));
    // Different units stay different.
    expect(unitIdentity('锦江区')).not.toBe(unitIdentity('青羊区'));
    expect(unitIdentity('新津县')).not.toBe(unitIdentity('新津区'));
  });
});

describe('a unit listed twice under another spelling is the duplicate-unit finding, counted once (issue 19.1)', () => {
  const jinjiang = exampleTable()[1];

  // Before the fix each spelling was a 7th unit of 第一圈: max(6 listed, 7 present) = 7 → quota
  // floor(2.1) = 2, so 武侯区 (91.5, second in 第一圈) became 优秀, and the copy of 锦江区 (86.5)
  // ranked 5th beside it, pushing the 15 units below 86.5 down one rank.
  for (const [what, spelling] of [
    ['the ruleset\'s own alias 錦江區', '錦江區'],
    ['a zero-width space (U+200B) after the name', '锦江区\u200B'],
    ['a left-to-right override (U+202D) before it', '\u202D锦江区'],
    ['a word joiner (U+2060) inside it', '锦\u2060江区'],
    ['half Traditional, with spaces', ' 锦江 區 '],
  ] as const) {
    it(`${what}: results as EXPECTED.md, the finding names both rows and both spellings`, () => {
      const table = exampleTable();
      table.push(['21', spelling, '第一圈', ...jinjiang.slice(3)]);
      const result = run(table);
      expect(outcome(result)).toEqual(EXPECTED);
      const [finding] = findingsOf(result, 'duplicate-unit');
      expect(finding.severity).toBe('warning');
      expect(finding.zh).toContain('第2行和第22行');
      expect(finding.zh).toContain('「锦江区」');
      // The second spelling is shown, any invisible character made visible (U+XXXX).
      const shown = spelling.replace(/[\u200B\u202D\u2060]/gu, (ch) => `U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`);
      for (const part of shown.trim().split(/U\+[0-9A-F]{4}|\s+/u).filter((p) => p !== '')) expect(finding.zh).toContain(part);
      if (shown !== spelling) expect(finding.zh).toContain(shown.match(/U\+[0-9A-F]{4}/u)?.[0]);
      expect(finding.en).toContain('rows 2 and 22');
      expect(finding.where).toBe('第22行第2列');
    });
  }

  it('a different spelling with different numbers: the first row stands', () => {
    const table = exampleTable();
    table.push(['21', '錦江區', '第一圈', '是', '5', '5', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9', '9']);
    const result = run(table);
    expect(outcome(result)).toEqual(EXPECTED);
    expect(findingsOf(result, 'duplicate-unit')).toHaveLength(1);
  });

  it('units as columns (items as rows): the second spelling is reported and takes no rank or quota place', () => {
    // 锦江区 70 + 9.1 5 + 9.3 1.5 → 76.5 · 錦江區 (the same unit) 70 + 4 + 1 → 75 · 青羊区 70 + 3 + 0.5 → 73.5.
    // One unit 锦江区 in 第一圈 (its first column counts) and 青羊区: quota floor(30% × 6) = 1 → 锦江区 优秀.
    const result = run([
      ['序号', '考核项目', '锦江区', '錦江區', '青羊区'],
      [1, '第九条（一）主要领导重视、机构健全 加分', 5, 4, 3],
      [2, '第九条（三）率先推出创新性政务服务举措 加分', 1.5, 1, 0.5],
    ]);
    expect(result.units.map((unit) => [unit.unit, unit.score, unit.rank, unit.level])).toEqual([
      ['锦江区', 76.5, 1, '优秀'],
      ['錦江區', 75, null, null],
      ['青羊区', 73.5, 2, null],
    ]);
    const [finding] = findingsOf(result, 'duplicate-unit');
    expect(finding.zh).toContain('「锦江区」');
    expect(finding.zh).toContain('「錦江區」');
    expect(result.units[1].findings).toContain(finding);
  });

  it('forms of one workbook: a sheet named 城關鎮 beside 城关镇 is the same unit (township2022)', () => {
    const township = builtInRuleset('township2022');
    const form = (): Cell[][] => [
      ['序号', '项目', '评选内容', '分值', '得分', '扣分原因'],
      ...township.scoredItems.map((item) => [item.code.split('.')[0], null, `${item.label.replace('·', '')}：评分说明`, (item.kind === 'judged' ? (item.max ?? 0) : item.points) / 1e6, null, null]),
    ];
    const { records } = readSheets(township, [
      { name: '城关镇', table: form() },
      { name: '城關鎮', table: form() },
      { name: '石桥镇', table: form() },
    ]);
    expect(records.map((record) => record.unit)).toEqual(['城关镇', '石桥镇']);
    const finding = records[0].readFindings?.find((f) => f.kind === 'duplicate-unit');
    expect(finding?.zh).toContain('「城關鎮」');
  });
});

describe('a 圈层 cell that contradicts 第四條 is a warning at the cell; the regulation\'s tier is used (issue 19.2)', () => {
  // Before the fix 高新区 given 第三圈 left 第一圈 with 5 units (quota still 1 on the 6 listed):
  // 武侯区 91.5 became 优秀; in 第三圈 高新区 93.5 took a place, so only 都江堰市 85.5 was left
  // above the line and 崇州市 / 金堂县 (80.5) lost their 待定.
  for (const tier of ['第三圈', '3', '远郊区', '遠郊區']) {
    it(`高新区 given ${tier}: 第一圈 as 第四條 lists it, results as EXPECTED.md, a warning at C7`, () => {
      const table = exampleTable();
      expect(table[6][1]).toBe('高新区');
      table[6][2] = tier;
      const result = run(table);
      expect(outcome(result)).toEqual(EXPECTED);
      expect(result.units[5].tier).toBe('1');
      const [finding] = findingsOf(result, 'tier-differs');
      expect(finding.severity).toBe('warning');
      expect(finding.where).toBe('第7行第3列');
      expect(finding.found).toBe(tier);
      expect(finding.expected).toBe('第一圈');
      expect(finding.clause).toBe('第四條');
      expect(finding.quote).toContain('高新區');
      expect(finding.zh).toContain('高新区');
      expect(result.units[5].findings).toContain(finding);
    });
  }

  it('a 圈层 that agrees (第一圈, 1, 中心城区) is no finding', () => {
    for (const tier of ['第一圈', '1', '中心城区']) {
      const table = exampleTable();
      table[6][2] = tier;
      const result = run(table);
      expect(outcome(result)).toEqual(EXPECTED);
      expect(findingsOf(result, 'tier-differs')).toEqual([]);
    }
  });

  it('code/value pairs: the 圈层 row read before the unit row is checked too', () => {
    const [record] = readUnits(chengdu, [
      ['条目', '值'],
      ['圈层', '第二圈'],
      ['单位', '高新區'],
      ['9.1', 5],
    ]);
    expect(record.tier).toBe('1');
    expect(record.readFindings?.map((f) => [f.kind, f.found, f.expected])).toEqual([['tier-differs', '第二圈', '第一圈']]);
  });
});

describe('a unit 第四條 does not list, in a tier whose units it lists, is a finding (issue 19.1)', () => {
  // 天府新区 (not in 第四條) given 第一圈, nothing but 8.1 是 → 70.
  // Reading: 第十一條(一) caps 优秀 at 30% of 该圈层单位总数, and 第四條 names the tier's units;
  // an unlisted name cannot raise that ceiling (the quota is a ceiling, so fewer is always within
  // the regulation). 天府新区 is scored and ranked in the tier its sheet gives, but the quota stays
  // floor(30% × 6) = 1: 高新区 优秀 alone; 武侯区 no level. (Before: max(6, 7) = 7 → 2 → 武侯区 优秀.)
  // Ranks: 天府新区 70 ties 彭州市 70 at rank 20.
  it('天府新区 in 第一圈: the quota stays 1, 武侯区 gets no level, a warning says why', () => {
    const table = exampleTable();
    table.push(['21', '天府新区', '第一圈', '是']);
    const result = run(table);
    expect(outcome(result)).toEqual({ ...EXPECTED, 天府新区: [70, 20, null] });
    const [finding] = findingsOf(result, 'unlisted-unit');
    expect(finding.severity).toBe('warning');
    expect(finding.clause).toBe('第四條');
    expect(finding.zh).toContain('天府新区');
    expect(finding.zh).toContain('6 个');
    expect(finding.zh).toContain('不计入名额基数');
    expect(finding.zh).toContain('优秀名额按 6 个单位计为 1 个');
    expect(result.units[20].findings).toContain(finding);
  });

  it('a tier with no listed units (a ruleset without a unit list) has no such finding', () => {
    const rs = builtInRuleset('chengdu2006');
    const bare = { ...rs, spec: { ...rs.spec, units: [] }, unitTier: new Map<string, string>(), unitIndex: new Map() };
    const result = scoreBatch(bare, readUnits(bare, [
      ['单位', '圈层', '9.1'],
      ['甲', '第一圈', 5],
      ['乙', '第一圈', 4],
      ['丙', '第一圈', 3],
      ['丁', '第一圈', 2],
    ]));
    expect(findingsOf(result, 'unlisted-unit')).toEqual([]);
    // 4 present → floor(1.2) = 1
    expect(result.units.map((unit) => unit.level)).toEqual(['优秀', null, null, null]);
  });
});

describe('the numbers-only path (quickScores, ASSESS.SCORE / SCORES) agrees with the full reader on a unit listed twice', () => {
  it('锦江区 and 錦江區: no quick answer (the full path keeps the first row and reports the second)', async () => {
    const { quickScores } = await import('../../src/core/quick');
    const table: Cell[][] = [
      ['单位', '9.1'],
      ['锦江区', 5],
      ['錦江區', 4],
    ];
    expect(readUnits(chengdu, table).map((record) => record.row)).toEqual([1]);
    expect(quickScores(chengdu, table)).toBeUndefined();
    // Written alike, the quick path already stepped aside.
    expect(quickScores(chengdu, [['单位', '9.1'], ['锦江区\u200B', 5], ['青羊区', 4]])?.scores).toEqual([75_000_000, 74_000_000]);
  });
});

describe('a ledger adds up one unit however its name is written, and says so', () => {
  it('锦江区 9.3 1 and 錦江區 9.3 2: one unit with 9.3 = 3, an info finding naming both spellings', () => {
    const records = readUnits(chengdu, [
      ['单位', '条目', '数量'],
      ['锦江区', '9.3', 1],
      ['錦江區', '9.3', 2],
      ['锦江区\u200B', '9.3', 1],
    ]);
    expect(records.map((record) => record.unit)).toEqual(['锦江区']);
    // 9.3 is 0.5 per measure, at most 2 (第九條(三)): 4 × 0.5 = 2 → 72.
    expect(scoreBatch(chengdu, records).units.map((unit) => unit.score)).toEqual([72]);
    const notes = records[0].readFindings?.filter((f) => f.kind === 'duplicate-unit') ?? [];
    expect(notes.map((f) => [f.severity, f.where, f.found])).toEqual([
      ['info', '第3行第1列', '錦江區'],
      ['info', '第4行第1列', '锦江区\u200B'],
    ]);
    expect(notes[1].zh).toContain('锦江区〈U+200B〉');
  });
});

describe('LEVEL\'s scores by tier (levelsForScores): the base is the units 第四條 lists, and said when the sheet has more', () => {
  it('10 scores given 第三圈 (8 listed): quota floor(30% × 8) = 2, a quota-base note on the first', async () => {
    const { levelsForScores } = await import('../../src/core/batch');
    const entries = Array.from({ length: 10 }, (_, i) => ({ unit: '第三圈', scoreMicros: (81 + i) * 1_000_000, tier: '3', criticized: false }));
    const out = levelsForScores(chengdu, entries);
    expect(out.map((entry) => entry.level)).toEqual([null, null, null, null, null, null, null, null, '优秀', '优秀']);
    const notes = out.flatMap((entry) => entry.findings).filter((f) => f.kind === 'quota-base');
    expect(notes.map((f) => f.zh)).toEqual(['第三圈共有 8 个单位，本表有 10 个：优秀名额按 8 个单位计为 2 个']);
  });
});
