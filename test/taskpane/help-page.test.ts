/**
 * help.html (src/taskpane/help.html, copied into dist/ and dist-wps/): the page the pane's 帮助 link
 * and the manifest's SupportUrl open. A real help page, Chinese first and English too: how to start,
 * every function with its Chinese name and description, the built-in rulesets, the pane's actions
 * and what a finding's colour means — within its strict CSP (default-src 'none'; style-src 'self':
 * no script, no inline style).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTION_IDS, fn } from '../../src/functions/names';
import zhCN from '../../src/functions/zh-cn.json';
import { BUILT_IN_IDS } from '../../src/rulesets';

const html = readFileSync(new URL('../../src/taskpane/help.html', import.meta.url), 'utf8');
const zhStart = html.indexOf('<section lang="zh-CN"');
const enStart = html.indexOf('<section lang="en"');
const zh = html.slice(zhStart, enStart);
const en = html.slice(enStart);
const text = (part: string) => part.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('help.html', () => {
  it('keeps its CSP and uses nothing it forbids: no script, no inline style, no handler', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'">`);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/<img\b/i); // img-src is 'none'
    expect(html).not.toMatch(/href="https?:/); // nothing from outside
  });

  it('has a Chinese part first and an English part after it, each with its sections', () => {
    expect(zhStart).toBeGreaterThan(0);
    expect(enStart).toBeGreaterThan(zhStart);
    expect((zh.match(/<h2\b/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect((en.match(/<h2\b/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(text(zh)).toMatch(/考核面板/);
    expect(text(zh)).toMatch(/就地校验/);
    expect(text(zh)).toMatch(/清除标记/);
    expect(text(en)).toMatch(/task pane/i);
  });

  it('lists every function: its ASSESS name, Chinese name and description in Chinese, its name in English', () => {
    for (const id of FUNCTION_IDS) {
      expect(text(zh), id).toContain(`${fn[id]}(`);
      expect(text(zh), id).toContain(zhCN.functions[id].name);
      expect(text(zh), id).toContain(zhCN.functions[id].description);
      expect(text(en), id).toContain(`${fn[id]}(`);
    }
  });

  it('names every built-in ruleset in both parts', () => {
    for (const id of BUILT_IN_IDS) {
      expect(text(zh), id).toContain(id);
      expect(text(en), id).toContain(id);
    }
  });
});
