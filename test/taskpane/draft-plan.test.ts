/**
 * The pane's 从细则起草 plan (issue 21.5), pure: a regulation text → the new ruleset sheet (its
 * clause and quote beside each record), the records to confirm marked (fill + note), the sheet of
 * unread sentences, and the clause-by-clause list the pane shows. The text is real: 三、考核标准 of
 * ../shared/regulations/govinfo.md (items 三(一)7, 8 and 三(二)1, 3, as written) and the sentence
 * 四(四) of ../shared/regulations/tacheng2020.md, which states a score but no rule.
 *
 * Worked by hand from the sentences:
 *  - 三(一)7 每条计5分 → a count item, 5 points each;      三(一)8 每次加20分 → a count item, 20 each;
 *  - 三(二)1 "…的，扣20分": once or per occurrence? (the issue's own example) → a flag deducting 20,
 *    to confirm;  三(二)3 扣50-100分 → judged per incident 50–100, to confirm;
 *  - 四(四) 考核最终得分纳入… states a score and no rule → unread.
 * Rows of the sheet: header (1), 规则集 (2), 3.1.7 (3), 3.1.8 (4), 3.2.1 (5), 3.2.3 (6).
 */
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compileRulesetTable } from '../../src/core';
import iconv from 'iconv-lite';
import { DRAFT_FILL, DRAFT_RULES_SHEET, DRAFT_UNREAD_SHEET, draftEntries, draftFromText, draftSheets, regulationText } from '../../src/taskpane/draft-plan';
import { blocksOfDocx } from '../../src/taskpane/draft-docx';
import { GOVINFO_EXCERPT } from './draft-text';


type Row = Array<string | number | boolean>;

function rowsOf(values: Row[][]): Array<Record<string, string | number | boolean>> {
  const [header, ...rows] = values.flat();
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]]).filter(([, v]) => v !== '')));
}

describe('从细则起草: the sheet plan', () => {
  const draft = draftFromText(GOVINFO_EXCERPT, '粘贴的文本');
  const sheets = draftSheets(draft);
  const values = sheets.rules.plan.blocks.flatMap((block) => block.values ?? []) as Row[];

  it('puts 条款 and 原文 beside each record (columns D, E after 类型 编码 名称), and names the new sheet 规则集（草稿）', () => {
    expect(sheets.rules.plan.name).toBe(DRAFT_RULES_SHEET);
    expect(DRAFT_RULES_SHEET).toBe('规则集（草稿）');
    expect(values[0].slice(0, 5)).toEqual(['类型', '编码', '名称', '条款', '原文']);
    expect(sheets.rules.range).toBe(`A1:${String.fromCharCode(64 + values[0].length)}6`);
  });

  it('drafts the records worked by hand from the sentences', () => {
    const rows = rowsOf([values]);
    expect(rows).toHaveLength(5);
    expect(rows[0].类型).toBe('规则集');
    expect(rows.slice(1).map((r) => [r.编码, r.条款, r.原文, r.种类, r.性质 ?? '', r.分值 ?? '', r.单次下限 ?? '', r.单次上限 ?? ''])).toEqual([
      ['3.1.7', '三(一)7', '被政府网站“今日”采用的信息,每条计5分', '计数', '', 5, '', ''],
      ['3.1.8', '三(一)8', '被区领导批示的信息,每次加20分', '计数', '', 20, '', ''],
      ['3.2.1', '三(二)1', '单位领导不重视对政务信息工作督促不力的,扣20分', '是否', '扣分', 20, '', ''],
      ['3.2.3', '三(二)3', '造成严重后果的,扣50-100分', '评分', '扣分', '', 50, 100],
    ]);
    // The table is a ruleset the pane's 校验规则表 reads as it is.
    expect(compileRulesetTable(values).items.map((item) => item.code)).toEqual(expect.arrayContaining(['3.1.7', '3.1.8', '3.2.1', '3.2.3']));
  });

  it('marks the records to confirm: rows 5 and 6 filled across the table, a note on their 类型 cell saying what was chosen', () => {
    const marks = sheets.confirmMarks('规则集（草稿） (2)');
    const width = values[0].length;
    expect(marks).toHaveLength(2 * width);
    expect(new Set(marks.map((m) => m.cell.replace(/^[A-Z]+/, '')))).toEqual(new Set(['5', '6']));
    expect(marks.every((m) => m.sheet === '规则集（草稿） (2)' && m.fill === DRAFT_FILL)).toBe(true);
    const notes = marks.filter((m) => m.note !== null);
    expect(notes.map((m) => m.cell)).toEqual(['A5', 'A6']);
    expect(notes[0].note).toMatch(/^【ASSESS】待确认（三\(二\)1）：.*读作一次（是\/否）/);
    expect(notes[1].note).toMatch(/^【ASSESS】待确认（三\(二\)3）：每起扣50–100分/);
  });

  it('writes the unread sentence on a sheet of its own with its clause and why', () => {
    expect(sheets.unread.name).toBe(DRAFT_UNREAD_SHEET);
    expect(sheets.unread.activate).toBe(false);
    const rows = sheets.unread.blocks.flatMap((block) => block.values ?? []);
    expect(rows[0]).toEqual(['条款', '原文', '原因']);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([['四(四)', '考核最终得分纳入地区绩效目标管理考核体系']]);
    expect(String(rows[1][2])).toMatch(/得分/);
  });

  it('lists clause by clause what each became, the ones to confirm and the unread marked', () => {
    const entries = draftEntries(draft);
    expect(entries.map((e) => [e.clause, e.records.map((r) => [r.code, r.confirm]), e.unread.length])).toEqual([
      ['三(一)7', [['3.1.7', false]], 0],
      ['三(一)8', [['3.1.8', false]], 0],
      ['三(二)1', [['3.2.1', true]], 0],
      ['三(二)3', [['3.2.3', true]], 0],
      ['四(四)', [], 1],
    ]);
    expect(entries[0].quote).toBe('被政府网站“今日”采用的信息,每条计5分');
    expect(entries[0].records[0].zh).toBe('条目 3.1.7：计数，每次 5 分');
    expect(entries[2].records[0].zh).toBe('条目 3.2.1：是否，扣分，20 分');
    expect(entries[3].records[0].zh).toBe('条目 3.2.3：评分，扣分，每起 50–100 分');
    expect(entries[3].records[0].en).toBe('item 3.2.3: judged, deduction, 50–100 per incident');
  });

  it('a .txt opened in the pane reads as UTF-8 (with or without a BOM) or GBK, as the CLI reads it', () => {
    const line = '8、被区领导批示的信息,每次加20分。';
    expect(regulationText(new TextEncoder().encode(line))).toBe(line);
    expect(regulationText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(line)]))).toBe(line);
    expect(regulationText(new Uint8Array(iconv.encode(line, 'gbk')))).toBe(line);
  });

  it('a text with no rule in it is refused with a bilingual message, nothing written', () => {
    expect(() => draftFromText('   \n\n', '粘贴的文本')).toThrow(/没有可起草的内容.*nothing to draft/s);
  });
});

describe('从细则起草: a .docx read in the browser (fflate + saxes + the shared src/core/draft/docx-xml.ts)', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const docx = (body: string) => zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`), '[Content_Types].xml': strToU8('<Types/>') });

  it('reads paragraphs and a 分值 table row by row', () => {
    const bytes = docx(`${para('三、考核标准')}${para('8、被区领导批示的信息,每次加20分。')}<w:tbl><w:tr><w:tc>${para('指标')}</w:tc><w:tc>${para('分值')}</w:tc></w:tr><w:tr><w:tc>${para('信息报送')}</w:tc><w:tc>${para('20')}</w:tc></w:tr></w:tbl>`);
    expect(blocksOfDocx(bytes, '细则.docx')).toEqual([
      { kind: 'paragraph', text: '三、考核标准' },
      { kind: 'paragraph', text: '8、被区领导批示的信息,每次加20分。' },
      { kind: 'table', rows: [['指标', '分值'], ['信息报送', '20']] },
    ]);
  });

  it('refuses what is not a .docx, naming the file, in Chinese and English', () => {
    expect(() => blocksOfDocx(strToU8('not a zip'), '细则.docx')).toThrow(/细则\.docx 不是有效的 \.docx 文档.*not a valid \.docx/s);
    expect(() => blocksOfDocx(zipSync({ 'a.txt': strToU8('x') }), '细则.docx')).toThrow(/缺少 word\/document\.xml.*word\/document\.xml is missing/s);
    expect(() => blocksOfDocx(docx('<w:p><w:r><w:t>unclosed'), '细则.docx')).toThrow(/细则\.docx 已损坏.*damaged/s);
  });

  it('refuses a body nested deeper than 256 elements (a crafted file), naming the file', () => {
    const deep = `${'<w:p>'.repeat(300)}${'</w:p>'.repeat(300)}`;
    expect(() => blocksOfDocx(docx(deep), '细则.docx')).toThrow(/细则\.docx.*256/s);
  });
});

describe('从细则起草: a share and a mean shown as read (issue 21.3)', () => {
  // test/core/draft/texts/quarterly-shares.md, 一、4: the quarters' mean at 95%, the rest 5%.
  const sentence = '4.季度综合评价得分按百分制计算,4个季度综合评分结果占年度综合评分的95%,另外5%由厅考核领导小组成员评价。';

  it('the clause lists the two groups as 取平均，占比 95% and 占比 5%', () => {
    const groups = draftEntries(draftFromText(sentence, '粘贴的文本')).flatMap((entry) => entry.records).filter((record) => record.type === 'group');
    expect(groups.map((record) => record.zh.split('：')[1])).toEqual(['取平均，占比 95%', '占比 5%']);
    expect(groups.map((record) => record.en.split(': ')[1])).toEqual(['mean, share 95%', 'share 5%']);
  });
});
