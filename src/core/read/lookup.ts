/**
 * Looking a header up by name: the unit's own columns (单位, 圈层, 通报批评), columns to leave
 * alone, ledger columns, and items or volumes by code, label or "code label". Word lists are in
 * vocabulary.ts.
 */
import type { CompiledItem, CompiledRuleset } from '../compile';
import { normalizeKey } from '../text';
import { SPECIAL_HEADERS } from './vocabulary';

export type Special = 'unit' | 'tier' | 'criticized' | 'ignore' | 'code' | 'quantity' | 'matter' | 'value';

export const specialIndex = new Map<string, Special>();
for (const [role, names] of Object.entries(SPECIAL_HEADERS) as Array<[Special, readonly string[]]>) {
  for (const name of names) specialIndex.set(normalizeKey(name), role);
}

/** unit / tier / criticized / ignore for a header naming one of those columns. */
export function specialRole(text: string): 'unit' | 'tier' | 'criticized' | 'ignore' | undefined {
  const role = specialIndex.get(normalizeKey(text));
  return role === 'unit' || role === 'tier' || role === 'criticized' || role === 'ignore' ? role : undefined;
}

/** unit / tier / criticized for a header naming one of those columns. */
export function specialColumn(text: string): 'unit' | 'tier' | 'criticized' | undefined {
  const role = specialIndex.get(normalizeKey(text));
  return role === 'unit' || role === 'tier' || role === 'criticized' ? role : undefined;
}

/** Looks a header or ledger code up: code, label, or "code label". */
export function findItem(rs: CompiledRuleset, text: string): CompiledItem | undefined {
  const key = normalizeKey(text);
  const direct = rs.headerIndex.get(key);
  if (direct) return direct;
  const space = key.search(/\s/);
  // "code label": the code decides (only input items are in the header index).
  if (space > 0) return rs.headerIndex.get(key.slice(0, space));
  return undefined;
}

/** Looks a volume column up (a rank item's batch volume): its code, label, or "code label". */
export function findVolume(rs: CompiledRuleset, text: string): CompiledItem | undefined {
  const key = normalizeKey(text);
  const direct = rs.volumeIndex.get(key);
  if (direct) return direct;
  const space = key.search(/\s/);
  return space > 0 ? rs.volumeIndex.get(key.slice(0, space)) : undefined;
}
