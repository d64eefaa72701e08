/**
 * The hand-written UTF-8 → UTF-16 transcoder in decode.ts (twice as fast as Buffer's for CJK text) must give
 * exactly what the platform decoder gives, astral characters and U+FFFD included, and count junk the same way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeInput, junkRatio, utf8ByLoop } from '@/lib/report-parser/decode';

const enc = new TextEncoder();

describe('UTF-8 decoding', () => {
  it('equals TextDecoder on arbitrary text (BMP, astral, CJK, controls)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }), async (s) => {
        const text = `政府信息公开${s}`;
        const res = await decodeInput(enc.encode(text), 'x.txt');
        if (!res.ok) return; // junk-heavy strings are rejected as binary: the same rule as before
        expect(res.text).toBe(text.replace(/\r\n?/g, '\n'));
        expect(res.encoding).toBe('utf-8');
      }),
      { numRuns: 300 },
    );
  });

  it('rejects text whose junk share is 1% or more, exactly as junkRatio measures it', async () => {
    const clean = '年度报告'.repeat(50);
    const junky = `${clean}${'\u0001'.repeat(3)}`;
    expect(junkRatio(junky)).toBeGreaterThan(0.01);
    expect((await decodeInput(enc.encode(junky), 'a.txt')).ok).toBe(false);
    const withFffd = `${clean}\ufffd\ufffd\ufffd`;
    expect(junkRatio(withFffd)).toBeGreaterThan(0.01);
    expect((await decodeInput(enc.encode(withFffd), 'b.txt')).ok).toBe(false);
    const emoji = `${clean}😀𠀀`;
    const ok = await decodeInput(enc.encode(emoji), 'c.txt');
    expect(ok.ok && ok.text).toBe(emoji);
  });

  it('the conversion used without ICU equals TextDecoder too (BOM kept, astral characters, U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const bytes = enc.encode(`\ufeff${s}`);
        expect(utf8ByLoop(bytes)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
      }),
      { numRuns: 300 },
    );
  });
});
