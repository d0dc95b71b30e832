/**
 * Hostile argument values for the custom functions (issue 19.12):
 *  - a built-in ruleset id that is an Object.prototype name (constructor, __proto__, toString…)
 *    is an unknown id: #N/A naming it, as any other unknown id — never #VALUE! from a lookup
 *    that found the prototype's function;
 *  - an Excel error cell, which Excel hands a custom function as a CustomFunctions.Error object
 *    ({ code: '#N/A', message }), in a header, unit, tier, ruleset or item cell: a clear #VALUE!
 *    naming the cell and the error, never "internal error: … normalize is not a function".
 */
import { describe, expect, it } from 'vitest';
import { rulesetToTable } from '../../src/core/table-format';
import {
  type ExcelMatrix,
  FunctionError,
  check,
  grade,
  items,
  level,
  score,
  scores,
} from '../../src/functions/implementation';
import { BUILT_IN_IDS, builtInRuleset } from '../../src/rulesets';
import { AssessError } from '../../src/core/errors';

/** What Excel's runtime passes for an error cell: an object with the error code (and a message). */
class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const NA = new CustomFunctionsError('#N/A', 'lookup failed') as unknown as string;
const REF = { code: '#REF!' } as unknown as string;

function failure(run: () => unknown): FunctionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FunctionError);
    expect((error as Error).message).not.toMatch(/internal error|内部错误/);
    return error as FunctionError;
  }
  throw new Error('expected a FunctionError');
}

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('Object.prototype names are not built-in rulesets', () => {
  it('=ASSESS.SCORE(…,"constructor") and the other functions give #N/A naming the id and the ids available', () => {
    for (const id of PROTOTYPE_NAMES) {
      for (const run of [() => score([['甲', 1]], [[id]], [['单位', '9.3']]), () => items([[id]]), () => grade(90, [[id]])]) {
        const error = failure(run);
        expect(error.code).toBe('notAvailable');
        expect(error.zh).toContain(`「${id}」`);
        expect(error.zh).toContain(BUILT_IN_IDS.join('、'));
      }
    }
  });

  it('builtInRuleset refuses them as unknown ids (the one lookup the CLI and the functions share)', () => {
    for (const id of PROTOTYPE_NAMES) {
      let thrown: unknown;
      try {
        builtInRuleset(id);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AssessError);
      expect((thrown as AssessError).kind).toBe('unknown-ruleset');
    }
  });

  it('a ruleset table whose 种类 / 空白按 cell is a prototype name reports that word, as any unknown word', () => {
    const table = rulesetToTable(builtInRuleset('chengdu2006').spec) as ExcelMatrix;
    const kindCol = table[0].indexOf('种类');
    const itemRow = table.findIndex((row) => row[table[0].indexOf('类型')] === '条目');
    for (const word of ['constructor', 'toString']) {
      const bad = table.map((row) => [...row]);
      bad[itemRow][kindCol] = word;
      const error = failure(() => items(bad));
      expect(error.zh).toContain(`第${itemRow + 1}行「种类」列`);
      expect(error.zh).toContain(word);
      expect(error.zh).not.toContain('Function');
    }
  });
});

describe('an Excel error cell (CustomFunctions.Error) in the input', () => {
  const HEADERS = [['单位', '9.3', '9.4.city']];

  it('in a header (headers argument): names the cell and the error', () => {
    const error = failure(() => score([['锦江区', 1, 2]], [['chengdu2006']], [['单位', NA, '9.4.city']]));
    expect(error.code).toBe('invalid');
    expect(error.zh).toContain('第1行第2列');
    expect(error.zh).toContain('表头');
    expect(error.zh).toContain('#N/A');
    expect(error.en).toContain('#N/A');
  });

  it('in the header row inside the data: names the cell and the error', () => {
    const error = failure(() => scores([['单位', '9.3', REF], ['锦江区', 1, 2]], [['chengdu2006']]));
    expect(error.zh).toContain('第1行第3列');
    expect(error.zh).toContain('#REF!');
  });

  it('in a unit cell: names the cell and the error, never a unit called "#N/A"', () => {
    for (const run of [
      () => scores([['单位', '9.3'], [NA, 1], ['青羊区', 2]], [['chengdu2006']]),
      () => check([['单位', '9.3'], [NA, 1], ['青羊区', 2]], [['chengdu2006']]),
      () => score([[NA, 1, 2]], [['chengdu2006']], HEADERS),
    ]) {
      const error = failure(run);
      expect(error.zh).toContain('单位');
      expect(error.zh).toContain('#N/A');
      expect(error.zh).toMatch(/第\d+行第1列/);
    }
  });

  it('in a tier cell of LEVEL: names which tier and the error', () => {
    const error = failure(() => level([[90], [80]], [['chengdu2006']], [[NA], ['锦江区']], null));
    expect(error.zh).toContain('第 1 个圈层');
    expect(error.zh).toContain('#N/A');
  });

  it('in a ruleset table cell: names the row and column and the error', () => {
    const table = rulesetToTable(builtInRuleset('chengdu2006').spec) as ExcelMatrix;
    const bad = table.map((row) => [...row]);
    bad[4][2] = NA;
    const error = failure(() => items(bad));
    expect(error.zh).toContain('规则表');
    expect(error.zh).toContain('第5行第3列');
    expect(error.zh).toContain('#N/A');
  });

  it('as the ruleset id cell: names the error', () => {
    const error = failure(() => score([['锦江区', 1, 2]], [[NA]], HEADERS));
    expect(error.zh).toContain('规则集');
    expect(error.zh).toContain('#N/A');
  });

  it('in an item cell: the item and the error (as the error text has always been reported)', () => {
    const error = failure(() => score([['锦江区', NA, 2]], [['chengdu2006']], HEADERS));
    expect(error.zh).toContain('9.3');
    expect(error.zh).toContain('#N/A');
  });

  it('as GRADE\'s score: names the error', () => {
    const error = failure(() => grade(NA, [['tacheng2020']]));
    expect(error.zh).toContain('#N/A');
  });
});
