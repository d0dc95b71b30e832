#!/usr/bin/env node
/**
 * npm start: build the add-in, the playground and the CLI; serve dist/ on localhost and print the
 * playground URL; sideload into Excel desktop where it exists, or say how to use Excel on the web.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serve } from './serve.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log('构建中 / building…');
run(npm, ['run', 'build', '--silent']);
run(npm, ['run', 'build:cli', '--silent']);

const excelDesktop =
  (process.platform === 'win32' && ['C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE', 'C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\EXCEL.EXE'].some(existsSync)) ||
  (process.platform === 'darwin' && existsSync('/Applications/Microsoft Excel.app'));

// Port 3000 is the add-in's HTTPS origin (manifest.xml): when sideloading, office-addin-debugging
// starts `npm run dev-server` there, so the plain-HTTP playground server takes a free port instead.
const port = Number(process.env.PORT ?? (excelDesktop ? 0 : 3000));
const server = serve(port);
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.log(`端口 ${port} 已被占用，改用空闲端口 / port ${port} is busy, using a free one`);
    serve(0);
  } else throw error;
});

if (excelDesktop) {
  console.log('检测到 Excel 桌面版，正在旁加载 / Excel desktop found: sideloading…');
  spawn('npx', ['office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel'], { stdio: 'inherit', shell: process.platform === 'win32' });
} else {
  console.log(`本机没有 Excel 桌面版 / No Excel desktop here.
  • Excel 网页版 / Excel on the web: 先按 Ctrl+C 停止本服务（同用端口 3000）/ stop this server first (same port 3000), then npm run dev-server (HTTPS :3000, also serves playground.html), then 插入 › 加载项 › 上传我的加载项 › manifest.xml
  • 命令行 / CLI: npx assess score examples/chengdu2006.xlsx --rules chengdu2006
按 Ctrl+C 停止 / Ctrl+C to stop.`);
}
