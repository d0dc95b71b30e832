/**
 * What a clerk reads as a finding's subject (issue 22.4): never the program's own words. `check`
 * printed "问题 临河县 deduction F12 …" for a sheet's 扣分 column that disagrees with the rules
 * (core/audit.ts codes its claims bonus / deduction / score), and "tier" for a 圈层 cell.
 */
import { describe, expect, it } from 'vitest';
import { findingSubject } from '../../src/core/text';

describe('findingSubject', () => {
  it('a claim about a total is named by the total in Chinese: 加分, 扣分, 得分; a 圈层 finding by 圈层', () => {
    expect(findingSubject({ code: 'deduction', kind: 'claim' })).toBe('扣分');
    expect(findingSubject({ code: 'bonus', kind: 'claim' })).toBe('加分');
    expect(findingSubject({ code: 'score', kind: 'claim' })).toBe('得分');
    expect(findingSubject({ code: 'tier', kind: 'tier-differs' })).toBe('圈层');
    expect(findingSubject({ code: 'deduction', kind: 'claim' }, 'en')).toBe('deductions');
  });

  it('an item code a clerk wrote stays (9.3), the internal unit/level words do not', () => {
    expect(findingSubject({ code: '9.3', kind: 'capped' })).toBe('9.3');
    expect(findingSubject({ code: 'level', kind: 'quota-tie' })).toBe('同分待定');
    expect(findingSubject({ code: 'unit', kind: 'duplicate-unit' })).toBe('单位重复');
  });
});
