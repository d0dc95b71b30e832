#!/usr/bin/env node
/**
 * Serves dist/ on http://localhost:<port>/ (default 3000) for the playground and for Excel on
 * the web sideloading during development. Localhost only; no directory listing; files only from dist/.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../dist/', import.meta.url)));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml; charset=utf-8', '.map': 'application/json', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

export function serve(port = Number(process.env.PORT ?? 3000), quiet = false) {
  if (!existsSync(join(root, 'playground.html'))) {
    console.error('dist/ 尚未构建：请先运行 npm run build / dist/ is not built: run npm run build');
    process.exit(2);
  }
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path === '/' ? 'playground.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(response);
  });
  server.listen(port, '127.0.0.1', () => {
    const { port: actual } = server.address();
    if (!quiet) console.log(`ASSESS 演示页 / playground: http://localhost:${actual}/playground.html`);
  });
  return server;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) serve();
