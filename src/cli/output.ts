/** Shaping batch results for the CLI: JSON, an aligned table, or CSV. */
import type { BatchResult, Finding, UnitResult } from '../core/result';

export interface UnitSummary {
  unit: string;
  tier: string | null;
  score: number;
  bonus: number;
  deduction: number;
  rank: number | null;
  grade: string | null;
  level: string | null;
  result: number | null;
  reward: number | null;
  flags: string[];
  items: Record<string, number>;
}

/** Flags: thresholds reached, then findings that need a clerk's attention (warnings). */
export function unitFlags(unit: UnitResult): string[] {
  const seen = new Set<string>();
  const flags: string[] = [...unit.thresholds];
  for (const finding of unit.findings) {
    if (finding.severity !== 'warning' || seen.has(finding.zh)) continue;
    seen.add(finding.zh);
    flags.push(`${finding.zh}（${finding.clause}）`);
  }
  return flags;
}

export function summarize(batch: BatchResult, hasLevels: boolean): { ruleset: string; units: UnitSummary[] } {
  return {
    ruleset: batch.ruleset,
    units: batch.units.map((unit) => ({
      unit: unit.unit,
      tier: unit.tier,
      score: unit.score,
      bonus: unit.bonus,
      deduction: unit.deduction,
      rank: unit.rank,
      grade: unit.grade,
      level: hasLevels ? unit.level : null,
      result: unit.result,
      reward: unit.reward,
      flags: unitFlags(unit),
      items: Object.fromEntries(unit.items.filter((item) => item.input !== '' || item.points !== 0).map((item) => [item.code, item.points])),
    })),
  };
}

const COLUMNS: Array<{ zh: string; en: string; get: (u: UnitSummary) => string }> = [
  { zh: '单位', en: 'unit', get: (u) => u.unit },
  { zh: '得分', en: 'score', get: (u) => String(u.score) },
  { zh: '名次', en: 'rank', get: (u) => (u.rank === null ? '' : String(u.rank)) },
  { zh: '等次', en: 'grade', get: (u) => u.grade ?? '' },
  { zh: '等级', en: 'level', get: (u) => u.level ?? '' },
  { zh: '奖励(元)', en: 'reward', get: (u) => (u.reward === null ? '' : String(u.reward)) },
  { zh: '提示', en: 'flags', get: (u) => u.flags.join('；') },
];

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(units: UnitSummary[]): string {
  const lines = [COLUMNS.map((c) => c.zh).join(','), ...units.map((u) => COLUMNS.map((c) => csvCell(c.get(u))).join(','))];
  return lines.join('\n') + '\n';
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function toTable(units: UnitSummary[]): string {
  const rows = [COLUMNS.map((c) => c.zh), ...units.map((u) => COLUMNS.map((c) => c.get(u)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => width(row[i]))));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell)))).join('  ').trimEnd()).join('\n') + '\n';
}

export function findingLine(unit: string, finding: Finding): string {
  const kind = finding.severity === 'warning' ? '问题' : '提示';
  return `${kind}  ${unit || '-'}  ${finding.code}${finding.where ? `  ${finding.where}` : ''}  ${finding.zh}  [${finding.clause}：${finding.quote}]`;
}
