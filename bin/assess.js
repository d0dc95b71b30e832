#!/usr/bin/env node
// The CLI is bundled from src/cli by `npm run build:cli` (run by `npm install` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../lib/cli.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('ASSESS 命令行尚未构建：请先运行 npm install（或 npm run build:cli）。\nThe ASSESS CLI is not built yet: run npm install (or npm run build:cli).\n');
  process.exit(2);
}
await import('../lib/cli.js');
