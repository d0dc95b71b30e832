/**
 * The custom functions' metadata the build ships (dist/functions.json and dist/functions.zh-cn.json,
 * `npm run build`), issue 20.3 — the flags that decide what reaches the functions:
 * - `allowErrorForDataTypeAny: true`: error cells (#DIV/0! …) reach parameters of type any instead of
 *   Excel answering #VALUE! without calling the function, so ASSESS.CHECK can list them. Microsoft
 *   Learn, "Manually create JSON metadata for custom functions"
 *   (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json): the top-level
 *   allowErrorForDataTypeAny lets functions take errors as input values; "Handle and return errors
 *   from your custom function" (…/excel/custom-functions-errors): input errors arrive as
 *   CustomFunctions.Error values whose code is the cell's error ("#DIV/0!" …).
 * - no `allowCustomDataForDataTypeAny: true` (custom-functions-metadata's generator sets it): with it
 *   an entity or formatted-number cell arrives as a data-type object (Learn, "Use data types with
 *   custom functions in Excel", …/excel/custom-functions-data-types-concepts) that the functions
 *   cannot read; without it Excel passes the cell's basic value (text, number).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = path.resolve(__dirname, '../../dist');

describe.each(['functions.json', 'functions.zh-cn.json'])('dist/%s', (file) => {
  const metadata = JSON.parse(readFileSync(path.join(dist, file), 'utf8')) as Record<string, unknown> & { functions: Array<{ id: string; parameters?: Array<{ type?: string }> }> };

  it('lets error cells reach the functions (allowErrorForDataTypeAny: true)', () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });

  it('does not ask for data-type objects (no allowCustomDataForDataTypeAny: true)', () => {
    expect(metadata.allowCustomDataForDataTypeAny).not.toBe(true);
  });

  it('the range parameters that may hold error cells are of type any (the flag acts on those only)', () => {
    const score = metadata.functions.find((fn) => fn.id === 'SCORE');
    expect(score?.parameters?.[0]?.type).toBe('any');
    const check = metadata.functions.find((fn) => fn.id === 'CHECK');
    expect(check?.parameters?.[0]?.type).toBe('any');
  });
});
