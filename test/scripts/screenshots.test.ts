/**
 * The README's pictures are those of today's pane (issue 22.6): `npm run screenshots` records the
 * fingerprint of the pane's and playground's source beside the pictures (scripts/pane-hash.mjs);
 * a change to that source without new pictures fails here, naming the command to run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

describe('docs/screenshots', () => {
  it('were made from the pane and playground source as it is', async () => {
    const { RECORD, paneHash } = (await import(join(root, 'scripts/pane-hash.mjs'))) as { RECORD: string; paneHash: (root: string) => string };
    const record = join(root, RECORD);
    const recorded = existsSync(record) ? readFileSync(record, 'utf8').trim() : '(none)';
    const current = paneHash(root);
    expect(
      recorded,
      `README 的截图早于任务窗格/演示页的源码改动：请运行 npm run screenshots 并提交 docs/screenshots/。 / The README's pictures predate a change to the pane or playground source (${RECORD} records ${recorded.slice(0, 12)}, the source is ${current.slice(0, 12)}): run npm run screenshots and commit docs/screenshots/.`,
    ).toBe(current);
  });
});
