/**
 * Issue 18 scope 7: the property over generated office shapes (test/core/read/shapes.ts).
 *
 * For each built-in ruleset, RUNS shapes (seeded; SHAPES_RUNS and SHAPES_SEED override) are read
 * through the public entry points — readSheets + scoreBatch as `assess check/score` do, and the
 * numbers-only path of =ASSESS.SCORES on one-sheet shapes — and must agree with the generator's
 * truth: every unit scored exactly (and its level), every planted mistake found at its cell, no
 * other finding above info. A failure prints the seed, the shape and what differed.
 *
 * KNOWN_MISREAD: grammar features (and planted mistakes) the reader does not read yet, each with
 * the entry in /tmp/brief/issue18-findings.md it was reported as. Shapes that use one are left
 * out of the property (the count is printed) — not red tests on main; a separate `it.skip` per
 * entry names what is left. Remove an entry when the reader reads it: the property then covers it.
 */
import { describe, expect, it } from 'vitest';
import { type Feature, GRAMMAR, type Mistake, RULESET_IDS, type RulesetId, describeShape, generate } from './shapes';
import { readShape } from './shapes-check';

const RUNS = Number(process.env.SHAPES_RUNS ?? 100);
const SEED = Number(process.env.SHAPES_SEED ?? 1);

interface Known {
  ruleset: RulesetId;
  what: Feature | Mistake;
  reason: string;
}

/** Found by this generator on the reader of 2024-xx (see the findings file); each entry one misread. */
export const KNOWN_MISREAD: Known[] = [
  { ruleset: 'chengdu2006', what: 'labels', reason: 'F1: headers by clause with a short label （一）领导重视 / （四）市级刊物篇数 refused' },
  { ruleset: 'chengdu2006', what: 'countWords', reason: 'F1: a code with its count word (9.3项数, （七）承办会议次数) refused' },
  { ruleset: 'chengdu2006', what: 'twoRows', reason: 'F2: a category with its clause 加分项目（第九条） over the items refused' },
  { ruleset: 'chengdu2006', what: 'threeRows', reason: 'F3: a group row over the categories: 「第N列有数据但没有表头」' },
  { ruleset: 'chengdu2006', what: 'sections', reason: 'F4: section rows 一、第一圈层 scored 70 each by =ASSESS.SCORES (fast path)' },
  { ruleset: 'chengdu2006', what: 'sheetsPerTier', reason: 'F5: one sheet per 圈层: only the first sheet is read, the others\' units unscored' },
  { ruleset: 'county2013', what: 'labels', reason: 'F6: task headers 服务体系建设(20分) and 加分/减分 kinds (创新加分, 批评否定, 一次性扣减) refused' },
  { ruleset: 'county2013', what: 'threeRows', reason: 'F3: a group row over the categories refused' },
  { ruleset: 'county2013', what: 'subtotal', reason: 'F7: 任务得分小计 / 加分小计 / 减分小计 refused' },
  { ruleset: 'county2013', what: 'oneOff20', reason: 'F8: a 一次性扣减 (D4) of 20 is not flagged at its cell' },
  { ruleset: 'govinfo', what: 'labels', reason: 'F9: short labels (领导重视, 《政务》单条, 督促不力 …) refused' },
  { ruleset: 'govinfo', what: 'twoRows', reason: 'F10: counts under 扣分项目（次） read as 扣分 points (K2 3 → 3 points, not 3 × 30)' },
  { ruleset: 'govinfo', what: 'threeRows', reason: 'F3: a group row over the categories refused' },
  { ruleset: 'govinfo', what: 'reward', reason: 'F11: 奖励金额（元） and 不得参评先进 refused (not audited)' },
  { ruleset: 'govinfo', what: 'wrongReward', reason: 'F11' },
  { ruleset: 'govinfo', what: 'wrongFlag', reason: 'F11' },
  { ruleset: 'govinfo', what: 'note', reason: 'F12: a 注： row scored 0 by =ASSESS.SCORES (fast path)' },
  { ruleset: 'tacheng2020', what: 'synonyms', reason: 'F13: unit column headed 地直部门 / 单位名称: units not read' },
  { ruleset: 'tacheng2020', what: 'twoRows', reason: 'F14: 政务公开（40分） over its items refused: 「第3列有数据但没有表头」' },
  { ruleset: 'tacheng2020', what: 'threeRows', reason: 'F14' },
  { ruleset: 'tacheng2020', what: 'subtotal', reason: 'F15: two 小计 columns refused as the same item「小计」' },
  { ruleset: 'township2022', what: 'synonyms', reason: 'F16: a form\'s total row 合计得分 refused as an unknown item' },
];

describe.each(RULESET_IDS)('generated office shapes, %s', (id) => {
  const known = KNOWN_MISREAD.filter((k) => k.ruleset === id);
  const allow = GRAMMAR[id].features.filter((f) => !known.some((k) => k.what === f));
  const plant = GRAMMAR[id].mistakes.filter((x) => !known.some((k) => k.what === x));

  it(`${RUNS} shapes: every planted mistake at its cell, no other warning, every score exact (seeds ${SEED}…${SEED + RUNS - 1})`, () => {
    const failures: string[] = [];
    const used = new Map<string, number>();
    for (let seed = SEED; seed < SEED + RUNS; seed++) {
      const shape = generate(id, seed, { allow, plant });
      for (const x of [...shape.features, ...shape.mistakes]) used.set(x, (used.get(x) ?? 0) + 1);
      const { problems } = readShape(shape, { fast: true });
      if (problems.length > 0) failures.push(`SHAPES_SEED=${seed} SHAPES_RUNS=1 (${id})\n  ${problems.slice(0, 8).join('\n  ')}\n${describeShape(shape)}`);
    }
    // Every allowed feature and mistake was drawn (the property is not vacuous).
    for (const x of [...allow, ...plant]) expect(used.get(x) ?? 0, `${x} never drawn in ${RUNS} shapes`).toBeGreaterThan(0);
    expect(failures.slice(0, 2).join('\n\n'), `${failures.length} of ${RUNS} shapes misread`).toBe('');
  });

  for (const k of known) it.skip(`KNOWN_MISREAD ${k.what}: ${k.reason}`, () => undefined);
});
