/**
 * The pane's mapping of a table with two header rows (issue 18: 加分项目（第九条） merged over
 * （一）领导重视加分 …, as examples/office/chengdu2006-tiers.xlsx's 三圈层 sheet has it, typed here as
 * Office.js reads it: empty cells ""): each column proposed as the reader reads it, 就地校验 exactly
 * EXPECTED.md § chengdu2006's three planted cells, and a column the clerk changes read so (worked
 * by hand below), the scorecard mirroring the unit rows under both header rows.
 */
import { describe, expect, it } from 'vitest';
import { builtInRuleset } from '../../src/rulesets';
import { findingsOnCells, proposeMapping, scorecardSheet, sourceTable } from '../../src/taskpane/actions';
import { tiersSheet } from '../support/office-tables';

const rs = builtInRuleset('chengdu2006');
const _ = '';
const TIER3 = tiersSheet(3, _);
const source = sourceTable({ sheet: '三圈层', address: '三圈层!A1:L12', row: 0, column: 0, values: TIER3 });

describe('the pane\'s mapping of two header rows', () => {
  it('proposes each column as the reader reads it: （一）…（七） under 第九条 are its clauses, （四）市级/省级 its levels, counts and points', () => {
    const mapping = proposeMapping(rs, source);
    // Headers as the pane shows them (cell text normalised: （一） is (一)).
    const nfkc = (rows: Array<[string, string | null, string | null]>) => rows.map(([h, ...rest]) => [h.normalize('NFKC'), ...rest]);
    expect(nfkc(mapping.map((m) => [m.header, m.item ?? m.special ?? m.claim ?? null, m.mode ?? null]))).toEqual(nfkc([
      ['序号', null, null],
      ['单位', 'unit', null],
      ['加分项目（第九条） / （一）领导重视加分', '9.1', 'points'],
      ['（二）优化流程加分', '9.2', 'points'],
      ['（三）创新举措项数', '9.3', 'count'],
      ['（四）市级刊物篇数', '9.4.city', 'count'],
      ['（四）省级刊物篇数', '9.4.province', 'count'],
      ['（七）承办会议次数', '9.7', 'count'],
      ['减分项目（第十条） / （二）超时办结件数', '10.2', 'count'],
      ['（五）通报批评次数', '10.5', 'count'],
      ['总分', 'score', null],
      ['等次', 'level', null],
    ]));
  });

  it('就地校验 with the proposal: exactly D10, K10, L11 (EXPECTED.md)', () => {
    const found = findingsOnCells(source, rs, proposeMapping(rs, source)).filter((f) => f.severity !== 'info');
    expect(found.map((f) => [f.cell, f.unit])).toEqual([
      ['D10', '蒲江县'],
      ['K10', '蒲江县'],
      ['L11', '新津区'],
    ]);
  });

  it('a column the clerk changes is read so: E (创新举措项数) as 9.5.city, commended by the city (1 each, 9.5 ≤ 4)', () => {
    const mapping = proposeMapping(rs, source).map((m) => (m.column === 4 ? { ...m, item: '9.5.city', match: 'label' as const, mode: 'count' as const } : m));
    // By hand (chengdu2006 第九条(三) 0.5 each → (五) 市級 1 each): E holds 2, 1, 1, 2, 1 for 都江堰市, 邛崃市,
    // 崇州市, 金堂县, 新津区: each gains E × 0.5 — 82 → 83 (K4), 78 → 78.5 (K6), 78 → 78.5 (K7), 81.5 → 82.5 (K8),
    // 79.5 → 80 (K11), so every one of their 总分 is now off; 蒲江县 (no E) stays 78.5 (K10 79) with D10's 5.5.
    // 优秀 (quota 2): 都江堰市 83 and 金堂县 82.5 — 新津区's 优秀 (L11) still over the quota.
    const found = findingsOnCells(source, rs, mapping).filter((f) => f.severity !== 'info');
    expect(found.map((f) => [f.cell, f.unit, f.message.replace(/^.*?(\d+(?:\.\d+)?)，按细则应为 (\d+(?:\.\d+)?).*$/, '$1→$2')]).sort()).toEqual(
      [
        ['D10', '蒲江县', expect.stringContaining('5.5')],
        ['K4', '都江堰市', '82→83'],
        ['K6', '邛崃市', '78→78.5'],
        ['K7', '崇州市', '78→78.5'],
        ['K8', '金堂县', '81.5→82.5'],
        ['K10', '蒲江县', '79→78.5'],
        ['K11', '新津区', '79.5→80'],
        ['L11', '新津区', expect.stringContaining('优秀')],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('the scorecard mirrors the eight unit rows under both header rows (from row 4), each item column headed by its code', () => {
    const { plan, rows } = scorecardSheet({ ruleset: rs, rulesetRef: { kind: 'builtin', id: 'chengdu2006' }, source, mapping: proposeMapping(rs, source) });
    expect(rows).toBe(8); // the 8 units; the 注 line under them is not mirrored (it would be scored 70: test/taskpane/scorecard-rows.test.ts)
    const codes = plan.blocks.find((b) => b.at === 'A2')?.values?.[0];
    expect(codes?.slice(3, 11)).toEqual(['9.1', '9.2', '9.3', '9.4.city', '9.4.province', '9.7', '10.2', '10.5']);
    const formulas = plan.blocks.find((b) => b.formulas && b.fillDownTo)?.formulas?.[0] ?? [];
    expect(formulas[0]).toBe("=IF(ISBLANK('三圈层'!B4),\"\",'三圈层'!B4)");
  });
});
