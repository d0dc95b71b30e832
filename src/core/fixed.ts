/**
 * Exact decimal arithmetic with scaled integers: every point value is held as an integer number
 * of millionths ("micros"). Sums, caps and floors then never drift (4 − 0.2×3 is 3.4, not
 * 3.3999999999999995), and converting back with a single division by 10^6 yields the double
 * that prints as the exact decimal.
 */
import { AssessError } from './errors';

export const SCALE_DIGITS = 6;
export const SCALE = 1_000_000;

/**
 * Largest magnitude accepted (10^8 points): sums of up to ~90 such values stay safe integers,
 * and no assessment comes near it.
 */
const MAX_MICROS = 1e8 * SCALE;

export type Micros = number;

/**
 * Splits a finite number into the digits of its shortest decimal form (what Excel and JS print),
 * returning the integer floor and ceil of value × 10^shift. Exact: works on the digit string, not
 * on binary multiplication.
 */
export function shiftDecimal(value: number, shift: number): { floor: number; ceil: number } | null {
  if (!Number.isFinite(value)) return null;
  const negative = value < 0;
  const text = Math.abs(value).toString();
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) return null;
  const intPart = match[1];
  const fracPart = match[2] ?? '';
  const exponent = match[3] ? Number(match[3]) : 0;
  const digits = intPart + fracPart;
  // Position of the decimal point within `digits` after scaling.
  const point = intPart.length + exponent + shift;
  let whole: string;
  let rest: string;
  if (point <= 0) {
    whole = '0';
    rest = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    rest = '';
  } else {
    whole = digits.slice(0, point);
    rest = digits.slice(point);
  }
  const magnitude = Number(whole);
  if (!Number.isSafeInteger(magnitude)) return null;
  const inexact = /[1-9]/.test(rest);
  if (!negative) return { floor: magnitude, ceil: inexact ? magnitude + 1 : magnitude };
  return { floor: inexact ? -magnitude - 1 : -magnitude, ceil: -magnitude || 0 };
}

/** value → micros when the value has at most 6 decimals; null otherwise (or when out of range). */
export function toMicros(value: number): Micros | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Math.round(value * SCALE);
  if (Math.abs(scaled) > MAX_MICROS) return null;
  // Fast path: the common case of few decimals round-trips through one multiplication.
  if (scaled / SCALE === value) return scaled || 0;
  const exact = shiftDecimal(value, SCALE_DIGITS);
  if (!exact || exact.floor !== exact.ceil) return null;
  return exact.floor || 0;
}

/** micros → number (exact decimal as printed). */
export function fromMicros(micros: Micros): number {
  return micros / SCALE || 0;
}

/** Integer count × integer micros per count, guarded against overflow. */
export function times(count: number, micros: Micros): Micros {
  const product = count * micros;
  // Both factors are integers, so only the range can fail (NaN fails it too). Comparisons
  // rather than Number.isSafeInteger: this runs for every item of every unit.
  if (!(product <= Number.MAX_SAFE_INTEGER && product >= -Number.MAX_SAFE_INTEGER)) {
    throw new AssessError({ kind: 'input', value: String(count), zh: `数值过大（${count} × ${fromMicros(micros)}），超出可精确计算的范围`, en: `value too large to compute exactly (${count} × ${fromMicros(micros)})` });
  }
  return product;
}

/**
 * A score that came out of spreadsheet arithmetic (84.6 + 0.1 + 0.2 = 84.89999999999999) as
 * micros: rounded when the float noise is far below a micro; null when it is not a score.
 */
export function roundScore(value: number): Micros | null {
  if (!Number.isFinite(value)) return null;
  const micros = Math.round(value * SCALE);
  if (Math.abs(micros) > MAX_MICROS || Math.abs(micros / SCALE - value) > 1e-7) return null;
  return micros || 0;
}
