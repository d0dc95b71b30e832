/** The seam names no host: host.ts imports only the core, and uses no Office.js, ET or WPS name in code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

it('src/host/host.ts imports only the core and names no host in its code', () => {
  const source = readFileSync(path.resolve(__dirname, '../../src/host/host.ts'), 'utf8');
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  expect([...code.matchAll(/from '([^']+)'/g)].map((m) => m[1])).toEqual(['../core']);
  expect(code).not.toMatch(/\b(Excel|Office|OfficeExtension|Et|Kso|wps|WPS|Application)\b/);
});

it('the pane (taskpane.ts, actions.ts) talks to the Host it is given: it imports no host and names no Office.js, ET or WPS object', () => {
  for (const file of ['src/taskpane/taskpane.ts', 'src/taskpane/actions.ts']) {
    const source = readFileSync(path.resolve(__dirname, '../..', file), 'utf8');
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const imports = [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((from) => /office-host|\/wps\/|et-host|workbook/.test(from)), file).toEqual([]);
    expect(code, file).not.toMatch(/\b(Excel|Office|OfficeExtension|Et|Kso|wps|Application)\s*[.(]/);
    expect(code, file).not.toMatch(/typeof (Excel|Office|wps|Application)\b/);
  }
});

it('refusingHost (the pane opened where it cannot work) rejects every operation with the error it was given, and changes nothing', async () => {
  const { refusingHost } = await import('../../src/host/host');
  const error = new Error('请在 WPS 表格中打开此任务窗格。 / Open this task pane in WPS Spreadsheets.');
  const host = refusingHost(error);
  const calls = [host.readSelection(), host.readRange('A1'), host.writeSheet({ name: 'x', blocks: [] }), host.markCells([]), host.clearMarks(), host.goTo('Sheet1', 'A1')];
  for (const call of calls) await expect(call).rejects.toBe(error);
});
