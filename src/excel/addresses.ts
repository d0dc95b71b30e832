/** A1 addresses and sheet names: pure helpers shared by the Excel operations and the pane. */

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** 0-based row/column → "C5". */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** Sheet name quoted for a formula reference ('计分表 1'!A1). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!C5:F9" or "'My sheet'!C5" → top-left row/column (0-based) and the sheet name. */
export function parseAddress(address: string): { sheet: string; row: number; column: number } {
  const bang = address.lastIndexOf('!');
  const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : '';
  const match = /^\$?([A-Z]+)\$?(\d+)/.exec(address.slice(bang + 1));
  if (!match) throw new Error(`not an A1 address: ${address}`);
  let column = 0;
  for (const ch of match[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(match[2]) - 1, column: column - 1 };
}

/** Excel's sheet-name rules: ≤ 31 characters, none of : \ / ? * [ ]. */
export function cleanSheetName(name: string): string {
  // Excel also refuses an apostrophe at either end (after the 31-character cut too).
  const strip = (text: string) => text.replace(/^[\s']+|[\s']+$/g, '');
  return strip(strip(name.replace(/[:\\/?*[\]]/g, '_')).slice(0, 31)) || 'ASSESS';
}

/** A sheet name not yet taken: "计分表", "计分表 (2)", "计分表 (3)" … (case-insensitive, as Excel compares). */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
