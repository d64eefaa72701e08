/**
 * lib/api/csv: RFC 4180 quoting, the BOM spreadsheet programs need for Chinese, CSV-injection defusing, and a
 * round trip through a parser for arbitrary text (fast-check, fixed seed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, toCsv, UTF8_BOM } from '@/lib/api/csv';

describe('csvField', () => {
  it('leaves plain text and numbers bare', () => {
    expect(csvField('芗城区人民政府')).toBe('芗城区人民政府');
    expect(csvField(80)).toBe('80');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.25)).toBe('0.25');
  });

  it('writes null, undefined and non-finite numbers as empty fields', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-3')).toBe('-3');
    expect(csvField('+86 591')).toBe("'+86 591");
  });
});

describe('toCsv', () => {
  const columns = [
    { header: 'name', value: (r: { name: string; n: number | null }) => r.name },
    { header: 'n', value: (r: { name: string; n: number | null }) => r.n },
  ];

  it('starts with a UTF-8 BOM, ends every line with CRLF', () => {
    const text = toCsv(columns, [
      { name: '芗城区人民政府', n: 80 },
      { name: 'x, y', n: null },
    ]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.slice(1)).toBe('name,n\r\n芗城区人民政府,80\r\n"x, y",\r\n');
  });

  it('round-trips any text through parseCsv', () => {
    const safe = fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.tuple(safe, safe), { minLength: 1, maxLength: 8 }), (rows) => {
        const cols = [
          { header: 'a', value: (r: [string, string]) => r[0] },
          { header: 'b', value: (r: [string, string]) => r[1] },
        ];
        expect(parseCsv(toCsv(cols, rows))).toEqual([['a', 'b'], ...rows.map(([a, b]) => [a, b])]);
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
