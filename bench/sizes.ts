/**
 * Gzipped sizes of the functions bundle and the task pane bundle (dist/, webpack production).
 * Builds first when dist/ is missing or older than src/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './common';

const SECTION = 'bundles';
const ROOT = resolve(import.meta.dirname, '..');
const BUNDLES: Array<{ file: string; goalKb: number }> = [
  { file: 'dist/functions.js', goalKb: 40 },
  { file: 'dist/taskpane.js', goalKb: 150 },
];

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export async function run(): Promise<Figure[]> {
  const missing = BUNDLES.some(({ file }) => !existsSync(join(ROOT, file)));
  const oldest = missing ? 0 : Math.min(...BUNDLES.map(({ file }) => statSync(join(ROOT, file)).mtimeMs));
  let note = 'dist/ up to date';
  if (missing || oldest < newestIn(join(ROOT, 'src'))) {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (build.status !== 0) {
      if (BUNDLES.some(({ file }) => !existsSync(join(ROOT, file)))) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
      note = `npm run build failed (${build.stderr.trim().split('\n').pop() ?? ''}); measured the existing, older dist/`;
    } else {
      note = missing ? 'built (dist/ was missing)' : 'rebuilt (dist/ was older than src/)';
      // webpack leaves an unchanged bundle untouched: mark both as current so the next run does not rebuild.
      const stamp = new Date();
      for (const { file } of BUNDLES) utimesSync(join(ROOT, file), stamp, stamp);
    }
  }
  return BUNDLES.map(({ file, goalKb }) => {
    const bytes = readFileSync(join(ROOT, file));
    const kb = gzipSync(bytes).length / 1024;
    return {
      section: SECTION,
      name: `${file} gzipped`,
      value: kb,
      unit: 'KB',
      goal: `≤ ${goalKb} KB`,
      met: kb <= goalKb,
      detail: `${(bytes.length / 1024).toFixed(1)} KB raw, gzip level 6 (zlib default); ${note}`,
    };
  });
}
