/**
 * Reads a generated shape through the public entry points and says how the reading differs from
 * the generator's truth (test/core/read/shapes.ts). Used by the property test and by
 * scripts/fuzz-shapes (SHAPES_RUNS=… for more runs).
 *
 *   - the full reader as the CLI's `check`/`score` use it: readSheets (every sheet of the workbook)
 *     then scoreBatch, collecting invalid cells as findings;
 *   - the numbers-only path of =ASSESS.SCORES (src/functions/implementation.ts `scores`) on a
 *     one-sheet shape: one score per unit row, nothing on any other row.
 */
import { scoreBatch } from '../../../src/core/batch';
import { readSheets } from '../../../src/core/sheets';
import { scores as functionScores } from '../../../src/functions/implementation';
import { builtInRuleset } from '../../../src/rulesets';
import { type Shape, a1, show } from './shapes';

export interface Reading {
  /** Empty when the reading agrees with the truth. */
  problems: string[];
}

const where = (row: number, col: number): string => `第${row + 1}行第${col + 1}列`;
const A1 = /^第(\d+)行第(\d+)列$/;
const toA1 = (text: string | undefined): string => {
  const hit = A1.exec(text ?? '');
  return hit ? a1(Number(hit[1]) - 1, Number(hit[2]) - 1) : (text ?? '');
};

export function readShape(shape: Shape, options: { fast?: boolean } = {}): Reading {
  const problems: string[] = [];
  const rs = builtInRuleset(shape.ruleset);
  let batch;
  try {
    const { records } = readSheets(rs, shape.sheets.map((s) => ({ name: s.name, table: s.table, merges: s.merges })), { collect: true, requireItems: true, entered: 'auto' });
    batch = scoreBatch(rs, records, { collect: true });
  } catch (error) {
    return { problems: [`refused: ${(error as Error).message.split('\n')[0]}`] };
  }
  const single = shape.sheets.length === 1 ? shape.sheets[0].name : undefined;
  // Scores: every unit, exactly.
  const got = new Map(batch.units.map((u) => [u.unit, u]));
  for (const [unit, score] of shape.scores) {
    const u = got.get(unit);
    if (!u) problems.push(`unit ${unit} not read (truth ${score})`);
    else if (u.score !== score) problems.push(`unit ${unit} scored ${u.score}, truth ${score}`);
  }
  for (const u of batch.units) if (!shape.scores.has(u.unit)) problems.push(`unit "${u.unit}" read that the sheet does not have`);
  // Levels where the ruleset gives one over the whole batch.
  for (const [unit, level] of shape.levels) {
    const u = got.get(unit);
    if (u && (shape.ruleset === 'township2022' || shape.ruleset === 'chengdu2006') && (u.level ?? null) !== level) problems.push(`unit ${unit} level ${u.level ?? '—'}, truth ${level ?? '—'}`);
  }
  // Thresholds (govinfo 五(四)).
  for (const [unit, th] of shape.thresholds) {
    const u = got.get(unit);
    if (u && u.thresholds.length !== th.length) problems.push(`unit ${unit} thresholds [${u.thresholds.join(', ')}], truth [${th.join(', ')}]`);
  }
  // Findings above info: exactly the planted cells.
  const expected = new Set(shape.planted.map((p) => `${p.sheet}!${where(p.row, p.col)}`));
  const found = new Set<string>();
  for (const u of batch.units) {
    for (const f of u.findings) {
      if (f.severity === 'info') continue;
      const key = `${f.sheet ?? single ?? ''}!${f.where ?? ''}`;
      found.add(key);
      if (!expected.has(key)) problems.push(`false alarm ${f.sheet ?? single ?? ''}!${toA1(f.where)} (${u.unit}, ${f.kind}): ${f.zh}`);
    }
  }
  for (const p of shape.planted) {
    if (!found.has(`${p.sheet}!${where(p.row, p.col)}`)) problems.push(`missed ${p.mistake} at ${p.sheet}!${a1(p.row, p.col)} (${p.unit}: ${p.found}, truth ${p.expected ?? '?'})`);
  }
  // The numbers-only path on a one-sheet shape.
  if (options.fast && shape.sheets.length === 1) {
    const table = shape.sheets[0].table;
    try {
      const out = functionScores(table, [[shape.ruleset]]);
      const unitCol = table.map((row) => row.findIndex((c) => typeof c === 'string' && shape.scores.has(c)));
      table.forEach((row, r) => {
        const value = out[r]?.[0];
        const unit = unitCol[r] >= 0 ? (row[unitCol[r]] as string) : undefined;
        if (unit !== undefined) {
          if (value !== shape.scores.get(unit)) problems.push(`ASSESS.SCORES row ${r + 1} (${unit}) gave ${JSON.stringify(value)}, truth ${show(shape.scores.get(unit) ?? NaN)}`);
        } else if (typeof value === 'number') problems.push(`ASSESS.SCORES row ${r + 1} (${row.filter((c) => c !== null).join(' ')}) gave ${value}, not a unit`);
      });
    } catch (error) {
      problems.push(`ASSESS.SCORES refused: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return { problems };
}
