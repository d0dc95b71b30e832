/**
 * Mapping an existing sheet's header row to ruleset items: by code, by label, or by a near-miss
 * label (edit distance), so the task pane can propose a mapping for the clerk to confirm.
 */
import { type Cell, cellText, isEmptyCell } from './cells';
import type { CompiledItem, CompiledRuleset } from './compile';
import { type ClaimKind, ambiguousNumber, interpretHeader } from './headers';
import { findItem, specialColumn } from './input';
import { normalizeKey } from './text';
import { itemSimilarity, labelSimilarity } from './read/near';

export { labelSimilarity };

/** target: a category, clause or whole bonus/deduction given as points; claim: the office's own result column. */
export type MatchKind = 'code' | 'label' | 'near' | 'special' | 'target' | 'claim' | 'none';

/** How a column's values are read: quantities (counts), points, or deductions written as positive numbers. */
export type ColumnMode = 'count' | 'points' | 'deducted';

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
  /** For an item or target column: how its values are read (the header's points word, or the clerk's choice). */
  mode?: ColumnMode;
  /** For a column of points over a category, clause or the whole bonus (no single item): the target's code. */
  target?: string;
  /** For the office's own result column (加分小计, 扣分小计, 总分, 名次, 等次, 奖励): what it claims, audited. */
  claim?: ClaimKind;
  /** The clerk set the column to be left out (不计入); a column merely not matched is still read as its header says. */
  ignored?: boolean;
}

/** The mode an item's own column is read in by default: a judged item's value is its points. */
function itemMode(item: CompiledItem): ColumnMode {
  return item.kind === 'judged' ? 'points' : 'count';
}

/** Proposes an item (or special column) for every header cell; each item is proposed once. */
export function suggestMapping(rs: CompiledRuleset, header: readonly Cell[], threshold = 0.5): ColumnMatch[] {
  const taken = new Set<string>();
  const result: ColumnMatch[] = header.map((cell, column) => {
    const text = isEmptyCell(cell) ? '' : cellText(cell);
    const special = text ? specialColumn(text) : undefined;
    if (special) return { column, header: text, item: null, match: 'special', special, similarity: 1 };
    // A number two items could mean (3.1: Excel stores a typed 3.10 as 3.1): no proposal, the clerk chooses.
    if (ambiguousNumber(rs, cell)) return { column, header: text, item: null, match: 'none', similarity: 0 };
    const exact = text ? findItem(rs, text) : undefined;
    const meaning = text ? interpretHeader(rs, text) : null;
    if (exact && !taken.has(exact.code) && meaning?.kind === 'count') {
      taken.add(exact.code);
      const byCode = normalizeKey(text) === normalizeKey(exact.code) || normalizeKey(text).startsWith(`${normalizeKey(exact.code)} `);
      return { column, header: text, item: exact.code, match: byCode ? 'code' : 'label', similarity: 1, mode: itemMode(exact) };
    }
    // As the core reads it: points over an item or a category (第九条（三）加分), the office's own results (总分).
    if (meaning?.kind === 'target') {
      const item = meaning.target.item;
      const mode: ColumnMode = meaning.mode === 'count' ? 'count' : meaning.mode;
      if (item?.isInput && !taken.has(item.code)) {
        taken.add(item.code);
        return { column, header: text, item: item.code, match: 'code', similarity: 1, mode: mode === 'count' ? itemMode(item) : mode };
      }
      if (!item?.isInput) return { column, header: text, item: null, match: 'target', target: meaning.target.code, similarity: 1, mode: mode === 'count' ? 'points' : mode };
    }
    if (meaning?.kind === 'claim') return { column, header: text, item: null, match: 'claim', claim: meaning.claim, similarity: 1 };
    if (meaning?.kind === 'role') return { column, header: text, item: null, match: 'claim', claim: meaning.role, similarity: 1 };
    return { column, header: text, item: null, match: 'none', similarity: 0 };
  });
  // Near misses second, best first, so an exact match elsewhere is never taken by a guess.
  const inputs = rs.items.filter((item) => item.isInput);
  const candidates: Array<{ column: number; item: CompiledItem; similarity: number }> = [];
  for (const entry of result) {
    if (entry.match !== 'none' || entry.header === '' || ambiguousNumber(rs, header[entry.column])) continue;
    for (const item of inputs) {
      const similarity = itemSimilarity(entry.header, item);
      if (similarity >= threshold) candidates.push({ column: entry.column, item, similarity });
    }
  }
  candidates.sort((a, b) => b.similarity - a.similarity || a.column - b.column);
  for (const candidate of candidates) {
    const entry = result[candidate.column];
    if (entry.match !== 'none' || taken.has(candidate.item.code)) continue;
    taken.add(candidate.item.code);
    entry.item = candidate.item.code;
    entry.mode = itemMode(candidate.item);
    entry.match = 'near';
    entry.similarity = Math.round(candidate.similarity * 100) / 100;
  }
  return result;
}
