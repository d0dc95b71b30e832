/**
 * Every item, cap, band and rule of the built-in rulesets carries its clause and a quote, and
 * every quote is really in the regulation text (../shared/regulations), fragment by fragment.
 * Item codes and clauses follow the contract in ../shared/spec/rulesets.md.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_IDS, builtInRuleset } from '../../src/rulesets';
import { readSharedText } from '../shared-texts';

const SOURCES: Record<string, string[]> = {
  chengdu2006: ['chengdu2006.md'],
  county2013: ['county2013.md'],
  govinfo: ['govinfo.md'],
  tacheng2020: ['tacheng2020.md'],
  township2022: ['township2022.md', 'township2022-table.md'],
};

/** Compare text without spaces and with one form of each punctuation mark. */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[，,]/g, ',')
    .replace(/[；;]/g, ';')
    .replace(/[：:]/g, ':')
    .replace(/[“”"]/g, '"')
    .replace(/[—–-]/g, '-')
    .replace(/(\d)\.(\d)/g, '$1.$2');
}

function citedRecords(id: string): Array<{ where: string; clause: string; quote: string }> {
  const spec = builtInRuleset(id).spec;
  const lists = { items: spec.items, groups: spec.groups, totals: spec.totals, grades: spec.grades, levels: spec.levels, thresholds: spec.thresholds, checks: spec.checks, tiers: spec.tiers };
  const out = [{ where: 'ruleset', clause: spec.clause, quote: spec.quote }];
  for (const [list, records] of Object.entries(lists)) {
    records.forEach((record, i) => {
      const name = 'code' in record ? record.code : 'label' in record ? record.label : String(i);
      out.push({ where: `${list}.${name}`, clause: record.clause, quote: record.quote });
    });
  }
  return out;
}

describe('citations', () => {
  for (const id of BUILT_IN_IDS) {
    it(`${id}: every element has a clause and a quote found in the regulation`, () => {
      const text = normalize(SOURCES[id].map((file) => readSharedText(`regulations/${file}`)).join('\n'));
      const records = citedRecords(id);
      expect(records.length).toBeGreaterThan(1);
      const missing: string[] = [];
      for (const record of records) {
        expect(record.clause.trim(), `${id} ${record.where}: clause`).not.toBe('');
        expect(record.quote.trim(), `${id} ${record.where}: quote`).not.toBe('');
        for (const fragment of record.quote.split('……')) {
          if (fragment.trim() === '') continue;
          if (!text.includes(normalize(fragment))) missing.push(`${record.where}: "${fragment}"`);
        }
      }
      expect(missing, 'quote fragments not found in the regulation text').toEqual([]);
    });
  }

  it('item codes and clauses follow the spec', () => {
    // From ../shared/spec/rulesets.md: code → the clause the spec table names.
    const expected: Record<string, Record<string, string>> = {
      chengdu2006: {
        '8.1': '第八條(一)', '9.1': '第九條(一)', '9.2': '第九條(二)', '9.3': '第九條(三)',
        '9.4.city': '第九條(四)', '9.4.province': '第九條(四)', '9.4.national': '第九條(四)',
        '9.5.county': '第九條(五)', '9.5.city': '第九條(五)', '9.5.province': '第九條(五)',
        '9.6.city': '第九條(六)', '9.6.province': '第九條(六)', '9.6.national': '第九條(六)',
        '9.7': '第九條(七)', '9.8': '第九條(八)', '9.9': '第九條(九)',
        '10.1': '第十條(一)', '10.2': '第十條(二)', '10.3': '第十條(三)', '10.4': '第十條(四)',
        '10.5': '第十條(五)', '10.6': '第十條(六)', '10.7': '第十條(七)',
      },
      county2013: {
        T1: '目标任务分解表', T8: '目标任务分解表', B1: '一、', 'B2.county': '一、', 'B3.national': '一、', 'B4.city': '一、',
        'D1.efficiency': '二、', 'D1.leader.province': '二、', 'D3.city': '二、', 'D4.1': '二、', 'D4.5': '二、',
      },
      govinfo: {
        S1: '三(一)1', S2: '三(一)2', 'S3.single': '三(一)3', 'S4.research': '三(一)4', 'S5.single': '三(一)5', S6: '三(一)6',
        'S6.extra': '三(一)6', S7: '三(一)7', S8: '三(一)8', S9: '三(一)9', S10: '三(一)10', R3: '四(三)',
        K1: '三(二)1', K2: '三(二)2', K3: '三(二)3', 'K4.late': '三(二)4', 'K5.omit': '三(二)5', 'K6.late': '三(二)6', K7: '三(二)7', K8: '三(二)8',
      },
      township2022: Object.fromEntries(
        ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14', '3.15',
          '4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '5.9', '6.1'].map((code) => [code, code]),
      ),
    };
    for (const [id, codes] of Object.entries(expected)) {
      const rs = builtInRuleset(id);
      for (const [code, clause] of Object.entries(codes)) {
        const item = rs.itemByCode.get(code);
        expect(item, `${id} ${code}`).toBeDefined();
        expect(item?.cite.clause, `${id} ${code} clause`).toContain(clause);
      }
    }
    // township2022: the 分值 of the 37 items add up to 100 (附件评分表).
    const township = builtInRuleset('township2022');
    const total = township.scoredItems.reduce((sum, item) => sum + (item.kind === 'judged' ? (item.max ?? 0) : item.points), 0);
    expect(total).toBe(100_000_000);
  });
});

describe('quotes end with the regulation text, not with the 分值 column after it', () => {
  it('no township2022 quote ends in a digit glued after the sentence (…便民设施。3)', () => {
    for (const record of citedRecords('township2022')) expect(record.quote, record.where).not.toMatch(/[。；…）)]\s*\d+$/);
  });
});
