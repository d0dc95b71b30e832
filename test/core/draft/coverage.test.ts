/**
 * Issue 21: no rule sentence silently missed. In each of the five regulations, every sentence that
 * states points (a number before 分), yuan, a share (%) or a rank (第N名/前N名) is either quoted by a
 * drafted record or listed in `unread`. The sentence test here is its own regex, not the drafter's.
 * A judged table row's description (a 目标任务 with its targets) counts as drafted by its item.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blocksFromText, draftRuleset, readingOf } from '../../../src/core/draft';

const shared = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'regulations');
const FILES = ['chengdu2006.md', 'county2013.md', 'govinfo.md', 'tacheng2020.md', 'township2022-table.md'];
const STATES = /\d\s*分(?!钟)|[一二三四五六七八九十]分(?!钟|之|别|为|管)|\d\s*元|\d\s*%|第[一二三四五六七八九十\d]+名|前[一二三四五六七八九十两\d]+名/;
const plain = (s: string) => readingOf(s).text.replace(/[\s,，。;；:：、“”"()（）|]/g, '');

describe('every rule sentence is drafted or unread', () => {
  for (const file of FILES) {
    it(file, () => {
      const text = readFileSync(join(shared, file), 'utf8');
      const result = draftRuleset({ name: file, blocks: blocksFromText(text) });
      const { draft } = result;
      const quotes = [...draft.items, ...draft.groups, ...draft.totals, ...draft.grades, ...draft.levels, ...draft.thresholds, ...result.unread]
        .flatMap((r) => r.quote.split('……'))
        .map(plain)
        .filter((q) => q.length >= 3);
      const sentences = text
        .split(/[。；;\n]/)
        .filter((s) => !s.startsWith('来源') && !/^\s*\|?\s*编码/.test(s))
        .flatMap((s) => (s.includes('|') ? s.split('|') : [s]))
        .filter((s) => STATES.test(readingOf(s).text));
      // A sentence is covered when a quote holds it, it holds a quote, or each of its marks is quoted with the words around it.
      const marks = new RegExp(STATES.source, 'g');
      const missed = sentences.filter((s) => {
        const p = plain(s);
        if (quotes.some((q) => p.includes(q) || q.includes(p))) return false;
        return Array.from(p.matchAll(marks)).some((m) => {
          const at = m.index ?? 0;
          const window = p.slice(Math.max(0, at - 3), at + m[0].length);
          return !quotes.some((q) => q.includes(window));
        });
      });
      expect(missed).toEqual([]);
    });
  }
});
