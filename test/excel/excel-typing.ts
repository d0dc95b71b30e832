/**
 * What Excel stores when an add-in writes a string with Range.values into a cell that is not
 * formatted as Text ("@"): the string is parsed as if the clerk had typed it. Shared by both
 * Excel stand-ins (test/taskpane/excel-standin.ts for the browser and the host contract,
 * test/excel/fake-excel.ts for test/excel), so they convert alike.
 *
 * Sources:
 * - Excel.Range.values (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member):
 *   "If the specified value starts with a plus ('+'), minus ('-'), or equal sign ('='), Excel
 *   interprets this value as a formula" — see readAsFormula beside each stand-in's write.
 * - Microsoft Support, "Keeping leading zeros and large numbers"
 *   (https://support.microsoft.com/office/keeping-leading-zeros-and-large-numbers-1bf7b935-36e1-4985-842f-5dfa51f85fe7):
 *   number codes entered in a General cell become numbers and lose their leading zeros
 *   ("00123" → 123); the remedy is the Text format applied *before* the value is entered.
 * - Microsoft Support, "Stop automatically changing numbers to dates"
 *   (https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8):
 *   text that looks like a date becomes a date serial; again Text format first (or an apostrophe).
 * - "Format numbers as text" / "Format numbers as percentages" on Microsoft Support: "50%" typed
 *   into a General cell is the number 0.5 (shown 50%); TRUE and FALSE typed are the logical values.
 * The stand-ins model the en-US parse (the invariant one Office.js documents values in): decimal
 * numbers ("3.10" → 3.1, "1.0" → 1, "007" → 7, "1,000" → 1000, "1e3" → 1000), percentages,
 * TRUE/FALSE in any case, and dates written Y-M-D or M/D/Y ("2022-01-05", "1/5/2022", "2022/1/5").
 */

/** The value Excel keeps for a string written into a General cell, or the string itself. */
export function typedValue(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  const number = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;
  if (/\d/.test(trimmed) && number.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  const percent = /^(\d+(?:\.\d*)?|\.\d+)\s*%$/.exec(trimmed);
  if (percent) return Number(percent[1]) / 100;
  if (/^true$/i.test(trimmed)) return true;
  if (/^false$/i.test(trimmed)) return false;
  const ymd = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (ymd) return serial(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])) ?? text;
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (mdy) return serial(Number(mdy[3]), Number(mdy[1]), Number(mdy[2])) ?? text;
  return text;
}

/** Excel's date serial (days since 1899-12-30) of a valid date, or null. */
function serial(year: number, month: number, day: number): number | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}
