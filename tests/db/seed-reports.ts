/**
 * ParsedReports built from the hand-read seeds (../shared/seeds/*.expected.json), so that ingest can be tested
 * independently of the parser's progress.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedReport, ParseResult } from '@/lib/report-parser/types';

export const SEEDS_DIR = path.resolve(process.cwd(), '..', 'shared', 'seeds');

export interface Seed {
  file: string;
  text: string;
  bytes: Uint8Array;
  report: ParsedReport;
}

export function completeReport(partial: Partial<ParsedReport>): ParsedReport {
  return {
    agencyName: null,
    regionCode: null,
    regionName: null,
    year: null,
    template: '2021',
    publishedOn: null,
    proactive: {},
    applications: {},
    reviews: {
      reconsideration: { upheld: null, corrected: null, other: null, pending: null, total: null },
      litigationDirect: { upheld: null, corrected: null, other: null, pending: null, total: null },
      litigationAfterReconsideration: { upheld: null, corrected: null, other: null, pending: null, total: null },
    },
    feesCollectedYuan: null,
    checks: [],
    warnings: [],
    agencyKind: null,
    regionCandidates: [],
    documentNumber: null,
    title: null,
    narrative: { overview: null, problems: null, other: null },
    sources: {},
    ...partial,
  };
}

export function loadSeeds(): Seed[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const doc = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8')) as { file: string; expected: Partial<ParsedReport> };
      const bytes = new Uint8Array(fs.readFileSync(path.join(SEEDS_DIR, doc.file)));
      return { file: doc.file, bytes, text: Buffer.from(bytes).toString('utf8'), report: completeReport(doc.expected) };
    });
}

export function okResult(text: string, report: ParsedReport): ParseResult {
  return { ok: true, report, text, format: 'text', encoding: 'utf-8' };
}
