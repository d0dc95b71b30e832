/**
 * Near misses: a header or row label that is not an item's code or label but close to one
 * (率先推出创新型政务服务举措 for 创新性, a one-character typo). One measure, used by the task pane's
 * proposal (mapping.ts) and by the reader (input.ts, item-rows.ts); a match found this way is
 * always said (a finding at the header cell, the pane's "near 92%" badge), never silent.
 */
import { distance } from 'fastest-levenshtein';
import type { CompiledItem, CompiledRuleset } from '../compile';
import { normalizeKey } from '../text';
import { COUNT_WORDS } from './vocabulary';

/** Similarity of two labels: 1 − edit distance / longer length (characters, after normalizing). */
export function labelSimilarity(a: string, b: string): number {
  const x = normalizeKey(a).replace(/[\s、，,（）()：:·.]/g, '');
  const y = normalizeKey(b).replace(/[\s、，,（）()：:·.]/g, '');
  if (x === '' || y === '') return 0;
  // Containment counts only when the shorter text is at least half the longer (not 会 in 会议).
  const ratio = Math.min(x.length, y.length) / Math.max(x.length, y.length);
  if (ratio >= 0.5 && (x.includes(y) || y.includes(x))) return ratio * 0.5 + 0.5;
  return 1 - distance(x, y) / Math.max(x.length, y.length);
}

/** Similarity of a header to an item: its Chinese label or its English one. */
export function itemSimilarity(text: string, item: CompiledItem): number {
  return Math.max(labelSimilarity(text, item.label), item.labelEn ? labelSimilarity(text, item.labelEn) : 0);
}

/**
 * The one input item a header is a near miss of, when it is clearly that one: at least `threshold`
 * similar, and no other item as close (a tie proposes nothing). For the reader, which must not guess.
 */
export function nearestItem(rs: CompiledRuleset, text: string, threshold = 0.8): { item: CompiledItem; similarity: number } | null {
  let best: { item: CompiledItem; similarity: number } | null = null;
  let tie = false;
  for (const item of rs.items) {
    if (!item.isInput) continue;
    const similarity = itemSimilarity(text, item);
    if (similarity < threshold) continue;
    if (best === null || similarity > best.similarity) {
      best = { item, similarity };
      tie = false;
    } else if (similarity === best.similarity) tie = true;
  }
  return best && !tie ? { item: best.item, similarity: Math.round(best.similarity * 100) / 100 } : null;
}

/** The points words a one-character slip still names (扣份 for 扣分), and the word meant. */
const POINTS_WORDS = ['扣分', '减分', '加分', '得分'];

/** The points word a short text is one character off (扣份 → 扣分), else null; an exact word is not a near miss. */
export function nearPointsWord(text: string): string | null {
  const key = normalizeKey(text).replace(/[\s()]/g, '');
  if (key.length < 2 || key.length > 3 || POINTS_WORDS.includes(key)) return null;
  const near = POINTS_WORDS.filter((word) => distance(key, word) === 1 && key[0] === word[0]);
  return near.length === 1 ? near[0] : null;
}

/**
 * A label as offices shorten it, for matching only: punctuation and quotes off (“每日要情” is 每日要情),
 * a count word at the end off (（次）, （月）), the leading 被 of a passive label off, and 采用 wherever
 * it stands (《政务》采用单条信息 is 被《政务》采用单条信息; “每日要情”采用 is 每日要情).
 */
export function looseKey(text: string): string {
  return normalizeKey(text)
    .replace(/\s+/g, '')
    .replace(COUNT_WORDS, '')
    .replace(/[、，,;；（）()：:·.。“”‘’"'《》〈〉「」『』【】[\]!！?？—_-]/g, '')
    .replace(/^被/, '')
    .replace(/采用/g, '');
}

/** Loose keys of each input item's label and aliases, per ruleset; a key two items share names neither. */
const looseIndexes = new WeakMap<CompiledRuleset, Map<string, CompiledItem | null>>();

function looseIndex(rs: CompiledRuleset): Map<string, CompiledItem | null> {
  let index = looseIndexes.get(rs);
  if (!index) {
    index = new Map();
    for (const item of rs.items) {
      if (!item.isInput) continue;
      for (const name of [item.label, ...item.aliases]) {
        const key = looseKey(name);
        if (key.length < 2) continue;
        const before = index.get(key);
        index.set(key, before === undefined || before === item ? item : null);
      }
    }
    looseIndexes.set(rs, index);
  }
  return index;
}

/** The one input item whose label or alias a header is, written the loose way (looseKey), else null. */
export function looseItem(rs: CompiledRuleset, text: string): CompiledItem | null {
  const key = looseKey(text);
  return key.length >= 2 ? (looseIndex(rs).get(key) ?? null) : null;
}

/**
 * The one input item whose label a header is a near miss of once both are written the loose way (《政务》采用简迅（次）
 * for 被《政务》采用简讯: 政务简迅 / 政务简讯): at least `threshold` similar, or one character changed in a
 * key of four or more; a tie (县领导批示: 区, 市 and 省领导批示 alike) names none.
 */
export function nearestLoose(rs: CompiledRuleset, text: string, threshold = 0.8): { item: CompiledItem; similarity: number } | null {
  const key = looseKey(text);
  if (key.length < 2) return null;
  let best: { item: CompiledItem; similarity: number } | null = null;
  let tie = false;
  // Labels only: an alias is a short name written exactly (办结和满意率 is no near miss of the alias 办结率满意率).
  for (const item of rs.items) {
    if (!item.isInput) continue;
    const name = looseKey(item.label);
    if (name.length < 2) continue;
    const edits = distance(key, name);
    const similarity = 1 - edits / Math.max(key.length, name.length);
    // One character changed in a label of four or more (简迅 for 简讯) is a typo however short the label.
    const typo = edits === 1 && key.length === name.length && key.length >= 4;
    if (similarity < threshold && !typo) continue;
    if (best === null || similarity > best.similarity) {
      best = { item, similarity };
      tie = false;
    } else if (similarity === best.similarity && best.item !== item) tie = true;
  }
  return best && !tie ? { item: best.item, similarity: Math.round(best.similarity * 100) / 100 } : null;
}

/**
 * A header that is a claim or role word but for a points word one character off at its end or start
 * (绩效考评加份 for 绩效考评加分, 加份 for 加分): the header as meant and the slip, else null.
 */
export function nearPointsHeader(text: string): { meant: string; written: string; word: string } | null {
  const key = normalizeKey(text).replace(/\s+/g, '');
  if (key.length < 2) return null;
  const tail = nearPointsWord(key.slice(-2));
  if (tail !== null) return { meant: key.slice(0, -2) + tail, written: key.slice(-2), word: tail };
  const head = nearPointsWord(key.slice(0, 2));
  if (head !== null) return { meant: head + key.slice(2), written: key.slice(0, 2), word: head };
  return null;
}
