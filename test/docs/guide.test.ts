/**
 * docs/使用说明.md, the guide in Chinese for the clerks who use ASSESS (issue 22.2), and the
 * README's walkthrough: the guide is linked first from the README, explains every kind of finding
 * the program can report (src/core/result.ts, in the words FINDING_KIND_WORDS gives them) and every
 * function with its Chinese name from src/functions/zh-cn.json, covers installing for one person
 * and for an office in Excel and in WPS, shows only pictures that exist, and names no machine path;
 * the README's First steps writes its scorecard where git ignores it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FINDING_KIND_WORDS } from '../../src/core/text';
import { FUNCTION_IDS, fn } from '../../src/functions/names';
import zhCN from '../../src/functions/zh-cn.json';

const root = new URL('../../', import.meta.url).pathname;
const GUIDE = 'docs/使用说明.md';
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const guide = existsSync(join(root, GUIDE)) ? read(GUIDE) : '';
/** The guide's text under a `## …` heading containing `title`, up to the next `## `. */
function section(title: string): string {
  const start = guide.split(/^## /m).find((part) => part.startsWith(title) || part.split('\n')[0].includes(title));
  return start ?? '';
}

describe('docs/使用说明.md', () => {
  it('exists and is the first link of the README, with an English pointer', () => {
    expect(guide.length).toBeGreaterThan(2000);
    const readme = read('README.md');
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(links[0]).toBe(GUIDE);
    expect(readme.slice(0, readme.indexOf('## '))).toMatch(/guide in Chinese/i);
  });

  it('explains every kind of finding, by the Chinese word the program prints', () => {
    const findings = section('检查结果');
    expect(findings).not.toBe('');
    const missing = Object.entries(FINDING_KIND_WORDS).filter(([, words]) => !findings.includes(`**${words.zh}**`)).map(([kind]) => kind);
    expect(missing).toEqual([]);
  });

  it('lists every function with its Chinese name and description', () => {
    const functions = section('函数');
    for (const id of FUNCTION_IDS) {
      expect(functions, id).toContain(`\`${fn[id]}`);
      expect(functions, id).toContain(zhCN.functions[id].name);
      expect(functions, id).toContain(zhCN.functions[id].description);
    }
  });

  it('covers installing for one person and for an office, in Excel and in WPS', () => {
    const install = section('安装');
    for (const words of ['旁加载', '共享文件夹', '受信任的加载项目录', '集中部署', 'publish.xml', 'jsplugins.xml', 'oem.ini', 'jsaddons', 'npm link']) {
      expect(install, words).toContain(words);
    }
  });

  it('shows pictures that exist, and only pictures under docs/', () => {
    const pictures = [...guide.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(pictures.length).toBeGreaterThanOrEqual(4);
    for (const picture of pictures) expect(existsSync(join(root, 'docs', picture)), picture).toBe(true);
  });

  it('names files by their path in the repository, never a machine path', () => {
    for (const file of [GUIDE, 'README.md', 'examples/EXPECTED.md']) expect(read(file), file).not.toMatch(/\/work\/|\/home\/|\/tmp\/|\/root\/|[A-Z]:\\Users/);
  });
});

/** The guide's fenced blocks (no language tag), in order. */
const blocks = [...guide.matchAll(/^```\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
const block = (start: string) => blocks.find((text) => text.startsWith(start)) ?? '';
const cli = (args: string[], cwd = root) => promisify(execFile)(process.execPath, [join(root, 'bin/assess.js'), ...args], { cwd, encoding: 'utf8' });

describe('the guide\'s examples are what the program gives', () => {
  it('the ruleset table of section 五 scores the four 科室 as the guide shows (worked by hand there: 83, 86, 58.8, 60)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-guide-'));
    const rules = block('类型,编码,名称');
    const data = block('单位,基础工作');
    expect(rules).not.toBe('');
    expect(data).not.toBe('');
    writeFileSync(join(dir, '科室规则.csv'), rules);
    writeFileSync(join(dir, '科室数据.csv'), data);
    const shown = block('单位  得分  名次  等次');
    // By hand (the guide's own arithmetic): 一科 78.5 + min(min(2×2+1×3, 5) + min(2, 3), 6) − 1.5 = 83 良好;
    // 二科 80 (empty = 满分) + min(5 + 3, 6) = 86 优秀; 三科 60.3 − 1.5 = 58.8 不合格; 四科 60 合格.
    expect(shown.split('\n').filter(Boolean).map((line) => line.trim().split(/\s+/))).toEqual([
      ['单位', '得分', '名次', '等次', '提示'],
      ['一科', '83', '2', '良好'],
      ['二科', '86', '1', '优秀'],
      ['三科', '58.8', '4', '不合格'],
      ['四科', '60', '3', '合格'],
    ]);
    const { stdout } = await cli(['score', '科室数据.csv', '--rules', '科室规则.csv'], dir);
    expect(stdout).toBe(shown);
  }, 60_000);
});

describe("README's First steps", () => {
  it('writes its scorecard into a folder git ignores, never the repository root', async () => {
    const readme = read('README.md');
    const steps = readme.slice(readme.indexOf('## First steps'), readme.indexOf('\n## ', readme.indexOf('## First steps') + 1));
    const outs = [...steps.matchAll(/--out (\S+?)`/g)].map((m) => m[1]);
    expect(outs.length).toBeGreaterThan(0);
    for (const out of outs) {
      expect(out, 'a folder, not the repository root').toContain('/');
      // git check-ignore exits 0 when the path is ignored.
      await expect(promisify(execFile)('git', ['check-ignore', '--no-index', '-q', out], { cwd: root })).resolves.toBeDefined();
    }
  });
});
