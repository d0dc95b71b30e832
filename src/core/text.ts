/** Text normalization shared by header matching and cell reading. */
import type { Finding, FindingKind } from './result';

/** NFKC folds full-width digits, letters and signs (３ → 3, ％ → %) to their plain forms. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').trim();
}

/** Key for matching headers, codes, labels and names: NFKC, trimmed, spaces collapsed, lower case. */
export function normalizeKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Traditional → Simplified for the words of clause labels and the commonest characters of the
 * regulations' text. Only characters that are Traditional-only forms (never written in Simplified
 * text) are listed, so converting Simplified text leaves it unchanged. Not a general converter:
 * quotes stay verbatim; this is for the labels a Chinese output shows (第九條(四) → 第九条(四)) and
 * for telling that a quote is in the Traditional script.
 */
const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = {
  條: '条', 項: '项', 號: '号', 節: '节', 編: '编', 則: '则', 點: '点', 類: '类', 細: '细', 辦: '办',
  錄: '录', 訂: '订', 規: '规', 標: '标', 內: '内', 設: '设', 機: '机', 構: '构', 據: '据', 際: '际',
  況: '况', 級: '级', 計: '计', 過: '过', 國: '国', 務: '务', 區: '区', 縣: '县', 層: '层', 勵: '励',
  評: '评', 選: '选', 優: '优', 單: '单', 體: '体', 關: '关', 劃: '划', 減: '减', 總: '总', 數: '数',
  門: '门', 會: '会', 經: '经', 費: '费', 導: '导', 報: '报', 員: '员', 時: '时', 應: '应', 為: '为',
  對: '对', 這: '这', 們: '们', 個: '个', 來: '来', 說: '说', 實: '实', 達: '达', 處: '处', 責: '责',
  獎: '奖', 懲: '惩', 議: '议', 證: '证', 審: '审', 決: '决', 專: '专', 業: '业', 動: '动', 鄉: '乡',
  鎮: '镇',
};
const TRADITIONAL_CHAR = new RegExp(`[${Object.keys(TRADITIONAL_TO_SIMPLIFIED).join('')}]`, 'u');
const TRADITIONAL_CHARS = new RegExp(TRADITIONAL_CHAR.source, 'gu');

/** A clause label in Simplified script: 第十條(八) → 第十条(八); labels already Simplified come back unchanged. */
export function simplifiedLabel(label: string): string {
  return TRADITIONAL_CHAR.test(label) ? label.replace(TRADITIONAL_CHARS, (ch) => TRADITIONAL_TO_SIMPLIFIED[ch] ?? ch) : label;
}

/** Clause references inside running text (第十條(八) in a finding's message), in Simplified; nothing else in the text changes. */
const CLAUSE_IN_TEXT = /第[〇零一二三四五六七八九十百千两\d]+[條項號節編則點]/gu;
export function simplifiedClauses(text: string): string {
  return text.replace(CLAUSE_IN_TEXT, (reference) => simplifiedLabel(reference));
}

/** True when the text is written in the Traditional script (it holds a Traditional-only character). */
export function isTraditional(text: string): boolean {
  return TRADITIONAL_CHAR.test(text);
}

/** Said once in a Chinese output that quotes a Traditional text verbatim. */
export const TRADITIONAL_QUOTES_NOTE = { zh: '原文为繁体，引文照录原文', en: 'quotes are verbatim from the source, which is in Traditional Chinese' } as const;

/**
 * What a clerk reads for a finding that is not about one item (its code would be an internal word
 * such as `level`): the kind of finding, in Chinese and English.
 */
export const FINDING_KIND_WORDS: Readonly<Record<FindingKind, { zh: string; en: string }>> = {
  unscored: { zh: '未评分', en: 'not scored' },
  'beyond-bound': { zh: '超出范围', en: 'out of bounds' },
  capped: { zh: '超过上限', en: 'capped' },
  floored: { zh: '已扣完', en: 'at its floor' },
  'incident-range': { zh: '单次超出范围', en: 'incident out of range' },
  'sum-limit': { zh: '合计超限', en: 'sum over limit' },
  'quota-tie': { zh: '同分待定', en: 'tie on the quota line' },
  'level-tie': { zh: '同名次超额', en: 'tie at a level' },
  'no-tier': { zh: '缺少圈层', en: 'no tier' },
  'rank-needs-batch': { zh: '需与其他单位排名', en: 'rank needs the batch' },
  'merged-cell': { zh: '合并单元格', en: 'merged cells' },
  'level-downgrade': { zh: '降低等级', en: 'level lowered' },
  'entered-points': { zh: '所填分数', en: 'points entered' },
  claim: { zh: '与细则不符', en: 'differs from the rules' },
  'quota-base': { zh: '名额基数', en: 'quota base' },
  incomplete: { zh: '未评完', en: 'incomplete' },
  'duplicate-unit': { zh: '单位重复', en: 'unit listed twice' },
  'row-label': { zh: '行名不符', en: 'row label differs' },
  'invalid-value': { zh: '无效值', en: 'invalid value' },
  'not-scored': { zh: '未计分', en: 'not scored' },
};

/** Finding codes that are the program's own words, not a column or item a clerk wrote. */
const INTERNAL_FINDING_CODES: ReadonlySet<string> = new Set(['unit', 'level']);

/**
 * What a clerk reads as a finding's subject: the item, group, check or column it is about, else
 * (for findings about a unit or its level) the kind of finding in words — never an internal code
 * such as `level`.
 */
export function findingSubject(finding: Pick<Finding, 'code' | 'kind'>, lang: 'zh' | 'en' = 'zh'): string {
  return finding.code === '' || INTERNAL_FINDING_CODES.has(finding.code) ? FINDING_KIND_WORDS[finding.kind][lang] : finding.code;
}
