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
import { GRAMMAR, RULESET_IDS, describeShape, generate } from './shapes';
import { readShape } from './shapes-check';
import { KNOWN_MISREAD } from './shapes-known';

const RUNS = Number(process.env.SHAPES_RUNS ?? 100);
const SEED = Number(process.env.SHAPES_SEED ?? 1);
/** SHAPES_TRY=twoRows,subtotal: take these entries out of KNOWN_MISREAD for this run (to see whether they are still misread). */
const TRY = (process.env.SHAPES_TRY ?? '').split(',').filter((x) => x !== '');


describe.each(RULESET_IDS)('generated office shapes, %s', (id) => {
  const known = KNOWN_MISREAD.filter((k) => k.ruleset === id && !TRY.includes(k.what));
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
