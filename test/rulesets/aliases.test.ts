/**
 * Short names clerks write for items (issue 18 F6/F9): ruleset data — an item's or a group's
 * `aliases` ("a、b；c", as tier and unit aliases) — read exactly as the label (after normalizeKey),
 * never by a guess. Each alias names exactly one item or group: one that is another's code, label or
 * alias is a ruleset error naming both.
 *
 * The alias → code tables below are worked by hand from the regulation texts
 * (../shared/regulations/govinfo.md 三、四; county2013.md 目标任务分解表 and 附件2; chengdu2006.md 第九條、第十條),
 * each short name taken from the item's own wording.
 */
import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../src/core/compile';
import type { RulesetInput } from '../../src/core/format';
import { findItem } from '../../src/core/read/lookup';
import { targetsOf } from '../../src/core/targets';
import { normalizeKey } from '../../src/core/text';
import { compileRulesetTable, rulesetToTable } from '../../src/core/table-format';
import { builtInRuleset } from '../../src/rulesets';
import { errorOf } from '../support/errors';

const BASE = { id: 'office2024', title: '某局信息工作考核', version: '1.0', effective: '2024-01-01', clause: '第一条', quote: '本办法适用于本局各科室' } as const;
const count = (code: string, label: string, extra: Partial<RulesetInput['items'][number]> = {}): RulesetInput['items'][number] => ({
  code,
  label,
  kind: 'count',
  points: 10,
  clause: '第二条',
  quote: '每条计10分',
  ...extra,
});

/** The code a header names: an input item by findItem, else an item or group target (a group's column of points). */
function named(id: string, header: string): string | undefined {
  const rs = builtInRuleset(id);
  return findItem(rs, header)?.code ?? targetsOf(rs).byKey.get(normalizeKey(header))?.code;
}

describe('an item alias', () => {
  const rs = compileRuleset({ ...BASE, items: [count('A1', '被《政务》采用单条信息', { aliases: '《政务》单条、政务单条' }), count('A2', '被市政府刊物采用单条信息')] });

  it('is found by findItem exactly as the label, after normalizeKey (full-width, spaces)', () => {
    expect(findItem(rs, '《政务》单条')?.code).toBe('A1');
    expect(findItem(rs, ' 政务单条 ')?.code).toBe('A1');
    expect(findItem(rs, '被《政务》采用单条信息')?.code).toBe('A1');
    // Not a prefix or a part of an alias: only the exact name.
    expect(findItem(rs, '政务单')).toBeUndefined();
    expect(findItem(rs, '单条')).toBeUndefined();
  });

  it("that is another item's label is refused, naming both items and the alias", () => {
    const error = errorOf(() => compileRuleset({ ...BASE, items: [count('A1', '单条信息', { aliases: '市刊单条' }), count('A2', '市刊单条')] }));
    expect(error.kind).toBe('ruleset');
    expect(error.zh).toContain('items.0.aliases');
    expect(error.zh).toContain('条目 A1 的别名「市刊单条」也是条目 A2的名称');
    expect(error.en).toContain('alias "市刊单条" of item A1 is also the label of item A2');
  });

  it("that is another item's alias is refused, naming both", () => {
    const error = errorOf(() =>
      compileRuleset({ ...BASE, items: [count('A1', '被区领导批示', { aliases: '领导批示' }), count('A2', '被市领导批示', { aliases: '市领导批示、领导批示' })] }),
    );
    expect(error.zh).toContain('items.1.aliases');
    expect(error.zh).toContain('条目 A2 的别名「领导批示」也是条目 A1的别名');
  });

  it("that is another item's code, or a group's label, is refused", () => {
    expect(errorOf(() => compileRuleset({ ...BASE, items: [count('A1', '单条信息', { aliases: 'a2' }), count('A2', '简讯')] })).zh).toContain('也是条目 A2的编码');
    const grouped = {
      ...BASE,
      items: [count('A1', '单条信息', { aliases: '刊物采用' }), count('A2', '简讯', { group: 'G' })],
      groups: [{ code: 'G', label: '刊物采用', clause: '第三条', quote: '刊物采用的' }],
    };
    expect(errorOf(() => compileRuleset(grouped)).zh).toContain('也是组 G的名称');
  });

  it('a group alias names the group (its column of entered points)', () => {
    const grouped = compileRuleset({
      ...BASE,
      items: [count('A1', '单条信息'), count('A2', '简讯', { group: 'G' }), count('A3', '调研', { group: 'G' })],
      groups: [{ code: 'G', label: '刊物采用信息', aliases: '刊物', clause: '第三条', quote: '刊物采用的' }],
    });
    expect(targetsOf(grouped).byKey.get(normalizeKey('刊物'))?.code).toBe('G');
    expect(errorOf(() => compileRuleset({ ...BASE, items: [count('A1', '单条信息', { group: 'G' }), count('A2', '刊物')], groups: [{ code: 'G', aliases: '刊物', clause: '第三条', quote: '刊物采用的' }] })).zh).toContain(
      '组 G 的别名「刊物」也是条目 A2的名称',
    );
  });
});

describe('the short names offices use, in the built-in rulesets', () => {
  // govinfo.md 三(一)1–10, 三(二)1–8: the count columns of an annual 计分项目 / 扣分项目（次） sheet.
  const GOVINFO: Array<[string, string]> = [
    ['领导重视', 'S1'], // 1、单位领导重视……机构健全
    ['机构健全', 'S1'],
    ['完成月度任务', 'S2'], // 2、完成每月信息报送和采用目标任务
    ['《政务》单条', 'S3.single'], // 3、被《政务》采用单条信息
    ['《政务》简讯', 'S3.brief'], // 简讯每条5分
    ['每日要情', 'S3.daily'], // “每日要情”采用每条10分
    ['市刊单条', 'S4.single'], // 4、被市政府办公厅信息刊物采用单条
    ['市刊调研', 'S4.research'], // 综合调研信息每篇100分
    ['省刊单条', 'S5.single'], // 5、省政府办公厅信息刊物采用单条
    ['省刊调研', 'S5.research'],
    ['网站今日', 'S7'], // 7、被政府网站“今日”采用
    ['区领导批示', 'S8'], // 8、被区领导批示
    ['市领导批示', 'S9'], // 9、被市领导批示
    ['省领导批示', 'S10'], // 10、被省领导批示
    ['督促不力', 'K1'], // (二)1、单位领导不重视对政务信息工作督促不力
    ['未完成月度任务', 'K2'], // 2、每月信息报送目标任务未完成
    ['信息失实', 'K3'], // 3、信息失实
    ['迟报被区通报', 'K6.late'], // 6、紧急信息迟报，被区政府办公室通报
    ['区通报批评', 'K8'], // 8、受到区政府办公室通报批评
  ];
  // county2013.md: 目标任务分解表 (T1–T8) and 附件2 一、加分办法 1–4, 二、扣分办法 1, 3, 4.
  const COUNTY: Array<[string, string]> = [
    ['服务体系建设', 'T1'],
    ['审批流程检查', 'T2'],
    ['电子政务大厅', 'T3'],
    ['审批软件和视频监控', 'T4'],
    ['并联审批流程再造', 'T5'],
    ['宣传和信息工作', 'T6'],
    ['办结率满意率', 'T7'],
    ['机关文化建设', 'T8'],
    ['创新加分', 'B1'], // 一、1 创新性的方法……每项加1分
    ['表彰加分', 'B2'], // 一、2 表彰肯定（就高不就低）
    ['批示加分', 'B3'], // 一、3 市委、市政府领导肯定性批示
    ['宣传加分', 'B4'], // 一、4 新闻媒体正面宣传
    ['批评否定', 'D1'], // 二、1 上级部门、领导批评否定
    ['媒体曝光', 'D3'], // 二、3 新闻媒体批评曝光
    ['一次性扣减', 'D4'], // 二、4 一次性扣减10分
  ];
  // chengdu2006.md 第九條、第十條: the clause's own words.
  const CHENGDU: Array<[string, string]> = [
    ['领导重视', '9.1'],
    ['优化流程', '9.2'],
    ['创新举措', '9.3'],
    ['调研文章', '9.4'],
    ['表彰', '9.5'],
    ['媒体报道', '9.6'],
    ['承办会议', '9.7'],
    ['交办工作', '9.8'],
    ['突出贡献', '9.9'],
    ['两头受理', '10.1'],
    ['超时办结', '10.2'],
    ['服务投诉', '10.3'],
    ['媒体曝光', '10.6'],
  ];
  // township2022-table.md 附件评分表: the names the 评分表 forms give (examples/office/EXPECTED.md § township2022).
  const TOWNSHIP: Array<[string, string]> = [
    ['场所建设', '1.1'], // 规范场所建设
    ['标识标牌', '1.2'], // 符号和标志标准
    ['制度建设', '1.4'], // 中心制度建设
    ['硬件设备', '2.1'], // 高拍仪、监控、打印机…
    ['一次性告知', '3.2'],
    ['打印文书', '3.4'], // 打印各类文书
    ['电子证照', '3.6'], // 电子证照应用比率
    ['送达回证', '3.7'],
    ['归档', '3.9'], // 归档率
    ['无否决权登记', '3.10'],
    ['标准宣贯', '3.14'],
    ['迎检材料', '3.15'],
    ['指南准确度', '4.2'],
    ['事项进驻', '4.3'], // 事项绑定与进驻
    ['年度考核', '5.7'],
    ['特殊群体服务', '5.9'],
    ['创新工作', '6.1'], // 政务服务创新工作
  ];
  for (const [id, table] of [['govinfo', GOVINFO], ['county2013', COUNTY], ['chengdu2006', CHENGDU], ['township2022', TOWNSHIP]] as const) {
    it(`${id}: each short name names its item`, () => {
      expect(table.map(([alias]) => [alias, named(id, alias)])).toEqual(table);
    });
  }
});

describe('the ruleset sheet table', () => {
  it('carries item and group short names in its 别名 column, read back the same', () => {
    const rs = builtInRuleset('county2013');
    const table = rulesetToTable(rs.spec);
    expect(table[0]).toContain('别名');
    const back = compileRulesetTable(table);
    expect(back.itemByCode.get('B1')?.aliases).toEqual(['创新加分']);
    expect(back.groups.find((g) => g.code === 'D4')?.aliases).toEqual(['一次性扣减']);
    expect(findItem(back, '审批软件和视频监控')?.code).toBe('T4');
  });
});

describe('an alias that is a rank item\'s volume column', () => {
  it('is refused (办件量 names the column the rank is computed from)', () => {
    const ruleset: RulesetInput = {
      ...BASE,
      items: [
        { code: 'R1', label: '办件量排名', kind: 'rank', points: 4, step: 0.2, volume: 'R1.volume', volumeLabel: '办件量', clause: '第四条', quote: '按办件量排名' },
        count('A1', '单条信息', { aliases: '办件量' }),
      ],
    };
    expect(errorOf(() => compileRuleset(ruleset)).zh).toContain('条目 A1 的别名「办件量」也是条目 R1的办件量列');
  });
});
