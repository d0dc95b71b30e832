#!/usr/bin/env node
/**
 * Regenerates the README's screenshots in docs/screenshots/ — the only thing that writes them.
 *
 *   npm run screenshots
 *
 * Builds dist/, runs the two browser test files (which write their screenshots under
 * test-output/ only, like every test run), then copies the pictures the README shows into
 * docs/screenshots/, and records the fingerprint of the pane's source they show
 * (docs/screenshots/SOURCE.sha256, scripts/pane-hash.mjs): test/scripts/screenshots.test.ts fails
 * when that source changes without new pictures. Refuses to run without a CJK font (Debian: apt-get install fonts-noto-cjk),
 * since Chromium would draw every Chinese character as an empty box.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECORD, paneHash } from './pane-hash.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const docs = join(root, 'docs', 'screenshots');

/** test-output picture → README picture. */
const PICTURES = [
  ['test-output/playground/playground.png', 'playground.png'],
  ...['overview', 'mapping', 'findings', 'rulesets', 'cases', 'english', 'draft', 'office-findings', 'office-marked', 'mapping-kept'].map((name) => [`test-output/taskpane/${name}.png`, `taskpane-${name}.png`]),
];

function fail(zh, en) {
  console.error(`${zh}\n${en}`);
  process.exit(1);
}

function hasChineseFont() {
  try {
    return execFileSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

if (!hasChineseFont()) {
  fail('没有中文字体：截图中的汉字会显示为方框。请先安装（Debian：apt-get install fonts-noto-cjk）。', 'No CJK font: Chinese would show as empty boxes in the screenshots. Install one first (Debian: apt-get install fonts-noto-cjk).');
}

const started = Date.now();
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} 失败（退出码 ${result.status}）：截图未更新。`, `${command} ${args.join(' ')} failed (exit ${result.status}): screenshots not updated.`);
};
run('npm', ['run', 'build', '--silent']);
run('npx', ['vitest', 'run', 'test/playground/playground.browser.test.ts', 'test/taskpane/taskpane.browser.test.ts']);

mkdirSync(docs, { recursive: true });
for (const [from, to] of PICTURES) {
  const source = join(root, from);
  // Only pictures this run made: a stale one left in test-output/ by an earlier run is not published.
  if (!existsSync(source) || statSync(source).mtimeMs < started) fail(`测试没有生成 ${from}：截图未全部更新。`, `the tests did not write ${from}: screenshots not all updated.`);
  copyFileSync(source, join(docs, to));
  console.log(`${from} → ${relative(root, join(docs, to))}`);
}
writeFileSync(join(root, RECORD), `${paneHash(root)}\n`);
console.log(`${RECORD}: the pane's source these pictures show`);
