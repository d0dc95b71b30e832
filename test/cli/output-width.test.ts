/**
 * Issue 23: the table's widths without string-width for Chinese text. width() and fit() count
 * printable ASCII and the wide CJK blocks themselves (src/cli/output.ts isWide); over generated
 * strings of CJK ideographs, ASCII, combining marks, emoji (with ZWJ and variation selectors),
 * full-width punctuation, Hangul syllables and jamo, kana, control and invisible characters, the
 * answer must be string-width's, and fit() must cut where the per-character count of string-width
 * (as it read before) cuts.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fit, printable, width } from '../../src/cli/output';

const PIECES = [
  '锦江区', '城关镇', '龍泉驛區', '合计', '㐀', '鿿', '一', // CJK ideographs (Extension A, the unified block's ends)
  'abc', 'Z', ' ', '~', '9', // printable ASCII
  '\u0301', '\u0300', '\u20dd', '\u302a', // combining marks (one on a CJK character: 中\u0301)
  '😀', '👍🏽', '👨‍👩‍👧', '❤️', '☺', '\u200d', '\ufe0f', // emoji, modifiers, ZWJ, variation selector
  '，', '。', '！', '（', '）', '：', '、', '\u3000', '〃', '〿', '～', '｡', '￠', // full-width and CJK punctuation, half-width forms
  '한', '가', '\u1100', '\u1161', '\u11a8', // Hangul syllables and jamo
  'ひらがな', 'カタカナ', 'ｶ', // kana, half-width katakana
  '\u0007', '\t', '\u001b[31m', '\u200b', '\u202e', '\ud800', // controls, invisible, bidi, a lone surrogate
  'Ａ', 'ａ', '\uf900', '\ufaff', '\ua48c', '\ua490', '\uac00', '\ud7a3', // full-width letters, block edges
  '×', '·', '−', '≤', '÷', '○', '‰', '\u00ad', '\u2028', '\u0e33', '\u093f', '\u20e3', // symbols of 计算说明 (counted alone), and characters that join their neighbours
];

const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.integer({ min: 0x20, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCharCode(c))), { maxLength: 12 }).map((parts) => parts.join(''));

/** fit as it read before the fast path: string-width per code point. */
function fitBefore(input: string, max: number): string {
  const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
  let w = 0;
  let end = 0;
  let i = 0;
  for (const ch of input) {
    const code = ch.charCodeAt(0);
    w += code >= 0x20 && code < 0x7f ? 1 : CONTROL.test(ch) ? 1 : stringWidth(ch);
    if (w > max) return `${printable(input.slice(0, end))}…`;
    i += ch.length;
    if (w <= max - 1) end = i;
  }
  return printable(input);
}

describe('table widths without string-width (issue 23)', () => {
  it('width() is string-width’s answer on CJK, ASCII, combining marks, emoji, full-width punctuation, Hangul and controls', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(width(s)).toBe(stringWidth(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('every BMP character alone is as wide as string-width says', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const s = String.fromCharCode(c);
      if (width(s) !== stringWidth(s)) throw new Error(`U+${c.toString(16)}: ${width(s)} vs ${stringWidth(s)}`);
    }
  });

  it('fit() cuts where it cut before', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 30 }), (s, max) => {
        expect(fit(s, max)).toBe(fitBefore(s, max));
      }),
      { numRuns: 20_000 },
    );
  });

  it('hand-counted: 锦江区 is 6 columns, 锦江区abc 9, 中\u0301 (a mark on it) 2, 合计（2）9 (2 + 2 + 2 + 1 + 2)', () => {
    expect([width('锦江区'), width('锦江区abc'), width('中\u0301'), width('合计（2）')]).toEqual([6, 9, 2, 9]);
    expect(fit('锦江区成华区', 7)).toBe('锦江区…');
  });
});
