/**
 * Runs once in vitest's main process before any test file: builds the CLI bundle (lib/cli.js, what
 * bin/assess.js loads) from the current sources, so every CLI test runs today's code. Was a
 * synchronous `npm run build:cli` in the beforeAll of each of ten test files: ten builds, each
 * blocking a worker's event loop (see test/support/run.ts).
 */
import { runOk, repoRoot } from './run';

export default async function setup(): Promise<void> {
  await runOk('npm', ['run', 'build:cli', '--silent'], { cwd: repoRoot, timeoutMs: 300_000 });
}
