/**
 * One script in Chinese output (issue 14.4): clause labels converted to Simplified by the core's
 * simplifiedLabel, quotes left verbatim, Traditional quotes told apart. The oracle for "Simplified"
 * is independent of the code under test: GB2312 holds Simplified characters only, and in GBK
 * (iconv-lite's cp936) its hanzi are exactly the two-byte codes with lead 0xB0–0xF7 and trail 0xA1–0xFE;
 * Traditional-only characters (條 = 0x97 0x6C) lie outside it.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FINDING_KIND_WORDS, isTraditional, simplifiedClauses, simplifiedLabel } from '../../src/core/text';
import { BUILT_IN_IDS, builtInRuleset } from '../../src/rulesets';

/** Hanzi of `text` that GB2312 does not have (so: not Simplified). */
function outsideGb2312(text: string): string[] {
  return Array.from(text).filter((ch) => {
    if (!/\p{Script=Han}/u.test(ch)) return false;
    const bytes = iconv.encode(ch, 'gbk');
    return !(bytes.length === 2 && bytes[0] >= 0xb0 && bytes[0] <= 0xf7 && bytes[1] >= 0xa1 && bytes[1] <= 0xfe);
  });
}

/** Every clause label of a ruleset: the header's and every record's. */
function clauseLabels(id: string): string[] {
  const spec = builtInRuleset(id).spec;
  const records: ReadonlyArray<{ clause: string }> = [...spec.items, ...spec.groups, ...spec.totals, ...spec.grades, ...spec.levels, ...spec.thresholds, ...spec.checks, ...spec.tiers];
  return [spec.clause, ...records.map((record) => record.clause)];
}

describe('clause labels in Simplified script', () => {
  it('the oracle sees 條 as Traditional and 条 as Simplified', () => {
    expect(outsideGb2312('第九條(四)')).toEqual(['條']);
    expect(outsideGb2312('第九条(四)')).toEqual([]);
  });

  it('every clause label of every built-in ruleset converts to text with no Traditional character left', () => {
    let converted = 0;
    for (const id of BUILT_IN_IDS) {
      for (const label of clauseLabels(id)) {
        const simplified = simplifiedLabel(label);
        expect(outsideGb2312(simplified), `${id}: ${label} → ${simplified}`).toEqual([]);
        if (simplified !== label) converted++;
      }
    }
    // chengdu2006 writes every clause label (第十三條 in the header, 第八條(一) … on 34 records) with 條; the others have none.
    expect(converted).toBe(clauseLabels('chengdu2006').length);
    expect(clauseLabels('chengdu2006').every((label) => label.includes('條'))).toBe(true);
  });

  it('worked examples: 第十條(八) → 第十条(八); Simplified and other labels unchanged', () => {
    expect(simplifiedLabel('第十條(八)')).toBe('第十条(八)');
    expect(simplifiedLabel('第十一條(一)')).toBe('第十一条(一)');
    expect(simplifiedLabel('三(一)3, 四(一)')).toBe('三(一)3, 四(一)');
    expect(simplifiedLabel('附件评分表 5.2')).toBe('附件评分表 5.2');
  });

  it('in running text only clause references change, not the rest (a quote stays verbatim)', () => {
    expect(simplifiedClauses('总分 67，按细则应为 70：第十條(八)')).toBe('总分 67，按细则应为 70：第十条(八)');
    expect(simplifiedClauses('累計加分不超過2分')).toBe('累計加分不超過2分');
  });
});

describe('telling a Traditional quote', () => {
  it('chengdu2006 quotes are Traditional (by the oracle and by isTraditional); the other rulesets have none', () => {
    for (const id of BUILT_IN_IDS) {
      const spec = builtInRuleset(id).spec;
      const quotes = [spec.quote, ...spec.items.map((item) => item.quote)];
      const byOracle = quotes.some((quote) => outsideGb2312(quote).length > 0);
      expect(quotes.some(isTraditional), id).toBe(byOracle);
      expect(byOracle, id).toBe(id === 'chengdu2006');
    }
  });
});

describe('finding kinds in words', () => {
  it('every kind has a Chinese word with no Latin letter and an English one', () => {
    for (const [kind, words] of Object.entries(FINDING_KIND_WORDS)) {
      expect(words.zh, kind).toMatch(/^\p{Script=Han}+$/u);
      expect(words.en, kind).toMatch(/^[a-z ]+$/);
    }
  });
});
