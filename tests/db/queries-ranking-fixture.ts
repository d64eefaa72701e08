/**
 * A small, deterministic set of reports for the ranking, region, search and compare queries, stored through the
 * real ingest (ingestParsed) so that report_totals and its region path are built exactly as in production.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@/db';
import { openTestDb, type DbTarget, type TestDb } from '../helpers/db-targets';
import { ingestParsed, loadRegions } from '@/lib/ingest';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_KINDS, type ApplicationRow } from '@/lib/report-parser/keys';
import type { ApplicantCells, Applications, ParsedReport, ParseResult, Reviews } from '@/lib/report-parser/types';

export interface FixtureReport {
  agencyName: string;
  regionCode: string;
  regionName: string;
  year: number;
  /** Outcome rows with a non-zero total; the rest are 0. newReceived = sum of outcomes, nothing carried. */
  outcomes: Partial<Record<ApplicationRow, number>>;
  reconsideration?: { corrected: number; upheld: number; pending: number };
  synthetic?: boolean;
  /** Words placed in the narrative, for report-text search. */
  overview?: string;
}

function cells(total: number): ApplicantCells {
  const c = Object.fromEntries(APPLICANT_COLUMNS.map((k) => [k, 0])) as ApplicantCells;
  c.naturalPerson = total;
  c.total = total;
  return c;
}

function toParsed(f: FixtureReport): ParsedReport {
  const handled = Object.values(f.outcomes).reduce((s, v) => s + (v ?? 0), 0);
  const applications: Applications = {};
  for (const row of APPLICATION_ROWS) applications[row] = cells(f.outcomes[row] ?? 0);
  applications.newReceived = cells(handled);
  applications.carriedOver = cells(0);
  applications.totalHandled = cells(handled);
  applications.carriedForward = cells(0);
  const reviews = Object.fromEntries(
    REVIEW_KINDS.map((k) => [k, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }]),
  ) as Reviews;
  if (f.reconsideration) {
    const r = f.reconsideration;
    reviews.reconsideration = { ...r, other: 0, total: r.corrected + r.upheld + r.pending };
  }
  return {
    agencyName: f.agencyName,
    regionCode: f.regionCode,
    regionName: f.regionName,
    year: f.year,
    template: '2021',
    publishedOn: null,
    proactive: {},
    applications,
    reviews,
    feesCollectedYuan: 0,
    checks: [
      { id: 'balance.total', passed: true, left: handled, right: handled },
      { id: 'outcomes.total', passed: f.agencyName !== '丰泽区人民政府', left: handled, right: handled },
    ],
    warnings: [],
    agencyKind: null,
    regionCandidates: [],
    documentNumber: null,
    title: `${f.agencyName}${f.year}年政府信息公开工作年度报告`,
    narrative: { overview: f.overview ?? null, problems: null, other: null },
    sources: {},
  };
}

export const FIXTURE_REPORTS: FixtureReport[] = [
  // Fujian 2022: 鲤城区 40/50, 开元街道 9/12, 丰泽区 10/20, 思明区 5/5 (below the minimum of 10 on its own)
  {
    agencyName: '鲤城区人民政府',
    regionCode: '350502',
    regionName: '福建省泉州市鲤城区',
    year: 2022,
    outcomes: { granted: 30, partiallyGranted: 10, deniedProcessInformation: 5, unableNotHeld: 5 },
    reconsideration: { corrected: 1, upheld: 3, pending: 0 },
    overview: '本机关全年共收到政府信息公开申请50件，其中涉及征地拆迁补偿的申请较多。',
  },
  {
    agencyName: '鲤城区人民政府',
    regionCode: '350502',
    regionName: '福建省泉州市鲤城区',
    year: 2021,
    outcomes: { granted: 10, partiallyGranted: 0, unableNotHeld: 10 },
  },
  {
    agencyName: '开元街道办事处',
    regionCode: '350502004',
    regionName: '福建省泉州市鲤城区开元街道',
    year: 2022,
    outcomes: { granted: 9, notProcessedComplaint: 3 },
  },
  {
    agencyName: '丰泽区人民政府',
    regionCode: '350503',
    regionName: '福建省泉州市丰泽区',
    year: 2022,
    outcomes: { granted: 10, deniedStateSecret: 2, deniedThirdPartyRights: 8 },
  },
  {
    agencyName: '思明区人民政府',
    regionCode: '350203',
    regionName: '福建省厦门市思明区',
    year: 2022,
    outcomes: { granted: 5 },
  },
  // Jiangsu 2022: 玄武区 60/100
  {
    agencyName: '玄武区人民政府',
    regionCode: '320102',
    regionName: '江苏省南京市玄武区',
    year: 2022,
    outcomes: { granted: 60, unableNotHeld: 40 },
    reconsideration: { corrected: 4, upheld: 4, pending: 2 },
  },
  // Synthetic (benchmark) data in 鲤城区: must never appear in rankings or search by default.
  {
    agencyName: '鲤城区合成测试局',
    regionCode: '350502',
    regionName: '福建省泉州市鲤城区',
    year: 2022,
    outcomes: { granted: 0, unableNotHeld: 1000 },
    synthetic: true,
    overview: '合成数据 征地拆迁补偿',
  },
];

/** Loads the gazetteer and stores the fixture reports; returns the ids of the stored reports. */
export async function seedRankingFixture(db: Db, reports: FixtureReport[] = FIXTURE_REPORTS): Promise<number[]> {
  await loadRegions(db);
  const ids: number[] = [];
  for (const [i, f] of reports.entries()) {
    const report = toParsed(f);
    const text = `${report.title}\n${f.overview ?? ''}\n`;
    const result: ParseResult = { ok: true, report, text, format: 'text', encoding: 'utf-8' };
    const bytes = new TextEncoder().encode(`${i}:${JSON.stringify(report)}`);
    const out = await ingestParsed(db, { fileName: `fixture-${i}.txt`, bytes, result, synthetic: f.synthetic });
    if (out.status === 'failed' || out.reportId === undefined) {
      throw new Error(`fixture ${i} (${f.agencyName} ${f.year}) was not stored: ${out.code} ${out.message}`);
    }
    ids.push(out.reportId);
  }
  return ids;
}

/**
 * Inside a describe: a fresh database on `target` with the fixture stored before the tests, removed after them.
 * Returns a getter for the database handle.
 */
export function useFixtureDb(target: DbTarget): () => Db {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await openTestDb(target);
    await seedRankingFixture(t.db);
  });
  afterAll(async () => {
    await t?.cleanup();
  });
  return () => {
    if (!t) throw new Error('the fixture database is not open');
    return t.db;
  };
}
