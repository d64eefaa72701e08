import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../lib/report-parser/decode';
import { parseReport } from '../../lib/report-parser/index';
import { ERROR_CODES, type ParseResult } from '../../lib/report-parser/types';
import { encodeGb18030, encodeUtf16, utf8 } from './fixtures/inputs/encodings';

const SEEDS = path.resolve(__dirname, '../../../shared/seeds');
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));

// Fixed seed: a failure reproduces exactly; fast-check prints the counterexample path.
const PARAMS = { seed: 42, numRuns: 150 } as const;

/** The contract: a typed result, never an exception, never NaN in a report. */
function assertWellTyped(r: ParseResult): void {
  if (r.ok) {
    const rep = r.report;
    expect(typeof rep.template).toBe('string');
    expect(Array.isArray(rep.checks)).toBe(true);
    expect(Array.isArray(rep.warnings)).toBe(true);
    for (const k of ['agencyName', 'regionCode', 'year', 'publishedOn', 'feesCollectedYuan'] as const) {
      expect(k in rep).toBe(true);
    }
    const walk = (v: unknown): void => {
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk([rep.proactive, rep.applications, rep.reviews, rep.feesCollectedYuan]);
    expect(() => JSON.stringify(r.report)).not.toThrow();
  } else {
    expect(ERROR_CODES).toContain(r.error.code);
    expect(typeof r.error.message).toBe('string');
  }
}

type Mutation =
  | { kind: 'delete-cell'; at: number }
  | { kind: 'merge-cells'; at: number }
  | { kind: 'shift-cells'; at: number }
  | { kind: 'swap-lines'; at: number }
  | { kind: 'garble-digit'; at: number; digit: number }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-cell' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('merge-cells' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('shift-cells' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('garble-digit' as const), at: fc.nat(), digit: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Apply one mutation; positions are taken modulo the size so every draw hits something. */
function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const cells = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*\d+\s*$/.test(l) || l.includes('\t') || l.includes('|'));
  const pick = cells.length > 0 ? cells[m.at % cells.length]![1] : m.at % lines.length;
  switch (m.kind) {
    case 'delete-cell':
      lines.splice(pick, 1);
      return lines.join('\n');
    case 'merge-cells':
      if (pick + 1 < lines.length) lines.splice(pick, 2, lines[pick]!.replace(/\s+$/, '') + lines[pick + 1]!.trim());
      return lines.join('\n');
    case 'shift-cells':
      lines.splice(pick, 0, '\t');
      return lines.join('\n');
    case 'swap-lines': {
      const j = Math.min(pick + 1, lines.length - 1);
      [lines[pick], lines[j]] = [lines[j]!, lines[pick]!];
      return lines.join('\n');
    }
    case 'garble-digit':
      lines[pick] = lines[pick]!.replace(/\d/, String(m.digit) + String(m.digit));
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
  }
}

const encodings = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] as const;
function encode(text: string, e: (typeof encodings)[number]): Uint8Array {
  switch (e) {
    case 'utf-8':
      return utf8(text);
    case 'utf-8-bom':
      return utf8(text, true);
    case 'utf-16le':
      return encodeUtf16(text, 'le', true);
    case 'utf-16be':
      return encodeUtf16(text, 'be', true);
    case 'gb18030':
      return encodeGb18030(text);
  }
}

describe('parser properties (fast-check, seed 42)', () => {
  it('mutated seeds in any encoding: a typed result, never a throw, within a time bound', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...encodings),
        async (s, ms, enc) => {
          const text = ms.reduce(mutate, seeds[s]!);
          const t0 = performance.now();
          const r = await parseReport(encode(text, enc), { fileName: `seed-${s}.txt` });
          expect(performance.now() - t0).toBeLessThan(2000);
          assertWellTyped(r);
        },
      ),
      PARAMS,
    );
  });

  it('deleting one number cell keeps the report readable (ok) and all its keys present', async () => {
    const deleteNumber = (text: string, at: number): string => {
      const lines = text.split('\n');
      const numeric = lines.flatMap((l, i) => (/^\s*\d+\s*$/.test(l) ? [i] : []));
      if (numeric.length > 0) lines.splice(numeric[at % numeric.length]!, 1);
      else {
        // Seeds with one row per line: drop one number from a row.
        const rows = lines.flatMap((l, i) => (/\d[\s|]+\d/.test(l) ? [i] : []));
        const i = rows[at % rows.length]!;
        lines[i] = lines[i]!.replace(/\d+(?=[^\d]*$)/, '');
      }
      return lines.join('\n');
    };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: seeds.length - 1 }), fc.nat(), async (s, at) => {
        const r = await parseReport(utf8(deleteNumber(seeds[s]!, at)), { fileName: 'x.txt' });
        assertWellTyped(r);
        expect(r.ok).toBe(true);
        if (r.ok) expect(Object.keys(r.report.reviews).sort()).toEqual(['litigationAfterReconsideration', 'litigationDirect', 'reconsideration']);
      }),
      { ...PARAMS, numRuns: 60 },
    );
  });

  it('re-encoding alone never changes the parsed figures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: seeds.length - 1 }), fc.constantFrom(...encodings), async (s, enc) => {
        const a = await parseReport(utf8(seeds[s]!), { fileName: 'a.txt' });
        const b = await parseReport(encode(seeds[s]!, enc), { fileName: 'a.txt' });
        expect(a.ok && b.ok).toBe(true);
        if (a.ok && b.ok) {
          expect(b.report.applications).toEqual(a.report.applications);
          expect(b.report.reviews).toEqual(a.report.reviews);
          expect(b.report.agencyName).toBe(a.report.agencyName);
        }
      }),
      { ...PARAMS, numRuns: 25 },
    );
  });

  it('random bytes: never a throw, never ok', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), async (bytes) => {
        const d = await decodeInput(bytes, 'r.bin');
        if (!d.ok) expect(ERROR_CODES).toContain(d.error.code);
        const r = await parseReport(bytes, { fileName: 'r.bin' });
        assertWellTyped(r);
        expect(r.ok).toBe(false);
      }),
      { ...PARAMS, numRuns: 200 },
    );
  });

  it('random text: never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000, unit: 'grapheme' }), async (text) => {
        assertWellTyped(await parseReport(utf8(text), { fileName: 't.txt' }));
      }),
      { ...PARAMS, numRuns: 200 },
    );
  });
});
