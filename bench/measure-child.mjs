// Runs a node script as this process and, on exit, writes its own CPU time and peak RSS as JSON:
//   node bench/measure-child.mjs <out.json> <script.mjs|js> [args…]
// (Node gives no child's resource usage, so the child measures itself; bench/cli.ts reads the file.)
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(out, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS }));
});
await import(pathToFileURL(resolve(script)).href);
