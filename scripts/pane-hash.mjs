/**
 * The fingerprint of what the README's pictures show: the task pane's and the playground's source
 * (src/taskpane/, src/playground/) and the browser tests that draw the pictures with their data.
 * `npm run screenshots` records it in docs/screenshots/SOURCE.sha256 after making the pictures;
 * test/scripts/screenshots.test.ts fails when the source has changed since, naming the command.
 * Line endings are normalised (a checkout with CRLF gives the same fingerprint).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders and files whose content the pictures show, relative to the repository's root. */
export const PICTURED = ['src/taskpane', 'src/playground', 'test/taskpane/taskpane.browser.test.ts', 'test/taskpane/pane-data.ts', 'test/playground/playground.browser.test.ts'];

/** Where the fingerprint is recorded, relative to the root. */
export const RECORD = 'docs/screenshots/SOURCE.sha256';

function files(root, path) {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(root, join(path, name)));
}

/** sha256 over every pictured file's path and content, in path order. */
export function paneHash(root) {
  const hash = createHash('sha256');
  const all = PICTURED.flatMap((path) => files(root, path)).map((path) => relative(root, join(root, path)).split('\\').join('/')).sort();
  for (const path of all) {
    hash.update(`${path}\n`);
    hash.update(readFileSync(join(root, path), 'utf8').replace(/\r\n/g, '\n'));
    hash.update('\n\0\n');
  }
  return hash.digest('hex');
}
