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
  // Place and office names (units are compared Traditional = Simplified): 錦江區, 成華區, 龍泉驛區 …
  錦: '锦', 華: '华', 龍: '龙', 驛: '驿', 溫: '温', 雙: '双', 崍: '崃', 陽: '阳', 東: '东', 灣: '湾',
  橋: '桥', 廣: '广', 寧: '宁', 豐: '丰', 開: '开', 長: '长', 馬: '马', 鳳: '凤', 嶺: '岭', 圍: '围',
  園: '园', 興: '兴', 義: '义', 廳: '厅', 衛: '卫', 稅: '税', 財: '财', 環: '环', 農: '农', 醫: '医',
  療: '疗', 藥: '药', 監: '监', 質: '质', 場: '场', 資: '资', 產: '产', 統: '统', 貿: '贸', 發: '发',
  聯: '联', 僑: '侨', 屬: '属', 電: '电', 視: '视', 圖: '图', 書: '书', 館: '馆', 鐵: '铁', 運: '运',
  輸: '输', 車: '车', 紀: '纪', 檢: '检', 檔: '档', 軍: '军', 學: '学', 協: '协', 黨: '党', 組: '组',
  織: '织', 傳: '传', 勞: '劳', 險: '险', 蘭: '兰', 鄭: '郑', 羅: '罗', 蘇: '苏', 貴: '贵', 漢: '汉',
  臺: '台', 灘: '滩', 壩: '坝', 溝: '沟', 莊: '庄', 雲: '云', 嶼: '屿', 廟: '庙',
  軟: '软', 網: '网', 線: '线', 橫: '横', 濱: '滨', 澤: '泽', 濟: '济',
  衝: '冲', 嶽: '岳', 湯: '汤', 鹽: '盐', 滬: '沪', 濰: '潍', 錫: '锡', 蕪: '芜', 銅: '铜', 鄖: '郧',
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

/**
 * Characters a reader cannot see: format and bidi controls (U+200B–U+200F, U+202A–U+202E,
 * U+2060–U+206F, U+FEFF, U+00AD … — Unicode's Cf), other controls (Cc), line and paragraph
 * separators, variation selectors, the combining grapheme joiner and the Hangul fillers.
 */
const HIDDEN = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/gu;
/** Hidden characters and every space (NBSP, U+3000 …), for comparing names. */
const HIDDEN_OR_SPACE = new RegExp(`${HIDDEN.source.slice(0, -1)}\\s]`, 'gu');

/**
 * A unit's identity, for telling whether two names are the same unit: NFKC (full width folded),
 * invisible, bidi and control characters and all spaces removed, lower case, Traditional →
 * Simplified (the table above). 錦江區, 锦江区 + U+200B, U+202D + 锦江区 and 「锦 江 区」 are one unit.
 * The ruleset's own aliases (双流区 for 双流县) are matched on top of this (input.ts unitKey).
 */
export function unitIdentity(name: string): string {
  const folded = name.replace(HIDDEN_OR_SPACE, '').normalize('NFKC').replace(HIDDEN_OR_SPACE, '').toLowerCase();
  return TRADITIONAL_CHAR.test(folded) ? folded.replace(TRADITIONAL_CHARS, (ch) => TRADITIONAL_TO_SIMPLIFIED[ch] ?? ch) : folded;
}

/** A name as written, with each invisible character (and any space other than U+0020) shown as U+XXXX, so a message shows what differs. */
export function visibleName(name: string): string {
  return name.replace(new RegExp(`${HIDDEN.source.slice(0, -1)}\\s]`, 'gu'), (ch) =>
    ch === ' ' ? ch : `〈U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}〉`,
  );
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
  'tier-differs': { zh: '圈层与细则不符', en: 'tier differs from the rules' },
  'unlisted-unit': { zh: '单位不在名单', en: 'unit not listed' },
  'row-label': { zh: '行名不符', en: 'row label differs' },
  'invalid-value': { zh: '无效值', en: 'invalid value' },
  'not-scored': { zh: '未计分', en: 'not scored' },
  'sheet-unread': { zh: '未读取的工作表', en: 'sheet not read' },
  'column-read': { zh: '列的读法', en: 'how a column was read' },
};

/** Finding codes that are the program's own words, not a column or item a clerk wrote. */
const INTERNAL_FINDING_CODES: ReadonlySet<string> = new Set(['unit', 'level']);

/**
 * Codes the program gives findings about a total or a unit's 圈层 (core/audit.ts's claims about a
 * sheet's own 加分/扣分/得分 column, the 圈层 cell): named in words, as the sheet's columns are.
 */
const TOTAL_WORDS: Readonly<Record<string, { zh: string; en: string }>> = {
  bonus: { zh: '加分', en: 'bonus' },
  deduction: { zh: '扣分', en: 'deductions' },
  score: { zh: '得分', en: 'score' },
  tier: { zh: '圈层', en: 'tier' },
};

/**
 * What a clerk reads as a finding's subject: the item, group, check or column it is about; a total
 * or the 圈层 in words (扣分, not `deduction`); else (for findings about a unit or its level) the
 * kind of finding in words — never an internal code such as `level`.
 */
export function findingSubject(finding: Pick<Finding, 'code' | 'kind'>, lang: 'zh' | 'en' = 'zh'): string {
  const total = Object.hasOwn(TOTAL_WORDS, finding.code) ? TOTAL_WORDS[finding.code] : undefined;
  if (total) return total[lang];
  return finding.code === '' || INTERNAL_FINDING_CODES.has(finding.code) ? FINDING_KIND_WORDS[finding.kind][lang] : finding.code;
}
