/**
 * The ruleset validator (src/core/compile.ts) refuses rules that cannot be applied as written
 * (issue 19.13): a judged item whose lower bound lies above its upper bound (no entered value
 * can lie within it), and two grade bands with the same lower bound (a score at that bound would
 * fall in both: which grade it gets would depend on listing order). One validator for a JSON
 * ruleset and a sheet-table ruleset: the table's message names the row and column of the cell.
 */
import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../src/core/compile';
import { compileRulesetTable, rulesetToTable } from '../../src/core/table-format';
import type { RulesetInput } from '../../src/core/format';
import { errorOf } from '../support/errors';

const BASE = {
  id: 'office2024',
  title: '某局窗口服务考核办法',
  version: '1.0',
  effective: '2024-01-01',
  clause: '第一条',
  quote: '本办法适用于本局各服务窗口',
};

function judged(code: string, bounds: { min?: number; max?: number; points?: number }): RulesetInput['items'][number] {
  return { code, label: `评分项${code}`, kind: 'judged', ...bounds, clause: '第二条', quote: '由考核小组评定' };
}

/** The table a clerk would type for a ruleset (rulesetToTable takes the spec with its lists filled in). */
function tableOf(ruleset: RulesetInput): ReturnType<typeof rulesetToTable> {
  return rulesetToTable({ groups: [], totals: [], grades: [], levels: [], thresholds: [], checks: [], tiers: [], units: [], ...ruleset } as Parameters<typeof rulesetToTable>[0]);
}

describe('a judged item with min above max', () => {
  const ruleset: RulesetInput = { ...BASE, items: [judged('A1', { min: 0, max: 30 }), judged('A2', { min: 8, max: 5 })] };

  it('is refused in JSON, naming the item and both values', () => {
    const error = errorOf(() => compileRuleset(ruleset));
    expect(error.zh).toContain('A2');
    expect(error.zh).toContain('8');
    expect(error.zh).toContain('5');
    expect(error.zh).toMatch(/最小值 8.*最大值 5/);
    expect(error.en).toMatch(/min 8.*max 5/);
    expect(error.zh).toContain('items.1.min'); // the second item
    expect(error.zh).not.toContain('A1');
  });

  it('is refused in a sheet table, naming the row and the 最小值 column', () => {
    const table = tableOf(ruleset);
    // Row 1 header, row 2 the ruleset row, rows 3–4 the items: A2 is on row 4.
    expect(table[3][table[0].indexOf('编码')]).toBe('A2');
    const error = errorOf(() => compileRulesetTable(table));
    expect(error.zh).toContain('第4行「最小值」列');
    expect(error.zh).toMatch(/最小值 8.*最大值 5/);
  });

  it('is refused when the upper bound comes from points (max omitted)', () => {
    // max = points = 3 when only points are given (compile.ts); min 4 lies above it.
    const error = errorOf(() => compileRuleset({ ...BASE, items: [judged('B1', { min: 4, points: 3 })] }));
    expect(error.zh).toMatch(/B1.*最小值 4.*最大值 3/);
  });

  it('accepts min = max (a fixed value) and min below max', () => {
    expect(compileRuleset({ ...BASE, items: [judged('C1', { min: 5, max: 5 }), judged('C2', { min: -2, max: 0 })] }).items).toHaveLength(2);
  });
});

describe('two grades with the same min', () => {
  const grades = [
    { label: '优秀', min: 90, clause: '第六条', quote: '90分以上为优秀' },
    { label: '良好', min: 80, clause: '第六条', quote: '80分以上为良好' },
    { label: '较好', min: 80, clause: '第六条', quote: '80分以上为较好' },
    { label: '一般', clause: '第六条', quote: '其余为一般' },
  ];
  const ruleset: RulesetInput = { ...BASE, items: [judged('A1', { min: 0, max: 100 })], grades };

  it('is refused in JSON, naming both grades and the min', () => {
    const error = errorOf(() => compileRuleset(ruleset));
    expect(error.zh).toMatch(/等次「较好」.*「良好」.*80/);
    expect(error.en).toMatch(/grade "较好".*"良好".*80/);
    expect(error.zh).toContain('grades.2.min'); // the later of the two as listed
  });

  it('is refused in a sheet table, naming the row of the second grade', () => {
    const table = tableOf(ruleset);
    const typeCol = table[0].indexOf('类型');
    const row = table.findIndex((cells) => cells[typeCol] === '等次' && cells[table[0].indexOf('名称')] === '较好');
    expect(row).toBeGreaterThan(0);
    const error = errorOf(() => compileRulesetTable(table));
    expect(error.zh).toContain(`第${row + 1}行「最小值」列`);
    expect(error.zh).toMatch(/等次「较好」.*「良好」.*80/);
  });

  it('accepts distinct mins (tacheng2020 style: 90, 80, 60, lowest without min)', () => {
    const distinct = grades.filter((g) => g.label !== '较好');
    expect(compileRuleset({ ...ruleset, grades: distinct }).grades.map((g) => g.spec.label)).toEqual(['优秀', '良好', '一般']);
  });
});
