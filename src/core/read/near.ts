/**
 * Near misses: a header or row label that is not an item's code or label but close to one
 * (率先推出创新型政务服务举措 for 创新性, a one-character typo). One measure, used by the task pane's
 * proposal (mapping.ts) and by the reader (input.ts, item-rows.ts); a match found this way is
 * always said (a finding at the header cell, the pane's "near 92%" badge), never silent.
 */
import { distance } from 'fastest-levenshtein';
import type { CompiledItem, CompiledRuleset } from '../compile';
import { normalizeKey } from '../text';

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
