/**
 * src/excel/addresses.ts — A1 addresses and sheet names shared by the Excel operations and the pane:
 * column letters (bijective base 26, A…XFD), 0-based row/column ↔ A1, parsing Excel's own address
 * strings (quoted sheet names with doubled apostrophes), and new sheet names that follow Excel's
 * rules (≤ 31 characters, none of : \ / ? * [ ], no apostrophe at either end) without colliding
 * with an existing sheet, compared case-insensitively as Excel compares them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1, cleanSheetName, columnLetters, parseAddress, quoteSheet, uniqueSheetName } from '../../src/excel/addresses';

/** Excel's rules for a sheet name (the ones worksheets.add enforces). */
function isValidSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

describe('columnLetters (0-based column → letters)', () => {
  it('single, double and triple letters, up to XFD (the last Excel column)', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(2)).toBe('C');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(27)).toBe('AB');
    expect(columnLetters(51)).toBe('AZ');
    expect(columnLetters(52)).toBe('BA');
    expect(columnLetters(701)).toBe('ZZ');
    expect(columnLetters(702)).toBe('AAA');
    expect(columnLetters(16383)).toBe('XFD');
  });

  it('round-trips through parseAddress for every Excel column', () => {
    for (let column = 0; column < 16384; column++) {
      expect(parseAddress(`${columnLetters(column)}1`).column).toBe(column);
    }
  });
});

describe('a1 (0-based row, column → "C5")', () => {
  it('rows are 1-based in A1 notation', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(4, 2)).toBe('C5');
    expect(a1(9999, 27)).toBe('AB10000');
    expect(a1(1048575, 16383)).toBe('XFD1048576');
  });
});

describe('quoteSheet', () => {
  it('always quotes, doubling apostrophes inside the name', () => {
    expect(quoteSheet('数据')).toBe("'数据'");
    expect(quoteSheet('计分表 1')).toBe("'计分表 1'");
    expect(quoteSheet("Bob's")).toBe("'Bob''s'");
    expect(quoteSheet("''")).toBe("''''''");
  });
});

describe('parseAddress (Excel address → sheet and top-left 0-based row/column)', () => {
  it('unquoted and quoted sheet names, ranges and single cells', () => {
    expect(parseAddress('Sheet1!C5:F9')).toEqual({ sheet: 'Sheet1', row: 4, column: 2 });
    expect(parseAddress("'My sheet'!C5")).toEqual({ sheet: 'My sheet', row: 4, column: 2 });
    expect(parseAddress('数据!AB10000')).toEqual({ sheet: '数据', row: 9999, column: 27 });
    expect(parseAddress("'计分表 数据 (2)'!A4:AD13")).toEqual({ sheet: '计分表 数据 (2)', row: 3, column: 0 });
  });

  it('doubled apostrophes, and a "!" inside a quoted name', () => {
    expect(parseAddress("'Bob''s'!B2")).toEqual({ sheet: "Bob's", row: 1, column: 1 });
    expect(parseAddress("'A!B'!C3")).toEqual({ sheet: 'A!B', row: 2, column: 2 });
  });

  it('absolute references and a bare address (no sheet → "")', () => {
    expect(parseAddress('$C$5')).toEqual({ sheet: '', row: 4, column: 2 });
    expect(parseAddress('Sheet1!$AA$1:$AB$2')).toEqual({ sheet: 'Sheet1', row: 0, column: 26 });
  });

  it('round-trips quoteSheet for any name Excel allows', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 31 }), fc.nat(1048575), fc.nat(16383), (name, row, column) => {
        expect(parseAddress(`${quoteSheet(name)}!${a1(row, column)}`)).toEqual({ sheet: name, row, column });
      }),
      { seed: 20240601, numRuns: 500 },
    );
  });

  it('throws on text that is not an A1 address', () => {
    expect(() => parseAddress('Sheet1!')).toThrow(/not an A1 address/);
    expect(() => parseAddress('Sheet1!1:3')).toThrow(/not an A1 address/); // whole rows have no column
    expect(() => parseAddress('总分')).toThrow(/not an A1 address/);
  });
});

describe('cleanSheetName', () => {
  it('replaces the characters Excel forbids with "_"', () => {
    expect(cleanSheetName('a:b\\c/d?e*f[g]h')).toBe('a_b_c_d_e_f_g_h');
    expect(cleanSheetName('2024/06 考核')).toBe('2024_06 考核');
  });

  it('strips apostrophes at either end, trims, and names an empty result ASSESS', () => {
    expect(cleanSheetName("'考核'")).toBe('考核');
    expect(cleanSheetName('   ')).toBe('ASSESS');
    expect(cleanSheetName("''")).toBe('ASSESS');
    expect(cleanSheetName("Bob's")).toBe("Bob's");
  });

  it('cuts to 31 characters', () => {
    expect(cleanSheetName('x'.repeat(40))).toBe('x'.repeat(31));
    expect(cleanSheetName('计'.repeat(40))).toHaveLength(31);
  });
});

describe('uniqueSheetName', () => {
  it('keeps a free name and numbers a taken one from (2)', () => {
    expect(uniqueSheetName('计分表 Sheet1', ['Sheet1'])).toBe('计分表 Sheet1');
    expect(uniqueSheetName('计分表 Sheet1', ['Sheet1', '计分表 Sheet1'])).toBe('计分表 Sheet1 (2)');
    expect(uniqueSheetName('计分表 Sheet1', ['计分表 Sheet1', '计分表 Sheet1 (2)'])).toBe('计分表 Sheet1 (3)');
    // A gap is reused: (2) is free again.
    expect(uniqueSheetName('计分表 Sheet1', ['计分表 Sheet1', '计分表 Sheet1 (3)'])).toBe('计分表 Sheet1 (2)');
  });

  it('compares case-insensitively, as Excel does', () => {
    expect(uniqueSheetName('Sheet1', ['SHEET1'])).toBe('Sheet1 (2)');
    expect(uniqueSheetName('录入 chengdu2006', ['录入 CHENGDU2006', '录入 Chengdu2006 (2)'])).toBe('录入 chengdu2006 (3)');
  });

  it('stays within 31 characters when the suffix is added (base cut, suffix kept)', () => {
    const long = '计分表 ' + 'a'.repeat(40);
    const base = cleanSheetName(long);
    expect(base).toHaveLength(31);
    expect(uniqueSheetName(long, [])).toBe(base);
    const second = uniqueSheetName(long, [base]);
    expect(second).toBe(base.slice(0, 27) + ' (2)');
    expect(second).toHaveLength(31);
    // Ten and more: the suffix grows to five characters, the base shrinks to 26.
    const taken = [base, ...Array.from({ length: 8 }, (_, k) => base.slice(0, 27) + ` (${k + 2})`)];
    expect(uniqueSheetName(long, taken)).toBe(base.slice(0, 26) + ' (10)');
    expect(uniqueSheetName(long, taken)).toHaveLength(31);
  });

  it('cleans forbidden characters before comparing', () => {
    expect(uniqueSheetName('规则 a/b', ['规则 a_b'])).toBe('规则 a_b (2)');
  });

  it('property: the name is valid for Excel and not taken (names without apostrophes)', () => {
    const name = fc.string({ maxLength: 40 }).map((s) => s.replace(/'/g, ''));
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 12 }), (wanted, others) => {
        // Taken names are existing sheets, so valid themselves; include the wanted one and its (2).
        const taken = [...others.map(cleanSheetName), cleanSheetName(wanted), uniqueSheetName(wanted, [cleanSheetName(wanted)])];
        const chosen = uniqueSheetName(wanted, taken);
        expect(isValidSheetName(chosen)).toBe(true);
        expect(taken.map((t) => t.toLowerCase())).not.toContain(chosen.toLowerCase());
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  // Fixed bug (src/excel/addresses.ts cleanSheetName): the apostrophes are stripped BEFORE trim() and
  // slice(0, 31), so a name can still start or end with one, which Excel refuses
  // ("sheet names cannot begin or end with an apostrophe") — worksheets.add(name) then fails.
  it('never returns a name that begins or ends with an apostrophe', () => {
    expect(isValidSheetName(cleanSheetName(" 'abc' "))).toBe(true); // → "'abc'"
    expect(isValidSheetName(cleanSheetName('计分表 ' + 'x'.repeat(26) + "'s"))).toBe(true); // 31st char is "'"
  });
});
