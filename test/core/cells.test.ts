/**
 * src/core/cells.ts — reading one cell for one item kind (spec: "Input cells"). Empty means nothing
 * entered; anything that does not read cleanly is a CellProblem naming what was expected, never 0.
 */
import { describe, expect, it } from 'vitest';
import {
  excelErrorOf,
  type Cell,
  CellProblem,
  cellText,
  isEmptyCell,
  readCount,
  readFlag,
  readNumber,
  readPoints,
  readRank,
  readRate,
  readVolume,
} from '../../src/core/cells';

/** The CellProblem a read throws (fails the test when it does not throw one). */
function problemOf(read: () => unknown): CellProblem {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(CellProblem);
    return error as CellProblem;
  }
  throw new Error('expected a CellProblem');
}

describe('isEmptyCell', () => {
  it('null, undefined and blank text are empty', () => {
    expect(isEmptyCell(null)).toBe(true);
    expect(isEmptyCell(undefined)).toBe(true);
    expect(isEmptyCell('')).toBe(true);
    expect(isEmptyCell('   ')).toBe(true);
    expect(isEmptyCell('\u3000')).toBe(true); // full-width space (NFKC → space, trimmed)
    expect(isEmptyCell('\t\n')).toBe(true);
  });

  it('0, FALSE and text are not empty', () => {
    expect(isEmptyCell(0)).toBe(false);
    expect(isEmptyCell(false)).toBe(false);
    expect(isEmptyCell('0')).toBe(false);
    expect(isEmptyCell('否')).toBe(false);
    expect(isEmptyCell(Number.NaN)).toBe(false);
  });
});

describe('readNumber', () => {
  it('numbers pass through; −0 becomes 0', () => {
    expect(readNumber(3, '数', 'a number')).toBe(3);
    expect(readNumber(-2.5, '数', 'a number')).toBe(-2.5);
    expect(Object.is(readNumber(-0, '数', 'a number'), 0)).toBe(true);
  });

  it('numbers stored as text, full-width digits included', () => {
    expect(readNumber('3', '数', 'a number')).toBe(3);
    expect(readNumber(' 3 ', '数', 'a number')).toBe(3);
    expect(readNumber('３', '数', 'a number')).toBe(3);
    expect(readNumber('９８．５', '数', 'a number')).toBe(98.5);
    expect(readNumber('-1.5', '数', 'a number')).toBe(-1.5);
    expect(readNumber('+2', '数', 'a number')).toBe(2);
    expect(readNumber('.5', '数', 'a number')).toBe(0.5);
    expect(readNumber('1e3', '数', 'a number')).toBe(1000);
    expect(readNumber('1,234.5', '数', 'a number')).toBe(1234.5);
    expect(Object.is(readNumber('-0', '数', 'a number'), 0)).toBe(true);
  });

  it('other text, booleans, empties, NaN and Infinity are problems naming what was expected', () => {
    for (const cell of ['abc', '3分', '1,23', 'Infinity', '', null, undefined, true, false] as Cell[]) {
      const problem = problemOf(() => readNumber(cell, '分数', 'points'));
      expect(problem.zh).toBe('应为分数');
      expect(problem.en).toBe('expected points');
    }
    expect(problemOf(() => readNumber(Number.NaN, '分数', 'points')).en).toBe('not a finite number; expected points');
    expect(problemOf(() => readNumber(Number.POSITIVE_INFINITY, '分数', 'points')).zh).toBe('不是有限数值，应为分数');
  });

  it('Excel error values are named as such', () => {
    for (const error of ['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!']) {
      const problem = problemOf(() => readNumber(error, '数', 'a number'));
      expect(problem.zh).toBe(`单元格是 Excel 错误值 ${error}`);
      expect(problem.en).toBe(`the cell holds the Excel error ${error}`);
    }
  });
});

describe('readCount', () => {
  it('whole numbers ≥ 0, from numbers or text', () => {
    expect(readCount(0)).toBe(0);
    expect(readCount(3)).toBe(3);
    expect(readCount('3')).toBe(3);
    expect(readCount('３')).toBe(3);
    expect(readCount('１２')).toBe(12);
    expect(readCount(2.0)).toBe(2);
    expect(readCount('2.0')).toBe(2);
  });

  it('negative, fractional, text, Excel errors, NaN, Infinity and booleans are problems', () => {
    const countProblem = 'expected a whole number ≥ 0 (a count)';
    expect(problemOf(() => readCount(-1)).en).toBe(countProblem);
    expect(problemOf(() => readCount('-1')).en).toBe(countProblem);
    expect(problemOf(() => readCount(1.5)).en).toBe(countProblem);
    expect(problemOf(() => readCount('1.5')).zh).toBe('应为不小于0的整数（次数、件数）');
    expect(problemOf(() => readCount('abc')).en).toBe('expected a whole number ≥ 0');
    expect(problemOf(() => readCount('#N/A')).en).toBe('the cell holds the Excel error #N/A');
    expect(problemOf(() => readCount(Number.NaN)).en).toBe('not a finite number; expected a whole number ≥ 0');
    expect(problemOf(() => readCount(Number.POSITIVE_INFINITY)).en).toBe('not a finite number; expected a whole number ≥ 0');
    expect(problemOf(() => readCount(true)).en).toBe('expected a whole number ≥ 0');
    expect(problemOf(() => readCount(false)).en).toBe('expected a whole number ≥ 0');
  });

  it('counts beyond the safe integers are problems', () => {
    expect(problemOf(() => readCount(2 ** 53)).en).toBe('the count is too large (over 1000000)');
    expect(problemOf(() => readCount(2.5)).en).toBe('expected a whole number ≥ 0 (a count)');
  });

  it('a count computed by a formula with float noise reads as the whole number Excel shows', () => {
    // =0.07*100 is saved as 7.000000000000001; to Excel's 15 significant digits it is 7.
    expect(0.07 * 100).toBe(7.000000000000001);
    expect(readCount(0.07 * 100)).toBe(7);
  });
});

describe('readFlag', () => {
  it('TRUE/FALSE, 1/0, 是/否, √/× in every form Excel hands them over', () => {
    expect(readFlag(true)).toBe(1);
    expect(readFlag(false)).toBe(0);
    expect(readFlag(1)).toBe(1);
    expect(readFlag(0)).toBe(0);
    expect(readFlag('1')).toBe(1);
    expect(readFlag('0')).toBe(0);
    expect(readFlag('１')).toBe(1); // full-width
    expect(readFlag('是')).toBe(1);
    expect(readFlag('否')).toBe(0);
    expect(readFlag('√')).toBe(1);
    expect(readFlag('×')).toBe(0);
    expect(readFlag('TRUE')).toBe(1);
    expect(readFlag('FALSE')).toBe(0);
    expect(readFlag('true')).toBe(1);
    expect(readFlag('False')).toBe(0);
    expect(readFlag(' 是 ')).toBe(1);
  });

  it('anything else is a problem', () => {
    const flagProblem = 'expected yes/no (TRUE/FALSE, 1/0, 是/否, √/×)';
    for (const cell of [2, -1, 0.5, 'abc', '有', 'yes', '', null, Number.NaN] as Cell[]) {
      expect(problemOf(() => readFlag(cell)).en).toBe(flagProblem);
    }
    expect(problemOf(() => readFlag('#N/A')).en).toBe('the cell holds the Excel error #N/A');
  });
});

describe('readPoints', () => {
  it('points in micros, up to 6 decimals', () => {
    expect(readPoints(3)).toBe(3_000_000);
    expect(readPoints(2.5)).toBe(2_500_000);
    expect(readPoints('2.5')).toBe(2_500_000);
    expect(readPoints('４．５')).toBe(4_500_000);
    expect(readPoints(0.000001)).toBe(1);
    // the sign is the caller's business
    expect(readPoints(-1.5)).toBe(-1_500_000);
    expect(Object.is(readPoints(-0), 0)).toBe(true);
  });

  it('float noise of spreadsheet arithmetic reads to Excel\'s 15 significant digits', () => {
    // =9.1+0.2 is saved as 9.299999999999999 (issue 12.8): it is 9.3 points, as Excel shows it.
    expect(9.1 + 0.2).toBe(9.299999999999999);
    expect(readPoints(9.1 + 0.2)).toBe(9_300_000);
    expect(readPoints(0.1 + 0.2)).toBe(300_000);
    expect(readPoints('9.299999999999999')).toBe(9_300_000); // the same number written out in a CSV
  });

  it('7 decimals a clerk typed, text, booleans, NaN and Infinity are problems', () => {
    expect(problemOf(() => readPoints(1.0000001)).en).toBe('points may have at most 6 decimal places');
    expect(problemOf(() => readPoints(9.3000001)).zh).toBe('分数最多保留6位小数');
    expect(problemOf(() => readPoints('abc')).en).toBe('expected points');
    expect(problemOf(() => readPoints(true)).en).toBe('expected points');
    expect(problemOf(() => readPoints(Number.NaN)).en).toBe('not a finite number; expected points');
    expect(problemOf(() => readPoints(Number.NEGATIVE_INFINITY)).en).toBe('not a finite number; expected points');
    expect(problemOf(() => readPoints('#VALUE!')).en).toBe('the cell holds the Excel error #VALUE!');
  });
});

describe('readRate (micro-percentage-points)', () => {
  it('98.5% as a fraction 0.985, a percent 98.5, text "98.5%" and full-width "９８．５％" all read 98 500 000', () => {
    // fraction: 0.985 × 10^8 = 98 500 000; percent: 98.5 × 10^6 = 98 500 000
    expect(readRate(0.985)).toBe(98_500_000);
    expect(readRate(98.5)).toBe(98_500_000);
    expect(readRate('98.5%')).toBe(98_500_000);
    expect(readRate('９８．５％')).toBe(98_500_000);
    expect(readRate('0.985')).toBe(98_500_000);
    expect(readRate('98.5')).toBe(98_500_000);
    expect(readRate(' 98.5 % ')).toBe(98_500_000);
  });

  it('a number in [0,1] is a fraction: 1 → 100%, 0 → 0%, 0.9995 → 99.95%', () => {
    expect(readRate(1)).toBe(100_000_000);
    expect(readRate(0)).toBe(0);
    // 0.9995 × 10^8 = 99 950 000
    expect(readRate(0.9995)).toBe(99_950_000);
    // 0.5 × 10^8 = 50 000 000
    expect(readRate(0.5)).toBe(50_000_000);
  });

  it('a number in (1,100] is a percent; text with % is always a percent', () => {
    expect(readRate(100)).toBe(100_000_000);
    expect(readRate(1.5)).toBe(1_500_000);
    expect(readRate('100%')).toBe(100_000_000);
    // "1%" is one percent, not the fraction 1
    expect(readRate('1%')).toBe(1_000_000);
    expect(readRate('0.5%')).toBe(500_000);
  });

  it('more than 6 decimals of a percent round up (never gains a full step)', () => {
    // 0.99999999999 × 10^8 = 99 999 999.999 → 100 000 000
    expect(readRate(0.99999999999)).toBe(100_000_000);
    // 99.0000001 × 10^6 = 99 000 000.1 → 99 000 001
    expect(readRate(99.0000001)).toBe(99_000_001);
  });

  it('beyond 0–100%, text, booleans, NaN, Infinity and Excel errors are problems', () => {
    const range = 'a rate must lie between 0% and 100%';
    expect(problemOf(() => readRate(100.5)).en).toBe(range);
    expect(problemOf(() => readRate('100.5%')).en).toBe(range);
    expect(problemOf(() => readRate(-0.1)).en).toBe(range);
    expect(problemOf(() => readRate('-5%')).zh).toBe('比率应在 0% 到 100% 之间');
    expect(problemOf(() => readRate('abc')).en).toBe('expected a rate (a fraction 0–1 or a percent 0–100)');
    expect(problemOf(() => readRate('abc%')).en).toBe('expected a percentage');
    expect(problemOf(() => readRate(true)).en).toBe('expected a rate (a fraction 0–1 or a percent 0–100)');
    expect(problemOf(() => readRate(Number.NaN)).en).toBe('not a finite number; expected a rate (a fraction 0–1 or a percent 0–100)');
    expect(problemOf(() => readRate(Number.POSITIVE_INFINITY)).en).toBe('not a finite number; expected a rate (a fraction 0–1 or a percent 0–100)');
    expect(problemOf(() => readRate('#DIV/0!')).en).toBe('the cell holds the Excel error #DIV/0!');
  });
});

describe('readRank', () => {
  it('whole numbers ≥ 1', () => {
    expect(readRank(1)).toBe(1);
    expect(readRank('3')).toBe(3);
    expect(readRank('３')).toBe(3);
  });

  it('0, negatives, fractions, text and booleans are problems', () => {
    for (const cell of [0, -1, 2.5, '0'] as Cell[]) expect(problemOf(() => readRank(cell)).en).toBe('expected a whole-number rank ≥ 1');
    expect(problemOf(() => readRank('第一')).en).toBe('expected a whole-number rank ≥ 1');
    expect(problemOf(() => readRank(true)).zh).toBe('应为不小于1的整数名次');
    expect(problemOf(() => readRank(Number.NaN)).en).toBe('not a finite number; expected a whole-number rank ≥ 1');
  });
});

describe('readVolume', () => {
  it('any number ≥ 0', () => {
    expect(readVolume(0)).toBe(0);
    expect(readVolume('1,234')).toBe(1234);
    expect(readVolume(12.5)).toBe(12.5);
  });

  it('negatives and text are problems', () => {
    expect(problemOf(() => readVolume(-1)).en).toBe('expected a number ≥ 0');
    expect(problemOf(() => readVolume('很多')).en).toBe('expected a number ≥ 0');
  });
});

describe('cellText', () => {
  it('labels as text, normalized', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(3)).toBe('3');
    expect(cellText(-0)).toBe('0');
    expect(cellText(8.1)).toBe('8.1');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText(' 锦江区 ')).toBe('锦江区');
    expect(cellText('９．４．ｃｉｔｙ')).toBe('9.4.city');
  });
});

describe('excelErrorOf: a whole cell holding an Excel error value (issue 19.12)', () => {
  it('gives the error for the error values Excel and HyperFormula pass as text', () => {
    for (const error of ['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#BUSY!', '#CYCLE!', '#ERROR!']) {
      expect(excelErrorOf(error)).toBe(error);
    }
    expect(excelErrorOf(' #n/a ')).toBe('#N/A');
  });

  it('gives nothing for other cells: text that only mentions an error, a number, empty', () => {
    for (const cell of ['#N/A 待补', '第#1号', '锦江区', '#', '', null, undefined, 3.1, true]) expect(excelErrorOf(cell)).toBeUndefined();
  });
});
