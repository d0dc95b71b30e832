/**
 * The tests that read ../shared (the regulation texts, the spec, Microsoft's manifest schemas: a
 * folder beside the repository, not in it) go through one helper, test/shared-texts.ts, so that a
 * missing ../shared fails with a message naming it and README's Development section — not with a
 * bare ENOENT on some path.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_MISSING, readSharedText, sharedPath } from './shared-texts';

const testDir = new URL('.', import.meta.url).pathname;

describe('../shared: one helper, a clear failure', () => {
  it('names ../shared and README when the folder is missing (Chinese first, English too)', () => {
    const empty = mkdtempSync(join(tmpdir(), 'assess-noshared-'));
    const where = join(empty, 'shared');
    expect(() => sharedPath('regulations/chengdu2006.md', where)).toThrow(SHARED_MISSING);
    expect(() => readSharedText('regulations/chengdu2006.md', where)).toThrow(/需要 \.\.\/shared（规则原文），见 README 开发一节/);
    expect(() => readSharedText('regulations/chengdu2006.md', where)).toThrow(/needs \.\.\/shared \(the regulation texts\) beside the repo/);
  });

  it('names the file when ../shared is there but the file is not', () => {
    const root = mkdtempSync(join(tmpdir(), 'assess-shared-'));
    mkdirSync(join(root, 'regulations'));
    expect(() => readSharedText('regulations/nosuch.md', root)).toThrow(/regulations\/nosuch\.md/);
  });

  it('reads a file that is there', () => {
    const root = mkdtempSync(join(tmpdir(), 'assess-shared-'));
    mkdirSync(join(root, 'regulations'));
    writeFileSync(join(root, 'regulations', 'x.md'), '第九条');
    expect(readSharedText('regulations/x.md', root)).toBe('第九条');
    expect(sharedPath('regulations/x.md', root)).toBe(join(root, 'regulations', 'x.md'));
  });

  it('no test file resolves ../shared itself (only comments may name it)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.ts$/.test(entry.name) && !/shared-texts(\.test)?\.ts$/.test(entry.name)) {
          const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
          if (/['"`/]shared\/(regulations|schemas|spec|design)|\.\.\/shared(?![-\w])/.test(code)) offenders.push(relative(testDir, file));
        }
      }
    };
    walk(testDir);
    expect(offenders).toEqual([]);
  });
});
