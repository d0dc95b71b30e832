/**
 * Built-in rulesets are looked up by their own ids only (issue 19.12): a name Object.prototype has
 * (`constructor`, `__proto__` …) is an unknown ruleset, the message listing the five. (The CLI:
 * test/cli/cli.test.ts; the functions' #N/A: test/functions/error-cells.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { AssessError } from '../../src/core/errors';
import { BUILT_IN_IDS, builtInRuleset } from '../../src/rulesets';

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'CONSTRUCTOR', ' __proto__ ', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

describe('builtInRuleset', () => {
  for (const name of PROTOTYPE_NAMES) {
    it(`"${name}" is an unknown ruleset`, () => {
      let error: unknown;
      try {
        builtInRuleset(name);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AssessError);
      expect((error as AssessError).kind).toBe('unknown-ruleset');
      expect((error as AssessError).zh).toBe(`没有名为「${name}」的内置规则集；可用：chengdu2006、county2013、tacheng2020、govinfo、township2022`);
    });
  }

  it('the five built-in ids still resolve, in any case and with spaces around', () => {
    expect(BUILT_IN_IDS).toEqual(['chengdu2006', 'county2013', 'tacheng2020', 'govinfo', 'township2022']);
    for (const id of BUILT_IN_IDS) expect(builtInRuleset(` ${id.toUpperCase()} `).id).toBe(id);
  });
});
