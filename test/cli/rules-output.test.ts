/**
 * `assess rules <id>` as a clerk reads it: for every built-in ruleset, every list it has as a table
 * with a header row, columns aligned in display width (a CJK character is two columns), the
 * values worked out by hand from the regulation texts in ../shared/regulations, Chinese words for
 * kinds, clause labels in Simplified script, and no column the ruleset never fills.
 */
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run';

const root = new URL('../../', import.meta.url).pathname;

async function run(args: string[]) {
  const result = await runCli(args);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A section of the output: its title line (条目（23）), header cells and rows cut at the header's display columns. */
interface Section {
  title: string;
  header: string[];
  rows: string[][];
}

/** The text of `line` from display column `from` up to `to` (Infinity: to the end). */
function sliceColumns(line: string, from: number, to: number): string {
  let at = 0;
  let out = '';
  for (const ch of line) {
    const w = stringWidth(ch);
    if (at >= from && at < to) out += ch;
    at += w;
  }
  return out;
}

/**
 * Sections of the output. The header's cells are separated by two or more spaces (no Chinese header
 * has a space in it); each row is cut at the display columns where the header's cells start. The
 * check that columns are aligned: in every cut, the text (if any) starts right at the column (no
 * space in front), and the two display columns before the next column are spaces.
 */
function sections(stdout: string): Section[] {
  const blocks = stdout.split('\n\n').slice(1);
  return blocks.map((block) => {
    const [title, headerLine, ...lines] = block.trimEnd().split('\n');
    const header = headerLine.split(/ {2,}/);
    const starts: number[] = [];
    let at = 0;
    for (const cell of header) {
      const index = headerLine.indexOf(cell, at);
      starts.push(stringWidth(headerLine.slice(0, index)));
      at = index + cell.length;
    }
    const rows = lines
      .filter((line) => !/^\s+(说明：|note: )/.test(line)) // a row's note, on a line of its own below it
      .map((line) =>
        starts.map((start, c) => {
          const end = c + 1 < starts.length ? starts[c + 1] : Infinity;
          const cut = sliceColumns(line, start, end);
          expect(cut.trim() === '' || !cut.startsWith(' '), `「${line}」 column ${header[c]}`).toBe(true);
          if (end !== Infinity && stringWidth(line) > end) expect(sliceColumns(line, end - 2, end), `「${line}」 before ${header[c + 1]}`).toBe('  ');
          return cut.trim();
        }),
      );
    return { title, header, rows };
  });
}

function section(all: Section[], title: string): Section {
  const found = all.find((s) => s.title.startsWith(title));
  if (!found) throw new Error(`no section ${title} in ${all.map((s) => s.title).join(', ')}`);
  return found;
}

/** The row whose first cell is `key`, as header → cell. */
function row(s: Section, key: string): Record<string, string> {
  const cells = s.rows.find((r) => r[0] === key);
  if (!cells) throw new Error(`no row ${key} in ${s.title}`);
  return Object.fromEntries(s.header.map((h, i) => [h, cells[i]]));
}

const KIND_WORDS_EN = /\b(flag|count|judged|deduct|rank|rate|score|bonus|deduction)\b/;
/** Traditional-only characters of clause labels and numbering (第九條, 項, 號, 節 …). */
const TRADITIONAL_LABEL = /[條項號節編則點款類]/;

describe('assess rules <id>', () => {
  it('chengdu2006: items, groups and caps, totals, the 优秀 quota and the three tiers; no 奖励 or 等次 column', async () => {
    const out = (await run(['rules', 'chengdu2006']));
    expect(out.code).toBe(0);
    const all = sections(out.stdout);
    expect(all.map((s) => s.title)).toEqual(['条目（23）', '组与上限（3）', '总分规则（5）', '等级（1）', '圈层（3）']);
    const items = section(all, '条目');
    expect(items.header).toEqual(['编码', '名称', '种类', '性质', '分值', '上限', '空白按', '组', '条款', '原文']);
    expect(items.rows).toHaveLength(23);
    // 第九條(四): 调研文章 市級每篇加0.5分 …… 累計加分不超過4分 (the cap is the group's).
    expect(row(items, '9.4.city')).toEqual({ 编码: '9.4.city', 名称: '调研文章在市级刊物发表', 种类: '计数', 性质: '加分', 分值: '0.5', 上限: '', 空白按: '', 组: '9.4', 条款: '第九条(四)', 原文: '市級每篇加0.5分' });
    // 第九條(三): 按項加0.5分,累計加分不超過2分.
    expect(row(items, '9.3')).toMatchObject({ 种类: '计数', 分值: '0.5', 上限: '2', 条款: '第九条(三)' });
    // 第八條(一): 設立了政務服務中心機構並正常運行的得基本分70分 — a flag, set unless entered otherwise.
    expect(row(items, '8.1')).toMatchObject({ 种类: '是否', 性质: '得分', 分值: '70', 空白按: '是', 条款: '第八条(一)' });
    // 第九條(一): 加1—5分, judged by the assessment group.
    expect(row(items, '9.1')).toMatchObject({ 种类: '评分', 分值: '0–5' });
    // 第十條(五): 通報批評的,每次扣5分.
    expect(row(items, '10.5')).toMatchObject({ 种类: '计数', 性质: '扣分', 分值: '5', 条款: '第十条(五)' });
    const groups = section(all, '组与上限');
    expect(groups.rows.map((r) => [r[0], r[2], r[3]])).toEqual([['9.4', '4', '第九条(四)'], ['9.5', '4', '第九条(五)'], ['9.6', '4', '第九条(六)']]);
    const totals = section(all, '总分规则');
    expect(totals.rows.map((r) => [r[1], r[2]])).toEqual([
      ['30', '第八条(一)'],
      ['是', '第十条(八)'],
      ['每个圈层', '第十一条(一)'],
      // 第八條(二): 實得分=實得基本分+實得加分-實際扣分 — cited when an office's own sum is wrong.
      ['实得分 = 实得基本分 + 实得加分 − 实际扣分', '第八条(二)'],
      ['待定', '第十一条(一)'],
    ]);
    const levels = section(all, '等级');
    expect(row(levels, '优秀')).toMatchObject({ 条款: '第十一条(一)' });
    expect(row(levels, '优秀').评定).toContain('30%');
    const tiers = section(all, '圈层');
    // 第四條: 第一圈(中心城區:錦江區、青羊區、金牛區、武侯區、成華區和高新區).
    expect(row(tiers, '第一圈')).toMatchObject({ 单位: '锦江区、青羊区、金牛区、武侯区、成华区、高新区', 条款: '第四条' });
    expect(out.stdout).not.toContain('奖励');
    expect(out.stdout.split('原文为繁体')).toHaveLength(2); // said once
  });

  it('county2013: tasks full when empty, the same-matter and one-time groups, both caps of 10', async () => {
    const all = sections((await run(['rules', 'county2013'])).stdout);
    expect(all.map((s) => s.title)).toEqual(['条目（32）', '组与上限（6）', '总分规则（2）']);
    const items = section(all, '条目');
    // 目标任务分解表: T1 分值 20; an empty cell is the full 分值 (spec).
    expect(row(items, 'T1')).toMatchObject({ 种类: '评分', 性质: '得分', 分值: '0–20', 空白按: '满分', 条款: '目标任务分解表' });
    // 一、2: 受到县委、政府或市级部门表彰的,每项加1分 (same matter: highest only).
    expect(row(items, 'B2.county')).toMatchObject({ 种类: '计数', 性质: '加分', 分值: '1', 组: 'B2' });
    const groups = section(all, '组与上限');
    expect(row(groups, 'B2').规则).toBe('同一事项就高不就低');
    expect(row(groups, 'D4').规则).toContain('一次性'); // 二、4: 有下列情形的,一次性扣减10分
    const totals = section(all, '总分规则');
    // 附件2: 加分、减分不超过10分.
    expect(totals.rows.map((r) => [r[1], r[2]])).toEqual([['10', '附件2'], ['10', '附件2']]);
    expect((await run(['rules', 'county2013'])).stdout).not.toContain('原文为繁体');
  });

  it('tacheng2020: no items of its own, 百分制 bounds and the four grade bands of 四(三)', async () => {
    const out = (await run(['rules', 'tacheng2020']));
    expect(out.stdout).toContain('条目（0）\n无\n');
    const all = sections(out.stdout.replace('条目（0）\n无\n\n', ''));
    const totals = section(all, '总分规则');
    expect(totals.rows.map((r) => [r[0], r[1]])).toEqual([['评分表各列为项目得分', '是'], ['最低分（百分制）', '0'], ['最高分（百分制）', '100']]);
    const grades = section(all, '等次');
    // 四(三): 优秀(90分以上) 良好(80—89分) 合格(60—79分) 不合格(60分以下); fractional scores run up to the next band.
    expect(grades.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['优秀', '得分 ≥ 90', '四(三)'],
      ['良好', '80 ≤ 得分 < 90', '四(三)'],
      ['合格', '60 ≤ 得分 < 80', '四(三)'],
      ['不合格', '得分 < 60', '四(三)'],
    ]);
  });

  it('govinfo: points and rewards in yuan, the two thresholds of 五(四) and the 12-month check', async () => {
    const all = sections((await run(['rules', 'govinfo'])).stdout);
    expect(all.map((s) => s.title)).toEqual(['条目（27）', '阈值（2）', '校验（1）']);
    const items = section(all, '条目');
    expect(items.header).toContain('奖励(元)');
    // 三(一)3: 被《政务》采用单条信息计10分; 四(一): 每条奖励20元.
    expect(row(items, 'S3.single')).toMatchObject({ 种类: '计数', 分值: '10', '奖励(元)': '20', 条款: '三(一)3, 四(一)' });
    // 四(三): reward only, no points.
    expect(row(items, 'R3')).toMatchObject({ 分值: '', '奖励(元)': '100' });
    // 三(二)3: 信息失实,造成严重后果的,扣50-100分 (per incident).
    expect(row(items, 'K3')).toMatchObject({ 种类: '评分', 性质: '扣分', 单次: '50–100' });
    const thresholds = section(all, '阈值');
    expect(thresholds.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['不得参评先进单位和先进个人', '扣分 ≥ 100', '五(四)'],
      ['予以通报批评', '扣分 ≥ 200', '五(四)'],
    ]);
    expect(section(all, '校验').rows[0][1]).toBe('S2 + K2 ≤ 12');
  });

  it('township2022: deduct items with their steps and counters, rank and rate items, levels by rank with their points', async () => {
    const all = sections((await run(['rules', 'township2022'])).stdout);
    expect(all.map((s) => s.title)).toEqual(['条目（50）', '组与上限（1）', '总分规则（2）', '等级（3）']);
    const items = section(all, '条目');
    expect(items.header).not.toContain('奖励(元)');
    // 1.2: 分值 2, 发现一处不一致扣0.5分.
    expect(row(items, '1.2')).toMatchObject({ 种类: '扣减', 分值: '2', 步长: '0.5' });
    // 1.4: 分值 2, counters 少一个制度 / 未执行 0.5 each.
    expect(row(items, '1.4.missing')).toMatchObject({ 种类: '计数', 分值: '', 步长: '0.5', 所属条目: '1.4' });
    // 3.1: 第一名4分,第二名3.8分 …… 20名以后均得0.2分.
    expect(row(items, '3.1')).toMatchObject({ 种类: '排名', 分值: '4', 步长: '0.2', 保底: '0.2' });
    // 5.3: 每降低0.01个百分点扣0.2分.
    expect(row(items, '5.3')).toMatchObject({ 种类: '比率', 分值: '2', 步长: '0.2/0.01个百分点' });
    // 1.1: judged 0–3, empty = not scored.
    expect(row(items, '1.1')).toMatchObject({ 种类: '评分', 分值: '0–3', 空白按: '未评分' });
    const levels = section(all, '等级');
    // 四(一): 前两名一等, 第三至第六名二等, 第七至第十一名三等; 五.1: 加5分、3分、2分.
    expect(levels.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['一等', '第 1–2 名', '+5'],
      ['二等', '第 3–6 名', '+3'],
      ['三等', '第 7–11 名', '+2'],
    ]);
  });

  it('Chinese output has no Traditional clause label and no English kind name, for every built-in ruleset', async () => {
    for (const id of ['chengdu2006', 'county2013', 'tacheng2020', 'govinfo', 'township2022']) {
      const out = (await run(['rules', id])).stdout;
      const all = sections(out.replace('条目（0）\n无\n\n', ''));
      for (const s of all) {
        const clause = s.header.indexOf('条款');
        expect(clause, `${id} ${s.title}`).toBeGreaterThan(0);
        for (const r of s.rows) expect(r[clause], `${id} ${s.title} ${r[0]}`).not.toMatch(TRADITIONAL_LABEL);
        for (const r of s.rows) expect(r.slice(1, clause).join(' '), `${id} ${s.title} ${r[0]}`).not.toMatch(KIND_WORDS_EN);
        expect(s.header.join(' ')).not.toMatch(/[A-Za-z]/);
      }
    }
    // The quote stays as the source has it: chengdu2006's is Traditional.
    expect((await run(['rules', 'chengdu2006'])).stdout).toContain('第九条(四)  市級每篇加0.5分');
  });

  it('--lang en prints English only where the ruleset has it: headers, kinds, roles, labelEn', async () => {
    const out = (await run(['rules', 'chengdu2006', '--lang', 'en'])).stdout;
    const items = section(sections(out), 'items');
    expect(items.header.slice(0, 4)).toEqual(['code', 'label', 'kind', 'role']);
    expect(row(items, '9.3')).toMatchObject({ label: 'Innovative service measures first in the province/city', kind: 'count', role: 'bonus' });
    expect(out).not.toMatch(/条目|原文为繁体|说明：/);
  });

  it('the list of rulesets is a table with a header row', async () => {
    const [list] = sections(`\n\n规则集\n${(await run(['rules'])).stdout}`);
    expect(list.header).toEqual(['编号', '版本', '生效日期', '名称']);
    expect(row(list, 'govinfo')).toEqual({ 编号: 'govinfo', 版本: '1.0', 生效日期: '未注明', 名称: '政务信息工作考核规定（区级）' });
  });
});

describe('check and score name findings as a clerk reads them', () => {
  it('chengdu2006 example: the 第三圈 quota tie is 同分待定 (not the code level), its clause in Simplified, 原文为繁体 said once', async () => {
    // EXPECTED.md: 第三圈 quota floor(30% × 8) = 2; 都江堰市 85.5 takes place 1; 崇州市 and 金堂县 tie at 80.5
    // for place 2 → both 待定 (第十一條(一)).
    const out = (await run(['check', join(root, 'examples/chengdu2006.xlsx'), '--rules', 'chengdu2006']));
    expect(out.code).toBe(3);
    const lines = out.stdout.trim().split('\n');
    const tie = lines.filter((line) => line.includes('同分待定'));
    expect(tie.map((line) => line.split(/ {2}/).slice(0, 3))).toEqual([['问题', '崇州市', '同分待定'], ['问题', '金堂县', '同分待定']]);
    expect(tie.every((line) => line.includes('[第十一条(一)：每圈層評選優秀的比例不超過該圈層單位總數的30%]'))).toBe(true);
    expect(out.stdout).not.toMatch(/ {2}level {2}/);
    expect(out.stdout).not.toMatch(/第[一二三四五六七八九十]+條/);
    expect(lines.filter((line) => line.includes('原文为繁体'))).toEqual(['注：原文为繁体，引文照录原文。']);
    const table = (await run(['score', join(root, 'examples/chengdu2006.xlsx'), '--rules', 'chengdu2006'])).stdout;
    expect(table).toMatch(/^崇州市 +80\.5 +9 +待定 +.*（第十一条\(一\)）$/m);
    expect(table.split('\n')[0].split(/ +/)).toEqual(['单位', '得分', '名次', '等级', '提示']); // no 等次 or 奖励(元): chengdu2006 has none
  });
});

describe('usage errors in Chinese and English', () => {
  it('unknown option, unknown command, missing option value, missing option, too many arguments: exit 2, both languages, no English-only line', async () => {
    const cases: Array<[string[], string, string]> = [
      [['rules', '--colour'], '未知的选项 --colour', 'unknown option --colour'],
      [['rulez'], '未知的命令 rulez', 'unknown command rulez'],
      [['score', 'a.csv', '-r'], '选项 -r, --rules <rules> 缺少值', 'option -r, --rules <rules> needs a value'],
      [['check', 'a.csv'], '缺少必需的选项 -r, --rules <rules>', 'required option -r, --rules <rules> not given'],
      [['rules', 'a', 'b'], '参数过多', 'too many arguments'],
    ];
    for (const [args, zh, en] of cases) {
      const out = (await run(args));
      expect(out.code, args.join(' ')).toBe(2);
      const [zhLine, enLine, rest] = out.stderr.split('\n');
      expect(zhLine.startsWith(`错误：${zh}`), out.stderr).toBe(true);
      expect(enLine.startsWith(`Error: ${en}`), out.stderr).toBe(true);
      expect(rest).toBe('');
    }
    // commander's suggestion is kept, in both languages.
    expect((await run(['rulez'])).stderr).toContain('是否要输入 rules？');
  });

  it('a missing argument names it with its description', async () => {
    const out = (await run(['score', '-r', 'chengdu2006']));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('错误：缺少参数 <file>（数据文件 .xlsx 或 .csv');
    expect(out.stderr).toContain('Error: missing argument <file> (usage: assess score --help)');
  });

  it('help has its headings and defaults in both languages', async () => {
    const help = (await run(['score', '--help']));
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法 \/ Usage: assess score \[options\] <file>$/m);
    expect(help.stdout).toContain('选项 / Options:');
    expect(help.stdout).toContain('参数 / Arguments:');
    expect(help.stdout).toContain('输出格式 table | json | csv（默认 / default: "table"）');
    expect(help.stdout).toContain('-h, --help                  显示帮助 / show help');
    expect(help.stdout).not.toMatch(/^(Usage|Options|Arguments):/m);
  });

  it('--lang picks one language for errors', async () => {
    expect((await run(['rules', 'nosuch', '--lang', 'zh'])).stderr).toBe('错误：没有名为「nosuch」的内置规则集；可用：chengdu2006、county2013、tacheng2020、govinfo、township2022\n');
    expect((await run(['rules', 'nosuch', '--lang', 'en'])).stderr).toMatch(/^Error: no built-in ruleset "nosuch"[^\n]*\n$/);
  });
});
