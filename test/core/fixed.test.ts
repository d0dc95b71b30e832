/**
 * src/core/fixed.ts — exact decimals as integer micros (spec: "Exact decimals").
 * Every expected value is worked out on the decimal digits by hand.
 */
import { describe, expect, it } from 'vitest';
import { SCALE, SCALE_DIGITS, fromMicros, shiftDecimal, times, toMicros } from '../../src/core/fixed';
import { AssessError } from '../../src/core/errors';

describe('shiftDecimal', () => {
  it('whole numbers shift exactly: floor = ceil', () => {
    // 12 × 10^3 = 12000
    expect(shiftDecimal(12, 3)).toEqual({ floor: 12000, ceil: 12000 });
    // 0 × 10^6 = 0
    expect(shiftDecimal(0, 6)).toEqual({ floor: 0, ceil: 0 });
  });

  it('decimals that fit the shift are exact', () => {
    // 3.3 × 10^6 = 3 300 000 (on the digits "33", no binary 3299999.9999999995)
    expect(shiftDecimal(3.3, 6)).toEqual({ floor: 3_300_000, ceil: 3_300_000 });
    // 0.985 × 10^8 = 98 500 000
    expect(shiftDecimal(0.985, 8)).toEqual({ floor: 98_500_000, ceil: 98_500_000 });
    // 98.5 × 10^6 = 98 500 000
    expect(shiftDecimal(98.5, 6)).toEqual({ floor: 98_500_000, ceil: 98_500_000 });
  });

  it('digits beyond the shift give floor and floor + 1', () => {
    // 1.25 × 10^1 = 12.5 → floor 12, ceil 13
    expect(shiftDecimal(1.25, 1)).toEqual({ floor: 12, ceil: 13 });
    // 0.1 + 0.2 prints 0.30000000000000004: × 10^6 = 300000.00000000004 → 300000 / 300001
    expect(shiftDecimal(0.1 + 0.2, 6)).toEqual({ floor: 300_000, ceil: 300_001 });
    // 2.9999999 × 10^6 = 2999999.9 → 2999999 / 3000000
    expect(shiftDecimal(2.9999999, 6)).toEqual({ floor: 2_999_999, ceil: 3_000_000 });
  });

  it('a negative shift divides', () => {
    // 1234 × 10^-2 = 12.34 → 12 / 13
    expect(shiftDecimal(1234, -2)).toEqual({ floor: 12, ceil: 13 });
    // 1200 × 10^-2 = 12 exactly
    expect(shiftDecimal(1200, -2)).toEqual({ floor: 12, ceil: 12 });
  });

  it('small exponent forms (1e-7, 1.5e-7) are read from their digits', () => {
    // String(1e-7) is "1e-7": 0.0000001 × 10^6 = 0.1 → floor 0, ceil 1
    expect(shiftDecimal(1e-7, 6)).toEqual({ floor: 0, ceil: 1 });
    // 0.0000001 × 10^7 = 1 exactly
    expect(shiftDecimal(1e-7, 7)).toEqual({ floor: 1, ceil: 1 });
    // String(1.5e-7) is "1.5e-7": × 10^8 = 15 exactly; × 10^7 = 1.5 → 1 / 2
    expect(shiftDecimal(1.5e-7, 8)).toEqual({ floor: 15, ceil: 15 });
    expect(shiftDecimal(1.5e-7, 7)).toEqual({ floor: 1, ceil: 2 });
  });

  it('large exponent forms (1.5e21): null when the result is not a safe integer, exact otherwise', () => {
    // String(1.5e21) is "1.5e+21": × 10^0 = 1 500 000 000 000 000 000 000 > 2^53 → null
    expect(shiftDecimal(1.5e21, 0)).toBeNull();
    // × 10^-6 = 1.5e15 = 1 500 000 000 000 000 (< 2^53 ≈ 9.007e15), exact
    expect(shiftDecimal(1.5e21, -6)).toEqual({ floor: 1_500_000_000_000_000, ceil: 1_500_000_000_000_000 });
  });

  it('negatives: floor goes down, ceil goes up toward zero', () => {
    // −1.25 × 10 = −12.5 → floor −13, ceil −12
    expect(shiftDecimal(-1.25, 1)).toEqual({ floor: -13, ceil: -12 });
    // −0.5 × 10^0 = −0.5 → floor −1, ceil 0 (a plain 0, never −0)
    const half = shiftDecimal(-0.5, 0);
    expect(half).toEqual({ floor: -1, ceil: 0 });
    expect(Object.is(half?.ceil, 0)).toBe(true);
    // −3.3 × 10^6 = −3 300 000 exactly
    expect(shiftDecimal(-3.3, 6)).toEqual({ floor: -3_300_000, ceil: -3_300_000 });
    // −1e-7 × 10^6 = −0.1 → floor −1, ceil 0
    expect(shiftDecimal(-1e-7, 6)).toEqual({ floor: -1, ceil: 0 });
  });

  it('NaN and ±Infinity give null', () => {
    expect(shiftDecimal(Number.NaN, 6)).toBeNull();
    expect(shiftDecimal(Number.POSITIVE_INFINITY, 6)).toBeNull();
    expect(shiftDecimal(Number.NEGATIVE_INFINITY, 0)).toBeNull();
  });
});

describe('toMicros', () => {
  it('scale is 10^6', () => {
    expect(SCALE).toBe(1_000_000);
    expect(SCALE_DIGITS).toBe(6);
  });

  it('decimals up to 6 places become exact integers', () => {
    expect(toMicros(3.3)).toBe(3_300_000);
    expect(toMicros(0.5)).toBe(500_000);
    expect(toMicros(0.1)).toBe(100_000);
    expect(toMicros(70)).toBe(70_000_000);
    // 6 decimals is the limit: 0.000001 → 1
    expect(toMicros(0.000001)).toBe(1);
    expect(toMicros(1.234567)).toBe(1_234_567);
    expect(toMicros(-0.2)).toBe(-200_000);
  });

  it('0.1 + 0.2 (= 0.30000000000000004) has 17 decimals → null', () => {
    expect(0.1 + 0.2).toBe(0.30000000000000004);
    expect(toMicros(0.1 + 0.2)).toBeNull();
  });

  it('-0 → 0 (a plain zero)', () => {
    const zero = toMicros(-0);
    expect(zero).toBe(0);
    expect(Object.is(zero, 0)).toBe(true);
  });

  it('7 decimals → null', () => {
    expect(toMicros(1.0000001)).toBeNull();
    expect(toMicros(0.1234567)).toBeNull();
    expect(toMicros(1e-7)).toBeNull();
  });

  it('non-finite values → null', () => {
    expect(toMicros(Number.NaN)).toBeNull();
    expect(toMicros(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toMicros(Number.NEGATIVE_INFINITY)).toBeNull();
  });

  it('values beyond 10^12 points are refused', () => {
    expect(toMicros(2e12)).toBeNull();
    expect(toMicros(-2e12)).toBeNull();
  });
});

describe('fromMicros', () => {
  it('prints as the exact decimal', () => {
    expect(fromMicros(3_300_000)).toBe(3.3);
    expect(fromMicros(1)).toBe(0.000001);
    expect(fromMicros(-600_000)).toBe(-0.6);
  });

  it('4 − 0.2 × 3 is 3.4, never a drifting float', () => {
    // In plain floats, three successive 0.2 deductions drift: 4 − 0.2 − 0.2 − 0.2 = 3.3999999999999995.
    expect(4 - 0.2 - 0.2 - 0.2).toBe(3.3999999999999995);
    // In micros: 4 000 000 − 200 000 − 200 000 − 200 000 = 3 400 000 → 3.4
    expect(fromMicros(4_000_000 - 200_000 - 200_000 - 200_000)).toBe(3.4);
    // 4 000 000 − 3 × 200 000 = 3 400 000 → 3.4
    expect(fromMicros(4_000_000 - times(3, 200_000))).toBe(3.4);
    // 0.5 + 0.3 + 0.2 + 0.1 = 1.1: 500 000 + 300 000 + 200 000 + 100 000 = 1 100 000
    expect(fromMicros(500_000 + 300_000 + 200_000 + 100_000)).toBe(1.1);
  });

  it('never returns −0', () => {
    expect(Object.is(fromMicros(-0), 0)).toBe(true);
    expect(Object.is(fromMicros(0), 0)).toBe(true);
  });

  it('round-trips with toMicros', () => {
    for (const value of [0, 3.3, 0.7, 99.95, -12.345678, 123456.5]) expect(fromMicros(toMicros(value) as number)).toBe(value);
  });
});

describe('times', () => {
  it('multiplies a count by micros', () => {
    // 3 × 0.5 points = 1 500 000 micros
    expect(times(3, 500_000)).toBe(1_500_000);
    expect(times(0, 500_000)).toBe(0);
  });

  it('refuses a product beyond the safe integers', () => {
    expect(() => times(Number.MAX_SAFE_INTEGER, 2)).toThrow(AssessError);
  });
});
