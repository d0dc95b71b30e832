/**
 * Rule test cases kept in the workbook (as OpenFisca keeps tests as data): a table of input rows
 * with an expected score column; each row is scored and compared, exactly.
 */
import { type Cell, cellText, isEmptyCell } from './cells';
import type { CompiledRuleset } from './compile';
import { AssessError } from './errors';
import { roundScore, toMicros } from './fixed';
import { headerRowIndex, readUnits } from './input';
import { scoreRecord } from './score';
import { normalizeKey } from './text';

const EXPECTED_HEADERS = new Set(['期望得分', '预期得分', '期望', 'expected', 'expected score'].map(normalizeKey));

export interface CaseOutcome {
  /** Row index in the table (0-based). */
  row: number;
  unit: string;
  expected: number | null;
  actual: number | null;
  ok: boolean;
  /** Why the row could not be scored (input error) or has no expectation. */
  message?: string;
}

export function runCases(rs: CompiledRuleset, table: Cell[][]): CaseOutcome[] {
  const headerRow = headerRowIndex(table);
  const header = table[headerRow] ?? [];
  const expectedColumn = header.findIndex((cell) => !isEmptyCell(cell) && EXPECTED_HEADERS.has(normalizeKey(cellText(cell))));
  if (expectedColumn < 0) {
    throw new AssessError({ kind: 'layout', zh: '用例表需要「期望得分」列', en: 'a cases table needs an "expected" column' });
  }
  // Each row is read in place (other rows blanked, the expected column emptied), so an input
  // error names the cell where the value really is.
  const alone = (r: number): Cell[][] => table.map((row, i) => (i === headerRow || i === r ? row.map((cell, c) => (c === expectedColumn ? null : cell)) : []));
  const outcomes: CaseOutcome[] = [];
  for (let r = headerRow + 1; r < table.length; r++) {
    const row = table[r];
    if (row.every(isEmptyCell)) continue;
    const expectedCell = row[expectedColumn];
    const expected = typeof expectedCell === 'number' ? expectedCell : isEmptyCell(expectedCell) ? null : Number(cellText(expectedCell));
    try {
      const [record] = readUnits(rs, alone(r), { layout: 'rows', unit: `第${r + 1}行` });
      const actual = scoreRecord(rs, record, { explain: false }).result.score;
      const expectedMicros = expected === null ? null : roundScore(expected);
      const valid = expectedMicros !== null;
      outcomes.push({
        row: r,
        unit: record.unit,
        expected: valid ? expectedMicros / 1_000_000 : null,
        actual,
        ok: valid && expectedMicros === toMicros(actual),
        ...(valid ? {} : { message: `期望得分 ${cellText(expectedCell) || '（空）'} 不是有效分数` }),
      });
    } catch (error) {
      if (!(error instanceof AssessError)) throw error;
      outcomes.push({ row: r, unit: cellText(row[0]) || `第${r + 1}行`, expected, actual: null, ok: false, message: error.zh });
    }
  }
  return outcomes;
}
