/**
 * Mapping an existing sheet's header row to ruleset items: by code, by label, or by a near-miss
 * label (edit distance), so the task pane can propose a mapping for the clerk to confirm.
 */
import { distance } from 'fastest-levenshtein';
import { type Cell, cellText, isEmptyCell } from './cells';
import type { CompiledItem, CompiledRuleset } from './compile';
import { findItem, specialColumn } from './input';
import { normalizeKey } from './text';

export type MatchKind = 'code' | 'label' | 'near' | 'special' | 'none';

export interface ColumnMatch {
  column: number;
  header: string;
  /** The item proposed for the column, or null. */
  item: string | null;
  match: MatchKind;
  /** For special columns: unit, tier, criticized. */
  special?: 'unit' | 'tier' | 'criticized';
  /** 0–1: how close a near-miss label is. */
  similarity: number;
}

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

/** Proposes an item (or special column) for every header cell; each item is proposed once. */
export function suggestMapping(rs: CompiledRuleset, header: readonly Cell[], threshold = 0.5): ColumnMatch[] {
  const taken = new Set<string>();
  const result: ColumnMatch[] = header.map((cell, column) => {
    const text = isEmptyCell(cell) ? '' : cellText(cell);
    const special = text ? specialColumn(text) : undefined;
    if (special) return { column, header: text, item: null, match: 'special', special, similarity: 1 };
    const exact = text ? findItem(rs, text) : undefined;
    if (exact && !taken.has(exact.code)) {
      taken.add(exact.code);
      const byCode = normalizeKey(text) === normalizeKey(exact.code) || normalizeKey(text).startsWith(`${normalizeKey(exact.code)} `);
      return { column, header: text, item: exact.code, match: byCode ? 'code' : 'label', similarity: 1 };
    }
    return { column, header: text, item: null, match: 'none', similarity: 0 };
  });
  // Near misses second, best first, so an exact match elsewhere is never taken by a guess.
  const inputs = rs.items.filter((item) => item.isInput);
  const candidates: Array<{ column: number; item: CompiledItem; similarity: number }> = [];
  for (const entry of result) {
    if (entry.match !== 'none' || entry.header === '') continue;
    for (const item of inputs) {
      const similarity = Math.max(labelSimilarity(entry.header, item.label), item.labelEn ? labelSimilarity(entry.header, item.labelEn) : 0);
      if (similarity >= threshold) candidates.push({ column: entry.column, item, similarity });
    }
  }
  candidates.sort((a, b) => b.similarity - a.similarity || a.column - b.column);
  for (const candidate of candidates) {
    const entry = result[candidate.column];
    if (entry.match !== 'none' || taken.has(candidate.item.code)) continue;
    taken.add(candidate.item.code);
    entry.item = candidate.item.code;
    entry.match = 'near';
    entry.similarity = Math.round(candidate.similarity * 100) / 100;
  }
  return result;
}
