/**
 * The mapping a clerk confirmed, as the pane keeps it in the workbook (src/taskpane/actions.ts,
 * issue 18.4): kept only when it differs from the proposal, found again only for the same ruleset
 * and the same header row, forgotten when put back, and read field by field from a setting whose
 * value the workbook supplies (anything may be there).
 */
import { describe, expect, it } from 'vitest';
import { builtInRuleset } from '../../src/rulesets';
import { REMEMBERED_MAX, proposeMapping, rememberMapping, rememberedFor, rememberedMappings, sourceTable } from '../../src/taskpane/actions';
import type { ColumnMatch } from '../../src/core';

const rs = builtInRuleset('chengdu2006');
const table = (sheet: string, header: string[]) => sourceTable({ sheet, address: `${sheet}!A1:D3`, row: 0, column: 0, values: [header, ['锦江区', 4, 2, 75], ['青羊区', 3, 3, 76]] });
const HEADERS = ['单位', '领导重视', '市级刊物', '总分'];
const jan = table('一月', HEADERS);
const proposed = proposeMapping(rs, jan);
const confirmed: ColumnMatch[] = proposed.map((m) => (m.header === '市级刊物' ? { ...m, item: '9.4.city', match: 'label', similarity: 1, mode: 'count' } : { ...m }));

describe('a confirmed mapping kept in the workbook', () => {
  it('is kept when it differs from the proposal, and found again for a table with the same headers only', () => {
    expect(proposed.find((m) => m.header === '市级刊物')?.item).toBeNull(); // nothing the proposal could match
    const kept = rememberMapping(undefined, rs, jan, '一月', confirmed, proposed);
    expect(kept).toHaveLength(1);
    // Stored as JSON (Excel.Setting), read back the same.
    const stored: unknown = JSON.parse(JSON.stringify(kept));
    expect(rememberedFor(stored, rs, table('二月', HEADERS))?.mapping.map((m) => m.item)).toEqual([null, '9.1', '9.4.city', null]);
    expect(rememberedFor(stored, rs, table('二月', HEADERS))?.sheet).toBe('一月');
    expect(rememberedFor(stored, rs, table('三月', ['单位', '领导重视', '市级刊物篇数', '总分']))).toBeUndefined();
    expect(rememberedFor(stored, builtInRuleset('county2013'), table('二月', HEADERS))).toBeUndefined();
  });

  it('the proposal is not kept; a mapping put back to it is forgotten; the same one again changes nothing', () => {
    expect(rememberMapping(undefined, rs, jan, '一月', proposed, proposed)).toBeNull();
    const kept = rememberMapping(undefined, rs, jan, '一月', confirmed, proposed);
    expect(rememberMapping(kept, rs, jan, '一月', confirmed, proposed)).toBeNull();
    expect(rememberMapping(kept, rs, jan, '二月', proposed, proposed)).toEqual([]);
  });

  it('keeps at most REMEMBERED_MAX, the newest first', () => {
    let value: unknown = undefined;
    for (let k = 0; k < REMEMBERED_MAX + 5; k++) {
      const header = ['单位', '领导重视', `市级刊物${k}`, '总分'];
      const source = table(`表${k}`, header);
      const p = proposeMapping(rs, source);
      value = rememberMapping(value, rs, source, `表${k}`, p.map((m) => (m.column === 2 ? { ...m, item: '9.4.city', match: 'label', similarity: 1, mode: 'count' } : m)), p);
    }
    const list = rememberedMappings(value);
    expect(list).toHaveLength(REMEMBERED_MAX);
    expect(list[0].sheet).toBe(`表${REMEMBERED_MAX + 4}`);
  });

  it('reads a setting the workbook supplies field by field: malformed entries are left out, never used', () => {
    const good = JSON.parse(JSON.stringify(rememberMapping(undefined, rs, jan, '一月', confirmed, proposed))) as Array<Record<string, unknown>>;
    const bad = [
      'text',
      null,
      { ...good[0], header: 'not a list' },
      { ...good[0], mapping: [{ column: -1, header: '单位', item: null, match: 'special', similarity: 1 }] },
      { ...good[0], mapping: [{ column: 0, header: '单位', item: null, match: 'eval', similarity: 1 }] },
      { ...good[0], mapping: [{ column: 0, header: '单位', item: null, match: 'special', similarity: 1, special: '__proto__' }] },
      { ...good[0], mapping: [{ column: 2, header: '市级刊物', item: '9.4.city', match: 'label', similarity: 1, mode: 'many' }] },
    ];
    expect(rememberedMappings([...bad, ...good])).toHaveLength(1);
    expect(rememberedMappings({ length: 1, 0: good[0] })).toEqual([]);
    // A kept mapping naming an item the ruleset has no more is not offered.
    const gone = [{ ...good[0], mapping: (good[0].mapping as ColumnMatch[]).map((m) => (m.item === '9.4.city' ? { ...m, item: '9.99' } : m)) }];
    expect(rememberedFor(gone, rs, table('二月', HEADERS))).toBeUndefined();
  });
});
