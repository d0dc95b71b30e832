/**
 * The marks record both hosts share (src/host/marks-record.ts): its text, chunks, the earlier
 * formats it still reads, and its errors. Values worked by hand: FNV-1a of "" is the offset basis
 * 811c9dc5; BGR 13563135 = 255 + 244·256 + 206·65536 is #FFF4CE.
 */
import { describe, expect, it } from 'vitest';
import { AssessError } from '../../src/core/errors';
import { ANY_NOTE, MARKS_RECORD_CHUNK, MARKS_SHEET_WHERE, bgrToHex, decodeMarksRecord, encodeMarksRecord, hexToBgr, noteHash, patternName, patternNumber } from '../../src/host/marks-record';

describe('marks record', () => {
  it('encodes as {"assess":"marks","version":1,"cells":[…]} and decodes back', () => {
    const cells = [{ sheet: '汇总表', cell: 'B2', fill: { pattern: 'None', color: '#FFFFFF' }, noted: noteHash('n') }];
    const parts = encodeMarksRecord(cells);
    expect(parts).toHaveLength(1);
    expect(JSON.parse(parts[0])).toEqual({ assess: 'marks', version: 1, cells });
    expect(decodeMarksRecord(parts, MARKS_SHEET_WHERE)).toEqual(cells);
    expect(encodeMarksRecord([])).toEqual(['{"assess":"marks","version":1,"cells":[]}']);
  });

  it('a long record is cut into chunks no longer than a cell takes, read back whole (blank cells skipped)', () => {
    const cells = Array.from({ length: 2000 }, (_, i) => ({ sheet: '汇总表', cell: `C${i + 1}`, fill: { pattern: 'Solid', color: '#FDE7E9', patternColor: '#000000' } }));
    const parts = encodeMarksRecord(cells);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MARKS_RECORD_CHUNK);
    expect(MARKS_RECORD_CHUNK).toBeLessThanOrEqual(32_767);
    expect(decodeMarksRecord([...parts, null, ''], MARKS_SHEET_WHERE)).toEqual(cells);
  });

  it('no text: no marks', () => {
    expect(decodeMarksRecord([], MARKS_SHEET_WHERE)).toEqual([]);
    expect(decodeMarksRecord([null, ''], MARKS_SHEET_WHERE)).toEqual([]);
  });

  it('reads the Office setting of earlier versions (a bare array of Office entries) as it is', () => {
    const earlier = [{ sheet: 'S', cell: 'A1', fill: { color: '#FFFFFF', pattern: 'None', tintAndShade: 0 }, noted: 'abcdef01' }];
    expect(decodeMarksRecord([JSON.stringify(earlier)], { zh: '工作簿设置 assess.marks', en: 'workbook setting assess.marks' })).toEqual(earlier);
  });

  it('reads the ET sheet of earlier versions (BGR longs, XlPattern numbers, noted: true)', () => {
    const earlier = [
      { sheet: '汇总表', cell: 'B2', pattern: -4142, color: 16777215, patternColor: 0, noted: true },
      { sheet: '汇总表', cell: 'B3', pattern: 1, color: 13563135, patternColor: 0, noted: false },
    ];
    expect(decodeMarksRecord([JSON.stringify(earlier)], MARKS_SHEET_WHERE)).toEqual([
      { sheet: '汇总表', cell: 'B2', fill: { pattern: 'None', color: '#FFFFFF', patternColor: '#000000' }, noted: ANY_NOTE },
      { sheet: '汇总表', cell: 'B3', fill: { pattern: 'Solid', color: '#FFF4CE', patternColor: '#000000' } },
    ]);
  });

  it('a damaged record, or one of a later version, is a bilingual error naming where it is', () => {
    const damaged = () => decodeMarksRecord(['{"assess":"marks","vers'], MARKS_SHEET_WHERE);
    expect(damaged).toThrow(AssessError);
    expect(damaged).toThrow(/标记记录（工作表 ASSESS_marks）已损坏.*sheet ASSESS_marks/);
    expect(() => decodeMarksRecord(['[{"sheet":1}]'], MARKS_SHEET_WHERE)).toThrow(/已损坏/);
    expect(() => decodeMarksRecord(['{"assess":"marks","version":2,"cells":[]}'], MARKS_SHEET_WHERE)).toThrow(/第 2 版.*version 2/);
  });

  it('notes by hash (FNV-1a 32 bits of the UTF-8 bytes), colours BGR ↔ hex, patterns by number and name', () => {
    expect(noteHash('')).toBe('811c9dc5');
    // "a" (0x61): (0x811c9dc5 ^ 0x61) · 0x01000193 mod 2³² = 0xe40c292c.
    expect(noteHash('a')).toBe('e40c292c');
    expect(bgrToHex(13563135)).toBe('#FFF4CE');
    expect(bgrToHex(255)).toBe('#FF0000');
    expect(hexToBgr('#FFF4CE')).toBe(13563135);
    expect(hexToBgr('red')).toBeNull();
    expect(patternName(-4142)).toBe('None');
    expect(patternName(-4125)).toBe('Gray50');
    expect(patternName(99)).toBeNull();
    expect(patternNumber('solid')).toBe(1);
    expect(patternNumber('LightUp')).toBe(14);
  });
});
