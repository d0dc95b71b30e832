/**
 * Production deployment with CORS (issue 20.4). Excel fetches the custom functions' files
 * (functions.json/.js/.html, manifest.xml Functions.*) from its own origin, so the production server
 * must send `Access-Control-Allow-Origin` on them and JSON as application/json (Microsoft Learn,
 * "Publish an add-in developed with Visual Studio Code"; OfficeDev/Excel-Custom-Functions#200:
 * without CORS the functions do not register).
 *
 * The build ships dist/web.config (IIS) and dist/nginx-assess.conf (nginx); this test reads both
 * as a server would (the XML's <location path> headers and MIME maps; the nginx location pattern
 * and its add_header lines), runs scripts/serve.mjs in production mode over the built dist/, and
 * checks that the three configurations agree file by file: the functions' files get the headers,
 * no other file gets `Access-Control-Allow-Origin: *`, and the configuration files are not served.
 * Needs `npm run build`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { join, relative } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
type Serve = (port: number, quiet: boolean, directory?: string, options?: { production?: boolean }) => Server;

let server: Server;
let port = 0;

function get(target: string): Promise<{ status: number; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://excel.officeapps.live.com\r\nConnection: close\r\n\r\n`));
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${target}`)));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head] = Buffer.concat(chunks).toString('latin1').split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers });
    });
  });
}

/** web.config as IIS reads it: headers per <location path>, and the MIME map of the site. */
function readWebConfig(xml: string): { perFile: Map<string, Record<string, string>>; site: Record<string, string>; mime: Map<string, string> } {
  const parser = new SaxesParser();
  const stack: string[] = [];
  let location: string | null = null;
  const perFile = new Map<string, Record<string, string>>();
  const site: Record<string, string> = {};
  const mime = new Map<string, string>();
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    const attr = (name: string) => String(tag.attributes[name] ?? '');
    if (tag.name === 'location') {
      location = attr('path');
      perFile.set(location, {});
    }
    if (tag.name === 'add' && stack.includes('customHeaders')) {
      const target = location === null ? site : perFile.get(location)!;
      target[attr('name')] = attr('value');
    }
    if (tag.name === 'mimeMap') mime.set(attr('fileExtension'), attr('mimeType'));
    if (tag.name === 'remove' && stack.includes('staticContent')) mime.delete(attr('fileExtension'));
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.name === 'location') location = null;
  });
  parser.write(xml).close();
  return { perFile, site, mime };
}

/** The nginx snippet's first location: its pattern, its add_header lines, its types. */
function readNginx(conf: string): { pattern: RegExp; headers: Record<string, string>; types: Map<string, string> } {
  const block = /location ~ (\S+) \{([\s\S]*?)\n\}/.exec(conf);
  if (!block) throw new Error('no location ~ block');
  const headers = Object.fromEntries([...block[2].matchAll(/add_header (\S+) "([^"]*)" always;/g)].map((m) => [m[1], m[2]]));
  const types = new Map<string, string>();
  const typesBlock = /types \{([\s\S]*?)\}/.exec(block[2]);
  for (const line of typesBlock?.[1].split(';') ?? []) {
    const [type, ...extensions] = line.trim().split(/\s+/);
    for (const extension of extensions) types.set(`.${extension}`, type);
  }
  return { pattern: new RegExp(block[1]), headers, types };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(dist, path).split('\\').join('/')];
  });
}

beforeAll(async () => {
  const { serve } = (await import(join(root, 'scripts/serve.mjs'))) as { serve: Serve };
  server = serve(0, true, dist, { production: true });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

const FUNCTION_FILES = ['functions.json', 'functions.zh-cn.json', 'functions.js', 'functions.html'];

describe('production deployment: CORS on the custom functions files (dist/web.config, dist/nginx-assess.conf, serve --production)', () => {
  it('the build ships an IIS web.config and an nginx snippet', () => {
    expect(existsSync(join(dist, 'web.config'))).toBe(true);
    expect(existsSync(join(dist, 'nginx-assess.conf'))).toBe(true);
  });

  it('web.config: Access-Control-Allow-Origin * on exactly the functions files, JSON as application/json', () => {
    const { perFile, site, mime } = readWebConfig(readFileSync(join(dist, 'web.config'), 'utf8'));
    expect([...perFile.keys()].sort()).toEqual([...FUNCTION_FILES].sort());
    for (const file of FUNCTION_FILES) expect(perFile.get(file), file).toEqual({ 'Access-Control-Allow-Origin': '*' });
    expect(site).not.toHaveProperty('Access-Control-Allow-Origin');
    expect(mime.get('.json')).toMatch(/^application\/json/);
  });

  it('nginx: the location matches the functions files only (under any path), with the same headers and types', () => {
    const { pattern, headers, types } = readNginx(readFileSync(join(dist, 'nginx-assess.conf'), 'utf8'));
    for (const file of FUNCTION_FILES) expect(pattern.test(`/assess/${file}`), file).toBe(true);
    for (const file of ['taskpane.html', 'functions.js.map', 'commands.js', 'xfunctions.json.bak', 'manifest.xml']) expect(pattern.test(`/assess/${file}`), file).toBe(false);
    expect(headers['Access-Control-Allow-Origin']).toBe('*');
    expect(types.get('.json')).toBe('application/json');
  });

  it('serve --production sends what the shipped configurations say, file by file, over the whole of dist/', async () => {
    const { perFile, mime } = readWebConfig(readFileSync(join(dist, 'web.config'), 'utf8'));
    const nginx = readNginx(readFileSync(join(dist, 'nginx-assess.conf'), 'utf8'));
    const files = filesUnder(dist).filter((file) => file !== 'web.config' && file !== 'nginx-assess.conf');
    expect(files).toEqual(expect.arrayContaining([...FUNCTION_FILES, 'taskpane.html', 'commands.html', 'manifest.xml']));
    for (const file of files) {
      const answer = await get(`/${file}`);
      expect(answer.status, file).toBe(200);
      const iis = perFile.get(file) ?? {};
      const fromNginx = nginx.pattern.test(`/${file}`) ? nginx.headers : {};
      expect(answer.headers['access-control-allow-origin'], file).toBe(iis['Access-Control-Allow-Origin']);
      expect(answer.headers['access-control-allow-origin'], file).toBe(fromNginx['Access-Control-Allow-Origin']);
      if (FUNCTION_FILES.includes(file)) expect(answer.headers['access-control-allow-origin'], file).toBe('*');
      else expect(answer.headers, file).not.toHaveProperty('access-control-allow-origin');
    }
    for (const file of ['functions.json', 'functions.zh-cn.json']) {
      const type = (await get(`/${file}`)).headers['content-type'];
      expect(type.split(';')[0]).toBe(mime.get('.json')!.split(';')[0]);
      expect(type.split(';')[0]).toBe(nginx.types.get('.json'));
    }
  });

  it('does not serve the server configuration files themselves', async () => {
    expect((await get('/web.config')).status).toBe(404);
    expect((await get('/nginx-assess.conf')).status).toBe(404);
  });
});
