/**
 * src/core/input.ts — the layouts a sheet range, CSV or xlsx sheet gives, read into unit records
 * with the built-in rulesets (spec: "Input cells", "Headers", "Ledger input").
 */
import { describe, expect, it } from 'vitest';
import { errorOf, valueOf } from '../support/errors';
import type { Cell } from '../../src/core/cells';
import { detectLayout, findItem, positionText, readUnits } from '../../src/core/input';
import { scoreBatch } from '../../src/core/batch';
import { builtInRuleset } from '../../src/rulesets';

const chengdu = builtInRuleset('chengdu2006');
const county = builtInRuleset('county2013');
const tacheng = builtInRuleset('tacheng2020');
const township = builtInRuleset('township2022');



describe('rows layout: a header row, then one row per unit', () => {
  it('reads unit names and item values by code', () => {
    const records = readUnits(chengdu, [
      ['单位', '9.3', '9.4.city', '9.1', '10.2'],
      ['锦江区', 2, '3', 4.5, 0],
      ['青羊区', null, '', '', 1],
    ]);
    expect(records.map((r) => r.unit)).toEqual(['锦江区', '青羊区']);
    expect(valueOf(chengdu, records[0], '9.3')).toBe(2);
    expect(valueOf(chengdu, records[0], '9.4.city')).toBe(3);
    expect(valueOf(chengdu, records[0], '9.1')).toBe(4_500_000); // judged: micros
    expect(valueOf(chengdu, records[0], '10.2')).toBe(0); // 0 entered, not empty
    // empty cells stay undefined (nothing entered)
    expect(valueOf(chengdu, records[1], '9.3')).toBeUndefined();
    expect(valueOf(chengdu, records[1], '9.4.city')).toBeUndefined();
    expect(valueOf(chengdu, records[1], '9.1')).toBeUndefined();
    expect(valueOf(chengdu, records[1], '10.2')).toBe(1);
    expect(positionText(records[0].where[chengdu.itemByCode.get('9.3')!.index] ?? -1)).toBe('第2行第2列');
    expect(positionText(records[1].where[chengdu.itemByCode.get('10.2')!.index] ?? -1)).toBe('第3行第5列');
  });

  it('the unit column may be headed "unit"; blank rows above the header and between units are skipped', () => {
    const records = readUnits(chengdu, [
      [null, null],
      ['unit', '9.3'],
      ['锦江区', 1],
      [null, ''],
      ['青羊区', 2],
    ]);
    expect(records.map((r) => [r.unit, valueOf(chengdu, r, '9.3')])).toEqual([
      ['锦江区', 1],
      ['青羊区', 2],
    ]);
  });

  it('without a unit column, units are named by their row', () => {
    const records = readUnits(chengdu, [
      ['9.3', '9.4.city'],
      [1, 2],
      [3, 4],
    ]);
    expect(records.map((r) => r.unit)).toEqual(['第2行', '第3行']);
  });

  it('tier: from a 圈层 column (1/2/3 or 第一圈…), else from the unit name (Simplified, Traditional, later names)', () => {
    const records = readUnits(chengdu, [
      ['单位', '圈层', '9.3'],
      ['锦江区', null, 1],
      ['成華區', '', 1],
      ['双流区', null, 1],
      ['某新区', '第三圈', 1],
      ['另一区', 2, 1],
      ['第三个', '3', 1],
      ['没有圈层', null, 1],
    ]);
    expect(records.map((r) => [r.unit, r.tier])).toEqual([
      ['锦江区', '1'],
      ['成華區', '1'],
      ['双流区', '2'],
      ['某新区', '3'],
      ['另一区', '2'],
      ['第三个', '3'],
      ['没有圈层', null],
    ]);
  });

  it('an unknown tier is an input error naming the unit and the value', () => {
    const error = errorOf(() => readUnits(chengdu, [['单位', '圈层'], ['锦江区', '第四圈']]));
    expect(error.kind).toBe('input');
    expect(error.unit).toBe('锦江区');
    expect(error.item).toBe('tier');
    expect(error.value).toBe('"第四圈"');
    expect(error.message).toContain('第四圈');
  });

  it('criticized column: 是/否, TRUE/FALSE, 1/0', () => {
    const records = readUnits(township, [
      ['单位', '通报批评或曝光', '1.2'],
      ['甲镇', '是', 0],
      ['乙镇', '否', 0],
      ['丙镇', true, 0],
      ['丁镇', null, 0],
    ]);
    expect(records.map((r) => r.criticized)).toEqual([true, false, true, false]);
    const english = readUnits(township, [['unit', 'criticized'], ['甲镇', 1]]);
    expect(english[0].criticized).toBe(true);
    const bad = errorOf(() => readUnits(township, [['单位', 'criticized'], ['甲镇', '也许']]));
    expect(bad.item).toBe('criticized');
    expect(bad.value).toBe('"也许"');
  });

  it('a volume column (3.1.volume or 办件量) fills the rank item’s volume', () => {
    const records = readUnits(township, [
      ['单位', '3.1.volume'],
      ['甲镇', 120],
    ]);
    expect(records[0].volumes[township.itemByCode.get('3.1')!.index]).toBe(120);
    expect(valueOf(township, records[0], '3.1')).toBeUndefined();
    const byLabel = readUnits(township, [['单位', '办件量'], ['甲镇', '1,200']]);
    expect(byLabel[0].volumes[township.itemByCode.get('3.1')!.index]).toBe(1200);
  });

  it('ignored columns (序号, 备注, 合计, 得分, 排名) are accepted and not read', () => {
    const records = readUnits(chengdu, [
      ['序号', '单位', '9.3', '备注', '合计', '得分', '排名'],
      [1, '锦江区', 2, '任意文字', 'abc', 71, 1],
    ]);
    expect(records).toHaveLength(1);
    expect(records[0].unit).toBe('锦江区');
    expect(valueOf(chengdu, records[0], '9.3')).toBe(2);
  });
});

describe('headers: code, Chinese label, "code label", full-width text', () => {
  it('each header form finds its item', () => {
    const records = readUnits(chengdu, [
      ['单位', '9.4.city', '调研文章在省级刊物发表', '9.4.national 调研文章在国家级刊物发表', '9.5.city 市委表彰'],
      ['锦江区', 1, 2, 3, 4],
    ]);
    expect(valueOf(chengdu, records[0], '9.4.city')).toBe(1);
    expect(valueOf(chengdu, records[0], '9.4.province')).toBe(2);
    expect(valueOf(chengdu, records[0], '9.4.national')).toBe(3);
    // "code + any text": the code wins (spec example "9.4.city 市级刊物发表")
    expect(valueOf(chengdu, records[0], '9.5.city')).toBe(4);
  });

  it('findItem: "9.4.city 调研文章在市级刊物发表", English labels, case and spaces', () => {
    expect(findItem(chengdu, '9.4.city 调研文章在市级刊物发表')?.code).toBe('9.4.city');
    expect(findItem(chengdu, '9.4.city 市级刊物发表')?.code).toBe('9.4.city');
    expect(findItem(chengdu, '  9.4.city   调研文章在市级刊物发表 ')?.code).toBe('9.4.city');
    expect(findItem(chengdu, 'Research article in a city-level journal')?.code).toBe('9.4.city');
    expect(findItem(county, 'b2.city')?.code).toBe('B2.city');
    expect(findItem(county, 'B2.CITY 市委表彰')?.code).toBe('B2.city');
    expect(findItem(chengdu, '不存在的条目')).toBeUndefined();
  });

  it('full-width header text (digits, letters, punctuation, ideographic space) is folded', () => {
    const records = readUnits(chengdu, [
      ['单位', '９．４．ｃｉｔｙ', '９．３\u3000率先推出创新性政务服务举措', '其它特殊情况(考核小组审定)'],
      ['锦江区', '２', '１', '１．５'],
    ]);
    expect(valueOf(chengdu, records[0], '9.4.city')).toBe(2);
    expect(valueOf(chengdu, records[0], '9.3')).toBe(1);
    // the label is written with full-width （）; half-width () in the header still matches
    expect(valueOf(chengdu, records[0], '10.7')).toBe(1_500_000);
  });

  it('a deduct item that takes its findings from counters is not an input column', () => {
    const error = errorOf(() => readUnits(township, [['单位', '1.4'], ['甲镇', 1]]));
    expect(error.kind).toBe('layout');
    expect(error.message).toContain('1.4');
  });

  // Fixed bug (src/core/input.ts findItem, the "code label" fallback): itemByCode also holds items that
  // are not input columns (a deduct item with counters), so "1.4 中心制度建设" is accepted, its value
  // stored on item 1.4 and then ignored by scoring (1.4 still scores its full 2 points).
  it('"1.4 中心制度建设" (a deduct item with counters) is reported, not silently ignored', () => {
    const error = errorOf(() => readUnits(township, [['单位', '1.4 中心制度建设'], ['甲镇', 3]]));
    expect(error.kind).toBe('layout');
  });
});

describe('headers passed separately (options.headers)', () => {
  it('a single data row without a unit column, named by options.unit', () => {
    const records = readUnits(chengdu, [[2, 1, null]], { headers: ['9.3', '9.4.city', '9.9'], unit: '锦江区' });
    expect(records).toHaveLength(1);
    expect(records[0].unit).toBe('锦江区');
    expect(records[0].tier).toBe('1'); // from the name
    expect(valueOf(chengdu, records[0], '9.3')).toBe(2);
    expect(valueOf(chengdu, records[0], '9.4.city')).toBe(1);
    expect(valueOf(chengdu, records[0], '9.9')).toBeUndefined();
  });

  it('a 2-D header row works the same; without options.unit a single row has no name', () => {
    const records = readUnits(chengdu, [[2, 1]], { headers: [['9.3', '9.4.city']] });
    expect(records[0].unit).toBe('');
    expect(valueOf(chengdu, records[0], '9.4.city')).toBe(1);
  });

  it('several data rows with their own unit column', () => {
    const records = readUnits(
      chengdu,
      [
        ['锦江区', 1],
        ['青羊区', 3],
      ],
      { headers: ['单位', '9.7'] },
    );
    expect(records.map((r) => [r.unit, valueOf(chengdu, r, '9.7')])).toEqual([
      ['锦江区', 1],
      ['青羊区', 3],
    ]);
  });

  it('more than one header row is a layout error', () => {
    const error = errorOf(() => readUnits(chengdu, [[1]], { headers: [['9.3'], ['9.4.city']] }));
    expect(error.kind).toBe('layout');
    expect(error.en).toBe('the headers must be one row');
  });

  it('a bad cell names the unit given in options', () => {
    const error = errorOf(() => readUnits(chengdu, [['x']], { headers: ['9.3'], unit: '锦江区' }));
    expect(error.unit).toBe('锦江区');
    expect(error.item).toBe('9.3');
    expect(error.message).toContain('锦江区');
  });
});

describe('pairs layout: (code or label, value) rows for one unit', () => {
  it('without a header row', () => {
    const table: Cell[][] = [
      ['9.3', 2],
      ['调研文章在市级刊物发表', 3],
      ['9.1 主要领导重视', 4.5],
    ];
    expect(detectLayout(chengdu, table)).toBe('pairs');
    const records = readUnits(chengdu, table, { unit: '锦江区' });
    expect(records).toHaveLength(1);
    expect(records[0].unit).toBe('锦江区');
    expect(valueOf(chengdu, records[0], '9.3')).toBe(2);
    expect(valueOf(chengdu, records[0], '9.4.city')).toBe(3);
    expect(valueOf(chengdu, records[0], '9.1')).toBe(4_500_000);
  });

  it('with a 条目/值 header row (or code/value), and 单位/圈层 rows inside', () => {
    const table: Cell[][] = [
      ['条目', '值'],
      ['9.3', 1],
      ['单位', '某县'],
      ['圈层', '第二圈'],
      ['备注', '随便写'],
    ];
    expect(detectLayout(chengdu, table)).toBe('pairs');
    const [record] = readUnits(chengdu, table);
    expect(record.unit).toBe('某县');
    expect(record.tier).toBe('2');
    expect(valueOf(chengdu, record, '9.3')).toBe(1);
    const [english] = readUnits(chengdu, [
      ['code', 'value'],
      ['9.7', '２'],
    ]);
    expect(valueOf(chengdu, english, '9.7')).toBe(2);
  });

  it('a 单位 row takes the tier from the unit name', () => {
    const [record] = readUnits(chengdu, [
      ['9.3', 1],
      ['单位', '新津区'],
    ]);
    expect(record.unit).toBe('新津区');
    expect(record.tier).toBe('3');
  });

  // Fixed bug (src/core/input.ts detectLayout): pairs are only detected when the first row is an item
  // or a 条目/值 header. readPairs handles a 单位 row, but a pairs table that starts with it is
  // read as a rows layout and fails with 表头「锦江区」不是规则集 chengdu2006 的条目编码或名称.
  it('pairs starting with a 单位 row are detected as pairs', () => {
    const table: Cell[][] = [
      ['单位', '锦江区'],
      ['9.3', 2],
    ];
    expect(detectLayout(chengdu, table)).toBe('pairs');
  });

  it('the same item twice and an unknown key are layout errors', () => {
    const twice = errorOf(() =>
      readUnits(chengdu, [
        ['9.3', 1],
        ['率先推出创新性政务服务举措', 2],
      ]),
    );
    expect(twice.kind).toBe('layout');
    expect(twice.en).toBe('item 9.3 appears twice');
    const unknown = errorOf(() =>
      readUnits(chengdu, [
        ['9.3', 1],
        ['不存在', 2],
      ]),
    );
    expect(unknown.kind).toBe('layout');
    expect(unknown.message).toContain('不存在');
  });
});

describe('ledger layout (台账): one row per event', () => {
  it('单位, 条目, 数量, 事项: quantities add up per unit and item; an empty quantity is 1', () => {
    const table: Cell[][] = [
      ['单位', '条目', '数量', '事项'],
      ['锦江区', '9.3', 2, '举措一'],
      ['锦江区', '9.3', null, '举措二'],
      ['锦江区', '调研文章在市级刊物发表', '', '文章'],
      ['青羊区', '10.2', 3, ''],
    ];
    expect(detectLayout(chengdu, table)).toBe('ledger');
    const records = readUnits(chengdu, table);
    expect(records.map((r) => r.unit)).toEqual(['锦江区', '青羊区']);
    // 9.3: 2 + 1 = 3
    expect(valueOf(chengdu, records[0], '9.3')).toBe(3);
    expect(valueOf(chengdu, records[0], '9.4.city')).toBe(1);
    expect(valueOf(chengdu, records[1], '10.2')).toBe(3);
    expect(records[0].tier).toBe('1');
    expect(records[1].tier).toBe('1');
  });

  it('unit, code, quantity, matter in English; same-matter rows count once at the highest level', () => {
    const records = readUnits(county, [
      ['unit', 'code', 'quantity', 'matter'],
      ['甲县', 'B2.county', null, '表彰X'],
      ['甲县', 'B2.city', 1, '表彰X'],
      ['甲县', 'B4.city', 2, ''],
    ]);
    expect(records).toHaveLength(1);
    // 表彰X: B2.county (1) and B2.city (2) are one matter → B2.city once
    expect(valueOf(county, records[0], 'B2.county')).toBeUndefined();
    expect(valueOf(county, records[0], 'B2.city')).toBe(1);
    // no matter given: every B4.city counts
    expect(valueOf(county, records[0], 'B4.city')).toBe(2);
    expect(records[0].notes.map((n) => n.zh)).toEqual(['同一事项「表彰X」（B2.county、B2.city）就高计一次：B2.city']);
    // T1…T8 empty = full 分值 (20+15+15+10+10+10+10+10 = 100); bonus B2.city 2 + B4.city 2×1 = 4 → 104
    expect(scoreBatch(county, records).units[0].score).toBe(104);
  });

  it('an unknown code in a ledger names the row', () => {
    const error = errorOf(() =>
      readUnits(chengdu, [
        ['单位', '条目', '数量'],
        ['锦江区', 'X9', 1],
      ]),
    );
    expect(error.kind).toBe('layout');
    expect(error.message).toContain('X9');
    expect(error.where).toBe('第2行第2列');
  });

  it('a bad quantity is an input error naming unit, item and value', () => {
    const error = errorOf(() =>
      readUnits(chengdu, [
        ['单位', '条目', '数量'],
        ['锦江区', '9.3', -1],
      ]),
    );
    expect(error.kind).toBe('input');
    expect(error.unit).toBe('锦江区');
    expect(error.item).toBe('9.3');
    expect(error.value).toBe('-1');
  });

  it('an unknown ledger header is a layout error', () => {
    const error = errorOf(() =>
      readUnits(chengdu, [
        ['单位', '条目', '数量', '颜色'],
        ['锦江区', '9.3', 1, '红'],
      ]),
    );
    expect(error.kind).toBe('layout');
    expect(error.message).toContain('颜色');
  });
});

describe('layout errors', () => {
  it('an unknown header is reported, naming the header: a finding at its cell when other columns are items (issue 18), an error when none is', () => {
    const [record] = readUnits(chengdu, [['单位', '9.3', '不存在的条目'], ['锦江区', 1, 2]]);
    const note = record.readFindings?.find((f) => f.kind === 'column-read');
    expect(note?.zh).toContain('不存在的条目');
    expect(note?.zh).toContain('未识别的列，未计入');
    expect(note?.where).toBe('第1行第3列');
    const error = errorOf(() => readUnits(chengdu, [['单位', '不存在的条目'], ['锦江区', 2]]));
    expect(error.kind).toBe('layout');
    expect(error.message).toContain('不存在的条目');
    expect(error.message).toContain('chengdu2006');
    expect(error.where).toBe('第1行第2列');
  });

  it('two columns for one item (code and label) are reported', () => {
    const error = errorOf(() => readUnits(chengdu, [['单位', '9.3', '率先推出创新性政务服务举措'], ['锦江区', 1, 1]]));
    expect(error.kind).toBe('layout');
    expect(error.en).toBe('columns 2 and 3 are the same item "率先推出创新性政务服务举措"');
  });

  it('data under an empty header is reported; an empty column under an empty header is not', () => {
    const error = errorOf(() => readUnits(chengdu, [['单位', null, '9.3'], ['锦江区', 5, 1]]));
    expect(error.kind).toBe('layout');
    expect(error.en).toBe('column 2 has data but no header');
    const records = readUnits(chengdu, [['单位', null, '9.3'], ['锦江区', '', 1]]);
    expect(valueOf(chengdu, records[0], '9.3')).toBe(1);
  });

  it('a row longer than the header is reported at the first cell beyond it, with its value (issue 19.12)', () => {
    const error = errorOf(() => readUnits(chengdu, [['单位', '9.3'], ['锦江区', 1, null, 7]]));
    expect(error.kind).toBe('layout');
    expect(error.zh).toBe('第2行第4列在表头之外（表头只有 2 列）却有数据「7」：请删除它，或给它加上表头');
    expect(error.en).toBe('row 2, column 4 holds "7" beyond the header (2 columns): delete it or give it a header');
    expect(error.where).toBe('第2行第4列');
  });

  it('no data at all, or a header without rows, is reported', () => {
    expect(errorOf(() => readUnits(chengdu, [])).en).toBe('there is no data');
    expect(errorOf(() => readUnits(chengdu, [[null, '']])).en).toBe('there is no data');
    expect(errorOf(() => readUnits(chengdu, [['单位', '9.3', '9.4.city']])).en).toBe('there are no data rows under the header');
  });
});

describe('bad cells: AssessError with unit, item and value', () => {
  const cases: Array<{ cell: Cell; code: string; value: string; shown: string }> = [
    { cell: 'abc', code: '9.3', value: '"abc"', shown: 'abc' },
    { cell: -1, code: '9.3', value: '-1', shown: '-1' },
    { cell: 1.5, code: '9.4.city', value: '1.5', shown: '1.5' },
    { cell: '#N/A', code: '10.2', value: '"#N/A"', shown: '#N/A' },
    { cell: true, code: '9.7', value: 'true', shown: 'true' },
    { cell: 'abc', code: '9.1', value: '"abc"', shown: 'abc' },
    { cell: -2, code: '9.1', value: '-2', shown: '-2' }, // judged items with min 0 take no negatives
    { cell: '２', code: '8.1', value: '"２"', shown: '２' }, // a flag is 0/1
  ];
  for (const c of cases) {
    it(`${c.code} = ${String(c.cell)}`, () => {
      const error = errorOf(() => readUnits(chengdu, [['单位', '9.3', '9.4.city', '10.2', '9.7', '9.1', '8.1'], ['锦江区', ...['9.3', '9.4.city', '10.2', '9.7', '9.1', '8.1'].map((code) => (code === c.code ? c.cell : null))]]));
      expect(error.kind).toBe('input');
      expect(error.unit).toBe('锦江区');
      expect(error.item).toBe(c.code);
      expect(error.value).toBe(c.value);
      expect(error.message).toContain('锦江区');
      expect(error.message).toContain(c.code);
      expect(error.message).toContain(c.shown);
    });
  }

  it('the message says where: 第2行第2列 / row 2, column 2', () => {
    const error = errorOf(() => readUnits(chengdu, [['单位', '9.3'], ['锦江区', 'abc']]));
    expect(error.where).toBe('第2行第2列');
    expect(error.zh).toBe('单位「锦江区」条目 9.3（率先推出创新性政务服务举措）的值 "abc" 无效：应为不小于0的整数（第2行第2列）');
    expect(error.en).toBe('unit 锦江区, item 9.3 (率先推出创新性政务服务举措): value "abc" is invalid: expected a whole number ≥ 0 (row 2, column 2)');
  });

  it('a judged deduction may not be negative either (10.7, min 0)', () => {
    const error = errorOf(() => readUnits(chengdu, [['单位', '10.7'], ['锦江区', -3]]));
    expect(error.item).toBe('10.7');
    expect(error.en).toContain('points cannot be negative');
  });
});

describe('tacheng2020: open items', () => {
  it('unknown headers become item points; special columns are still special', () => {
    const records = readUnits(tacheng, [
      ['序号', '单位', '政务公开', '放管服', '备注'],
      [1, '塔城市', 45.5, 40, '说明'],
      [2, '额敏县', '50', '３９．９', null],
    ]);
    expect(records.map((r) => r.unit)).toEqual(['塔城市', '额敏县']);
    expect(records[0].extras).toEqual([
      { label: '政务公开', points: 45_500_000 },
      { label: '放管服', points: 40_000_000 },
    ]);
    expect(records[1].extras).toEqual([
      { label: '政务公开', points: 50_000_000 },
      { label: '放管服', points: 39_900_000 },
    ]);
    const units = scoreBatch(tacheng, records).units;
    // 45.5 + 40 = 85.5 → 良好 (80 ≤ s < 90); 50 + 39.9 = 89.9 → 良好
    expect(units.map((u) => [u.score, u.grade, u.rank])).toEqual([
      [85.5, '良好', 2],
      [89.9, '良好', 1],
    ]);
  });

  it('a 扣分 column of an open ruleset subtracts its positive points; a negative one is a finding counted 0; text is still an error', () => {
    const [record] = readUnits(tacheng, [['单位', '得分项', '扣分项'], ['塔城市', 95, 3.5]]);
    expect(record.extras).toEqual([
      { label: '得分项', points: 95_000_000 },
      { label: '扣分项', points: -3_500_000 },
    ]);
    const [negative] = readUnits(tacheng, [['单位', '得分项', '扣分项'], ['塔城市', 95, -3.5]]);
    expect(negative.extras[1]).toEqual({ label: '扣分项', points: 0 });
    expect(negative.readFindings?.map((f) => [f.kind, f.where, f.found, f.expected])).toEqual([['entered-points', '第2行第3列', '-3.5', '0']]);
    const error = errorOf(() => readUnits(tacheng, [['单位', '得分项'], ['塔城市', '优']]));
    expect(error.kind).toBe('input');
    expect(error.item).toBe('得分项');
    expect(error.value).toBe('"优"');
  });

  it('two columns with the same open header are reported', () => {
    const error = errorOf(() => readUnits(tacheng, [['单位', '政务公开', '政务公开'], ['塔城市', 1, 2]]));
    expect(error.kind).toBe('layout');
  });

  it('open items in pairs under a 条目/值 header', () => {
    const [record] = readUnits(tacheng, [
      ['条目', '值'],
      ['单位', '塔城市'],
      ['政务公开', 45],
      ['放管服', 40.5],
    ]);
    expect(record.unit).toBe('塔城市');
    // 45 + 40.5 = 85.5
    expect(record.extras).toEqual([
      { label: '政务公开', points: 45_000_000 },
      { label: '放管服', points: 40_500_000 },
    ]);
  });

  // Fixed bug (src/core/input.ts detectLayout, same cause as above): with no item codes to recognise, a
  // tacheng2020 pairs table without a 条目/值 header is read as rows: 塔城市 becomes an open item
  // column and 政务公开 a unit scoring 45. Nothing is reported.
  it('open items in pairs starting with a 单位 row (ambiguous with a rows header, so the layout is given)', () => {
    // With open items, [单位, 塔城市] / [政务公开, 45] reads equally as a header row + one unit:
    // nothing tells a unit name from an item name, so pairs must be asked for.
    const [record] = readUnits(tacheng, [
      ['单位', '塔城市'],
      ['政务公开', 45],
    ], { layout: 'pairs' });
    expect(record.unit).toBe('塔城市');
    expect(record.extras).toEqual([{ label: '政务公开', points: 45_000_000 }]);
  });
});

// Issue 10: a checking tool lists every invalid cell, not the first; positions are the sheet's.
describe('collecting every invalid cell (ReadOptions.collect)', () => {
  // 甲: 9.1 = -1 (judged points below 0) and 10.2 = x (not a count); 乙: 9.3 = abc; 丙 is clean.
  const table: Cell[][] = [
    ['单位', '9.1', '9.3', '10.2'],
    ['甲', -1, 2, 'x'],
    ['乙', 3, 'abc', 1],
    ['丙', 2, 1, 0],
  ];

  it('without collect, reading stops at the first invalid cell (as score and SCORE need)', () => {
    const error = errorOf(() => readUnits(chengdu, table));
    expect(error.unit).toBe('甲');
    expect(error.item).toBe('9.1');
    expect(error.zh).toContain('（第2行第2列）');
  });

  it('with collect, every invalid cell is an error finding on its unit: cell, value, what was expected, clause', () => {
    const records = readUnits(chengdu, table, { collect: true });
    expect(records.map((record) => record.unit)).toEqual(['甲', '乙', '丙']);
    const errors = records.map((record) => (record.readFindings ?? []).map((f) => [f.severity, f.kind, f.code, f.where, f.found, f.expected, f.clause]));
    expect(errors).toEqual([
      [
        ['error', 'invalid-value', '9.1', '第2行第2列', '-1', '分数不能为负数', '第九條(一)'],
        ['error', 'invalid-value', '10.2', '第2行第4列', 'x', '不小于0的整数', '第十條(二)'],
      ],
      [['error', 'invalid-value', '9.3', '第3行第3列', 'abc', '不小于0的整数', '第九條(三)']],
      [],
    ]);
    const [abc] = records[1].readFindings ?? [];
    expect(abc.zh).toBe('单位「乙」条目 9.3（率先推出创新性政务服务举措）的值 "abc" 无效：应为不小于0的整数（第3行第3列）');
    expect(abc.en).toContain('unit 乙, item 9.3');
    // The valid cells of an invalid unit are still read.
    expect(valueOf(chengdu, records[0], '9.3')).toBe(2);
    expect(valueOf(chengdu, records[0], '9.1')).toBeUndefined();
  });

  it('an invalid tier and an invalid 通报批评 cell are collected too', () => {
    const records = readUnits(chengdu, [['单位', '圈层', '通报批评或曝光', '9.3'], ['锦江区', '第九圈', 'maybe', 1]], { collect: true });
    expect((records[0].readFindings ?? []).map((f) => [f.code, f.where, f.found])).toEqual([
      ['tier', '第2行第2列', '第九圈'],
      ['criticized', '第2行第3列', 'maybe'],
    ]);
  });

  it('a ledger row with a bad quantity is collected; the other rows still count', () => {
    const [record] = readUnits(chengdu, [['单位', '条目', '数量'], ['锦江区', '9.3', -2], ['锦江区', '9.3', 3]], { collect: true });
    expect((record.readFindings ?? []).map((f) => [f.code, f.where, f.found])).toEqual([['9.3', '第2行第3列', '-2']]);
    expect(valueOf(chengdu, record, '9.3')).toBe(3);
  });
});

describe('positions counted from the sheet (ReadOptions.origin)', () => {
  // The same table selected from B4: its header is on sheet row 4, 甲's 9.1 cell is C5, 10.2 is E5.
  const table: Cell[][] = [
    ['单位', '9.1', '9.3', '10.2'],
    ['甲', -1, 2, 'x'],
  ];

  it('findings and errors name the sheet cell (C5 = 第5行第3列), not the cell within the selection', () => {
    const [record] = readUnits(chengdu, table, { collect: true, origin: { row: 3, column: 1 } });
    expect((record.readFindings ?? []).map((f) => f.where)).toEqual(['第5行第3列', '第5行第5列']);
    expect(record.readFindings?.[1].zh).toMatch(/（第5行第5列）$/);
    expect(record.row).toBe(1); // the row within the table read, as SCORES places its results
    const error = errorOf(() => readUnits(chengdu, table, { origin: { row: 3, column: 1 } }));
    expect(error.zh).toContain('（第5行第3列）');
    expect(error.en).toContain('(row 5, column 3)');
  });

  it('a header error names the sheet column; an unnamed unit is named by its sheet row', () => {
    const bad = errorOf(() => readUnits(chengdu, [['9.1', '9.1'], [1, 2]], { origin: { row: 0, column: 3 } }));
    expect(bad.zh).toMatch(/^第4列和第5列是同一个条目/);
    const records = readUnits(chengdu, [['9.1'], [1], [2]], { origin: { row: 9, column: 0 } });
    expect(records.map((record) => record.unit)).toEqual(['第11行', '第12行']);
  });

  it('without an origin, positions are the table\'s own (A1 at 第1行第1列), as before', () => {
    const [record] = readUnits(chengdu, table, { collect: true });
    expect((record.readFindings ?? []).map((f) => f.where)).toEqual(['第2行第2列', '第2行第4列']);
    expect(positionText(0)).toBe('第1行第1列');
  });
});

describe('a header with no item column (ReadOptions.requireItems)', () => {
  it('单位, 备注 only: an error naming the headers found, not 70 for everyone', () => {
    const error = errorOf(() => readUnits(chengdu, [['单位', '备注'], ['锦江区', '']], { requireItems: true }));
    expect(error.kind).toBe('layout');
    expect(error.zh).toBe('没有条目列：表头 「单位」「备注」 都不是规则集 chengdu2006 的条目，无法计分（请把条目列包括在区域内，表头写条目编码或名称）');
    expect(error.en).toContain('no item columns');
    // The office's own totals are not items either.
    expect(errorOf(() => readUnits(chengdu, [['单位', '总分', '等次'], ['锦江区', 75, '优秀']], { requireItems: true })).zh).toMatch(/^没有条目列：表头 「单位」「总分」「等次」/);
    // Without requireItems (a 汇总 sheet read beside its forms) it is read as before.
    expect(readUnits(chengdu, [['单位', '总分'], ['锦江区', 75]])).toHaveLength(1);
  });

  it('tacheng2020 (open items): a lone 总分 column is the score itself, so it passes', () => {
    const [record] = readUnits(tacheng, [['单位', '总分'], ['甲', 88]], { requireItems: true });
    expect(record.extras.map((extra) => [extra.label, extra.points])).toEqual([['总分', 88_000_000]]);
  });

  it('real item headers with every item cell blank keep their meaning (chengdu2006: 70)', () => {
    const records = readUnits(chengdu, [['单位', '9.1', '9.3'], ['锦江区', null, null]], { requireItems: true });
    expect(scoreBatch(chengdu, records).units[0].score).toBe(70);
  });
});
