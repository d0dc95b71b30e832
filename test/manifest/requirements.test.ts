/**
 * Requirement sets: manifest.xml must declare what the code really calls. A list of Office.js
 * members (class and member, and how the call looks in our source) is scanned for in src/excel
 * and src/taskpane (ExcelApi) and src/functions (CustomFunctionsRuntime); each member found has
 * its set looked up from the `[Api set: …]` tag of its declaration in @types/office-js (or
 * @types/custom-functions-runtime). The manifest must declare exactly the highest set needed, and
 * the pane's runtime guard (EXCEL_API) must ask for the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCEL_API } from '../../src/excel/office-host';

const root = new URL('../../', import.meta.url).pathname;
const officeTypes = readFileSync(join(root, 'node_modules/@types/office-js/index.d.ts'), 'utf8');
const functionTypes = readFileSync(join(root, 'node_modules/@types/custom-functions-runtime/index.d.ts'), 'utf8');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');

function sourceOf(...dirs: string[]): string {
  return dirs
    .flatMap((dir) => readdirSync(join(root, dir)).filter((file) => file.endsWith('.ts')).map((file) => readFileSync(join(root, dir, file), 'utf8')))
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
}

/** [class in namespace Excel, member, how a use looks in our source]. */
const EXCEL_MEMBERS: Array<[string, string, RegExp]> = [
  ['Workbook', 'getSelectedRange', /\.getSelectedRange\(/],
  ['Workbook', 'worksheets', /workbook\.worksheets\b/],
  ['Workbook', 'comments', /workbook\.comments\b/],
  ['Workbook', 'settings', /workbook\.settings\b/],
  ['Range', 'worksheet', /\.worksheet\b/],
  ['Range', 'getIntersectionOrNullObject', /\.getIntersectionOrNullObject\(/],
  ['Range', 'address', /'address'/],
  ['Range', 'rowIndex', /'rowIndex'/],
  ['Range', 'columnIndex', /'columnIndex'/],
  ['Range', 'rowCount', /'rowCount'/],
  ['Range', 'columnCount', /'columnCount'/],
  ['Range', 'cellCount', /'cellCount'/],
  ['Range', 'values', /\.values\b/],
  ['Range', 'formulas', /\.formulas\s*=/],
  ['Range', 'numberFormat', /\.numberFormat\s*=/],
  ['Range', 'format', /\.format\./],
  ['Range', 'dataValidation', /\.dataValidation\./],
  ['Range', 'autoFill', /\.autoFill\(/],
  ['Range', 'getCellProperties', /\.getCellProperties\(/],
  ['Range', 'setCellProperties', /\.setCellProperties\(/],
  ['Range', 'select', /\.select\(\)/],
  ['Range', 'calculate', /\.calculate\(/],
  ['RangeFormat', 'fill', /format\.fill\b/],
  ['RangeFormat', 'font', /format\.font\b/],
  ['RangeFill', 'color', /fill\.color\s*=/],
  ['RangeFill', 'clear', /fill\.clear\(/],
  ['RangeFont', 'bold', /font\.bold\s*=/],
  ['RangeFont', 'color', /font\.color\s*=/],
  ['DataValidation', 'rule', /dataValidation\.rule\s*=/],
  ['DataValidation', 'errorAlert', /dataValidation\.errorAlert\s*=/],
  ['Worksheet', 'getUsedRange', /\.getUsedRange\(\)/],
  ['Worksheet', 'getRange', /\.getRange\(/],
  ['Worksheet', 'freezePanes', /\.freezePanes\b/],
  ['WorksheetFreezePanes', 'freezeRows', /\.freezeRows\(/],
  ['Worksheet', 'charts', /\.charts\b/],
  ['Worksheet', 'tables', /\.tables\b/],
  ['Worksheet', 'activate', /\.activate\(\)/],
  ['Worksheet', 'pageLayout', /\.pageLayout\b/],
  ['PageLayout', 'orientation', /\.orientation\s*=/],
  ['PageLayout', 'paperSize', /\.paperSize\s*=/],
  ['PageLayout', 'zoom', /\.zoom\s*=/],
  ['PageLayout', 'setPrintTitleRows', /\.setPrintTitleRows\(/],
  ['WorksheetCollection', 'add', /sheets\.add\(/],
  ['WorksheetCollection', 'getItem', /worksheets\.getItem\(/],
  ['ChartCollection', 'add', /charts\.add\(/],
  ['Chart', 'title', /chart\.title\b/],
  ['Chart', 'series', /chart\.series\b/],
  ['Chart', 'setPosition', /\.setPosition\(/],
  ['ChartSeriesCollection', 'getItemAt', /series\.getItemAt\(/],
  ['ChartSeries', 'setXAxisValues', /\.setXAxisValues\(/],
  ['ChartSeries', 'name', /getItemAt\(0\)\.name\s*=/],
  ['TableCollection', 'add', /tables\.add\(/],
  ['Table', 'name', /table\.name\s*=/],
  ['Application', 'suspendApiCalculationUntilNextSync', /\.suspendApiCalculationUntilNextSync\(/],
  ['Application', 'suspendScreenUpdatingUntilNextSync', /\.suspendScreenUpdatingUntilNextSync\(/],
  ['CommentCollection', 'add', /comments\.add\(/],
  ['CommentCollection', 'getItemByCell', /\.getItemByCell\(/],
  ['Comment', 'getLocation', /\.getLocation\(/],
  ['Comment', 'content', /items\/content|\.content\b/],
  ['Comment', 'delete', /comment\.delete\(/],
  ['SettingCollection', 'getItemOrNullObject', /settings\.getItemOrNullObject\(/],
  ['SettingCollection', 'add', /settings\.add\(/],
  ['WorksheetCollection', 'getItemOrNullObject', /worksheets\.getItemOrNullObject\(/],
  ['Worksheet', 'getUsedRangeOrNullObject', /\.getUsedRangeOrNullObject\(/],
  // Workbook.notes (ExcelApi 1.18) is not listed: the Office host calls it only where
  // isSetSupported('ExcelApi', '1.18') says it is there (src/excel/office-host.ts notesSupported).
  ['Setting', 'delete', /setting\.delete\(/],
];
/** getUsedRange(valuesOnly): the parameter has its own tag. */
const PARAMETERS: Array<[string, RegExp]> = [['valuesOnly', /\.getUsedRange\(true\)/]];

const version = (v: string) => v.split('.').map(Number);
const newer = (a: string, b: string) => {
  const [x, y] = [version(a), version(b)];
  return x[0] !== y[0] ? x[0] > y[0] : x[1] > y[1];
};

/** The `[Api set: <set> x.y]` tag in the doc comment right above `member` in `class name`. */
function apiSet(types: string, namespace: string, className: string, member: string, set: string): string {
  const start = types.indexOf(`declare namespace ${namespace} {`);
  expect(start, `namespace ${namespace}`).toBeGreaterThanOrEqual(0);
  const classAt = types.slice(start).search(new RegExp(`\\n    (?:class|interface|enum) ${className}\\b`));
  expect(classAt, `${namespace}.${className}`).toBeGreaterThanOrEqual(0);
  if (member === 'constructor') {
    const tag = new RegExp(`\\[Api set: ${set} (\\d+\\.\\d+)\\]`).exec(types.slice(start, start + classAt).split('/**').pop() ?? '');
    expect(tag, `${className} has an Api set tag`).not.toBeNull();
    return tag![1];
  }
  const body = types.slice(start + classAt, start + classAt + types.slice(start + classAt + 1).search(/\n    }/) + 1);
  const declaration = new RegExp(`\\n        (?:readonly |static )?${member}\\s*[(:?<=]`).exec(body);
  expect(declaration, `${className}.${member} declared`).not.toBeNull();
  const comment = body.slice(0, declaration!.index).split('/**').pop() ?? '';
  const tag = new RegExp(`\\[Api set: ${set} (\\d+\\.\\d+)[\\],]`).exec(comment);
  expect(tag, `${className}.${member} has an Api set tag`).not.toBeNull();
  return tag![1];
}

function declared(set: string): string | null {
  const match = new RegExp(`<(?:bt:)?Set Name="${set}" MinVersion="(\\d+\\.\\d+)"`).exec(manifest);
  return match ? match[1] : null;
}

describe('requirement sets (manifest.xml) follow the Office.js members the code calls', () => {
  const pane = sourceOf('src/excel', 'src/taskpane');

  it('ExcelApi: the manifest declares the highest set the pane calls, and the pane checks the same', () => {
    const needed: Array<{ member: string; set: string }> = [];
    for (const [className, member, use] of EXCEL_MEMBERS) {
      if (use.test(pane)) needed.push({ member: `${className}.${member}`, set: apiSet(officeTypes, 'Excel', className, member, 'ExcelApi') });
    }
    for (const [parameter, use] of PARAMETERS) {
      if (!use.test(pane)) continue;
      const tag = new RegExp(`@param ${parameter} [^\\n]*\\[Api set: ExcelApi (\\d+\\.\\d+)\\]`).exec(officeTypes);
      needed.push({ member: `getUsedRange(${parameter})`, set: tag![1] });
    }
    // Sanity: the list finds what the pane is known to use.
    expect(needed.map((n) => n.member)).toEqual(expect.arrayContaining(['Range.getIntersectionOrNullObject', 'CommentCollection.add', 'Range.autoFill', 'SettingCollection.getItemOrNullObject']));
    const highest = needed.reduce((max, n) => (newer(n.set, max) ? n.set : max), '1.1');
    expect({ highest, by: needed.filter((n) => n.set === highest).map((n) => n.member) }).toMatchObject({ highest: '1.10' });
    expect(declared('ExcelApi')).toBe(highest);
    expect(EXCEL_API).toBe(highest);
  });

  it('CustomFunctionsRuntime: the VersionOverrides requirement covers CustomFunctions.Error and ErrorCode', () => {
    const functions = sourceOf('src/functions');
    const needed: string[] = [];
    if (/new CustomFunctions\.Error\(/.test(functions)) needed.push(apiSet(functionTypes, 'CustomFunctions', 'Error', 'constructor', 'CustomFunctionsRuntime'));
    for (const match of functions.matchAll(/CustomFunctions\.ErrorCode\.(\w+)/g)) needed.push(apiSet(functionTypes, 'CustomFunctions', 'ErrorCode', match[1], 'CustomFunctionsRuntime'));
    expect(needed.length).toBeGreaterThan(0);
    const highest = needed.reduce((max, set) => (newer(set, max) ? set : max), '1.1');
    expect(declared('CustomFunctionsRuntime')).toBe(highest);
  });
});
