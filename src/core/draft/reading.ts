/**
 * The text a pattern reads, and the way back to the text as written. Patterns match a *reading*
 * of the regulation: Traditional characters read as Simplified, full-width digits and punctuation
 * as plain (NFKC), and the OCR slips seen in real texts repaired — each repair a finding, never
 * silent. Every character of the reading keeps the index of the character it came from, so a
 * quote is always cut from the original, verbatim.
 */

/**
 * Traditional → Simplified, one character for one (so indexes map back). Only Traditional-only
 * forms: Simplified text is left unchanged. The words of assessment regulations: 每項扣2分,
 * 累計不超過, 減分總數, 媒體報導, 優秀, 圈層, 實得分 … plus the commonest characters around them.
 */
const TRADITIONAL: string =
  '條条項项號号節节編编則则點点類类細细辦办錄录訂订規规標标內内設设機机構构據据際际況况級级計计過过國国務务區区縣县層层勵励' +
  '評评選选優优單单體体關关劃划減减總总數数門门會会經经費费導导報报員员時时應应為为對对這这們们個个來来說说實实達达處处責责' +
  '獎奖懲惩議议證证審审決决專专業业動动鄉乡鎮镇積积極极現现場场圓圆滿满貢贡獻献屬属兩两頭头將将視视訴诉語语聞闻訪访黨党' +
  '發发刊刊彰彰準准並并許许淨净獲获統统該该選选額额畫划歸归檔档線线網网級级績绩效效進进齊齐產产歲岁權权開开啟启間间' +
  '無无與与於于齊齐給给從从後后當当徑径價价續续額额錯错誤误漏漏遲迟違违紀纪檢检監监察察舉举訊讯複复雜杂簡简訊讯採采' +
  '況况嚴严隊队護护衛卫勞劳務务織织傳传聯联環环農农醫医療疗藥药財财稅税資资貿贸電电圖图書书館馆鐵铁運运輸输車车軍军學学協协' +
  '組组負负擔担職职稱称聽听讀读寫写頁页題题覆复範范圍围廣广東东長长門门問问題题種种據据備备檢检測测驗验務务戶户儘尽隨随' +
  '認认識识調调處处級级態态屬属參参與与選选舉举蓋盖簽签們们記记錄录該该頒颁繼继續续僅仅餘余張张換换屆届廳厅級级優优';

const TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = Array.from(TRADITIONAL);
  for (let i = 0; i + 1 < chars.length; i += 2) if (chars[i] !== chars[i + 1]) map.set(chars[i], chars[i + 1]);
  return map;
})();

/** A repair made while reading (an OCR slip), reported as a finding with where it was. */
export interface ReadingFinding {
  /** Index in the original text. */
  at: number;
  original: string;
  read: string;
  zh: string;
  en: string;
}

export interface Reading {
  /** The text patterns match. */
  text: string;
  /** origin[i] = index in the original of reading character i; origin[text.length] = original length. */
  origin: number[];
  findings: ReadingFinding[];
  traditional: boolean;
}

/** One character as read: NFKC (full-width → plain), then Traditional → Simplified. */
function readChar(ch: string): string {
  // Invisible characters (private use, format controls, BOM) are not read: a heading after one is still a heading.
  if (/[\p{Co}\p{Cf}]/u.test(ch)) return '';
  const simplified = TO_SIMPLIFIED.get(ch);
  if (simplified !== undefined) return simplified;
  const folded = ch.normalize('NFKC');
  // Keep one character for one where NFKC would expand (…, ㈠): those are not rule characters.
  if (Array.from(folded).length !== 1) return ch;
  if (folded === '—' || folded === '–' || folded === '－' || folded === '~' || folded === '～') return '-';
  return folded;
}

/**
 * OCR slips seen in real texts, as data: what is written, what it is read as, and why.
 * Each is checked in a small window of the reading (with the characters around it).
 */
const OCR_SLIPS: ReadonlyArray<{ pattern: RegExp; fix: (match: string) => string; zh: string; en: string }> = [
  // 扪 (to touch) for 扣 (to deduct), before a number: 每次扪2分.
  { pattern: /扪(?=\s*[\d一二三四五六七八九十两.]+\s*分)/g, fix: () => '扣', zh: '“扪”读作“扣”（识别错字）', en: '扪 read as 扣 (an OCR slip)' },
  // The letter O (or o) between digits: 1O0%.
  { pattern: /(?<=\d)[Oo](?=\d|[Oo]*\d|[Oo]*\s*%)/g, fix: () => '0', zh: '字母“O”读作数字“0”（识别错字）', en: 'the letter O read as the digit 0 (an OCR slip)' },
  // A lost decimal point: 扣05分 → 扣0.5分 (a leading zero is never written before a whole number of points).
  { pattern: /(?<![\d.])0(?=[1-9]\s*分)/g, fix: () => '0.', zh: '“0N分”读作“0.N分”（小数点缺失）', en: '"0N分" read as "0.N分" (a lost decimal point)' },
];

/** The reading of a text: see the module comment. */
export function readingOf(original: string): Reading {
  let text = '';
  const origin: number[] = [];
  let traditional = false;
  for (let i = 0; i < original.length; ) {
    const code = original.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(code);
    const read = readChar(ch);
    if (TO_SIMPLIFIED.has(ch)) traditional = true;
    for (let k = 0; k < read.length; k++) origin.push(i);
    text += read;
    i += ch.length;
  }
  origin.push(original.length);
  const findings: ReadingFinding[] = [];
  for (const slip of OCR_SLIPS) {
    let out = '';
    const outOrigin: number[] = [];
    let last = 0;
    for (const match of text.matchAll(slip.pattern)) {
      const at = match.index ?? 0;
      out += text.slice(last, at);
      outOrigin.push(...origin.slice(last, at));
      const fixed = slip.fix(match[0]);
      out += fixed;
      for (let k = 0; k < fixed.length; k++) outOrigin.push(origin[at]);
      last = at + match[0].length;
      const start = origin[at];
      findings.push({
        at: start,
        original: original.slice(Math.max(0, start - 4), origin[Math.min(text.length, last + 3)]),
        read: (out.slice(-6) + text.slice(last, last + 3)).trim(),
        zh: slip.zh,
        en: slip.en,
      });
    }
    if (last === 0) continue;
    out += text.slice(last);
    outOrigin.push(...origin.slice(last));
    text = out;
    origin.length = 0;
    origin.push(...outOrigin);
  }
  return { text, origin, findings: findings.sort((a, b) => a.at - b.at), traditional };
}

/** The original characters behind reading[start, end). */
export function originalSpan(reading: Reading, original: string, start: number, end: number): string {
  const from = reading.origin[start] ?? original.length;
  const lastChar = end > start ? reading.origin[end - 1] : from;
  // The end is just past the original character behind the last reading character.
  const cp = original.codePointAt(lastChar) ?? 0;
  const to = end > start ? lastChar + (cp > 0xffff ? 2 : 1) : from;
  return original.slice(from, Math.max(from, to));
}

/** Simplified reading of a short text (labels): the reading's text alone. */
export function simplified(text: string): string {
  return readingOf(text).text;
}
