/**
 * The add-in manifest: the offline XSD check (xmllint against Microsoft's schemas in
 * ../shared/schemas), least permission, no shared runtime, icons at the sizes Office asks for,
 * HTTPS everywhere, and a production build that rewrites the host.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../shared-texts';
import { runOk } from '../support/run';

const root = new URL('../../', import.meta.url).pathname;
const source = readFileSync(join(root, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');

function xmllint(file: string): { code: number | null; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', sharedPath('schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd'), file], { encoding: 'utf8' });
  if (result.error) throw new Error('xmllint is missing: apt-get install -y libxml2-utils (.ci/run does this)');
  return { code: result.status, output: result.stderr };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('manifest.xml', () => {
  it('passes the offline XSD check', () => {
    const { code, output } = xmllint(join(root, 'manifest.xml'));
    expect(output).toContain('validates');
    expect(code).toBe(0);
  });

  it('asks for ReadWriteDocument only and uses no shared runtime', () => {
    expect(source).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(source).not.toMatch(/<Runtimes>/);
    expect(source).toMatch(/<ExtensionPoint xsi:type="CustomFunctions">/);
    expect(source).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  it('localizes the functions metadata for zh-cn, zh-tw and zh-hk but never the namespace', () => {
    expect(source).toMatch(/<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json">\s*<bt:Override Locale="zh-cn" Value="https:\/\/localhost:3000\/functions.zh-cn.json"\/>/);
    for (const locale of ['zh-tw', 'zh-hk']) expect(source).toContain(`<bt:Override Locale="${locale}" Value="https://localhost:3000/functions.zh-cn.json"/>`);
    expect(source).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="ASSESS"\/>/);
    expect(source).toMatch(/<DisplayName DefaultValue="[^"]+">\s*<Override Locale="zh-CN" Value="ASSESS 政务服务考核"\/>/);
  });

  it('points every URL at HTTPS', () => {
    const urls = [...source.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000\//);
  });

  it('has icons at 16, 32, 64, 80 and 128 px', () => {
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(join(root, `assets/icon-${size}.png`))).toEqual([size, size]);
  });

  // A whole production build: minutes on a loaded machine, run asynchronously (test/support/run.ts).
  it('builds for a production host with --env host=…', async () => {
    const out = mkdtempSync(join(tmpdir(), 'assess-prod-'));
    await runOk('npx', ['webpack', '--mode', 'production', '--env', 'host=https://zwfw.example.gov.cn/assess', '--output-path', out], { cwd: root, timeoutMs: 600_000 });
    const built = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(built).not.toContain('localhost');
    expect(built).toContain('https://zwfw.example.gov.cn/assess/functions.zh-cn.json');
    expect(xmllint(join(out, 'manifest.xml')).code).toBe(0);
    for (const file of ['functions.js', 'functions.json', 'functions.zh-cn.json', 'functions.html', 'taskpane.html', 'commands.html', 'help.html', 'assets/icon-80.png']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  }, 600_000);
});
