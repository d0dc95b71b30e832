/** Helpers shared by the core tests: the AssessError a call throws, the value a record holds for an item. */
import { expect } from 'vitest';
import type { CompiledRuleset } from '../../src/core/compile';
import { AssessError } from '../../src/core/errors';
import { entered, type UnitRecord } from '../../src/core/input';

/** The AssessError a call throws (fails the test when it throws nothing or something else). */
export function errorOf(run: () => unknown): AssessError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AssessError);
    return error as AssessError;
  }
  throw new Error('expected an AssessError');
}

/** The stored value of an item in a record (count, 0/1, micros, micro-percent, rank). */
export function valueOf(rs: CompiledRuleset, record: UnitRecord, code: string): number | undefined {
  const item = rs.itemByCode.get(code);
  if (!item) throw new Error(`no item ${code}`);
  return entered(record.values[item.index]);
}
