/** Folders for tests that write files: one per test, so its listing shows what a run left behind. */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A new folder `name` inside `parent`. */
export function subfolder(parent: string, name: string): string {
  const path = join(parent, name);
  mkdirSync(path);
  return path;
}

/** The temporary files (`*.tmp`) in a folder: none should be left after a write, failed or not. */
export function leftovers(path: string): string[] {
  return readdirSync(path).filter((name) => name.endsWith('.tmp'));
}
