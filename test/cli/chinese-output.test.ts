/**
 * No internal code or English word in Chinese output (issue 22.4), over all five built-in rulesets
 * and their examples/ workbooks: `check` and `score` as text, the Chinese fields of `check --format
 * json` (zh, subject), and the workbooks we write (the scorecard's every sheet, the template).
 *
 * What counts as an internal code, generated from each ruleset: every item and group code holding a
 * Latin letter (9.4.city, 1.4.missing, S3.single, T1, B2.county), and the program's own words level,
 * unit, bonus, deduction, tier, score. Plain number codes (9.1, 3.10) cannot be told from numbers
 * (得分 4.3) and are not searched for. An English word: two or more Latin letters, apart from what a
 * clerk types or reads as a name: a command (assess score) or option (--sheet), the products Excel /
 * WPS / LibreOffice, the functions' ASSESS.* names, #NAME?, a file's name (examples/x.xlsx), a cell
 * (AH12), the ruleset's id (the name a clerk gives --rules), and Latin words of the regulation's own
 * title, labels and quotes (LED显示屏, XX县). Bilingual status lines ("通过：没有发现问题 / OK: no findings") are checked in
 * their Chinese half.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtInRuleset } from '../../src/rulesets';
import { runCli } from '../support/run';

const IDS = ['chengdu2006', 'county2013', 'govinfo', 'tacheng2020', 'township2022'];
const dir = mkdtempSync(join(tmpdir(), 'assess-chinese-'));

/** The internal codes of a ruleset a clerk must not meet: codes with a Latin letter. */
function internalCodes(id: string): string[] {
  const ruleset = builtInRuleset(id);
  return [...ruleset.items.map((item) => item.code), ...ruleset.groups.map((group) => group.code)].filter((code) => /[A-Za-z]/.test(code));
}

/** Latin words the regulation itself uses in its items' labels and quotes (LED显示屏). */
function regulationWords(id: string): Set<string> {
  const ruleset = builtInRuleset(id);
  const text = [ruleset.spec.title, ...ruleset.items.map((item) => `${item.label} ${item.cite.quote}`)].join(' ');
  return new Set([...text.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((word) => !/^[a-z]+$/.test(word) || word.length > 2));
}

const INTERNAL_WORDS = ['level', 'unit', 'bonus', 'deduction', 'tier', 'score'];
const NAMES = /--[a-z][a-z-]*|\bassess [a-z]+|ASSESS(?:\.[A-Z]+)?|LibreOffice|Excel|WPS|#NAME\?|[\w/.-]+\.(?:xlsx|csv|html)\b|\b[A-Z]{1,3}\d+\b/g;

/** What is wrong with a Chinese text: internal codes and English words found, as "word «context»". */
function problems(text: string, id: string): string[] {
  const found: string[] = [];
  const context = (at: number) => `«${text.slice(Math.max(0, at - 20), at + 30).replace(/\n/g, '⏎')}»`;
  for (const code of internalCodes(id)) {
    const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(?<![A-Za-z0-9.])${escaped}(?![A-Za-z0-9.])`).exec(text);
    if (match) found.push(`code ${code} ${context(match.index)}`);
  }
  const plain = text.replace(NAMES, ' ').replaceAll(id, ' ');
  for (const match of plain.matchAll(/[A-Za-z]{2,}/g)) {
    const word = match[0];
    if (regulationWords(id).has(word)) continue;
    found.push(`${INTERNAL_WORDS.includes(word.toLowerCase()) ? 'internal word' : 'English word'} ${word} ${context(text.indexOf(word))}`);
  }
  return found;
}

/** The Chinese half of a line: before " / " followed by English, where a status line gives both. */
function chineseHalf(line: string): string {
  const at = line.search(/ \/ [A-Za-z"]/);
  return at < 0 ? line : line.slice(0, at);
}

async function cli(args: string[]): Promise<string> {
  const result = await runCli(args);
  expect([0, 3], `${args.join(' ')}: ${result.stderr}`).toContain(result.status);
  return result.stdout;
}

/** Every text value of a workbook (formulas excluded: ASSESS.SCORE(…"chengdu2006"…) is Excel's). */
async function workbookTexts(file: string): Promise<Array<{ at: string; text: string }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const texts: Array<{ at: string; text: string }> = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.push({ at: `${sheet.name}!${cell.address}`, text: cell.value });
      }),
    );
  });
  return texts;
}

describe.each(IDS)('%s: Chinese output holds no internal code or English word', (id) => {
  const input = `examples/${id}.xlsx`;

  it('check and score as text', async () => {
    const lines = [...(await cli(['check', input, '--rules', id])).split('\n'), ...(await cli(['score', input, '--rules', id])).split('\n')];
    expect(lines.flatMap((line) => problems(chineseHalf(line), id).map((p) => `${p} in: ${line.slice(0, 80)}`))).toEqual([]);
  }, 120_000);

  it("check's JSON: zh and subject of every finding", async () => {
    const { findings } = JSON.parse(await cli(['check', input, '--rules', id, '--format', 'json'])) as { findings: Array<{ zh: string; subject: string; kind: string }> };
    expect(findings.every((f) => typeof f.subject === 'string' && typeof f.kind === 'string')).toBe(true);
    expect(findings.flatMap((f) => [...problems(f.zh, id), ...problems(f.subject, id)])).toEqual([]);
  }, 120_000);

  it('the scorecard and the template we write', async () => {
    const card = join(dir, `${id}-card.xlsx`);
    const template = join(dir, `${id}-template.xlsx`);
    await cli(['score', input, '--rules', id, '--out', card]);
    await cli(['template', '--rules', id, '--out', template]);
    const texts = [...(await workbookTexts(card)), ...(await workbookTexts(template))];
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.flatMap(({ at, text }) => problems(chineseHalf(text), id).map((p) => `${at}: ${p}`))).toEqual([]);
  }, 120_000);
});
