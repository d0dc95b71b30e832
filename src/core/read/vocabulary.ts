/**
 * The words offices write in their sheets, in one place, as data: which header names which role
 * of a column, which row is a title, a note, a sign-off, a sum or a section. The readers
 * (input.ts, headers.ts, item-rows.ts, rows.ts) index these lists; nothing here is code.
 * Matching is after normalizeKey (NFKC, lower case, simplified script), so full-width brackets and
 * 繁體 spellings need not be listed twice unless noted.
 */

/** Columns of a unit's own: its name, its 圈层, its 通报批评 mark; columns to leave alone; ledger columns. */
export const SPECIAL_HEADERS = {
  unit: ['单位', 'unit', '单位名称', '被考核单位', 'name', '名称', '單位', '乡镇', '乡镇名称', '乡镇(街道)', '区(市)县', '县(区)', '县区', '县(市)', '部门', '单位/部门', '单位(部门)', '部门名称', '地直部门', '地直单位', '县直部门', '县直单位', '区直部门', '市直部门', '市直单位', '区县', '考核单位', '被考评单位'],
  tier: ['tier', '圈层', '圈層'],
  criticized: ['criticized', '通报批评或曝光', '通报批评', '被通报批评或曝光', '通报批评或媒体曝光'],
  // 合计, 总分, 名次, 等次… are the office's claims (CLAIMS), audited rather than skipped.
  ignore: ['序号', 'no', 'no.', '#', '备注', 'note', 'notes', 'remark', 'remarks', '说明'],
  code: ['code', '条目', '编码', 'item', '项目编码'],
  quantity: ['quantity', '数量', 'qty', 'count'],
  matter: ['matter', '事项'],
  value: ['value', '值', '数值', '得分值'],
} as const;

/** The office's own results on the sheet, audited after scoring. */
export const CLAIMS = {
  bonus: ['加分小计', '加分合计', '加分小計', '加分合計', '加分总计', '加分总分', '小计加分', 'bonus total'],
  deduction: ['扣分小计', '扣分合计', '减分小计', '减分合计', '扣分小計', '扣分合計', '減分小計', '減分合計', '扣分总计', '小计扣分', 'deduction total'],
  score: ['总分', '總分', '合计', '合計', '得分', '总得分', '總得分', '最终得分', '最后得分', '考核得分', '考核总分', '评分', '总计', '得分合计', '合计得分', '总计得分', '实得分', 'score', 'total', 'total score',
    // The office's total under the name of its assessment (评定得分 on a 等级评定 summary, 年度得分, 考评得分 …).
    '评定得分', '评定总分', '考评得分', '考评总分', '考核评分', '年度得分', '年度总分', '年终得分', '综合得分', '综合评分', '最终评分', '评估得分'],
  rank: ['名次', '排名', '排序', 'rank', 'ranking'],
  level: ['等次', '等级', '等級', '考核等次', '考核等级', '评定等级', '评定等次', 'level', 'grade'],
  result: ['奖励', '獎勵', '结果', '结果加分', '奖励加分', '等级加分', '绩效考评加分', '绩效考核加分', '年度绩效考评加分', 'reward', 'result',
    // A reward in yuan, and a threshold's flag (govinfo 四, 五(四)): audit.ts tells them apart by the header.
    '奖励金额', '奖励金额(元)', '奖金', '奖金(元)', '奖励(元)', '不得参评先进', '不得参评先进单位', '不能参加评选先进'],
} as const;

/**
 * The office's sum of every item's points before deductions are taken off (govinfo: 计分合计 − 扣分合计 =
 * 年度得分): audited against the points of all items that are not deductions.
 */
export const POINTS_BEFORE_DEDUCTIONS = ['计分合计', '计分小计', '计分总计', '积分小计'];

/** Description columns of the items-as-rows and 评分表 layouts (skipped, or where the labels are). */
export const DESCRIPTION = [
  '序号', '序號', '项目', '項目', '考核项目', '考核項目', '评分项目', '評分項目', '评选项目', '评选内容', '評選內容', '考核内容', '评分内容', '考核指标', '指标', '内容',
  '评分标准', '考核标准', '评分细则', '评分方法', '评分办法', '计分方法', '分值', '分數值', '标准分', '满分', '扣分原因', '扣分理由', '扣分说明', '扣分情况', '加分原因', '备注', '说明', '编码', '条目', '大项', '类别',
];

/** Headers naming the full points (分值) column. */
export const FULL_POINTS = ['分值', '分數值', '标准分', '满分', '标准分值'];

/** Description columns that explain a value rather than name the item (never a row's label). */
export const REASON_WORDS = /原因|理由|说明|备注|情况/;

/** Rows naming no unit but a sum or an average of the units above them. */
export const SUM_ROWS = ['合计', '合計', '总计', '總計', '小计', '小計', '平均', '平均分', '平均值', '汇总', '彙總', 'total', 'sum', 'average'];

/** Labels before a sign-off or note line (制表人：…), matched at the start of a cell (after NFKC, so ：is :). */
export const NOTE_LABELS = [
  '制表人', '制表', '填表人', '填报人', '审核人', '审核', '复核人', '复核', '审批人', '负责人', '分管领导', '主要领导', '联系人', '联系电话',
  '评定人员', '评分人', '考核组', '考核人', '监督人', '制表日期', '填表日期', '填报日期', '日期', '注', '附注', '说明', '备注', '单位\\(盖章\\)', '盖章',
];

/** Labels of a unit line above a form (单位：城关镇, 乡镇名称：河口镇). */
export const UNIT_LINE_LABELS = ['单位', '單位', '单位名称', '被考核单位', '乡镇', '乡镇名称', '乡镇\\(街道\\)', '考核单位', '被考评单位', '部门', '部门名称'];

/** Labels of other facts a unit line may carry beside the unit (评定时间：2022年8月). */
export const LINE_FACT_LABELS = ['评定时间', '考核时间', '评分时间', '时间', '日期', '填报日期', '评定日期', '考核年度', '年度', '评分人', '评定人员', '考核组'];

/** Level words in a header beside a clause of levels (（四）市级刊物篇数 is 9.4.city), by the item code's last part. */
export const LEVEL_WORDS: Record<string, readonly string[]> = {
  national: ['国家级', '国家', '全国', '中央', '国级'],
  province: ['省级', '省'],
  city: ['市级', '地市级', '市'],
  county: ['县级', '区(市)县', '区县', '县区', '县'],
};

/** A header ending in one of these counts (篇数, 次数, （次）): its values are quantities, whatever the category says. */
export const COUNT_WORDS = /(篇数|次数|件数|个数|项数|条数|月数|人次|\(次\)|\(件\)|\(篇\)|\(个\)|\(项\)|\(条\)|\(月\))$/;

/** A category header naming a kind of items (加分项目, 扣分项目), not the points they are written in. */
export const CATEGORY_WORDS = /^(加分|扣分|减分|減分|计分|計分|考核|评分)项目/;

/**
 * Points words in a header and what they say its values are: entered deductions (扣分), bonus points
 * (加分), points (得分). A header names its item and one of these before or after it (9.3加分, 扣分 10.2);
 * a category that is only one of them (加分, 第九条 加分) names the kind of its items.
 */
export const POINTS_WORDS = {
  deducted: ['扣分', '减分', '減分', '扣减'],
  bonus: ['加分'],
  points: ['得分', '分数', '分數', 'points'],
} as const;

/** A category's subtotal column ends in one of these (政务公开小计, 任务得分小计). */
export const SUBTOTAL_WORDS = ['小计', '小計'] as const;

/**
 * The office's base points (chengdu2006 第八條(一) 基本分 70): a column audited against the ruleset's
 * base — its flag items of role score given unless said otherwise — never read as an item.
 */
export const BASE_POINTS = ['基本分', '基础分', '基礎分', '实得基本分', '基本得分', '基础得分'];

/**
 * What a 注 line under the table says the item cells hold (注：加分、减分…填写实得分 / 填写次数): decides
 * the clause columns whose header has no points or count word (read/columns.ts sheetModes). A fill
 * verb must stand next to the word (按评定得分排名 says nothing about the cells).
 */
export const NOTE_MODES = {
  points: /(填写?|填报|填入|录入|记录)(实得分|实际得分|得分|分数|分值)|(实得分|实际得分|得分|分数)(填写|填报|填入|录入)/,
  counts: /(填写?|填报|填入|录入|记录)(次数|件数|篇数|个数|项数|数量)|(次数|件数|篇数|个数|项数|数量)(填写|填报|填入|录入)/,
} as const;
