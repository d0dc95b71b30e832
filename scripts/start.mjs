#!/usr/bin/env node
/**
 * npm start: build the add-in and the CLI, sideload into Excel desktop where it exists, and
 * otherwise say how to use it (Excel on the web, the CLI on the bundled example).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(npm, ['run', 'build', '--silent']);
run(npm, ['run', 'build:cli', '--silent']);

const excelDesktop =
  (process.platform === 'win32' && ['C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE', 'C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\EXCEL.EXE'].some(existsSync)) ||
  (process.platform === 'darwin' && existsSync('/Applications/Microsoft Excel.app'));

if (excelDesktop) {
  run('npx', ['office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel']);
} else {
  console.log(`
ASSESS 已构建到 dist/。本机没有 Excel 桌面版 / No Excel desktop on this machine.
  • Excel 网页版 / Excel on the web: run \`npm run dev-server\`, then Insert › Add-ins › Upload My Add-in › dist/manifest.xml
  • 命令行 / CLI: npx assess score examples/chengdu2006.csv --rules chengdu2006
下面用命令行为示例评分 / Scoring the example with the CLI:
`);
  run('node', ['bin/assess.js', 'score', 'examples/chengdu2006.csv', '--rules', 'chengdu2006']);
}
