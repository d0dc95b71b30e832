#!/usr/bin/env node
/**
 * Writes the example workbooks, one per built-in ruleset, in the shape clerks keep them:
 *
 *   examples/chengdu2006.xlsx   20 区(市)县 in their three 圈层 (第四條), title row, "code label" headers
 *   examples/chengdu2006.csv    the same data as the chengdu workbook (UTF-8 with BOM, no title row)
 *   examples/county2013.xlsx    sheet 目标考核 (T1…T8 and bonus/deduction counts) + sheet 台账 (ledger)
 *   examples/tacheng2020.xlsx   the 7 county-level units of 塔城地区, item columns named by the office
 *   examples/govinfo.xlsx       8 district departments with S/K/R3 counts
 *   examples/township2022.xlsx  11 townships, every item, rates as percent cells, 3.1 by 办件量
 *
 * The data is defined here and nowhere else. The expected result of every unit is worked out by
 * hand in examples/EXPECTED.md and asserted in test/cli/examples.test.ts.
 *
 * Usage: node scripts/make-examples.mjs [outDir]   (default: <repo>/examples)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newWorkbook } from './example-workbook.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'examples'));

// ───────────────────────────── sheet helpers ─────────────────────────────

const THIN = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const BONUS_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
const DEDUCT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/**
 * A titled table: row 1 the title (centred across the table with 跨列居中, not merged), row 2 the
 * header, then one row per record. Returns the worksheet.
 */
function titledTable(workbook, name, title, headers, rows, { widths = [], fills = [], numFmts = [] } = {}) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  const titleRow = sheet.addRow([title]);
  titleRow.height = 28;
  titleRow.font = { bold: true, size: 16, name: '宋体' };
  for (let c = 1; c <= headers.length; c++) sheet.getCell(1, c).alignment = { horizontal: 'centerContinuous', vertical: 'middle' };
  const header = sheet.addRow(headers);
  header.height = 48;
  header.eachCell((cell, c) => {
    cell.font = { bold: true, name: '宋体', size: 10 };
    cell.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
    cell.fill = fills[c - 1] ?? HEADER_FILL;
    cell.border = BORDER;
  });
  for (const values of rows) {
    const row = sheet.addRow(values);
    for (let c = 1; c <= headers.length; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.font = { name: '宋体', size: 10 };
      cell.alignment = { horizontal: c <= 2 ? 'left' : 'center', vertical: 'middle' };
      if (numFmts[c - 1]) cell.numFmt = numFmts[c - 1];
    }
  }
  headers.forEach((_, i) => {
    sheet.getColumn(i + 1).width = widths[i] ?? 9;
  });
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  return sheet;
}

/** Row values for one unit: `cols` are codes; a missing or null value is an empty cell. */
function valuesOf(cols, data) {
  return cols.map((code) => (data[code] === undefined ? null : data[code]));
}

function csvCell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ───────────────────────────── chengdu2006 ─────────────────────────────
// 成都市区(市)县政府政务服务中心工作考核实施细则 (2006). Tiers of 第四條; quota 30% per tier (第十一條(一)).

const CHENGDU_ITEMS = [
  ['8.1', '设立政务服务中心机构并正常运行'],
  ['9.1', '主要领导重视、机构健全'],
  ['9.2', '优化办事流程、缩短办理时限'],
  ['9.3', '创新性政务服务举措'],
  ['9.4.city', '市级刊物发表'],
  ['9.4.province', '省级刊物发表'],
  ['9.4.national', '国家级刊物发表'],
  ['9.5.county', '区(市)县党委政府和市级部门表彰'],
  ['9.5.city', '市委市政府、省级部门表彰'],
  ['9.5.province', '省委省政府、国家部(委)局表彰'],
  ['9.6.city', '市级媒体报道'],
  ['9.6.province', '省级媒体报道'],
  ['9.6.national', '国家级媒体报道'],
  ['9.7', '承办全市性会议或现场会'],
  ['9.8', '完成临时交办重要工作'],
  ['9.9', '其它突出贡献'],
  ['10.1', '两头受理或擅自撤回'],
  ['10.2', '超时限办结'],
  ['10.3', '服务态度投诉属实'],
  ['10.4', '不使用国语和文明用语'],
  ['10.5', '党委政府通报批评'],
  ['10.6', '媒体曝光属中心责任'],
  ['10.7', '其它特殊情况扣分（考核小组审定）'],
];

// Counts are numbers of items/articles/commendations/reports/events; 9.1, 9.2 and 10.7 are points.
const CHENGDU_UNITS = [
  // 第一圈 (6 units: quota floor(30% × 6) = 1)
  { unit: '锦江区', tier: '第一圈', v: { '9.1': 5, '9.2': 4.5, '9.3': 3, '9.4.city': 2, '9.4.province': 1, '9.5.county': 1, '9.5.city': 1, '9.6.city': 2, '9.6.province': 1, '9.7': 1, '9.8': 2, '9.9': 1, '10.2': 1 } },
  { unit: '青羊区', tier: '第一圈', v: { '9.1': 4.5, '9.2': 4, '9.3': 2, '9.4.city': 1, '9.4.province': 1, '9.4.national': 1, '9.5.county': 2, '9.5.city': 1, '9.5.province': 1, '9.6.city': 1, '9.6.national': 1, '9.7': 2, '9.8': 1, '10.3': 1 } },
  { unit: '金牛区', tier: '第一圈', v: { '9.1': 4, '9.2': 4, '9.3': 1, '9.4.city': 3, '9.5.county': 1, '9.6.city': 2, '9.8': 1, '9.9': 1, '10.5': 1 }, note: '被区委通报批评1次' },
  { unit: '武侯区', tier: '第一圈', v: { '9.1': 5, '9.2': 5, '9.3': 5, '9.4.city': 2, '9.4.province': 2, '9.4.national': 1, '9.5.county': 2, '9.5.city': 2, '9.5.province': 1, '9.6.city': 3, '9.6.province': 1, '9.6.national': 1, '9.7': 1, '9.8': 2, '9.9': 2, '10.2': 2, '10.7': 1 }, note: '10.7：考核小组审定扣1分（资料报送迟缓）' },
  { unit: '成华区', tier: '第一圈', v: { '9.1': 3.5, '9.2': 3, '9.3': 1, '9.4.city': 1, '9.5.city': 1, '9.6.city': 1, '9.9': 1, '10.1': 1, '10.6': 1 } },
  { unit: '高新区', tier: '第一圈', v: { '9.1': 5, '9.2': 5, '9.3': 3, '9.4.city': 2, '9.4.province': 1, '9.4.national': 1, '9.5.county': 1, '9.5.city': 1, '9.5.province': 1, '9.6.city': 2, '9.6.province': 2, '9.7': 2, '9.8': 2, '9.9': 1 } },
  // 第二圈 (6 units: quota 1)
  { unit: '龙泉驿区', tier: '第二圈', v: { '9.1': 4, '9.2': 3.5, '9.3': 1, '9.4.city': 1, '9.5.county': 1, '9.6.city': 1, '9.6.province': 1, '9.7': 1, '10.2': 1 } },
  { unit: '青白江区', tier: '第二圈', v: { '9.1': 3, '9.2': 3, '9.4.city': 1, '9.5.county': 1, '9.8': 1, '10.4': 1 } },
  { unit: '新都区', tier: '第二圈', v: { '9.1': 4.5, '9.2': 4, '9.3': 2, '9.4.city': 2, '9.4.province': 1, '9.5.county': 1, '9.5.city': 1, '9.6.city': 1, '9.7': 1, '9.8': 1, '9.9': 1 } },
  { unit: '温江区', tier: '第二圈', v: { '9.1': 4, '9.2': 4, '9.3': 1, '9.4.city': 1, '9.4.province': 1, '9.5.city': 1, '9.6.city': 1, '9.6.province': 1, '9.8': 1, '10.3': 1 } },
  { unit: '双流区', tier: '第二圈', v: { '9.1': 5, '9.2': 4.5, '9.3': 2, '9.4.city': 2, '9.4.province': 1, '9.5.county': 2, '9.5.city': 1, '9.6.city': 2, '9.6.province': 1, '9.7': 1, '9.8': 1, '9.9': 1, '10.7': 0.5 }, note: '原双流县；10.7：考核小组审定扣0.5分' },
  { unit: '郫都区', tier: '第二圈', v: { '9.1': 3.5, '9.2': 3, '9.3': 1, '9.5.county': 1, '9.6.city': 1, '10.2': 1, '10.5': 1 }, note: '原郫县' },
  // 第三圈 (8 units: quota floor(30% × 8) = 2)
  { unit: '都江堰市', tier: '第三圈', v: { '9.1': 4.5, '9.2': 4, '9.3': 2, '9.4.city': 1, '9.4.province': 1, '9.5.county': 1, '9.5.city': 1, '9.6.city': 2, '9.6.province': 1, '9.7': 1, '9.8': 1 } },
  { unit: '彭州市', tier: '第三圈', v: { '9.1': 3, '9.2': 2.5, '9.6.city': 1, '10.2': 2, '10.6': 1 }, note: '减分7分超过加分6分，按第十條(八)只减6分' },
  { unit: '邛崃市', tier: '第三圈', v: { '9.1': 3.5, '9.2': 3, '9.3': 1, '9.5.county': 1, '9.8': 1 } },
  { unit: '崇州市', tier: '第三圈', v: { '9.1': 4, '9.2': 3.5, '9.3': 1, '9.4.city': 1, '9.5.county': 1, '9.6.city': 1, '9.8': 1, '9.9': 1 } },
  { unit: '金堂县', tier: '第三圈', v: { '9.1': 4.5, '9.2': 4.5, '9.4.province': 1, '9.5.city': 1, '9.6.city': 1, '9.7': 1, '9.9': 1, '10.3': 1 } },
  { unit: '大邑县', tier: '第三圈', v: { '9.1': 3.5, '9.2': 3.5, '9.4.city': 1, '9.5.city': 1 } },
  { unit: '蒲江县', tier: '第三圈', v: { '9.1': 3, '9.2': 3, '9.6.city': 1, '9.9': 1 } },
  { unit: '新津区', tier: '第三圈', v: { '9.1': 4, '9.2': 4, '9.3': 1, '9.4.city': 1, '9.5.county': 1, '9.7': 1 }, note: '原新津县' },
];

function chengduHeaders() {
  return ['序号', '单位', '圈层', ...CHENGDU_ITEMS.map(([code, label]) => `${code} ${label}`), '备注'];
}

function chengduRows() {
  return CHENGDU_UNITS.map((u, i) => [i + 1, u.unit, u.tier, ...valuesOf(CHENGDU_ITEMS.map(([code]) => code), { '8.1': '是', ...u.v }), u.note ?? null]);
}

async function chengdu() {
  const workbook = newWorkbook('成都市政府政务服务中心', '2006-12-20T09:00:00Z');
  const headers = chengduHeaders();
  const fills = headers.map((h) => (/^9\./.test(h) ? BONUS_FILL : /^10\./.test(h) ? DEDUCT_FILL : HEADER_FILL));
  const sheet = titledTable(workbook, '2006年度考核', '2006年度区(市)县政务服务中心考核计分表', headers, chengduRows(), {
    widths: [5, 10, 7, ...CHENGDU_ITEMS.map(() => 8), 36],
    fills,
  });
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 2 }];
  await workbook.xlsx.writeFile(join(outDir, 'chengdu2006.xlsx'));

  // The same data as CSV (UTF-8 with BOM so that Excel opens it correctly; no title row).
  const lines = [headers, ...chengduRows()].map((row) => row.map(csvCell).join(','));
  writeFileSync(join(outDir, 'chengdu2006.csv'), '\ufeff' + lines.join('\r\n') + '\r\n');
}

// ───────────────────────────── county2013 ─────────────────────────────
// 目标任务分解表 (T1…T8, empty = full 分值) and 附件2 目标考核加减分说明.

const COUNTY_ITEMS = [
  ['T1', '政务服务体系建设(20分)'],
  ['T2', '审批流程检查制度(15分)'],
  ['T3', '电子政务大厅建设(15分)'],
  ['T4', '乡镇审批软件及视频监控(10分)'],
  ['T5', '投资项目并联审批(10分)'],
  ['T6', '宣传及信息工作(10分)'],
  ['T7', '办结率、满意率、投诉率(10分)'],
  ['T8', '机关文化、政务公开等(10分)'],
  ['B1', '创新方法经认定(+1)'],
  ['B2.county', '县委政府或市级部门表彰(+1)'],
  ['B2.city', '市委市政府或省级部门表彰(+2)'],
  ['B2.province', '省委省政府或国家级部门表彰(+5)'],
  ['B3.city', '市领导肯定性批示(+1)'],
  ['B3.citymain', '市主要领导肯定性批示(+2)'],
  ['B3.province', '省领导肯定性批示(+3)'],
  ['B3.national', '国家级领导肯定性批示(+5)'],
  ['B4.city', '市级主流媒体正面宣传(+1)'],
  ['B4.province', '省级主流媒体正面宣传(+2)'],
  ['B4.national', '国家级主流媒体正面宣传(+5)'],
  ['D1.efficiency', '市纪检监察、效能部门通报批评(-1)'],
  ['D1.city', '市委市政府和省级部门批评(-2)'],
  ['D1.national', '国家级部门批评(-5)'],
  ['D1.leader.city', '市领导否定性批示(-1)'],
  ['D1.leader.citymain', '市主要领导否定性批示(-2)'],
  ['D1.leader.province', '省领导否定性批示(-5)'],
  ['D3.city', '市级主流媒体曝光(-2)'],
  ['D3.province', '省级主流媒体曝光(-5)'],
  ['D4.1', '超时办件(一次性-10)'],
  ['D4.2', '省纪检监察、效能部门通报(一次性-10)'],
  ['D4.3', '国家级领导否定性批示(一次性-10)'],
  ['D4.4', '国家级主流媒体曝光(一次性-10)'],
  ['D4.5', '严重违纪违规(一次性-10)'],
];

// Task points as judged (empty = full 分值); bonus/deduction columns are counts of matters, already
// taken 就高不就低 from the ledger below (so each count is a separate matter).
const COUNTY_UNITS = [
  { unit: '城关区', v: { B1: 2, 'B2.city': 1, 'B3.citymain': 1, 'B4.province': 1, 'D1.efficiency': 1 } },
  { unit: '东城区', v: { T1: 18, T3: 13.5, 'B2.province': 1, 'B3.province': 1, 'B4.national': 1, 'D3.city': 1 } },
  { unit: '临河县', v: { T2: 12, T5: 8, T7: 9, B1: 1, 'D1.city': 1, 'D4.1': 2 } },
  { unit: '平山县', v: { T1: 20, T2: 15, T3: 14, T4: 10, T5: 10, T6: 9.5, T7: 10, T8: 10, 'B2.county': 2, 'B4.city': 3, 'D4.2': 1, 'D4.5': 1 } },
  { unit: '青石县', v: { T6: 7, T8: 8.5, 'D1.leader.citymain': 1, 'D3.city': 1 } },
  { unit: '永安县', v: { T3: 15, B1: 1, 'B3.city': 3, 'B3.national': 1, 'D1.efficiency': 2 } },
];

// 台账: one row per event. Rows of a 同一事项就高不就低 group (B2, B4, D1, D3) sharing a 事项 count once,
// at the highest level; an empty 事项 is a matter of its own.
const COUNTY_LEDGER = [
  ['城关区', 'B1', 1, '容缺受理机制经市审改办认定'],
  ['城关区', 'B1', 1, '帮办代办机制经市审改办认定'],
  ['城关区', 'B2.county', 1, '政务服务标准化建设'],
  ['城关区', 'B2.city', 1, '政务服务标准化建设'],
  ['城关区', 'B3.citymain', 1, '市长批示肯定“一窗受理”经验'],
  ['城关区', 'B4.city', 1, '“一窗受理”改革报道'],
  ['城关区', 'B4.province', 1, '“一窗受理”改革报道'],
  ['城关区', 'D1.efficiency', 1, '窗口人员脱岗被市效能办通报'],
  ['东城区', 'B2.city', 1, '全省政务服务标准化示范单位'],
  ['东城区', 'B2.province', 1, '全省政务服务标准化示范单位'],
  ['东城区', 'B3.province', 1, '副省长批示肯定并联审批'],
  ['东城区', 'B4.city', 1, '并联审批改革报道'],
  ['东城区', 'B4.province', 1, '并联审批改革报道'],
  ['东城区', 'B4.national', 1, '并联审批改革报道'],
  ['东城区', 'D3.city', 1, '晚报曝光大厅排长队'],
  ['临河县', 'B1', 1, '乡镇代办点网上预审'],
  ['临河县', 'D4.1', 2, '超时办件2件'],
  ['临河县', 'D1.efficiency', 1, '投资项目审批督查通报'],
  ['临河县', 'D1.city', 1, '投资项目审批督查通报'],
  ['平山县', 'B2.county', 1, '县政府表彰便民服务中心建设'],
  ['平山县', 'B2.county', 1, '市发改委表彰并联审批'],
  ['平山县', 'B4.city', 1, '大厅延时服务报道'],
  ['平山县', 'B4.city', 1, '乡镇代办点报道'],
  ['平山县', 'B4.city', 1, '电子政务大厅报道'],
  ['平山县', 'D4.2', 1, '省效能办通报'],
  ['平山县', 'D4.5', 1, '窗口人员违规收费'],
  ['青石县', 'D1.efficiency', 1, '窗口推诿扯皮'],
  ['青石县', 'D1.leader.city', 1, '窗口推诿扯皮'],
  ['青石县', 'D1.leader.citymain', 1, '窗口推诿扯皮'],
  ['青石县', 'D3.city', 1, '电视台《问政》曝光'],
  ['永安县', 'B1', 1, '网上预审'],
  ['永安县', 'B3.city', 3, null],
  ['永安县', 'B3.national', 1, '国务院领导批示肯定'],
  ['永安县', 'D1.efficiency', 1, '效能督查通报（第二季度）'],
  ['永安县', 'D1.efficiency', 1, '效能督查通报（第四季度）'],
];

async function county() {
  const workbook = newWorkbook('市政务服务中心', '2013-12-10T09:00:00Z');
  const headers = ['单位', ...COUNTY_ITEMS.map(([code, label]) => `${code} ${label}`)];
  const fills = headers.map((h) => (/^B/.test(h) ? BONUS_FILL : /^D/.test(h) ? DEDUCT_FILL : HEADER_FILL));
  const rows = COUNTY_UNITS.map((u) => [u.unit, ...valuesOf(COUNTY_ITEMS.map(([code]) => code), u.v)]);
  const sheet = titledTable(workbook, '目标考核', '2013年度各县(区)政务服务中心目标考核计分表（任务得分空白为满分）', headers, rows, {
    widths: [10, ...COUNTY_ITEMS.map(() => 9)],
    fills,
  });
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];

  const ledger = titledTable(workbook, '台账', '2013年度加减分台账（同一事项就高不就低）', ['单位', '条目', '数量', '事项'], COUNTY_LEDGER, {
    widths: [10, 20, 7, 36],
  });
  ledger.views = [{ state: 'frozen', ySplit: 2 }];
  await workbook.xlsx.writeFile(join(outDir, 'county2013.xlsx'));
}

// ───────────────────────────── tacheng2020 ─────────────────────────────
// 塔城地区2020年政务公开和“放管服”改革工作考核细则: the 评分表 attachments are not in the source, so the
// office names its own item columns; each is read as item points (百分制).

const TACHENG_ITEMS = ['组织领导（10分）', '政府信息公开（30分）', '平台建设（20分）', '政策解读与回应（15分）', '“放管服”改革（25分）'];
const TACHENG_UNITS = [
  { unit: '塔城市', p: [9.5, 28.5, 19, 14, 23.5] },
  { unit: '乌苏市', p: [10, 27, 18, 13, 22] },
  { unit: '沙湾市', p: [9, 26.5, 17.5, 13, 23.5] },
  { unit: '额敏县', p: [8.7, 24.3, 16.2, 11.6, 19.2], note: '第三方评估网站栏目更新不及时' },
  { unit: '托里县', p: [8, 22, 15, 10.5, 18] },
  { unit: '裕民县', p: [7.1, 18.2, 12.3, 9.2, 13.2], note: '政策解读材料缺失2份' },
  { unit: '和布克赛尔蒙古自治县', p: [6, 17.5, 11, 8, 17], note: '年度报告未按时发布' },
];

async function tacheng() {
  const workbook = newWorkbook('塔城地区行政公署办公室', '2020-12-25T09:00:00Z');
  const headers = ['序号', '单位', ...TACHENG_ITEMS, '合计', '备注'];
  const first = 3;
  const rows = TACHENG_UNITS.map((u, i) => {
    const r = first + i;
    // The clerk's own SUM (ignored by ASSESS: 合计 is not an item); the saved result in tenths, exact.
    const total = u.p.reduce((sum, x) => sum + Math.round(x * 10), 0) / 10;
    return [i + 1, u.unit, ...u.p, { formula: `SUM(C${r}:G${r})`, result: total }, u.note ?? null];
  });
  titledTable(workbook, '考核评分', '塔城地区2020年度政务公开和“放管服”改革工作考核评分汇总表（各县(市)）', headers, rows, {
    widths: [5, 22, 10, 11, 10, 11, 11, 8, 30],
    numFmts: [null, null, '0.0', '0.0', '0.0', '0.0', '0.0', '0.0', null],
  });
  await workbook.xlsx.writeFile(join(outDir, 'tacheng2020.xlsx'));
}

// ───────────────────────────── govinfo ─────────────────────────────
// 政务信息工作考核规定（区级）: counts for the year; S1 a flag; K3 the points set for the incident.

const GOVINFO_ITEMS = [
  ['S1', '领导重视、机构健全(20分)'],
  ['S2', '完成月度目标(月数)'],
  ['S3.single', '《政务》采用单条'],
  ['S3.brief', '《政务》简讯'],
  ['S3.daily', '“每日要情”采用'],
  ['S4.single', '市办公厅刊物单条'],
  ['S4.research', '市办公厅刊物综合调研'],
  ['S5.single', '省办公厅刊物单条'],
  ['S5.research', '省办公厅刊物综合调研'],
  ['S6', '综合信息(按单位计)'],
  ['S6.extra', '综合信息取材加分'],
  ['S7', '网站“今日”采用'],
  ['S8', '区领导批示'],
  ['S9', '市领导批示'],
  ['S10', '省领导批示'],
  ['R3', '《政办通报》采用(只奖励)'],
  ['K1', '领导不重视、督促不力'],
  ['K2', '月度目标未完成(月数)'],
  ['K3', '信息失实(扣分)'],
  ['K4.late', '迟报·省办公厅通报'],
  ['K4.omit', '漏报瞒报·省办公厅通报'],
  ['K5.late', '迟报·市办公厅通报'],
  ['K5.omit', '漏报瞒报·市办公厅通报'],
  ['K6.late', '迟报·区办公室通报'],
  ['K6.omit', '漏报瞒报·区办公室通报'],
  ['K7', '约稿迟报或不报'],
  ['K8', '区办公室通报批评'],
];

const GOVINFO_UNITS = [
  { unit: '区发改局', v: { S1: '是', S2: 12, 'S3.single': 6, 'S3.brief': 8, 'S3.daily': 4, 'S4.single': 2, 'S4.research': 1, 'S5.single': 1, S6: 3, 'S6.extra': 10, S7: 10, S8: 2, S9: 1, R3: 2 } },
  { unit: '区教育局', v: { S1: '是', S2: 11, 'S3.single': 5, 'S3.brief': 6, 'S3.daily': 2, 'S4.single': 1, S6: 2, S7: 8, S8: 1, R3: 1, K2: 1 } },
  { unit: '区财政局', v: { S1: '是', S2: 10, 'S3.single': 3, 'S3.brief': 4, S7: 5, K2: 2, 'K6.late': 1 } },
  { unit: '区人社局', v: { S1: '是', S2: 12, 'S3.single': 4, 'S3.daily': 3, 'S4.single': 1, 'S5.research': 1, S6: 1, S7: 6, S9: 1, S10: 1 } },
  { unit: '区住建局', v: { S1: '否', S2: 12, 'S3.single': 2, 'S3.brief': 3, S7: 4, K1: 1, 'K6.late': 1, K7: 1 } },
  { unit: '区卫健委', v: { S1: '是', S2: 6, 'S3.single': 3, 'S3.daily': 1, S7: 3, K2: 6, K3: 80 } },
  { unit: '区市场监管局', v: { S1: '是', S2: 12, 'S3.single': 7, 'S3.brief': 5, 'S3.daily': 2, 'S4.research': 1, S6: 4, 'S6.extra': 5, S7: 9, S8: 1, R3: 1, 'K6.late': 1 } },
  { unit: '区应急管理局', v: { S1: '是', S2: 11, 'S3.brief': 2, S7: 2, K2: 1, 'K5.late': 1 } },
];

async function govinfo() {
  const workbook = newWorkbook('区政府办公室', '2024-01-10T09:00:00Z');
  const headers = ['单位', ...GOVINFO_ITEMS.map(([code, label]) => `${code} ${label}`)];
  const fills = headers.map((h) => (/^[SR]/.test(h) ? BONUS_FILL : /^K/.test(h) ? DEDUCT_FILL : HEADER_FILL));
  const rows = GOVINFO_UNITS.map((u) => [u.unit, ...valuesOf(GOVINFO_ITEMS.map(([code]) => code), u.v)]);
  const sheet = titledTable(workbook, '政务信息', '2023年度全区政务信息工作考核积分表', headers, rows, {
    widths: [14, ...GOVINFO_ITEMS.map(() => 8)],
    fills,
  });
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
  await workbook.xlsx.writeFile(join(outDir, 'govinfo.xlsx'));
}

// ───────────────────────────── township2022 ─────────────────────────────
// XX县乡镇便民服务中心标准化等级评定: every item of the 评分表 (codes of township2022-table.md).

const TOWNSHIP_ITEMS = [
  ['1.1', '规范场所建设(评分0-3)'],
  ['1.2', '标识不一致(处)'],
  ['1.3', '少设窗口(个)'],
  ['1.4.missing', '少制度(个)'],
  ['1.4.unexecuted', '制度未执行(个)'],
  ['2.1', '设施缺少或故障(个)'],
  ['2.2', '电脑无法操作(台)'],
  ['3.1.volume', '办件量'],
  ['3.2', '一次性告知未登记(件)'],
  ['3.3.late', '未及时录入(件)'],
  ['3.3.overdue', '预审超期(件)'],
  ['3.4', '文书未打印(个)'],
  ['3.5', '未挂起(件)'],
  ['3.6', '电子证照未调用(件)'],
  ['3.7', '送达回证未打印(个)'],
  ['3.8', '默认评价(个)'],
  ['3.9', '归档率'],
  ['3.10', '无否决权未登记(件)'],
  ['3.11', '系统实操不规范(项)'],
  ['3.12', '材料移交未登记(件)'],
  ['3.13', '印章使用未登记(件)'],
  ['3.14', '标准宣贯缺失(项)'],
  ['3.15', '迎检材料缺失(项)'],
  ['4.1', '过期纸质指南(份)'],
  ['4.2', '指南错误(处)'],
  ['4.3', '事项未进驻(个)'],
  ['4.4', '多收材料(份)'],
  ['4.5', '超期办结(件)'],
  ['4.6', '人员审核(评分0-3)'],
  ['5.1', '着装(评分0-1)'],
  ['5.2.discipline', '违反工作纪律(个)'],
  ['5.2.late', '会议培训迟到早退(次)'],
  ['5.2.absent', '会议培训缺席(次)'],
  ['5.2.video', '视频监控通报(次)'],
  ['5.2.closed', '大厅未正常办公(次)'],
  ['5.3', '非常满意率'],
  ['5.4', '主动评价率'],
  ['5.5.sensitive', '敏感词未按时审核(件)'],
  ['5.5.review', '差评未按时整改(件)'],
  ['5.6', '人员变动(评分0-3)'],
  ['5.7', '工作人员考核优秀'],
  ['5.8', '培训考核未达优秀(人次)'],
  ['5.9.issue', '特殊群体服务问题(处)'],
  ['5.9.nosystem', '未建立特殊群体制度'],
  ['6.1', '创新工作获认可推广'],
];
const RATE_CODES = new Set(['3.9', '5.3', '5.4']);
const FLAG_CODES = new Set(['5.7', '5.9.nosystem', '6.1']);
const JUDGED_FULL = { '1.1': 3, '4.6': 3, '5.1': 1, '5.6': 3 };

// Only what differs from a clean inspection; the rest is filled in below (judged items at 分值,
// counts 0, rates 100%, flags 否). Rates are fractions (percent-formatted cells).
const TOWNSHIP_UNITS = [
  { unit: '城关镇', criticized: '否', v: { '3.1.volume': 3860, '1.2': 1, '3.3.late': 2, '3.8': 3, '3.9': 0.992, '4.2': 1, '5.3': 0.9998, '5.4': 0.986, '5.7': '是', '6.1': '是' } },
  { unit: '石桥镇', criticized: '是', v: { '3.1.volume': 3120, '1.4.missing': 1, '3.6': 2, '3.12': 3, '5.2.late': 1, '5.3': 0.9996, '5.4': 0.99, '5.7': '是', '6.1': '是' }, note: '2022年6月被市效能办通报批评' },
  { unit: '东关镇', criticized: '否', v: { '3.1.volume': 2975, '2.1': 1, '3.4': 2, '3.13': 1, '5.3': 0.9999, '5.4': 0.975, '5.8': 1, '5.7': '是' } },
  { unit: '白沙镇', criticized: '否', v: { '3.1.volume': 2410, '1.1': 2.5, '3.3.overdue': 1, '3.7': 2, '3.9': 0.985, '5.3': 0.9997, '5.4': 0.98, '5.5.sensitive': 1, '5.7': '是' } },
  { unit: '西河镇', criticized: '否', v: { '3.1.volume': 2410, '1.2': 2, '2.2': 1, '3.2': 1, '3.10': 1, '4.6': 2.5, '5.3': 0.9995, '5.4': 0.97, '5.7': '是' } },
  { unit: '青龙镇', criticized: '否', v: { '3.1.volume': 2088, '3.11': 2, '3.14': 1, '4.4': 1, '5.3': 0.9998, '5.4': 0.982, '5.9.issue': 1, '5.7': '是' } },
  { unit: '南山镇', criticized: '否', v: { '3.1.volume': 1765, '1.3': 1, '3.5': 1, '4.1': 1, '5.2.discipline': 1, '3.12': 1, '5.3': 0.9998, '5.4': 0.985, '5.7': '是' } },
  { unit: '杨柳镇', criticized: '否', v: { '3.1.volume': 1502, '3.6': 3, '3.8': 5, '3.9': 0.964, '5.3': 0.999, '5.4': 0.95, '5.7': '否' } },
  { unit: '柳树乡', criticized: '否', v: { '3.1.volume': 1236, '5.1': 0.5, '5.6': 2, '4.5': 2, '3.3.late': 3, '3.3.overdue': 1, '5.3': 0.9994, '5.4': 0.968, '5.9.nosystem': '是', '5.7': '是' } },
  { unit: '北坪乡', criticized: '否', v: { '3.1.volume': 980, '5.2.discipline': 2, '5.2.absent': 1, '5.2.video': 1, '4.3': 1, '3.9': 0.95, '5.3': 0.9992, '5.4': 0.946, '5.5.review': 3, '5.7': '是' } },
  // 3.9 as the clerk computes it: 归档 365 of 375 办件 (97.33%).
  { unit: '马家乡', criticized: '否', v: { '3.1.volume': 655, '5.9.issue': 5, '5.9.nosystem': '是', '1.4.missing': 3, '1.4.unexecuted': 2, '2.2': 3, '3.9': { formula: '365/375', result: 365 / 375 }, '5.3': 0.9985, '5.4': 0.92, '5.7': '否', '1.1': 2 } },
];

function townshipValue(code, given) {
  if (given !== undefined) return given;
  if (code in JUDGED_FULL) return JUDGED_FULL[code];
  if (RATE_CODES.has(code)) return 1;
  if (FLAG_CODES.has(code)) return '否';
  return 0;
}

async function township() {
  const workbook = newWorkbook('XX县行政服务中心', '2022-08-31T09:00:00Z');
  const headers = ['序号', '单位', '通报批评或曝光', ...TOWNSHIP_ITEMS.map(([code, label]) => `${code} ${label}`), '备注'];
  const rows = TOWNSHIP_UNITS.map((u, i) => [i + 1, u.unit, u.criticized, ...TOWNSHIP_ITEMS.map(([code]) => townshipValue(code, u.v[code])), u.note ?? null]);
  const numFmts = headers.map((h) => {
    const code = h.split(' ')[0];
    if (code === '5.3') return '0.00%';
    if (RATE_CODES.has(code)) return '0.0%';
    if (code === '3.1.volume') return '#,##0';
    return null;
  });
  const sheet = titledTable(workbook, '等级评定', '2022年乡镇综合便民服务中心等级评定评分表', headers, rows, {
    widths: [5, 10, 8, ...TOWNSHIP_ITEMS.map(() => 8), 28],
    numFmts,
  });
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 2 }];
  await workbook.xlsx.writeFile(join(outDir, 'township2022.xlsx'));
}

mkdirSync(outDir, { recursive: true });
await chengdu();
await county();
await tacheng();
await govinfo();
await township();
process.stdout.write(`examples written to ${outDir}\n`);
