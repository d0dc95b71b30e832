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
