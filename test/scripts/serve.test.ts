/**
 * scripts/serve.mjs (behind `npm start` and `npm run serve`) and the webpack dev server settings:
 * a malformed escape is a 400 and the server keeps answering, nothing outside the served folder is
 * reachable (a sibling folder whose name starts with the folder's name included), only GET/HEAD,
 * loopback only. Requests go out over a raw socket so that no client normalises `..` or `%2f`.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
type Serve = (port: number, quiet: boolean, directory?: string) => Server;

let temp = '';
let server: Server;
let port = 0;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `METHOD target HTTP/1.1` byte for byte and reads the whole answer (Connection: close). */
function raw(target: string, method = 'GET', host = '127.0.0.1'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${method} ${target}`)));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

beforeAll(async () => {
  // <temp>/dist is served; <temp>/dist-private-test sits next to it and must stay unreachable.
  temp = mkdtempSync(join(tmpdir(), 'assess-serve-'));
  const dist = join(temp, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(temp, 'dist-private-test'));
  writeFileSync(join(dist, 'playground.html'), '<!doctype html><title>playground</title>');
  writeFileSync(join(dist, 'playground.js'), 'console.log(1);');
  writeFileSync(join(dist, 'assets', 'icon.png'), 'png');
  writeFileSync(join(dist, '..notes.txt'), 'inside');
  writeFileSync(join(temp, 'dist-private-test', 'secret.txt'), 'SECRET');
  writeFileSync(join(temp, 'secret.txt'), 'SECRET');
  if (process.platform !== 'win32') symlinkSync(join(temp, 'dist-private-test', 'secret.txt'), join(dist, 'link.txt'));
  const { serve } = (await import(join(root, 'scripts/serve.mjs'))) as { serve: Serve };
  server = serve(0, true, dist);
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('scripts/serve.mjs', () => {
  it('serves files inside the folder, / as playground.html, with the usual headers', async () => {
    const home = await raw('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>playground</title>');
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('/playground.js?v=1')).body).toBe('console.log(1);');
    expect((await raw('/assets/icon.png')).status).toBe(200);
    expect((await raw('/%2e%2enotes.txt')).body).toBe('inside'); // a name starting with '..' is still inside
  });

  it('answers a malformed percent-escape with 400 and keeps serving', async () => {
    for (const target of ['/%E0%A4%A', '/%', '/%zz', '/assets/%C0']) {
      const answer = await raw(target);
      expect(answer.status, target).toBe(400);
    }
    expect((await raw('/playground.html')).status).toBe(200);
  });

  it('does not serve a sibling folder whose name starts with the folder name (dist-private-test)', async () => {
    const targets = [
      '/..%2fdist-private-test/secret.txt',
      '/..%2Fdist-private-test%2Fsecret.txt',
      '/../dist-private-test/secret.txt',
      '/%2e%2e/dist-private-test/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fdist-private-test/secret.txt',
      '/..%5cdist-private-test%5csecret.txt',
      '/%2fetc%2fpasswd',
      '//etc/passwd',
    ];
    for (const target of targets) {
      const answer = await raw(target);
      expect([403, 404], target).toContain(answer.status);
      expect(answer.body, target).not.toContain('SECRET');
    }
    expect((await raw('/playground.html')).status).toBe(200);
  });

  it.skipIf(process.platform === 'win32')('does not follow a symbolic link out of the folder', async () => {
    const answer = await raw('/link.txt');
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('SECRET');
  });

  it('rejects NUL bytes, directories and absolute-form targets', async () => {
    expect((await raw('/playground.html%00.png')).status).toBe(400);
    expect((await raw('/assets/')).status).toBe(404);
    expect((await raw('/assets')).status).toBe(404);
    expect((await raw('http://127.0.0.1/playground.html')).status).toBe(400);
  });

  it('answers GET and HEAD only', async () => {
    const head = await raw('/playground.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const answer = await raw('/playground.html', method);
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
    }
  });

  it('listens on the loopback interface only', async () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
    if (external) await expect(raw('/playground.html', 'GET', external.address)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('webpack dev server (webpack.config.js)', () => {
  it('listens on localhost and sends CORS only on the custom-functions files', async () => {
    const { default: config } = (await import(join(root, 'webpack.config.js'))) as {
      default: (env: object, argv: object) => Promise<{ devServer: { host: string; port: number; headers: unknown } }>;
    };
    const { devServer } = await config({}, { mode: 'development' });
    expect(devServer.host).toBe('localhost');
    expect(devServer.port).toBe(3000);
    expect(typeof devServer.headers).toBe('function');
    const headers = devServer.headers as (request: { url: string }) => Record<string, string>;
    for (const url of ['/taskpane.html', '/commands.html', '/help.html', '/playground.html', '/taskpane.js', '/manifest.xml', '/']) {
      expect(headers({ url }), url).not.toHaveProperty('Access-Control-Allow-Origin');
    }
    for (const url of ['/functions.json', '/functions.zh-cn.json?x=1', '/functions.js', '/functions.html']) {
      expect(headers({ url }), url).toEqual({ 'Access-Control-Allow-Origin': '*' });
    }
  });
});
