/**
 * Issue 23: `check --format json` written finding by finding (src/cli/output.ts checkJsonChunks)
 * instead of one string for the whole report — the same text as JSON.stringify(…, null, 1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckJsonFinding, checkJsonChunks } from '../../src/cli/output';

const text = fc.oneof(fc.string(), fc.constantFrom('锦江区', '第十条(八)', 'a"b\\c', '\n\t', '\u2028', '😀'));
const finding = fc.record({
  severity: fc.constantFrom('error', 'warning', 'info'),
  unit: text,
  sheet: fc.option(text, { nil: null }),
  cell: fc.option(text, { nil: null }),
  item: text,
  kind: text,
  subject: text,
  subjectEn: text,
  found: fc.option(text, { nil: null }),
  expected: fc.option(text, { nil: null }),
  zh: text,
  en: text,
  clause: text,
}) as unknown as fc.Arbitrary<CheckJsonFinding>;

describe('check --format json, streamed (issue 23)', () => {
  it('is exactly JSON.stringify({ ruleset, findings }, null, 1) and a line end, for none, one or many findings', () => {
    fc.assert(
      fc.property(text, fc.array(finding, { maxLength: 5 }), (ruleset, findings) => {
        expect([...checkJsonChunks(ruleset, findings)].join('')).toBe(`${JSON.stringify({ ruleset, findings }, null, 1)}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('yields a piece per finding, not one string', () => {
    const one = { severity: 'info', unit: '甲', sheet: null, cell: null, item: 'x', kind: 'k', subject: 's', subjectEn: 's', found: null, expected: null, zh: 'z', en: 'e', clause: '' } as unknown as CheckJsonFinding;
    expect([...checkJsonChunks('township2022', [one, one, one])]).toHaveLength(5);
  });
});
