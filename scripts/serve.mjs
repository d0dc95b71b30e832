#!/usr/bin/env node
/**
 * Serves dist/ on http://localhost:<port>/ (default 3000) for the playground: plain HTTP bound to
 * 127.0.0.1 only (the HTTPS add-in origin in manifest.xml is `npm run dev-server`), GET and HEAD
 * only, no directory listing, and only regular files inside dist/ — a request that cannot be
 * decoded or carries a NUL byte is a 400, anything that resolves outside dist/ (`..`, encoded
 * slashes or backslashes, sibling folders such as dist-private/, symbolic links) is a 404.
 *
 * `--production` (or `serve(port, quiet, dir, { production: true })`): the headers a production
 * server sends by the shipped dist/web.config and dist/nginx-assess.conf, from the same data
 * (scripts/server-config.mjs): `Access-Control-Allow-Origin: *` on the custom functions' files only,
 * JSON as application/json; the configuration files themselves are not served. A local stand-in
 * for checking a deployment, still on 127.0.0.1 and plain HTTP.
 */
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_TYPES, CORS_FILES, CORS_HEADERS, SERVER_CONFIG_FILES } from './server-config.mjs';

const DIST = resolve(fileURLToPath(new URL('../dist/', import.meta.url)));
const HOST = '127.0.0.1';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml; charset=utf-8', '.map': 'application/json', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const COMMON = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };

/** True when `file` is `root` itself or lies below it (a name such as `..x` inside root counts). */
function inside(root, file) {
  const path = relative(root, file);
  return !isAbsolute(path) && path !== '..' && !path.startsWith(`..${sep}`);
}

function reply(response, status, text, headers = {}) {
  const body = `${text}\n`;
  response.writeHead(status, { ...COMMON, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...headers });
  response.end(body);
}

/** The regular file under `root` that `target` (the raw request-target) names, or an error status. */
function locate(root, target) {
  // Origin-form only ("/path?query"); absolute-form and "*" are not for this server.
  if (!target.startsWith('/')) return { status: 400 };
  let path;
  try {
    path = decodeURIComponent(target.split(/[?#]/, 1)[0]);
  } catch {
    return { status: 400 }; // URIError: a malformed escape such as %E0%A4%A
  }
  if (path.includes('\0')) return { status: 400 };
  const file = resolve(join(root, path === '/' ? 'playground.html' : path));
  if (!inside(root, file)) return { status: 404 };
  let real;
  try {
    real = realpathSync(file);
  } catch {
    return { status: 404 };
  }
  // Resolved again after following links: a link inside dist/ must not lead out of it.
  if (!inside(root, real)) return { status: 404 };
  const stats = statSync(real, { throwIfNoEntry: false });
  if (!stats?.isFile()) return { status: 404 };
  return { file: real, size: stats.size };
}

/** The headers of `file` (a path under root) in production mode: CORS on the functions' files. */
function productionHeaders(root, file) {
  const name = relative(root, file).split(sep).join('/');
  if (!CORS_FILES.includes(name)) return {};
  return { ...CORS_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file)] };
}

function handle(root, request, response, production) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    reply(response, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const found = locate(root, request.url ?? '');
  if (found.file && production && SERVER_CONFIG_FILES.includes(relative(root, found.file))) {
    reply(response, 404, 'not found');
    return;
  }
  if (!found.file) {
    reply(response, found.status, found.status === 400 ? 'bad request' : 'not found');
    return;
  }
  const headers = { ...COMMON, 'Content-Type': TYPES[extname(found.file)] ?? 'application/octet-stream', 'Content-Length': found.size, ...(production ? productionHeaders(root, found.file) : {}) };
  if (request.method === 'HEAD') {
    response.writeHead(200, headers);
    response.end();
    return;
  }
  const stream = createReadStream(found.file);
  stream.once('open', () => {
    response.writeHead(200, headers);
    stream.pipe(response);
  });
  stream.once('error', () => {
    if (response.headersSent) response.destroy();
    else reply(response, 404, 'not found');
  });
  response.once('close', () => stream.destroy());
}

/**
 * Starts the server on 127.0.0.1:`port` (0: a free port) and returns it; `directory` (default
 * dist/) is the folder served. Errors such as EADDRINUSE arrive as the server's 'error' event.
 */
export function serve(port = Number(process.env.PORT ?? 3000), quiet = false, directory = DIST, { production = false } = {}) {
  if (!existsSync(join(directory, 'playground.html'))) {
    console.error('dist/ 尚未构建：请先运行 npm run build / dist/ is not built: run npm run build');
    process.exit(2);
  }
  const root = realpathSync(resolve(directory));
  const server = createServer((request, response) => {
    try {
      handle(root, request, response, production);
    } catch {
      // Never let one request take the server down.
      if (!response.headersSent) reply(response, 500, 'internal error');
      else response.destroy();
    }
  });
  server.listen(port, HOST, () => {
    const { port: actual } = server.address();
    if (!quiet) console.log(`ASSESS 演示页 / playground: http://localhost:${actual}/playground.html${production ? '（生产模式响应头 / production headers: CORS on functions.*）' : ''}`);
  });
  return server;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) serve(undefined, false, DIST, { production: process.argv.includes('--production') });
