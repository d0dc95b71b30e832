/**
 * Issue 18 scope 7: a sample of generated office shapes written through LibreOffice. Each shape
 * (test/core/read/shapes.ts, fixed seeds) is written as .xlsx with exceljs — merges, the hidden
 * column, numbers — then re-saved by LibreOffice (one headless call for all files, its own
 * profile), and read by the built CLI as a user runs it:
 *
 *   node bin/assess.js check <file> --rules <id> --format json   → exactly the planted cells
 *   node bin/assess.js score <file> --rules <id> --format json   → the generator's scores
 *
 * Shapes using a KNOWN_MISREAD feature are not drawn (the property test lists them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, soffice } from '../../support/run';
import { GRAMMAR, type RulesetId, type Shape, a1, describeShape, generate } from './shapes';
import { KNOWN_MISREAD } from './shapes-known';

const root = new URL('../../../', import.meta.url).pathname;
const SAMPLE: Array<[RulesetId, number]> = [
  ['chengdu2006', 11],
  ['chengdu2006', 12],
  ['county2013', 11],
  ['govinfo', 11],
  ['tacheng2020', 11],
  ['township2022', 11],
];
let dir = '';
const shapes = new Map<string, Shape>();

function shapeOf(id: RulesetId, seed: number): Shape {
  const known = KNOWN_MISREAD.filter((k) => k.ruleset === id);
  const allow = GRAMMAR[id].features.filter((f) => !known.some((k) => k.what === f));
  const plant = GRAMMAR[id].mistakes.filter((x) => !known.some((k) => k.what === x));
  // The features a file shows best: a title, merges, a hidden column, sign-off lines.
  return generate(id, seed, { allow, plant, force: ['title', 'twoRows', 'hiddenCol', 'signoff', 'total', 'pairs', 'sections'].filter((f) => allow.includes(f as never)) as never });
}

async function writeXlsx(shape: Shape, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of shape.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.table.forEach((row, r) => row.forEach((cell, c) => {
      if (cell !== null) ws.getCell(r + 1, c + 1).value = cell;
    }));
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const c of sheet.hidden) ws.getColumn(c + 1).hidden = true;
  }
  await workbook.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assess-shapes-'));
  const sources: string[] = [];
  for (const [id, seed] of SAMPLE) {
    const shape = shapeOf(id, seed);
    const name = `${id}-${seed}.xlsx`;
    shapes.set(name, shape);
    const src = join(dir, 'src');
    await import('node:fs').then((fs) => fs.mkdirSync(src, { recursive: true }));
    await writeXlsx(shape, join(src, name));
    sources.push(join(src, name));
  }
  await soffice(join(dir, 'lo-profile'), ['--convert-to', 'xlsx', '--outdir', dir, ...sources]);
}, 660_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('generated shapes re-saved by LibreOffice, read by the CLI', () => {
  for (const [id, seed] of SAMPLE) {
    const name = `${id}-${seed}.xlsx`;
    it(`${name}: check reports exactly the planted cells; score gives the generator's scores`, async () => {
      const shape = shapes.get(name);
      if (!shape) throw new Error(`no shape ${name}`);
      const file = join(dir, name);
      const check = await runCli(['check', file, '--rules', id, '--format', 'json'], { cwd: root });
      expect([0, 3], `${check.stderr}\n${describeShape(shape)}`).toContain(check.status);
      const findings = (JSON.parse(check.stdout) as { findings: Array<{ severity: string; kind?: string; sheet: string | null; cell: string | null; unit: string }> }).findings;
      const single = shape.sheets.length === 1 ? shape.sheets[0].name : null;
      // A threshold the regulation gives (govinfo 五(四) 不得参评先进) is a result, not a cell's mistake: the exit status says it (below).
      const got = findings.filter((f) => f.severity !== 'info' && f.kind !== 'threshold').map((f) => `${f.sheet ?? single}!${f.cell}`).sort();
      const want = shape.planted.map((p) => `${p.sheet}!${a1(p.row, p.col)}`).sort();
      expect(got, describeShape(shape)).toEqual([...new Set(want)]);
      expect(check.status).toBe(want.length > 0 || [...shape.thresholds.values()].some((t) => t.length > 0) ? 3 : 0);
      const score = await runCli(['score', file, '--rules', id, '--format', 'json'], { cwd: root });
      expect(score.status, score.stderr).toBe(0);
      const units = (JSON.parse(score.stdout) as { units: Array<{ unit: string; score: number }> }).units;
      expect(new Map(units.map((u) => [u.unit, u.score])), describeShape(shape)).toEqual(shape.scores);
    }, 120_000);
  }
});
