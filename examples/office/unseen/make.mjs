#!/usr/bin/env node
/**
 * UNSEEN office-shaped workbooks for ASSESS (helper U). Written by hand, worked by hand in
 * EXPECTED.md, never run through assess by their author. Writes raw exceljs files into raw/,
 * then re-saves each through LibreOffice into this folder.
 *
 *   township2022-shidefen.xlsx   five 评分表 (考核内容 · 分值 · 实得分 · 扣分原因, hidden 扣分 helper) + 汇总 last
 *   chengdu2006-threerow.xlsx    汇总表, three-row header 考核指标 / 加分项目·减分项目 / items, 小计 columns, 基本分
 *   govinfo-oneheader.xlsx       one header row, counts marked （次）/（月）, points columns 得分/扣分, 合计 row
 *   tacheng2020-itemrows.xlsx    indicators as rows, one column per 县(市), section rows and 小计 rows
 *
 * Usage: node make.mjs   (from any directory; needs soffice on PATH; raw/ is removed afterwards)
 */
import { createRequire } from 'node:module';
import { mkdirSync, rmSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../../package.json', import.meta.url));
const ExcelJS = require('exceljs');
const run = promisify(execFile);

const here = dirname(fileURLToPath(import.meta.url));
const rawDir = join(here, 'raw');
mkdirSync(rawDir, { recursive: true });

const THIN = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: '仿宋', size: 11 };

/** Sum in tenths (every value here is a multiple of 0.1): the cached result of a SUM. */
const tenths = (vs) => vs.reduce((t, v) => t + Math.round((v ?? 0) * 10), 0) / 10;

function colName(c) {
  let name = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function newWorkbook(creator, date) {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = new Date(date);
  wb.modified = new Date(date);
  return wb;
}

function frame(sheet, top, left, bottom, right, bold = false) {
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = BORDER;
      cell.font = bold ? { ...FONT, bold: true } : FONT;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
}

function merged(sheet, top, left, bottom, right, value) {
  sheet.getCell(top, left).value = value;
  if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
}

function titleRow(sheet, text, width) {
  merged(sheet, 1, 1, 1, width, text);
  sheet.getCell(1, 1).font = { name: '方正小标宋简体', size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 32;
}

function noteRow(sheet, row, text, width) {
  merged(sheet, row, 1, row, width, text);
  sheet.getCell(row, 1).font = FONT;
  sheet.getCell(row, 1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
}

// ═══════════════ 1. township2022: 评分表 with 实得分, a hidden 扣分 helper, 汇总 last ═══════════════
// [category no, category, item text as the office wrote it, 分值]; the 37 rows of township2022-table.md in order.
const T_ITEMS = [
  [1, '场所规范建设', '规范场所建设（办公区、填单区、等候区、便民设施）', 3],
  [1, '场所规范建设', '符号和标志标准（一处不一致扣0.5分）', 2],
  [1, '场所规范建设', '窗口设置（少设一个全科窗口扣2分）', 2],
  [1, '场所规范建设', '中心制度建设（少一个制度、一个制度未执行各扣0.5分）', 2],
  [2, '硬件设施', '高拍仪、监控、打印机、一体机、取号机、LED屏（缺一个或不能正常工作扣0.5分）', 2],
  [2, '硬件设施', '电脑（一台无法正常操作扣1分）', 2],
  [3, '服务标准化', '办件量排名（第一名4分，依次递减0.2分）', 4],
  [3, '服务标准化', '实行一次性告知（每少登记一件扣0.5分）', 2],
  [3, '服务标准化', '办件录入、办件预审（未及时录入每件扣0.3分，超期1件扣1分）', 4],
  [3, '服务标准化', '打印各类文书（每少打印一个扣0.2分）', 1],
  [3, '服务标准化', '挂起（一件未挂起扣1分）', 3],
  [3, '服务标准化', '电子证照应用比率（每件扣0.5分）', 5],
  [3, '服务标准化', '打印送达回证、准予许可通知书（每少打印一个扣0.2分）', 1],
  [3, '服务标准化', '评价（一个默认评价扣0.2分）', 4],
  [3, '服务标准化', '归档（每低一个百分点扣0.2分）', 2],
  [3, '服务标准化', '窗口无否决权登记（每少登记一件扣0.5分）', 2],
  [3, '服务标准化', '系统实操（一项不符合规范扣0.5分）', 5],
  [3, '服务标准化', '材料移交（一个办件未登记扣0.1分）', 1],
  [3, '服务标准化', '印章使用（一个办件未登记扣0.1分）', 1],
  [3, '服务标准化', '标准的宣贯（每缺失一项扣1分）', 5],
  [3, '服务标准化', '标准化试点项目迎检材料（每缺失一项扣1分）', 5],
  [4, '服务规范化', '办事指南精准公开（每份过期纸质指南扣0.5分）', 1],
  [4, '服务规范化', '办事指南准确度（一处错误扣0.5分）', 3],
  [4, '服务规范化', '事项绑定与进驻（每个未进驻扣2分）', 2],
  [4, '服务规范化', '材料收取（每多收一份扣1分）', 3],
  [4, '服务规范化', '按时办结（每超期一件扣1分）', 5],
  [4, '服务规范化', '人员审核（办理人与省网流程一致）', 3],
  [5, '日常管理', '着装（统一着装工作服）', 1],
  [5, '日常管理', '工作纪律（违纪每个扣0.5分，迟到早退0.5分，缺席1分，视频通报、未正常办公每次2分）', 3],
  [5, '日常管理', '好差评：非常满意率（每降低0.01个百分点扣0.2分）', 2],
  [5, '日常管理', '好差评：主动评价率（每低1个百分点扣0.3分）', 3],
  [5, '日常管理', '敏感词审核及差评整改（敏感词每件0.5分，差评每件1分）', 2],
  [5, '日常管理', '人员变动（提前一个月报备并交接）', 3],
  [5, '日常管理', '年度考核（工作人员考核等次为优秀得2分）', 2],
  [5, '日常管理', '业务考核（培训考核未达优秀每人每次扣0.5分）', 4],
  [5, '日常管理', '服务特殊群体、帮代办、跨省通办窗口设置（每处扣0.5分，最高扣2分）', 2],
  [6, '工作创新', '政务服务创新工作（得到市县中心认可并推广得3分）', 3],
];
const T_CODES = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14', '3.15', '4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '5.9', '6.1'];
const T_CATEGORY_TOTAL = { 1: 9, 2: 4, 3: 45, 4: 17, 5: 22, 6: 3 };
// 实得分 that differ from the 分值, with the 扣分原因. PLANTED: 龙潭乡 5.6 实得分 3.5 (分值 3).
const T_TOWNS = [
  ['青山镇', { '1.2': [1.5, '工作牌不一致1处'], '3.8': [3.6, '默认评价2个'], '5.3': [1.8, '非常满意率99.99%'] }],
  ['白马镇', { '3.1': [3.8, '全县第2名'], '3.6': [4.5, '电子证照未调用1件'], '4.5': [4, '超期办结1件'], '5.7': [0, '无优秀人员'] }],
  ['龙潭乡', { '3.1': [3.6, '全县第3名'], '1.1': [2.5, '无24小时自助服务区'], '3.3': [3.4, '未及时录入2件'], '5.6': [3.5, '交接规范，加0.5分'], '6.1': [0, '无'] }],
  ['石门镇', { '3.1': [3.4, '全县第4名'], '3.11': [4.5, '系统操作不规范1项'], '4.2': [2.5, '指南要素错误1处'], '5.4': [2.4, '主动评价率98%'], '6.1': [0, '无'] }],
  ['新店乡', { '3.1': [3.2, '全县第5名'], '2.2': [1, '电脑故障1台'], '3.9': [1.6, '归档率98%'], '5.2': [2, '培训缺席1次'], '6.1': [0, '无'] }],
];
const T_FIRST = 3; // first item row (header in row 2)
const T_TOTAL = T_FIRST + T_ITEMS.length; // 40
// 汇总 as the clerk wrote it, in the clerk's 名次 order. PLANTED: 新店乡 通报批评 but 二等 / 3 (三等 / 2);
// header 绩效考评加份 (typo for 加分).
const T_SUMMARY = [
  [1, '青山镇', '一等', '否', 5],
  [2, '白马镇', '一等', '否', 5],
  [3, '龙潭乡', '二等', '否', 3],
  [4, '石门镇', '二等', '否', 3],
  [5, '新店乡', '二等', '是', 3],
];

async function township() {
  const wb = newWorkbook('XX县行政服务中心标准化建设股', '2022-08-30T08:00:00Z');
  const totals = new Map();
  for (const [unit, given] of T_TOWNS) {
    const sheet = wb.addWorksheet(unit, { views: [{ state: 'frozen', ySplit: 2 }] });
    titleRow(sheet, `${unit}便民服务中心等级评定评分表（2022年）`, 6);
    sheet.getRow(2).values = ['序号', '考核项目', '考核内容', '分值', '实得分', '扣分原因', '扣分'];
    frame(sheet, 2, 1, 2, 7, true);
    const got = [];
    T_ITEMS.forEach(([no, cat, text, full], k) => {
      const r = T_FIRST + k;
      const [value, reason] = given[T_CODES[k]] ?? [full, null];
      got.push(value);
      sheet.getRow(r).values = [no, `${cat}（${T_CATEGORY_TOTAL[no]}分）`, text, full, value, reason, { formula: `D${r}-E${r}`, result: tenths([full, -value]) }];
    });
    const total = tenths(got);
    totals.set(unit, total);
    sheet.getRow(T_TOTAL).values = [
      null,
      '合计',
      null,
      { formula: `SUM(D${T_FIRST}:D${T_TOTAL - 1})`, result: 100 },
      { formula: `SUM(E${T_FIRST}:E${T_TOTAL - 1})`, result: total },
      null,
      null, // the helper column has no total
    ];
    frame(sheet, T_FIRST, 1, T_TOTAL, 7);
    merged(sheet, T_TOTAL, 2, T_TOTAL, 3, '合计');
    for (let r = T_FIRST; r < T_TOTAL; r++) sheet.getCell(r, 3).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    // 序号 and 考核项目 merged down over each category.
    let start = T_FIRST;
    for (let r = T_FIRST + 1; r <= T_TOTAL; r++) {
      if (r === T_TOTAL || T_ITEMS[r - T_FIRST][0] !== T_ITEMS[start - T_FIRST][0]) {
        if (r - 1 > start) {
          sheet.mergeCells(start, 1, r - 1, 1);
          sheet.mergeCells(start, 2, r - 1, 2);
        }
        start = r;
      }
    }
    noteRow(sheet, T_TOTAL + 1, '考核组成员（签字）：何静　罗斌　　　　乡镇负责人（签字）：', 6);
    [5, 14, 50, 6, 7, 24, 6].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    sheet.getColumn(7).hidden = true; // the clerk's helper: 扣分 = 分值 − 实得分, hidden before printing
  }
  const s = wb.addWorksheet('汇总');
  titleRow(s, 'XX县2022年乡镇便民服务中心等级评定结果汇总表', 7);
  s.getRow(2).values = ['名次', '乡镇', '评定得分', '评定等级', '通报批评或媒体曝光', '绩效考评加份', '备注'];
  frame(s, 2, 1, 2, 7, true);
  T_SUMMARY.forEach(([rank, unit, level, crit, plus], i) => {
    const r = 3 + i;
    s.getRow(r).values = [rank, unit, { formula: `'${unit}'!E${T_TOTAL}`, result: totals.get(unit) }, level, crit, plus, crit === '是' ? '2022年7月被市效能办通报批评' : null];
  });
  frame(s, 3, 1, 2 + T_SUMMARY.length, 7);
  noteRow(s, 3 + T_SUMMARY.length, '注：按评定得分排名，前两名一等、第三至第六名二等、第七至第十一名三等；被通报批评或媒体曝光的降低一个等级。一等、二等、三等分别加5分、3分、2分。', 7);
  [6, 10, 10, 10, 12, 12, 30].forEach((w, i) => (s.getColumn(i + 1).width = w));
  const file = join(rawDir, 'township2022-shidefen.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

// ═══════════════ 2. chengdu2006: three-row header, 小计 under 加分项目 / 减分项目, 基本分 ═══════════════
// Columns: A 序号 B 单位 C 圈层 | D–J 九(一)…(七) K 加分小计 | L 十(二) M 十(三) N 十(五) O 减分小计 | P 基本分 Q 总分 R 名次 S 等次
const C_BONUS = ['（一）领导重视', '（二）流程优化', '（三）创新举措', '（四）调研文章', '（五）表彰奖励', '（六）媒体报道', '（七）承办会议'];
const C_MINUS = ['（二）超时办结', '（三）服务投诉', '（五）通报批评'];
// [圈层, 单位, bonus points (一)…(七), deduction points (二)(三)(五), clerk's 名次, clerk's 等次]
// PLANTED: 武侯区 九(四) 4.5 (cap 4) and its 小计 / 总分; 名次 of 高新区 and 新都区 swapped; 新都区 优秀 beyond 第二圈's quota;
// header 加份项目 (typo for 加分项目).
const C_UNITS = [
  ['第一圈', '锦江区', [4.5, 4, 1.5, 2, 1, 1, 0.5], [2, null, null], 6, null],
  ['第一圈', '青羊区', [5, 4.5, 2, 2.5, 1.5, 2, 1], [null, null, null], 3, null],
  ['第一圈', '金牛区', [4, 3.5, 1, 1, null, 0.5, null], [null, 2, null], 9, null],
  ['第一圈', '武侯区', [5, 5, 2, 4.5, 2, 1.5, 0.5], [null, null, null], 1, '优秀'],
  ['第一圈', '成华区', [3.5, 3, 0.5, 0.5, null, null, null], [null, null, 5], 12, null],
  ['第一圈', '高新区', [4.5, 4.5, 1.5, 2, 1, 1.5, 1], [2, null, null], 4, null],
  ['第二圈', '龙泉驿区', [4, 4, 1, 1.5, 0.5, 1, null], [null, null, null], 7, null],
  ['第二圈', '青白江区', [3, 2.5, null, null, null, 0.5, null], [2, null, null], 11, null],
  ['第二圈', '新都区', [4.5, 4, 1.5, 2, 1, 1, 0.5], [null, null, null], 5, '优秀'],
  ['第二圈', '温江区', [4, 4, 0.5, 1, 1, 1.5, 1], [2, null, null], 8, null],
  ['第二圈', '双流区', [5, 4.5, 2, 3, 2, 2, 1], [null, null, null], 2, '优秀'],
  ['第二圈', '郫都区', [3.5, 3, null, 0.5, null, null, null], [null, null, null], 10, null],
];

async function chengdu() {
  const wb = newWorkbook('成都市政府政务服务中心', '2006-12-26T08:00:00Z');
  const sheet = wb.addWorksheet('2006年度考核汇总', { views: [{ state: 'frozen', xSplit: 3, ySplit: 4 }] });
  const width = 19;
  titleRow(sheet, '2006年度区(市)县政府政务服务中心工作考核汇总表（第一、二圈层）', width);
  for (const [c, text] of [[1, '序号'], [2, '单位'], [3, '圈层'], [16, '基本分'], [17, '总分'], [18, '名次'], [19, '等次']]) merged(sheet, 2, c, 4, c, text);
  merged(sheet, 2, 4, 2, 15, '考核指标');
  merged(sheet, 3, 4, 3, 11, '加份项目');
  merged(sheet, 3, 12, 3, 15, '减分项目');
  [...C_BONUS, '加分小计', ...C_MINUS, '减分小计'].forEach((text, i) => (sheet.getCell(4, 4 + i).value = text));
  frame(sheet, 2, 1, 4, width, true);
  const first = 5;
  C_UNITS.forEach(([tier, unit, bonus, minus, rank, level], i) => {
    const r = first + i;
    const b = tenths(bonus);
    const m = tenths(minus);
    sheet.getRow(r).values = [
      i + 1, unit, tier, ...bonus,
      { formula: `SUM(D${r}:J${r})`, result: b },
      ...minus,
      { formula: `SUM(L${r}:N${r})`, result: m },
      70,
      { formula: `P${r}+K${r}-O${r}`, result: tenths([70, b, -m]) },
      rank, level,
    ];
  });
  const last = first + C_UNITS.length - 1;
  frame(sheet, first, 1, last, width);
  merged(sheet, first, 3, first + 5, 3, '第一圈');
  merged(sheet, first + 6, 3, last, 3, '第二圈');
  noteRow(sheet, last + 1, '注：加分、减分按《实施细则》第九条、第十条填写实得分；总分＝基本分＋加分小计－减分小计；每圈层评选优秀不超过该圈层单位总数的30%。', width);
  sheet.getCell(last + 2, 2).value = '填表人：李红';
  sheet.getCell(last + 2, 12).value = '审核人：张军';
  [5, 10, 8, ...Array(7).fill(7), 8, 7, 7, 7, 8, 7, 7, 6, 6].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const file = join(rawDir, 'chengdu2006-threerow.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

// ═══════════════ 3. govinfo: one header row, counts （次）/（月）, points 得分/扣分, a 合计 row ═══════════════
const G_HEAD = [
  '序号', '单位',
  '领导重视得分', // C S1 points (20)
  '完成月度任务（月）', // D S2
  '《政务》采用单条信息（次）', // E S3.single
  '《政务》采用简迅（次）', // F S3.brief — PLANTED typo 迅 for 讯
  '“每日要情”采用（次）', // G S3.daily
  '市政府办公厅刊物采用单条（次）', // H S4.single
  '市政府办公厅刊物采用综合调研信息（次）', // I S4.research
  '政府网站“今日”采用（次）', // J S7
  '被区领导批示（次）', // K S8
  '被市领导批示（次）', // L S9
  '综合信息得分', // M S6 points (10 per unit included)
  '未完成月度任务（月）', // N K2
  '紧急信息迟报被区政府办公室通报（次）', // O K6.late
  '信息失实扣分', // P K3 points
  '计分合计', '扣分合计', '年度得分', '奖励金额（元）', '名次',
];
// [单位, C … P as entered]
const G_UNITS = [
  ['区发改委', [20, 12, 8, 5, 3, 2, 1, 4, 1, 1, 20, 0, 0, null]],
  ['区教育局', [20, 11, 5, 6, 1, 1, 0, 3, 2, 0, 10, 1, 0, null]],
  ['区民政局', [0, 9, 4, 2, 0, 0, 0, 2, 1, 0, null, 3, 1, null]],
  ['区卫健委', [20, 12, 6, 4, 2, 1, 0, 5, 0, 1, 30, 0, 0, 50]],
  ['区应急局', [20, 10, 3, 3, 1, 0, 0, 1, 1, 0, null, 2, 0, null]],
  ['区市场监管局', [25, 12, 7, 2, 2, 1, 1, 3, 1, 0, 10, 0, 0, null]],
];
// PLANTED: 区市场监管局 领导重视得分 25 (S1 is 20); 区卫健委 扣分合计 typed 0 (信息失实 50 left out) and 年度得分
// follows; 区教育局 奖励金额 typed 410 (市刊单条 ¥100 left out).
const G_TYPED = { 区卫健委: { R: 0 }, 区教育局: { T: 410 } };

async function govinfo() {
  const wb = newWorkbook('区政府办公室', '2024-01-10T08:00:00Z');
  const sheet = wb.addWorksheet('2023年政务信息考核', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  const width = G_HEAD.length; // 21 (A … U)
  titleRow(sheet, '2023年度全区政务信息工作考核计分表', width);
  sheet.getRow(2).values = G_HEAD;
  frame(sheet, 2, 1, 2, width, true);
  sheet.getRow(2).height = 60;
  const first = 3;
  const scores = [];
  G_UNITS.forEach(([unit, v], i) => {
    const r = first + i;
    const [C, D, E, F, G, H, I, J, K, L, M, N, O, P] = v;
    const points = C + 20 * D + 10 * E + 5 * F + 10 * G + 50 * H + 100 * I + 5 * J + 20 * K + 40 * L + (M ?? 0);
    const minus = 30 * N + 30 * O + (P ?? 0);
    const reward = 20 * E + 10 * F + 20 * G + 100 * H + 300 * I + 10 * J + 100 * K + 300 * L;
    const typed = G_TYPED[unit] ?? {};
    const R = typed.R ?? minus;
    scores.push(points - R);
    sheet.getRow(r).values = [
      i + 1, unit, ...v,
      { formula: `C${r}+D${r}*20+E${r}*10+F${r}*5+G${r}*10+H${r}*50+I${r}*100+J${r}*5+K${r}*20+L${r}*40+M${r}`, result: points },
      typed.R !== undefined ? typed.R : { formula: `N${r}*30+O${r}*30+P${r}`, result: minus },
      { formula: `Q${r}-R${r}`, result: points - R },
      typed.T !== undefined ? typed.T : { formula: `E${r}*20+F${r}*10+G${r}*20+H${r}*100+I${r}*300+J${r}*10+K${r}*100+L${r}*300`, result: reward },
      null, // 名次 below
    ];
  });
  const last = first + G_UNITS.length - 1;
  // 名次 = RANK(S, S3:S8) on the clerk's 年度得分.
  G_UNITS.forEach((_, i) => {
    const r = first + i;
    const rank = 1 + scores.filter((s) => s > scores[i]).length;
    sheet.getCell(r, 21).value = { formula: `RANK(S${r},$S$${first}:$S$${last})`, result: rank };
  });
  // 合计 row: column sums (the office totals the district's figures).
  const sumRow = last + 1;
  sheet.getCell(sumRow, 2).value = '合计';
  for (let c = 3; c <= 20; c++) {
    const col = colName(c);
    let total = 0;
    for (let r = first; r <= last; r++) {
      const val = sheet.getCell(r, c).value;
      total += typeof val === 'number' ? val : val && typeof val === 'object' ? (val.result ?? 0) : 0;
    }
    sheet.getCell(sumRow, c).value = { formula: `SUM(${col}${first}:${col}${last})`, result: total };
  }
  frame(sheet, first, 1, sumRow, width);
  noteRow(sheet, sumRow + 1, '注：计分、扣分、奖励按《政务信息工作考核规定》三、四执行；全年扣分100分（含）以上的单位不参加先进评选。', width);
  sheet.getCell(sumRow + 2, 2).value = '制表：区政府办公室信息科';
  sheet.getCell(sumRow + 2, 17).value = '2024年1月10日';
  [5, 13, ...Array(14).fill(9), 8, 8, 8, 10, 6].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const file = join(rawDir, 'govinfo-oneheader.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

// ═══════════════ 4. tacheng2020: indicators as rows, a column per 县(市), section and 小计 rows ═══════════════
const K_COUNTIES = ['塔城市', '乌苏市', '额敏县', '托里县', '裕民县'];
const K_OPEN = [['组织领导', 6], ['政府信息公开', 8], ['平台建设', 6], ['落实“五公开”要求', 8], ['政策解读', 6], ['舆情回应', 6]];
const K_REFORM = [['精简行政审批', 12], ['优化营商环境', 12], ['激励创业创新', 12], ['商事制度改革', 12], ['改善社会服务', 12]];
// per county: [six 政务公开 points, five 放管服 points]
const K_POINTS = {
  塔城市: [[5.5, 7.5, 6, 7, 5.5, 6], [11, 11.5, 11, 12, 11]],
  乌苏市: [[5, 7, 5.5, 7, 5, 5.5], [11, 11, 11, 11, 11]],
  额敏县: [[4.5, 6.5, 5, 6, 4.5, 5], [10, 10, 9.5, 10, 9]],
  托里县: [[4, 6, 4.5, 6, 4, 4.5], [9.5, 10, 9, 10, 9]],
  裕民县: [[5, 6.5, 5, 6.5, 5, 5], [10.5, 10, 10, 10.5, 9.5]],
};
// PLANTED: 托里县 政务公开小计 typed 31 (29) and the 总分 formula follows (78.5 for 76.5); 裕民县 总分 typed 85.5 (83.5);
// 乌苏市 等次 良好 at 90 (优秀: 90分以上 includes 90).
const K_TYPED = { 托里县: { open: 31 }, 裕民县: { total: 85.5 } };
const K_GRADE = { 塔城市: '优秀', 乌苏市: '良好', 额敏县: '良好', 托里县: '合格', 裕民县: '良好' };

async function tacheng() {
  const wb = newWorkbook('塔城地区行政公署办公室', '2021-01-15T08:00:00Z');
  const sheet = wb.addWorksheet('各县（市）考核得分', { views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }] });
  const width = 3 + K_COUNTIES.length; // H
  titleRow(sheet, '塔城地区2020年度政务公开和“放管服”改革工作考核得分表（各县（市））', width);
  sheet.getRow(2).values = ['序号', '考核指标', '分值', ...K_COUNTIES];
  frame(sheet, 2, 1, 2, width, true);
  merged(sheet, 3, 1, 3, width, '一、政务公开（40分）');
  K_OPEN.forEach(([label, full], k) => {
    sheet.getRow(4 + k).values = [k + 1, label, full, ...K_COUNTIES.map((c) => K_POINTS[c][0][k])];
  });
  // row 10 小计, row 11 section, rows 12–16, row 17 小计, row 18 总分, row 19 等次
  sheet.getRow(10).values = [null, '小计', { formula: 'SUM(C4:C9)', result: 40 }, ...K_COUNTIES.map((c, i) => {
    const col = colName(4 + i);
    return K_TYPED[c]?.open ?? { formula: `SUM(${col}4:${col}9)`, result: tenths(K_POINTS[c][0]) };
  })];
  merged(sheet, 11, 1, 11, width, '二、“放管服”改革（60分）');
  K_REFORM.forEach(([label, full], k) => {
    sheet.getRow(12 + k).values = [7 + k, label, full, ...K_COUNTIES.map((c) => K_POINTS[c][1][k])];
  });
  sheet.getRow(17).values = [null, '小计', { formula: 'SUM(C12:C16)', result: 60 }, ...K_COUNTIES.map((c, i) => {
    const col = colName(4 + i);
    return { formula: `SUM(${col}12:${col}16)`, result: tenths(K_POINTS[c][1]) };
  })];
  sheet.getRow(18).values = [null, '总分', { formula: 'C10+C17', result: 100 }, ...K_COUNTIES.map((c, i) => {
    const col = colName(4 + i);
    if (K_TYPED[c]?.total !== undefined) return K_TYPED[c].total;
    const open = K_TYPED[c]?.open ?? tenths(K_POINTS[c][0]);
    return { formula: `${col}10+${col}17`, result: tenths([open, tenths(K_POINTS[c][1])]) };
  })];
  sheet.getRow(19).values = [null, '等次', null, ...K_COUNTIES.map((c) => K_GRADE[c])];
  frame(sheet, 3, 1, 19, width);
  for (const r of [3, 11]) {
    sheet.getCell(r, 1).font = { ...FONT, bold: true };
    sheet.getCell(r, 1).alignment = { horizontal: 'left', vertical: 'middle' };
  }
  noteRow(sheet, 20, '注：实行百分制；优秀（90分以上）、良好（80—89分）、合格（60—79分）、不合格（60分以下）。', width);
  sheet.getCell(21, 2).value = '考核组组长：马强';
  sheet.getCell(21, 6).value = '2021年1月15日';
  [5, 22, 6, ...K_COUNTIES.map(() => 9)].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const file = join(rawDir, 'tacheng2020-itemrows.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

const files = [await township(), await chengdu(), await govinfo(), await tacheng()];
const profile = `file://${join(tmpdir(), 'assess-unseen-lo')}`;
for (const f of files) {
  const { stdout, stderr } = await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', here, f], { timeout: 180000 });
  process.stdout.write(stdout + stderr);
}

rmSync(rawDir, { recursive: true, force: true }); // only the LibreOffice copies are kept
console.log('written:', files.map((f) => f.replace(rawDir, here)).join('\n'));
