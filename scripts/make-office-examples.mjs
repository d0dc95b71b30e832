#!/usr/bin/env node
/**
 * Writes the example workbooks in the shapes assessment offices keep (issue 10,
 * ../shared/design/office-sheets.md): points already entered by the assessor, the office's own
 * subtotals, totals, ranks and levels, title rows, two-row merged headers, notes and sign-off
 * lines, a hidden column — each with planted mistakes:
 *
 *   examples/office/chengdu2006-summary.xlsx  汇总表: category points under 第九条 加分 / 第十条 扣分,
 *                                             加分小计, 扣分小计, 总分, 等次 (20 units, 3 圈层)
 *   examples/office/township2022-forms.xlsx   a 汇总 sheet (总分, 名次, 等级, 加分) + 11 评分表 sheets
 *   examples/office/county2013-columns.xlsx   tasks as rows, counties as columns, 加分, 扣分, 总分
 *
 * The data is defined here and nowhere else. Every value and every planted mistake is worked by
 * hand in examples/EXPECTED.md (§ Sheets as offices keep them) and asserted by
 * test/cli/office-examples.test.ts on copies LibreOffice re-saves at test time.
 *
 * Usage: node scripts/make-office-examples.mjs [outDir]   (default: <repo>/examples/office)
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newWorkbook } from './example-workbook.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'examples', 'office'));

const THIN = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const FONT = { name: '宋体', size: 10 };

/** Points add up in tenths here; a formula's cached result is the exact decimal (as Excel shows it). */
function sum(values) {
  return values.reduce((total, v) => total + Math.round((v ?? 0) * 10), 0) / 10;
}

function colName(c) {
  let name = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Borders, font and alignment over a block of cells (1-based, inclusive). */
function frame(sheet, top, left, bottom, right, { header = false } = {}) {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = BORDER;
      cell.font = header ? { ...FONT, bold: true } : FONT;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      if (header) cell.fill = HEADER_FILL;
    }
  }
}

function title(sheet, text, width) {
  sheet.getCell(1, 1).value = text;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).font = { name: '宋体', size: 16, bold: true };
  sheet.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
}

/** A line under (or above) the table in one cell merged across it: notes, 制表人/审核人. */
function line(sheet, row, text, width) {
  sheet.getCell(row, 1).value = text;
  sheet.mergeCells(row, 1, row, width);
  sheet.getCell(row, 1).font = FONT;
  sheet.getCell(row, 1).alignment = { horizontal: 'left', vertical: 'middle' };
}

// ───────────────────────────── chengdu2006 汇总表 ─────────────────────────────
// Points per sub-clause of 第九条 (bonus, （一）…（九）) and 第十条 (deductions, （一）…（七）).
// Planted: 金牛区 九(三) 0.7 (off the 0.5 grid); 武侯区 九(四) 4.5 (cap 4) and the subtotal/total
// summed with it; 新都区 总分 82 typed over the formula (81); 彭州市 总分 68 = 70 + 5 − 7 ignoring
// 第十條(八) (70); 第三圈 three 优秀 where two are allowed (新津区).

const CHENGDU = [
  ['第一圈', '锦江区', [4.5, 4, 1.5, 2, 1.5, 1, 0.5, 1, null], { 2: 2 }],
  ['第一圈', '青羊区', [5, 4.5, 2, 3, 2.5, 2, 1, null, 0.5], {}, { level: '优秀' }],
  ['第一圈', '金牛区', [4, 3.5, 0.7, 1, null, 0.5, null, null, null], { 5: 5 }],
  ['第一圈', '武侯区', [5, 5, 1.5, 4.5, 2, 3, null, 1, 1], { 3: 2, 4: 2 }],
  ['第一圈', '成华区', [3.5, 3, 0.5, null, 1, null, 0.5, null, null], { 1: 2, 6: 3 }],
  ['第一圈', '高新区', [5, 4.5, 2, 2.5, 1.5, 2, null, 1.5, null], {}],
  ['第二圈', '龙泉驿区', [4, 3.5, null, 1, null, 1.5, null, null, 0.5], { 2: 2 }],
  ['第二圈', '青白江区', [3, 3, null, null, 0.5, null, null, 0.5, null], { 3: 2 }],
  ['第二圈', '新都区', [4.5, 4, 1, 2, 1, 0.5, null, null, null], { 2: 2 }, { total: 82 }],
  ['第二圈', '温江区', [4, 4, null, 1.5, null, 1, 1, null, null], {}],
  ['第二圈', '双流区', [5, 4.5, 1.5, 2.5, 2, 1.5, null, 1, null], { 3: 2 }, { level: '优秀' }],
  ['第二圈', '郫都区', [3.5, 3, null, null, null, 0.5, null, null, null], { 5: 5 }],
  ['第三圈', '都江堰市', [4.5, 4.5, 1, 1.5, 1.5, 2, 0.5, null, null], {}, { level: '优秀' }],
  ['第三圈', '彭州市', [3, 2, null, null, null, null, null, null, null], { 2: 2, 5: 5 }, { note: '减分7分，超过加分' }],
  ['第三圈', '邛崃市', [3.5, 3.5, null, 0.5, null, null, null, null, 0.5], {}],
  ['第三圈', '崇州市', [4, 4, 1, 1, 1, 1, null, 0.5, null], { 1: 2 }],
  ['第三圈', '金堂县', [4.5, 4, 1.5, 2, 1, 1.5, null, null, 1], { 2: 2 }, { level: '优秀' }],
  ['第三圈', '大邑县', [3.5, 3, null, null, null, 1, null, null, null], {}],
  ['第三圈', '蒲江县', [3, 3, null, null, null, null, 0.5, null, null], {}],
  ['第三圈', '新津区', [4, 4, 1, 1.5, 0.5, 1, null, null, null], {}, { level: '优秀' }],
];
const SUB = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）'];

async function chengdu() {
  const workbook = newWorkbook('成都市政府政务服务中心', '2006-12-28T09:00:00Z');
  const sheet = workbook.addWorksheet('2006年度汇总', { views: [{ state: 'frozen', xSplit: 3, ySplit: 3 }] });
  const width = 24; // A 序号 … X 备注
  title(sheet, '成都市2006年度区(市)县政府政务服务中心工作考核汇总表', width);
  // Two-row header: 序号/单位/圈层 and the office's columns merged down; 加分 / 扣分 merged across.
  const top = ['序号', '单位', '圈层', '第九条 加分', ...Array(8).fill(null), '第十条 扣分', ...Array(6).fill(null), '加分小计', '扣分小计', '总分', '等次', '备注'];
  const sub = [null, null, null, ...SUB, ...SUB.slice(0, 7), null, null, null, null, null];
  sheet.getRow(2).values = top;
  sheet.getRow(3).values = sub;
  for (const c of [1, 2, 3, 20, 21, 22, 23, 24]) sheet.mergeCells(2, c, 3, c);
  sheet.mergeCells(2, 4, 2, 12);
  sheet.mergeCells(2, 13, 2, 19);
  frame(sheet, 2, 1, 3, width, { header: true });

  const first = 4;
  CHENGDU.forEach(([tier, unit, bonus, deductions, office = {}], i) => {
    const r = first + i;
    const minus = Array.from({ length: 7 }, (_, k) => deductions[k + 1] ?? null);
    const bonusSum = sum(bonus);
    const minusSum = sum(minus);
    const total = { formula: `70+T${r}-U${r}`, result: sum([70, bonusSum, -minusSum]) };
    sheet.getRow(r).values = [
      i + 1,
      unit,
      tier,
      ...bonus,
      ...minus,
      { formula: `SUM(D${r}:L${r})`, result: bonusSum },
      { formula: `SUM(M${r}:S${r})`, result: minusSum },
      office.total ?? total, // a value typed over the formula
      office.level ?? null,
      office.note ?? null,
    ];
  });
  const last = first + CHENGDU.length - 1;
  frame(sheet, first, 1, last, width);
  // 圈层 merged down over each circle's rows, as offices lay it out.
  let start = first;
  for (let r = first + 1; r <= last + 1; r++) {
    if (r > last || CHENGDU[r - first][0] !== CHENGDU[start - first][0]) {
      sheet.mergeCells(start, 3, r - 1, 3);
      start = r;
    }
  }
  line(sheet, last + 2, '注：加分、扣分按《实施细则》第九条、第十条各项填写实得分；总分＝基本分70＋加分小计－扣分小计；每圈层优秀不超过该圈层单位总数的30%。', width);
  // The sign-off typed across the row, one cell each (under 单位, an item, 加分小计).
  sheet.getCell(last + 3, 2).value = '制表人：王丽';
  sheet.getCell(last + 3, 10).value = '审核人：陈刚';
  sheet.getCell(last + 3, 20).value = '日期：2006年12月28日';
  sheet.getColumn(1).width = 5;
  sheet.getColumn(2).width = 10;
  sheet.getColumn(3).width = 8;
  for (let c = 4; c <= 19; c++) sheet.getColumn(c).width = 6;
  for (let c = 20; c <= 23; c++) sheet.getColumn(c).width = 8;
  sheet.getColumn(24).width = 20;
  sheet.getColumn(24).hidden = true; // the clerk's working notes, hidden before printing
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  await workbook.xlsx.writeFile(join(outDir, 'chengdu2006-summary.xlsx'));
}

// ───────────────────────────── township2022 评分表 + 汇总 ─────────────────────────────
// The attachment's 37 rows (township2022-table.md): 序号, 项目, 条目 and criterion (评选内容), 分值.

const TOWNSHIP_ROWS = [
  [1, '场所规范建设', '1.1', '规范场所建设：合理设置办公区、填单区、等候区，提供老花镜、饮水机等便民设施', 3],
  [1, '场所规范建设', '1.2', '符号和标志标准：形象标识与标准体系要求一致，发现一处不一致扣0.5分', 2],
  [1, '场所规范建设', '1.3', '窗口设置：设立2个全科受理窗口，少设置一个窗口扣2分', 2],
  [1, '场所规范建设', '1.4', '中心制度建设：制度上墙，少一个制度扣0.5分；一个制度未执行扣0.5分', 2],
  [2, '硬件设施', '2.1', '高拍仪、监控、打印机、自助服务一体机、取号机、LED显示屏：缺少一个或无法正常工作扣0.5分', 2],
  [2, '硬件设施', '2.2', '电脑：每发现一台电脑无法正常操作扣1分', 2],
  [3, '服务标准化', '3.1', 'e手机端+个体工商户+异地通办等办件量：按办件数量排名，第一名4分，依次递减0.2分', 4],
  [3, '服务标准化', '3.2', '实行一次性告知：每少登记一件扣0.5分', 2],
  [3, '服务标准化', '3.3', '办件录入、办件预审：未及时录入每件扣0.3分；超期1件扣1分', 4],
  [3, '服务标准化', '3.4', '打印各类文书：每少打印一个文书扣0.2分', 1],
  [3, '服务标准化', '3.5', '挂起：一件未挂起扣1分', 3],
  [3, '服务标准化', '3.6', '电子证照应用比率：未按要求完全调用和反馈的，每件扣0.5分', 5],
  [3, '服务标准化', '3.7', '打印送达回证、准予许可通知书：每少打印一个文书扣0.2分', 1],
  [3, '服务标准化', '3.8', '评价：发现一个默认评价扣0.2分', 4],
  [3, '服务标准化', '3.9', '归档率：归档率100%，每低一个百分点扣0.2分', 2],
  [3, '服务标准化', '3.10', '窗口无否决权登记：每少登记一件扣0.5分', 2],
  [3, '服务标准化', '3.11', '系统实操：发现一项不符合规范扣0.5分，直至扣完本项得分', 5],
  [3, '服务标准化', '3.12', '材料移交：一个办件未登记扣0.1分', 1],
  [3, '服务标准化', '3.13', '印章使用：一个办件未登记扣0.1分', 1],
  [3, '服务标准化', '3.14', '标准的宣贯：每缺失一项扣1分', 5],
  [3, '服务标准化', '3.15', '标准化试点项目迎检材料：每缺失一项扣1分', 5],
  [4, '服务规范化', '4.1', '办事指南精准公开：每发现1份过期纸质办事指南扣0.5分', 1],
  [4, '服务规范化', '4.2', '办事指南准确度：发现一处错误扣0.5分', 3],
  [4, '服务规范化', '4.3', '事项绑定与进驻：应进驻事项未在大厅办理的，每发现一个扣2分', 2],
  [4, '服务规范化', '4.4', '材料收取：每多收取一份材料扣1分，同一事项同一材料不累计扣分', 3],
  [4, '服务规范化', '4.5', '按时办结：每超期一件扣1分', 5],
  [4, '服务规范化', '4.6', '人员审核：各环节办理人与省网办理流程一致', 3],
  [5, '日常管理', '5.1', '着装：统一着装工作服', 1],
  [5, '日常管理', '5.2', '工作纪律：违反工作纪律每个问题扣0.5分；迟到、早退扣0.5分，缺席扣1分；视频监控通报、未正常办公每次扣2分', 3],
  [5, '日常管理', '5.3', '好差评·非常满意率：以100%为基数，每降低0.01个百分点扣0.2分', 2],
  [5, '日常管理', '5.4', '好差评·主动评价率：每低1个百分点扣0.3分', 3],
  [5, '日常管理', '5.5', '敏感词审核及差评整改：敏感词审核未按时完成每件扣0.5分；差评未按时整改每件扣1分', 2],
  [5, '日常管理', '5.6', '人员变动：提前一个月报备并做好交接', 3],
  [5, '日常管理', '5.7', '年度考核：工作人员中考核等次为优秀得2分', 2],
  [5, '日常管理', '5.8', '业务考核：培训考核结果未达到优秀，每人每次扣0.5分', 4],
  [5, '日常管理', '5.9', '服务特殊群体、帮代办、跨省通办、省内异地通办窗口设置：每发现一处问题扣0.5分，最高扣2分；未建立制度措施扣1分', 2],
  [6, '工作创新', '6.1', '政务服务创新工作：得到市县中心认可并推广的得3分', 3],
];

// 得分 that differ from the 分值, with the assessor's reason. Planted: 东关镇 1.2 2.5 (分值 2; its
// 合计 and the 汇总 总分 follow it); 西河镇 3.11 4.3 (not 5 less whole 0.5 steps).
const TOWNSHIPS = [
  ['城关镇', { '1.2': [1.5, '工作牌不一致1处'], '3.8': [3.4, '默认评价3个'], '5.4': [2.7, '主动评价率98.6%'] }],
  ['石桥镇', { '3.1': [3.8, '全县第2名'], '3.6': [4, '电子证照未调用2件'], '5.3': [1.6, '非常满意率99.98%'] }],
  ['东关镇', { '3.1': [3.6, '全县第3名'], '1.2': [2.5, '标识规范，加0.5分'], '2.1': [1.5, '取号机故障'], '3.4': [0.6, '少打印文书2个'], '6.1': [0, '无'] }],
  ['白沙镇', { '3.1': [3.4, '全县第4名'], '1.1': [2.5, '无24小时自助服务区'], '3.9': [1.8, '归档率98.5%'], '5.5': [1.5, '敏感词审核超时1件'], '6.1': [0, '无'] }],
  ['西河镇', { '3.1': [3.2, '全县第5名'], '3.11': [4.3, '系统实操不规范'], '4.6': [2.5, '个别环节办理人不一致'], '6.1': [0, '无'] }],
  ['青龙镇', { '3.1': [3, '全县第6名'], '3.14': [4, '宣贯记录缺失1项'], '6.1': [0, '无'] }],
  ['南山镇', { '3.1': [2.8, '全县第7名'], '3.3': [3.7, '未及时录入1件'], '4.2': [2.5, '指南错误1处'], '5.8': [3.5, '培训考核未达优秀1人次'] }],
  ['杨柳镇', { '3.1': [2.6, '全县第8名'], '3.6': [3.5, '电子证照未调用3件'], '3.8': [3, '默认评价5个'], '3.9': [1.4, '归档率96.4%'], '5.4': [2.1, '主动评价率97%'], '5.7': [0, '无优秀'], '6.1': [0, '无'] }],
  ['柳树乡', { '3.1': [2.4, '全县第9名'], '3.3': [2.1, '未及时录入3件，超期1件'], '4.5': [3, '超期办结2件'], '5.1': [0.5, '部分人员未着装'], '5.6': [2, '人员变动未提前报备'], '5.9': [1, '未建立特殊群体制度'], '6.1': [0, '无'] }],
  ['北坪乡', { '3.1': [2.2, '全县第10名'], '3.9': [1, '归档率95%'], '4.3': [0, '事项未进驻1个'], '5.2': [0, '违纪2个、缺席1次、视频通报1次'], '5.5': [0, '差评未整改3件'], '6.1': [0, '无'] }],
  ['马家乡', { '1.1': [2, '填单区未设置'], '1.4': [0.5, '少制度3个'], '2.2': [0, '电脑故障3台'], '3.1': [2, '全县第11名'], '5.4': [0.6, '主动评价率92%'], '5.7': [0, '无优秀'], '5.9': [0.5, '发现问题3处'], '6.1': [0, '无'] }],
];
// The 汇总 as the clerk wrote it, sorted by the clerk's 名次. Planted: 石桥镇 一等 +5 although
// criticized (二等 +3); 青龙镇 ranked 7th, 三等 +2, in a tie for 6th (6th, 二等, +3).
const SUMMARY = [
  ['城关镇', 1, '一等', 5, '否'],
  ['石桥镇', 2, '一等', 5, '是', '2022年6月被市效能办通报批评'],
  ['南山镇', 3, '二等', 3, '否'],
  ['东关镇', 4, '二等', 3, '否'],
  ['白沙镇', 5, '二等', 3, '否'],
  ['西河镇', 6, '二等', 3, '否'],
  ['青龙镇', 7, '三等', 2, '否'],
  ['杨柳镇', 8, '三等', 2, '否'],
  ['柳树乡', 9, '三等', 2, '否'],
  ['北坪乡', 10, '三等', 2, '否'],
  ['马家乡', 11, '三等', 2, '否'],
];
const FORM_TOTAL_ROW = 4 + TOWNSHIP_ROWS.length; // 41

async function township() {
  const workbook = newWorkbook('XX县行政服务中心', '2022-08-31T09:00:00Z');
  const totals = new Map();
  // 汇总 first: the sheet the office opens; the forms behind it.
  const summary = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 2 }] });
  for (const [unit, given] of TOWNSHIPS) {
    const sheet = workbook.addWorksheet(unit, { views: [{ state: 'frozen', ySplit: 3 }] });
    title(sheet, '2022年乡镇综合便民服务中心等级评定评分表', 6);
    line(sheet, 2, `单位：${unit}`, 6);
    sheet.getRow(3).values = ['序号', '项目', '评选内容', '分值', '得分', '扣分原因'];
    frame(sheet, 3, 1, 3, 6, { header: true });
    const points = [];
    TOWNSHIP_ROWS.forEach(([no, category, code, text, full], k) => {
      const r = 4 + k;
      const [value, reason] = given[code] ?? [full, null];
      points.push(value);
      sheet.getRow(r).values = [no, category, text, full, value, reason];
    });
    const total = sum(points);
    totals.set(unit, total);
    sheet.getRow(FORM_TOTAL_ROW).values = [null, '合计', null, 100, { formula: `SUM(E4:E${FORM_TOTAL_ROW - 1})`, result: total }, null];
    frame(sheet, 4, 1, FORM_TOTAL_ROW, 6);
    for (let r = 4; r < FORM_TOTAL_ROW; r++) sheet.getCell(r, 3).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    // 序号 and 项目 merged down over each category's rows.
    let start = 4;
    for (let r = 5; r <= FORM_TOTAL_ROW; r++) {
      if (r === FORM_TOTAL_ROW || TOWNSHIP_ROWS[r - 4][0] !== TOWNSHIP_ROWS[start - 4][0]) {
        if (r - 1 > start) {
          sheet.mergeCells(start, 1, r - 1, 1);
          sheet.mergeCells(start, 2, r - 1, 2);
        }
        start = r;
      }
    }
    line(sheet, FORM_TOTAL_ROW + 1, '评定人员：李明　赵强　　　复核：孙伟　　　评定日期：2022年8月26日', 6);
    [5, 12, 48, 6, 6, 22].forEach((w, i) => {
      sheet.getColumn(i + 1).width = w;
    });
  }

  title(summary, 'XX县2022年乡镇便民服务中心标准化等级评定汇总表', 8);
  summary.getRow(2).values = ['序号', '单位', '总分', '名次', '等级', '加分', '通报批评或曝光', '备注'];
  frame(summary, 2, 1, 2, 8, { header: true });
  SUMMARY.forEach(([unit, rank, level, points, criticized, note], i) => {
    const r = 3 + i;
    summary.getRow(r).values = [i + 1, unit, { formula: `'${unit}'!E${FORM_TOTAL_ROW}`, result: totals.get(unit) }, rank, level, points, criticized, note ?? null];
  });
  const last = 2 + SUMMARY.length;
  frame(summary, 3, 1, last, 8);
  line(summary, last + 1, '注：按总得分排名，前两名一等、第三至第六名二等、第七至第十一名三等；被通报批评或曝光的降低一个等级。', 8);
  summary.getCell(last + 2, 2).value = '制表人：周敏';
  summary.getCell(last + 2, 5).value = '审核人：孙伟';
  summary.getCell(last + 2, 8).value = '日期：2022年8月31日';
  [5, 10, 8, 6, 6, 6, 12, 28].forEach((w, i) => {
    summary.getColumn(i + 1).width = w;
  });
  await workbook.xlsx.writeFile(join(outDir, 'township2022-forms.xlsx'));
}

// ───────────────────────────── county2013 tasks as rows ─────────────────────────────
// Planted: 临河县 扣分 12 (at most 10) and its 总分 83 = 94 + 1 − 12 (85); 青石县 总分 92.5 (91.5).

// Labels as the office shortened or reworded them (T1, T4 and T7 match no label of the
// regulation: they are read by their place between the matched tasks and their 分值).
const COUNTY_TASKS = [
  ['政务服务体系建设', 20],
  ['建立审批流程检查制度', 15],
  ['推进电子政务大厅建设', 15],
  ['乡镇审批软件和效能视频监控', 10],
  ['完成投资项目并联审批流程再造', 10],
  ['加强政务服务工作宣传', 10],
  ['现场办结率、群众满意率', 10],
  ['机关文化建设、政务公开', 10],
];
const COUNTIES = [
  ['城关区', [20, 15, 15, 10, 10, 10, 10, 10], 8, 1],
  ['东城区', [18, 15, 13.5, 10, 10, 10, 10, 10], 10, 2],
  ['临河县', [20, 12, 15, 10, 8, 10, 9, 10], 1, 12, 83],
  ['平山县', [20, 15, 14, 10, 10, 9.5, 10, 10], 5, 10],
  ['青石县', [20, 15, 15, 10, 10, 7, 10, 8.5], null, 4, 92.5],
  // Blank tasks are full marks (注); the clerk typed the total.
  ['永安县', [null, null, 15, null, null, null, null, null], 9, 2, 107],
];

async function county() {
  const workbook = newWorkbook('市政务服务中心', '2013-12-20T09:00:00Z');
  const sheet = workbook.addWorksheet('目标考核评分', { views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }] });
  const width = 3 + COUNTIES.length;
  title(sheet, '2013年度各县(区)政务服务中心目标考核评分表', width);
  sheet.getRow(2).values = ['序号', '考核项目', '分值', ...COUNTIES.map(([unit]) => unit)];
  frame(sheet, 2, 1, 2, width, { header: true });
  COUNTY_TASKS.forEach(([label, full], k) => {
    sheet.getRow(3 + k).values = [k + 1, label, full, ...COUNTIES.map(([, tasks]) => tasks[k])];
  });
  const bonusRow = 3 + COUNTY_TASKS.length; // 11
  sheet.getRow(bonusRow).values = [null, '加分', 10, ...COUNTIES.map(([, , bonus]) => bonus)];
  sheet.getRow(bonusRow + 1).values = [null, '扣分', 10, ...COUNTIES.map(([, , , minus]) => minus)];
  sheet.getRow(bonusRow + 2).values = [
    null,
    '总分',
    100,
    ...COUNTIES.map(([, tasks, bonus, minus, typed], i) => {
      if (typed !== undefined) return typed;
      const c = colName(4 + i);
      return { formula: `SUM(${c}3:${c}${bonusRow - 1})+${c}${bonusRow}-${c}${bonusRow + 1}`, result: sum([...tasks, bonus, -minus]) };
    }),
  ];
  frame(sheet, 3, 1, bonusRow + 2, width);
  for (let r = 3; r <= bonusRow + 2; r++) sheet.getCell(r, 2).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  line(sheet, bonusRow + 3, '注：目标任务得分空白的为满分；加分、减分按附件2计，各不超过10分。', width);
  sheet.getCell(bonusRow + 4, 2).value = '考核组：市政务服务中心';
  sheet.getCell(bonusRow + 4, 6).value = '审核人：刘洋';
  [5, 30, 6, ...COUNTIES.map(() => 9)].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  await workbook.xlsx.writeFile(join(outDir, 'county2013-columns.xlsx'));
}

// ═════════════════════ issue 18: five more shapes offices keep (examples/office/EXPECTED.md) ═════════════════════
// Each worked by hand in examples/office/EXPECTED.md and asserted by test/cli/office-shapes.test.ts.

/** A header cell merged over a block (1-based, inclusive), with its text in the top-left cell. */
function head(sheet, top, left, bottom, right, text) {
  sheet.getCell(top, left).value = text;
  if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
}

// ───────────── township2022 评分表 with 扣分 beside 得分 (township2022-pairs.xlsx) ─────────────
// Short names as clerks write them; 得分 = 标准分 − 扣分 as a formula unless typed over.
const PAIR_ITEMS = [
  ['1.1', '场所建设', '合理设置办公区、填单区、等候区，提供便民设施', 3], ['1.2', '标识标牌', '形象标识与标准体系一致，一处不一致扣0.5分', 2],
  ['1.3', '窗口设置', '少设置一个全科受理窗口扣2分', 2], ['1.4', '制度建设', '少一个制度扣0.5分；一个制度未执行扣0.5分', 2],
  ['2.1', '硬件设备', '缺少一个或无法正常工作扣0.5分', 2], ['2.2', '电脑', '一台电脑无法正常操作扣1分', 2],
  ['3.1', '办件量', '按办件数量排名，第一名4分，依次递减0.2分', 4], ['3.2', '一次性告知', '每少登记一件扣0.5分', 2],
  ['3.3', '办件录入预审', '未及时录入每件扣0.3分；超期1件扣1分', 4], ['3.4', '打印文书', '每少打印一个文书扣0.2分', 1],
  ['3.5', '挂起', '一件未挂起扣1分', 3], ['3.6', '电子证照', '未按要求调用和反馈的，每件扣0.5分', 5],
  ['3.7', '送达回证', '每少打印一个文书扣0.2分', 1], ['3.8', '评价', '发现一个默认评价扣0.2分', 4],
  ['3.9', '归档率', '每低一个百分点扣0.2分', 2], ['3.10', '无否决权登记', '每少登记一件扣0.5分', 2],
  ['3.11', '系统实操', '一项不符合规范扣0.5分', 5], ['3.12', '材料移交', '一个办件未登记扣0.1分', 1],
  ['3.13', '印章使用', '一个办件未登记扣0.1分', 1], ['3.14', '标准宣贯', '每缺失一项扣1分', 5],
  ['3.15', '迎检材料', '每缺失一项扣1分', 5], ['4.1', '办事指南公开', '每发现1份过期纸质办事指南扣0.5分', 1],
  ['4.2', '指南准确度', '发现一处错误扣0.5分', 3], ['4.3', '事项进驻', '应进驻事项未在大厅办理的，每个扣2分', 2],
  ['4.4', '材料收取', '每多收取一份材料扣1分', 3], ['4.5', '按时办结', '每超期一件扣1分', 5],
  ['4.6', '人员审核', '各环节办理人与省网办理流程一致', 3], ['5.1', '着装', '统一着装工作服', 1],
  ['5.2', '工作纪律', '违反工作纪律每个问题扣0.5分', 3], ['5.3', '非常满意率', '每降低0.01个百分点扣0.2分', 2],
  ['5.4', '主动评价率', '每低1个百分点扣0.3分', 3], ['5.5', '敏感词审核', '审核未按时完成每件扣0.5分', 2],
  ['5.6', '人员变动', '提前一个月报备并做好交接', 3], ['5.7', '年度考核', '工作人员考核等次为优秀得2分', 2],
  ['5.8', '业务考核', '培训考核未达优秀，每人每次扣0.5分', 4], ['5.9', '特殊群体服务', '每发现一处问题扣0.5分', 2],
  ['6.1', '创新工作', '创新工作得到市县中心认可并推广的得3分', 3],
];
const PAIR_SECTIONS = { 1: '一、场所规范建设（9分）', 2: '二、硬件设施（4分）', 3: '三、服务标准化（45分）', 4: '四、服务规范化（17分）', 5: '五、日常管理（22分）', 6: '六、工作创新（3分）' };
// 扣分 per item; [扣分, typed 得分] where the clerk typed over the formula. Planted: 河口镇 1.2 扣分 −0.5
// (得分 2.5 above 标准分 2); 柳林镇 3.4 扣分 0.4 but 得分 typed 1 (they disagree). Each form's 合计 adds its 得分.
const PAIR_TOWNS = [
  ['河口镇', { '1.2': -0.5, '3.1': 0.2, '3.8': 0.4, '5.4': 0.3 }],
  ['柳林镇', { '3.1': 0.4, '3.4': [0.4, 1], '3.6': 1, '5.7': 2 }],
  ['桃园乡', { '1.1': 0.5, '3.1': 0.6, '4.5': 2, '6.1': 3 }],
  ['金沙镇', { '3.1': 0.8, '3.9': 0.4, '4.2': 0.5, '5.2': 1, '6.1': 3 }],
];
// The 汇总 as the clerk wrote it. Planted: 柳林镇 一等 +5 although criticized (二等 +3); 桃园乡 名次 3 (4th).
const PAIR_SUMMARY = [
  ['河口镇', 1, '一等', '否', 5],
  ['柳林镇', 2, '一等', '是', 5, '2022年5月被市效能办通报批评'],
  ['金沙镇', 3, '二等', '否', 3],
  ['桃园乡', 3, '二等', '否', 3],
];

async function townshipPairs() {
  const workbook = newWorkbook('XX县行政服务中心', '2022-08-31T09:00:00Z');
  const summary = workbook.addWorksheet('汇总');
  const totalRow = new Map();
  const totals = new Map();
  for (const [unit, cuts] of PAIR_TOWNS) {
    const sheet = workbook.addWorksheet(unit);
    title(sheet, '2022年乡镇综合便民服务中心等级评定评分表', 6);
    head(sheet, 2, 1, 2, 3, `乡镇名称：${unit}`);
    head(sheet, 2, 4, 2, 6, '评定时间：2022年8月');
    sheet.getRow(3).values = ['序号', '评分项目', '评分标准', '标准分', '扣分', '得分'];
    frame(sheet, 3, 1, 3, 6, { header: true });
    let r = 4;
    let section = 0;
    const points = [];
    PAIR_ITEMS.forEach(([code, name, text, full], k) => {
      const cat = Number(code.split('.')[0]);
      if (cat !== section) {
        section = cat;
        head(sheet, r, 1, r, 6, PAIR_SECTIONS[cat]);
        sheet.getCell(r, 1).font = { ...FONT, bold: true };
        r++;
      }
      const cut = cuts[code];
      const [minus, typed] = Array.isArray(cut) ? cut : [cut ?? null, undefined];
      const value = typed ?? sum([full, -(minus ?? 0)]);
      points.push(value);
      sheet.getRow(r).values = [k + 1, name, text, full, minus, typed ?? { formula: `D${r}-E${r}`, result: value }];
      frame(sheet, r, 1, r, 6);
      r++;
    });
    const total = sum(points);
    totals.set(unit, total);
    totalRow.set(unit, r);
    sheet.getRow(r).values = [null, '合计', null, { formula: `SUM(D5:D${r - 1})`, result: 100 }, null, { formula: `SUM(F5:F${r - 1})`, result: total }];
    frame(sheet, r, 1, r, 6);
    line(sheet, r + 1, '评定人员：李明　赵强　　　复核：孙伟', 6);
    [5, 14, 40, 7, 6, 6].forEach((w, i) => {
      sheet.getColumn(i + 1).width = w;
    });
  }
  title(summary, 'XX县2022年乡镇便民服务中心等级评定汇总表', 8);
  summary.getRow(2).values = ['序号', '单位', '总得分', '名次', '评定等级', '通报批评或媒体曝光', '绩效考评加分', '备注'];
  frame(summary, 2, 1, 2, 8, { header: true });
  PAIR_SUMMARY.forEach(([unit, rank, level, criticized, points, note], i) => {
    const r = 3 + i;
    summary.getRow(r).values = [i + 1, unit, { formula: `'${unit}'!F${totalRow.get(unit)}`, result: totals.get(unit) }, rank, level, criticized, points, note ?? null];
  });
  const last = 2 + PAIR_SUMMARY.length;
  frame(summary, 3, 1, last, 8);
  line(summary, last + 1, '注：按总得分排名，前两名一等、第三至第六名二等、第七至第十一名三等；被通报批评或媒体曝光的降低一个等级。', 8);
  [5, 10, 8, 6, 8, 10, 10, 28].forEach((w, i) => {
    summary.getColumn(i + 1).width = w;
  });
  await workbook.xlsx.writeFile(join(outDir, 'township2022-pairs.xlsx'));
}

// ───────────── county2013 counties as rows, two-row header (county2013-rows.xlsx) ─────────────
const ROW_TASKS = [['服务体系建设', 20], ['审批流程检查', 15], ['电子政务大厅', 15], ['审批软件和视频监控', 10], ['并联审批流程再造', 10], ['宣传和信息工作', 10], ['办结率满意率', 10], ['机关文化建设', 10]];
// county, tasks, 加分 [创新, 表彰, 批示, 宣传], 减分 [批评否定, 媒体曝光, 一次性扣减], typed cells.
// Planted: 城关区 总分 104 typed (103); 临河县 一次性扣减 20 (二、4: 10 once); 平山县 任务得分小计 99.5
// typed (98.5); 青石县 审批流程检查 16 (分值 15).
const ROW_COUNTIES = [
  ['城关区', [20, 15, 15, 10, 10, 10, 10, 10], [1, 2, null, null], [null, null, null], { total: 104 }],
  ['东城区', [18, 15, 13.5, 10, 10, 9, 10, 10], [null, null, 1, 2], [2, null, null], {}],
  ['临河县', [20, 14, 15, 10, 8, 10, 9, 10], [1, null, null, null], [null, null, 20], {}],
  ['平山县', [20, 15, 14, 10, 10, 9.5, 10, 10], [null, 2, null, 1], [null, 2, null], { tasks: 99.5 }],
  ['青石县', [20, 16, 15, 10, 10, 7, 10, 8.5], [null, null, null, null], [1, 2, null], {}],
];

async function countyRows() {
  const workbook = newWorkbook('市政务服务中心', '2013-12-20T09:00:00Z');
  const sheet = workbook.addWorksheet('2013年度考核', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  const width = 22; // A 序号 … V 备注
  title(sheet, '2013年度各县(区)政务服务中心目标考核得分汇总表', width);
  head(sheet, 2, 1, 3, 1, '序号');
  head(sheet, 2, 2, 3, 2, '县(区)');
  head(sheet, 2, 3, 2, 10, '目标任务得分');
  ROW_TASKS.forEach(([label, full], k) => {
    sheet.getCell(3, 3 + k).value = `${label}(${full}分)`;
  });
  head(sheet, 2, 11, 3, 11, '任务得分小计');
  head(sheet, 2, 12, 2, 16, '加分');
  ['创新加分', '表彰加分', '批示加分', '宣传加分', '加分小计'].forEach((t, k) => {
    sheet.getCell(3, 12 + k).value = t;
  });
  head(sheet, 2, 17, 2, 20, '减分');
  ['批评否定', '媒体曝光', '一次性扣减', '减分小计'].forEach((t, k) => {
    sheet.getCell(3, 17 + k).value = t;
  });
  head(sheet, 2, 21, 3, 21, '总分');
  head(sheet, 2, 22, 3, 22, '备注');
  frame(sheet, 2, 1, 3, width, { header: true });
  ROW_COUNTIES.forEach(([unit, tasks, bonus, minus, typed], i) => {
    const r = 4 + i;
    const taskSum = sum(tasks);
    const bonusSum = sum(bonus);
    const minusSum = sum(minus);
    const shownTasks = typed.tasks ?? taskSum;
    const total = sum([shownTasks, Math.min(bonusSum, 10), -Math.min(minusSum, 10)]);
    sheet.getRow(r).values = [
      i + 1,
      unit,
      ...tasks,
      typed.tasks ?? { formula: `SUM(C${r}:J${r})`, result: taskSum },
      ...bonus,
      { formula: `SUM(L${r}:O${r})`, result: bonusSum },
      ...minus,
      { formula: `SUM(Q${r}:S${r})`, result: minusSum },
      typed.total ?? { formula: `K${r}+MIN(P${r},10)-MIN(T${r},10)`, result: total },
      null,
    ];
  });
  const last = 3 + ROW_COUNTIES.length;
  frame(sheet, 4, 1, last, width);
  line(sheet, last + 1, '注：加分、减分按附件2计，各不超过10分；一次性扣减情形扣10分。', width);
  sheet.getColumn(2).width = 10;
  for (let c = 3; c <= 21; c++) sheet.getColumn(c).width = 8;
  await workbook.xlsx.writeFile(join(outDir, 'county2013-rows.xlsx'));
}

// ───────────── govinfo annual counts per 单位 (govinfo-counts.xlsx) ─────────────
/** Short label, points, reward (元) — 三(一), 四. 领导重视 is 是/否. */
const GOV_PLUS = [['领导重视', 20, 0], ['完成月度任务', 20, 0], ['《政务》单条', 10, 20], ['《政务》简讯', 5, 10], ['每日要情', 10, 20], ['市刊单条', 50, 100], ['市刊调研', 100, 300], ['省刊单条', 100, 200], ['网站今日', 5, 10], ['区领导批示', 20, 100], ['市领导批示', 40, 300]];
const GOV_MINUS = [['督促不力', 20], ['未完成月度任务', 30], ['迟报被区通报', 30], ['区通报批评', 100]];
// unit, counts (领导重视 as 是/否), deduction counts, typed cells. Planted: 区发改局 得分 455 (445);
// 区教育局 奖励 400 (700); 区财政局 扣分合计 60 (80, 督促不力 left out) and its 得分 175 (155);
// 区交通局 不得参评先进 是 with 90 deducted.
const GOV_UNITS = [
  ['区发改局', ['是', 12, 6, 4, 2, 1, null, null, 3, 1, null], [null, null, null, null], { score: 455 }],
  ['区教育局', ['是', 10, 3, 2, null, null, 1, null, 2, null, 1], [null, 2, null, null], { reward: 400 }],
  ['区财政局', ['否', 10, 2, null, 1, null, null, null, 1, null, null], [1, 2, null, null], { minus: 60 }],
  ['区住建局', ['是', 11, 4, 6, null, 2, null, 1, null, 2, null], [null, null, 1, null], {}],
  ['区交通局', ['是', 9, 1, null, null, null, null, null, 4, null, null], [null, 3, null, null], { flag: '是' }],
];

async function govinfoCounts() {
  const workbook = newWorkbook('区政府办公室', '2023-01-10T09:00:00Z');
  const sheet = workbook.addWorksheet('2022年度政务信息');
  const width = 21; // A 序号 … U 不得参评先进
  title(sheet, '2022年度各单位政务信息工作考核积分表', width);
  head(sheet, 2, 1, 3, 1, '序号');
  head(sheet, 2, 2, 3, 2, '单位');
  head(sheet, 2, 3, 2, 13, '计分项目');
  GOV_PLUS.forEach(([label], k) => {
    sheet.getCell(3, 3 + k).value = label;
  });
  head(sheet, 2, 14, 2, 17, '扣分项目（次）');
  GOV_MINUS.forEach(([label], k) => {
    sheet.getCell(3, 14 + k).value = label;
  });
  ['扣分合计', '得分', '奖励金额（元）', '不得参评先进'].forEach((t, k) => head(sheet, 2, 18 + k, 3, 18 + k, t));
  frame(sheet, 2, 1, 3, width, { header: true });
  GOV_UNITS.forEach(([unit, counts, minus, typed], i) => {
    const r = 4 + i;
    const n = counts.map((c) => (c === '是' ? 1 : c === '否' ? 0 : (c ?? 0)));
    const points = n.reduce((s, c, k) => s + c * GOV_PLUS[k][1], 0);
    const reward = n.reduce((s, c, k) => s + c * GOV_PLUS[k][2], 0);
    const minusSum = minus.reduce((s, c, k) => s + (c ?? 0) * GOV_MINUS[k][1], 0);
    const shownMinus = typed.minus ?? minusSum;
    const plusFormula = `IF(C${r}="是",20,0)+D${r}*20+E${r}*10+F${r}*5+G${r}*10+H${r}*50+I${r}*100+J${r}*100+K${r}*5+L${r}*20+M${r}*40`;
    sheet.getRow(r).values = [
      i + 1,
      unit,
      ...counts,
      ...minus,
      typed.minus ?? { formula: `N${r}*20+O${r}*30+P${r}*30+Q${r}*100`, result: minusSum },
      typed.score ?? { formula: `${plusFormula}-R${r}`, result: points - shownMinus },
      typed.reward ?? { formula: `E${r}*20+F${r}*10+G${r}*20+H${r}*100+I${r}*300+J${r}*200+K${r}*10+L${r}*100+M${r}*300`, result: reward },
      typed.flag ?? (minusSum >= 100 ? '是' : null),
    ];
  });
  const last = 3 + GOV_UNITS.length;
  frame(sheet, 4, 1, last, width);
  line(sheet, last + 1, '注：全年扣分超过100分（含100分）的单位不得参评先进单位；扣分超过200分（含200分）的予以通报批评。', width);
  sheet.getColumn(2).width = 10;
  for (let c = 3; c <= width; c++) sheet.getColumn(c).width = 7;
  await workbook.xlsx.writeFile(join(outDir, 'govinfo-counts.xlsx'));
}

// ───────────── chengdu2006 one sheet per 圈层 (chengdu2006-tiers.xlsx) ─────────────
// Columns: 9.1, 9.2 points; 9.3, 9.4 市级, 9.4 省级, 9.7 counts; 10.2, 10.5 counts. The clerk's 总分
// formula ignores every cap and 第十條(八). Planted: 武侯区 9.3 ×5 and 9.4 5 above their caps (总分 87.5,
// truly 86); 郫都区 deductions above its bonus (68, truly 70); 蒲江县 9.2 5.5 (at most 5) and 总分 79;
// 三圈层 three 优秀 (新津区 is third; quota 2).
const TIER_SHEETS = [
  ['一圈层', '第一圈层', [
    ['锦江区', [4, 4, 2, 2, 1, 1], [1, null]],
    ['青羊区', [5, 4.5, 3, 4, 1, 2], [null, null]],
    ['金牛区', [3.5, 3, 1, null, null, null], [null, 1]],
    ['武侯区', [5, 5, 5, 4, 3, null], [null, null], '优秀'],
    ['成华区', [3, 3, null, 1, null, null], [1, null]],
    ['高新区', [4.5, 4, 2, 2, null, 1], [null, null]],
  ]],
  ['二圈层', '第二圈层', [
    ['龙泉驿区', [4, 3.5, null, 2, null, null], [1, null]],
    ['青白江区', [3, 3, 1, null, null, 1], [null, null]],
    ['新都区', [4.5, 4, 2, 2, 1, null], [1, null]],
    ['温江区', [4, 4, null, 3, null, 2], [null, null]],
    ['双流区', [5, 4.5, 3, 2, 1, null], [1, null], '优秀'],
    ['郫都区', [2, 1, null, null, null, null], [null, 1]],
  ]],
  ['三圈层', '第三圈层', [
    ['都江堰市', [4.5, 4.5, 2, 3, null, 1], [null, null], '优秀'],
    ['彭州市', [3, 2.5, null, null, null, null], [1, null]],
    ['邛崃市', [3.5, 3.5, 1, 1, null, null], [null, null]],
    ['崇州市', [4, 4, 1, 2, null, 1], [1, null]],
    ['金堂县', [4.5, 4, 2, 2, 1, null], [null, null], '优秀'],
    ['大邑县', [3.5, 3, null, null, null, null], [null, null]],
    ['蒲江县', [3, 5.5, null, null, null, 1], [null, null]],
    ['新津区', [4, 4, 1, 2, null, null], [null, null], '优秀'],
  ]],
];

async function chengduTiers() {
  const workbook = newWorkbook('成都市政府政务服务中心', '2006-12-28T09:00:00Z');
  for (const [name, tier, units] of TIER_SHEETS) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
    const width = 12; // A 序号 … L 等次
    title(sheet, `成都市2006年度区(市)县政府政务服务中心工作考核表（${tier}）`, width);
    head(sheet, 2, 1, 3, 1, '序号');
    head(sheet, 2, 2, 3, 2, '单位');
    head(sheet, 2, 3, 2, 8, '加分项目（第九条）');
    ['（一）领导重视加分', '（二）优化流程加分', '（三）创新举措项数', '（四）市级刊物篇数', '（四）省级刊物篇数', '（七）承办会议次数'].forEach((t, k) => {
      sheet.getCell(3, 3 + k).value = t;
    });
    head(sheet, 2, 9, 2, 10, '减分项目（第十条）');
    sheet.getCell(3, 9).value = '（二）超时办结件数';
    sheet.getCell(3, 10).value = '（五）通报批评次数';
    head(sheet, 2, 11, 3, 11, '总分');
    head(sheet, 2, 12, 3, 12, '等次');
    frame(sheet, 2, 1, 3, width, { header: true });
    units.forEach(([unit, plus, minus, level], i) => {
      const r = 4 + i;
      const [a, b, c, d, e, f] = plus.map((v) => v ?? 0);
      const [g, h] = minus.map((v) => v ?? 0);
      const naive = sum([70, a, b, 0.5 * c, 0.5 * d, e, 0.5 * f, -2 * g, -5 * h]);
      sheet.getRow(r).values = [i + 1, unit, ...plus, ...minus, { formula: `70+C${r}+D${r}+0.5*E${r}+0.5*F${r}+G${r}+0.5*H${r}-2*I${r}-5*J${r}`, result: naive }, level ?? null];
    });
    frame(sheet, 4, 1, 3 + units.length, width);
    line(sheet, 4 + units.length, '注：总分＝基本分70＋加分－减分；每圈层优秀不超过该圈层单位总数的30%。', width);
    sheet.getColumn(2).width = 10;
    for (let c = 3; c <= 10; c++) sheet.getColumn(c).width = 9;
  }
  await workbook.xlsx.writeFile(join(outDir, 'chengdu2006-tiers.xlsx'));
}

// ───────────── tacheng2020 地直部门 (tacheng2020-depts.xlsx) ─────────────
const DEPT_CATS = [['政务公开（40分）', ['组织领导', '信息公开', '平台建设', '五公开', '政策解读', '舆情回应']], ['“放管服”改革（60分）', ['精简审批', '营商环境', '创业创新', '商事制度', '社会服务']]];
// Planted: 地区教育局 政务公开小计 38 typed (36), so 总分 90 (88) and 等次 优秀 (良好); 地区人社局 总分
// 78 typed (76); 地区交通局 80 written 合格 (良好).
const DEPTS = [
  ['地区发改委', [6, 7, 5, 8, 6, 5], [11, 12, 10, 11, 12], {}],
  ['地区教育局', [5, 7, 6, 7, 5, 6], [10, 11, 10, 10, 11], { open: 38, grade: '优秀' }],
  ['地区财政局', [6, 8, 6, 8, 6, 6], [12, 11, 12, 12, 11], {}],
  ['地区人社局', [4, 6, 5, 6, 4, 5], [9, 10, 8, 10, 9], { total: 78 }],
  ['地区交通局', [5, 6, 5, 7, 5, 4], [10, 10, 9, 10, 9], { grade: '合格' }],
];
const tachengGrade = (s) => (s >= 90 ? '优秀' : s >= 80 ? '良好' : s >= 60 ? '合格' : '不合格');

async function tachengDepts() {
  const workbook = newWorkbook('塔城地区行政公署办公室', '2021-01-15T09:00:00Z');
  const sheet = workbook.addWorksheet('地直部门');
  const width = 17; // A 序号 … Q 等次
  title(sheet, '塔城地区2020年度政务公开和“放管服”改革工作考核得分表（地直各部门）', width);
  head(sheet, 2, 1, 3, 1, '序号');
  head(sheet, 2, 2, 3, 2, '地直部门');
  head(sheet, 2, 3, 2, 9, DEPT_CATS[0][0]);
  [...DEPT_CATS[0][1], '小计'].forEach((t, k) => {
    sheet.getCell(3, 3 + k).value = t;
  });
  head(sheet, 2, 10, 2, 15, DEPT_CATS[1][0]);
  [...DEPT_CATS[1][1], '小计'].forEach((t, k) => {
    sheet.getCell(3, 10 + k).value = t;
  });
  head(sheet, 2, 16, 3, 16, '总分');
  head(sheet, 2, 17, 3, 17, '等次');
  frame(sheet, 2, 1, 3, width, { header: true });
  DEPTS.forEach(([unit, open, reform, typed], i) => {
    const r = 4 + i;
    const openSum = typed.open ?? sum(open);
    const reformSum = sum(reform);
    const total = typed.total ?? sum([openSum, reformSum]);
    sheet.getRow(r).values = [
      i + 1,
      unit,
      ...open,
      typed.open ?? { formula: `SUM(C${r}:H${r})`, result: openSum },
      ...reform,
      { formula: `SUM(J${r}:N${r})`, result: reformSum },
      typed.total ?? { formula: `I${r}+O${r}`, result: total },
      typed.grade ?? tachengGrade(total),
    ];
  });
  const last = 3 + DEPTS.length;
  frame(sheet, 4, 1, last, width);
  line(sheet, last + 1, '注：百分制，优秀90分以上，良好80—89分，合格60—79分，不合格60分以下。', width);
  sheet.getColumn(2).width = 12;
  await workbook.xlsx.writeFile(join(outDir, 'tacheng2020-depts.xlsx'));
}


mkdirSync(outDir, { recursive: true });
await chengdu();
await township();
await county();
await townshipPairs();
await countyRows();
await govinfoCounts();
await chengduTiers();
await tachengDepts();
process.stdout.write(`office examples written to ${outDir}\n`);
