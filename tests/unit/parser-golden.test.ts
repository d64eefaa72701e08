/**
 * Goldens: the five seeds against their hand-read expected JSON (every key of `expected`, exactly), and the three
 * corpus texts against their summary figures. Files come from ../shared (beside the project, also in CI).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '@/lib/report-parser';
import { DENIED_ROWS, NOT_PROCESSED_ROWS, UNABLE_ROWS, type ApplicationRow } from '@/lib/report-parser/keys';
import type { ParsedReport } from '@/lib/report-parser/types';

const SHARED = path.resolve(process.cwd(), '../shared');
const SEEDS = path.join(SHARED, 'seeds');
const CORPUS = path.join(SHARED, 'corpus');

function parseFile(file: string): ParsedReport {
  const r = parseText(readFileSync(file, 'utf8'), { fileName: path.basename(file) });
  if (!r.ok) throw new Error(`${file}: ${r.error.code} ${r.error.message}`);
  return r.report;
}

const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

describe('seed goldens', () => {
  it('finds the five seeds', () => {
    expect(seeds.length).toBe(5);
  });
  for (const f of seeds) {
    const expected = JSON.parse(readFileSync(path.join(SEEDS, f.replace(/\.txt$/, '.expected.json')), 'utf8')).expected as Record<string, unknown>;
    const report = parseFile(path.join(SEEDS, f)) as unknown as Record<string, unknown>;
    for (const key of Object.keys(expected)) {
      it(`${f}: ${key}`, () => {
        expect(report[key]).toEqual(expected[key]);
      });
    }
    it(`${f}: every extracted table-3 number has a source line`, () => {
      const r = report as unknown as ParsedReport;
      const text = normalizedLines(path.join(SEEDS, f));
      for (const [row, cells] of Object.entries(r.applications)) {
        for (const [col, v] of Object.entries(cells ?? {})) {
          if (v === null) continue;
          const src = r.sources[`applications.${row}.${col}`];
          expect(src, `applications.${row}.${col}`).toBeDefined();
          if (src && src.cell >= 0 && src.raw !== undefined) expect(text[src.line - 1]).toContain(src.raw);
        }
      }
    });
  }
});

function normalizedLines(file: string): string[] {
  const r = parseText(readFileSync(file, 'utf8'));
  return r.text?.split('\n') ?? [];
}

const sum = (r: ParsedReport, rows: readonly ApplicationRow[]): number | null => {
  let s = 0;
  for (const k of rows) {
    const v = r.applications[k]?.total;
    if (v === null || v === undefined) return null;
    s += v;
  }
  return s;
};

describe('corpus texts (summary figures)', () => {
  const files: readonly (readonly [string, string])[] = [
    ['hongze-2023', 'hongze-2023.layout.txt'],
    ['hongze-2024', 'hongze-2024.raw.txt'],
    ['huaian-2024', 'huaian-2024.layout.txt'],
  ];
  for (const [name, file] of files) {
    it(`${name} matches its hand-read figures`, () => {
      const exp = JSON.parse(readFileSync(path.join(CORPUS, `${name}.expected.json`), 'utf8'));
      const r = parseFile(path.join(CORPUS, file));
      const a = r.applications;
      expect(r.template).toBe(exp.template);
      expect({
        new_requests_total: a.newReceived?.total,
        carried_over_total: a.carriedOver?.total,
        granted_total: a.granted?.total,
        partial_total: a.partiallyGranted?.total,
        denied_total: sum(r, DENIED_ROWS),
        unable_total: sum(r, UNABLE_ROWS),
        not_processed_total: sum(r, NOT_PROCESSED_ROWS),
        other_total: a.otherTotal?.total,
        handled_total: a.totalHandled?.total,
        carried_forward_total: a.carriedForward?.total,
        natural_person_new: a.newReceived?.naturalPerson,
        reconsideration: r.reviews.reconsideration,
        litigation_direct: r.reviews.litigationDirect,
        litigation_after_reconsideration: r.reviews.litigationAfterReconsideration,
        fees_collected: r.feesCollectedYuan,
      }).toEqual(exp.expected);
    });
  }

  it('hongze-2023: table 4 printed totals that contradict their parts stay as printed and fail the check', () => {
    const r = parseFile(path.join(CORPUS, 'hongze-2023.layout.txt'));
    const check = r.checks.find((c) => c.id === 'reviews.reconsideration');
    expect(check).toMatchObject({ passed: false, left: 11, right: 0 });
    expect(r.reviews.reconsideration.total).toBe(0);
  });

  it('huaian-2024: every table-3 identity holds', () => {
    const r = parseFile(path.join(CORPUS, 'huaian-2024.layout.txt'));
    const t3 = r.checks.filter((c) => /^(row|outcomes|balance)\./.test(c.id));
    expect(t3.length).toBe(25 + 7 + 7);
    expect(t3.filter((c) => !c.passed)).toEqual([]);
  });
});
