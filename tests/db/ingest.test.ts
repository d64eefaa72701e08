import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db';
import { agencies, ingestFailures, reports, reportTables, reportTotals, type StoredCheck } from '@/db/schema';
import { checkListOf } from '@/lib/ingest/rows';
import { ingestFiles, ingestParsed } from '@/lib/ingest';
import type { ParsedReport } from '@/lib/report-parser/types';
import { generateReports } from '@/lib/synthetic';
import { dbTargets, openTestDb, type TestDb } from '../helpers/db-targets';
import { expectNoPartialReports } from './integrity';
import { completeReport, loadSeeds, okResult } from './seed-reports';

const seeds = loadSeeds();

function clone(r: ParsedReport): ParsedReport {
  return structuredClone(r);
}

describe.each(dbTargets())('ingest on $kind', (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(target);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('stores the seeds with their figures, and the same bytes again are unchanged', async () => {
    for (const s of seeds) {
      const out = await ingestParsed(t.db, { fileName: s.file, bytes: s.bytes, result: okResult(s.text, s.report) });
      expect(out.status).toBe('new');
    }
    for (const s of seeds) {
      const out = await ingestParsed(t.db, { fileName: s.file, bytes: s.bytes, result: okResult(s.text, s.report) });
      expect(out.status).toBe('unchanged');
    }
    const [n] = await t.db.select({ n: count() }).from(reports);
    expect(n?.n).toBe(seeds.length);
    // The source text is stored exactly as given: every figure's line number points into it.
    for (const s of seeds) {
      const [row] = await t.db.select({ text: reports.sourceText }).from(reports).where(eq(reports.sourceFileName, s.file));
      expect(row?.text === s.text, s.file).toBe(true);
    }
    const [licheng] = await t.db
      .select({ slug: agencies.slug, kind: agencies.kind, id: agencies.id })
      .from(agencies)
      .where(eq(agencies.name, '鲤城区人民政府'));
    expect(licheng).toMatchObject({ slug: 'licheng-qu-renmin-zhengfu-350502', kind: 'government' });
    const [tot] = await t.db.select().from(reportTotals).where(eq(reportTotals.agencyId, licheng?.id ?? -1));
    const e = seeds[0]?.report.applications;
    expect(tot).toMatchObject({
      year: 2022,
      isCurrent: true,
      provinceCode: '35',
      cityCode: '3505',
      countyCode: '350502',
      newReceived: e?.newReceived?.total,
      totalHandled: e?.totalHandled?.total,
      carriedForward: e?.carriedForward?.total,
      reconsiderationTotal: seeds[0]?.report.reviews.reconsideration.total,
    });
    const [street] = await t.db.select().from(reportTotals).innerJoin(agencies, eq(agencies.id, reportTotals.agencyId)).where(eq(agencies.name, '开元街道办事处'));
    expect(street?.report_totals.townCode).toBe('350502004');
    expect(street?.agencies.kind).toBe('street');
  });

  it('keeps a changed report for the same agency and year as a new revision, showing the newest', async () => {
    const s = seeds[2];
    if (!s) throw new Error('seed missing');
    const changed = clone(s.report);
    (changed.applications.newReceived as { total: number }).total += 1;
    const bytes = new TextEncoder().encode(`${s.text}\n（更正版）`);
    const out = await ingestParsed(t.db, { fileName: 'corrected.txt', bytes, result: okResult(s.text, changed) });
    expect(out.status).toBe('updated');
    const versions = await t.db
      .select({ id: reports.id, revision: reports.revision, isCurrent: reports.isCurrent })
      .from(reports)
      .innerJoin(agencies, eq(agencies.id, reports.agencyId))
      .where(and(eq(agencies.name, s.report.agencyName ?? ''), eq(reports.year, s.report.year ?? 0)))
      .orderBy(asc(reports.revision));
    expect(versions.map((v) => [v.revision, v.isCurrent])).toEqual([[1, false], [2, true]]);
    const totals = await t.db.select({ id: reportTotals.reportId, isCurrent: reportTotals.isCurrent, nr: reportTotals.newReceived }).from(reportTotals).where(eq(reportTotals.reportId, versions[0]?.id ?? -1));
    expect(totals[0]?.isCurrent).toBe(false);
    const [current] = await t.db.select({ nr: reportTotals.newReceived }).from(reportTotals).where(eq(reportTotals.reportId, out.reportId ?? -1));
    expect(current?.nr).toBe((s.report.applications.newReceived?.total ?? 0) + 1);
  });

  it('stores a source text with quotes, backslashes, JSON-like text, tabs and astral characters exactly', async () => {
    const s = seeds[3];
    if (!s) throw new Error('seed missing');
    const text = `${s.text}\n附：\"引号\" 'single' \\ 反斜杠 \\n 非换行 {"a":[1,2]} \t制表 😀𠀀 \u2028 $1 $$ ?`;
    const report = clone(s.report);
    report.year = 2099; // another year of the same agency: a new report, not a revision
    const out = await ingestParsed(t.db, { fileName: 'odd-text.txt', bytes: new TextEncoder().encode(text), result: okResult(text, report) });
    expect(out.status).toBe('new');
    const [row] = await t.db.select({ text: reports.sourceText }).from(reports).where(eq(reports.id, out.reportId ?? -1));
    expect(row?.text).toBe(text);
  });

  it('records a report it cannot store, with its bytes, and goes on', async () => {
    const bytes = new TextEncoder().encode('no year in here');
    const out = await ingestParsed(t.db, {
      fileName: 'no-year.txt',
      bytes,
      result: okResult('no year in here', completeReport({ agencyName: '某某局', year: null })),
    });
    expect(out).toMatchObject({ status: 'failed', code: 'year-missing' });
    const again = await ingestParsed(t.db, { fileName: 'no-year.txt', bytes, result: { ok: false, error: { code: 'not-a-report', message: 'nope' } } });
    expect(again.status).toBe('failed');
    const rows = await t.db.select().from(ingestFailures).where(eq(ingestFailures.fileName, 'no-year.txt'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ code: 'not-a-report', attempts: 2, size: bytes.byteLength });
    expect(Buffer.from(rows[0]?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('checks identity 7 across years in either order, and recomputes it when a year arrives', async () => {
    const [y2019, y2020, y2021] = [...generateReports(3, { seed: 77, yearsPerAgency: 3, breakRate: 0 })];
    if (!y2019 || !y2020 || !y2021) throw new Error('generator');
    // Make 2020 → 2021 disagree: 2021 says it carried over one more than 2020 carried forward.
    const r2021 = clone(y2021.truth);
    const co = r2021.applications.carriedOver as { naturalPerson: number; total: number };
    co.naturalPerson += 1;
    co.total += 1;
    const store = (r: typeof y2019, report = r.truth) =>
      ingestParsed(t.db, { fileName: r.fileName, bytes: r.bytes, result: okResult(r.text, report), synthetic: true });
    expect((await store(y2021, r2021)).status).toBe('new');
    expect((await store(y2019)).status).toBe('new');
    const carry = async (year: number) => {
      const [row] = rowsOf<{ checks: unknown; total: number; passed_n: number }>(
        await t.db.execute(sql`select c.checks, r.checks_total as total, r.checks_passed as passed_n
          from reports r join agencies a on a.id = r.agency_id left join check_results c on c.report_id = r.id
          where a.name = ${y2019.truth.agencyName} and r.year = ${year} and r.is_current`),
      );
      if (!row) return undefined;
      const checks = (typeof row.checks === 'string' ? JSON.parse(row.checks) : row.checks) as StoredCheck[];
      const c = checks.find((x) => x.checkId === 'carryover.total');
      // The stored order is kept when the list is edited: failures first, then by id.
      expect(checks.map((x) => x.checkId)).toEqual(checkListOf(checks.map((x) => ({ ...x, id: x.checkId, line: x.line ?? undefined }))).map((x) => x.checkId));
      return { passed: c?.passed ?? null, left: c?.left ?? null, right: c?.right ?? null, total: Number(row.total), passedN: Number(row.passed_n), checks };
    };
    expect((await carry(2021))?.passed).toBeNull(); // no 2020 yet
    expect((await store(y2020)).status).toBe('new');
    const c2020 = await carry(2020);
    expect(c2020).toMatchObject({ passed: true, left: y2019.truth.applications.carriedForward?.total });
    const c2021 = await carry(2021);
    expect(c2021).toMatchObject({ passed: false, left: y2020.truth.applications.carriedForward?.total, right: co.total });
    // The counts on the 2021 report include the check that arrived with 2020.
    expect(c2021?.total).toBe(c2021?.checks.length);
    expect(c2021?.passedN).toBe(c2021?.checks.filter((x) => x.passed).length);

    // A corrected 2020 that agrees with 2021: the check on 2021 turns to passed, its counts follow.
    const fixed2020 = clone(y2020.truth);
    const cf = fixed2020.applications.carriedForward as { naturalPerson: number; total: number };
    cf.naturalPerson += 1;
    cf.total += 1;
    const fixedBytes = new TextEncoder().encode(`${y2020.text}\n（更正）`);
    const fixed = await ingestParsed(t.db, { fileName: 'fixed.txt', bytes: fixedBytes, result: okResult(y2020.text, fixed2020), synthetic: true });
    expect(fixed.status).toBe('updated');
    const after = await carry(2021);
    expect(after).toMatchObject({ passed: true, left: cf.total, right: co.total, total: c2021?.total, passedN: (c2021?.passedN ?? 0) + 1 });

    // A 2020 revision with no carried-forward figure: 2021 loses its identity 7 and one check from its counts.
    const blank2020 = clone(y2020.truth);
    delete (blank2020.applications as Record<string, unknown>).carriedForward;
    const blankBytes = new TextEncoder().encode(`${y2020.text}\n（再更正）`);
    expect((await ingestParsed(t.db, { fileName: 'blank.txt', bytes: blankBytes, result: okResult(y2020.text, blank2020), synthetic: true })).status).toBe('updated');
    const gone = await carry(2021);
    expect(gone).toMatchObject({ passed: null, total: (c2021?.total ?? 0) - 1, passedN: c2021?.passedN });
    await expectNoPartialReports(t);
  });

  it('stores synthetic reports of every layout with the generator figures, marked synthetic', async () => {
    const batch = [...generateReports(14, { seed: 5 })];
    for (const r of batch) {
      const out = await ingestParsed(t.db, { fileName: r.fileName, bytes: r.bytes, result: okResult(r.text, r.truth), synthetic: true });
      expect(out.status).toBe('new');
    }
    const last = batch[13];
    const [row] = await t.db.select({ id: reports.id, synthetic: reports.synthetic }).from(reports).where(eq(reports.sourceFileName, last?.fileName ?? ''));
    expect(row?.synthetic).toBe(true);
    const [tables] = await t.db.select().from(reportTables).where(eq(reportTables.reportId, row?.id ?? -1));
    expect(tables?.applications.granted?.total).toBe(last?.truth.applications.granted?.total);
    expect(Object.keys(tables?.applications ?? {}).sort()).toEqual(Object.keys(last?.truth.applications ?? {}).sort());
    expect(tables?.applications.newReceived).toEqual(last?.truth.applications.newReceived);
    expect(tables?.proactive).toEqual(last?.truth.proactive);
    expect(tables?.reviews).toEqual(last?.truth.reviews);
    const failedChecks = last?.truth.checks.filter((c) => !c.passed).length ?? 0;
    const [stored] = await t.db.select({ p: reports.checksPassed, n: reports.checksTotal }).from(reports).where(eq(reports.id, row?.id ?? -1));
    expect((stored?.n ?? 0) - (stored?.p ?? 0)).toBeGreaterThanOrEqual(failedChecks);
    const [syntheticAgencies] = await t.db.select({ n: count() }).from(agencies).where(eq(agencies.synthetic, true));
    expect(syntheticAgencies?.n).toBeGreaterThan(0);
    await expectNoPartialReports(t);
  });

  it('analyzes its tables as they grow, so that the planner sees their size during a bulk load', async () => {
    const reltuples = async () =>
      Number(rowsOf<{ n: number }>(await t.db.execute(sql`select reltuples::float8 as n from pg_class where relname = 'reports'`))[0]?.n);
    for (const r of generateReports(120, { seed: 31 })) {
      await ingestParsed(t.db, { fileName: r.fileName, bytes: r.bytes, result: okResult(r.text, r.truth), synthetic: true });
    }
    // Never analyzed is -1; the 100th report this handle stored ran ANALYZE (lib/ingest/statistics.ts).
    expect(await reltuples()).toBeGreaterThanOrEqual(100);
  });

  it('ingests files through the real parser: folders, failures kept with their bytes, reruns unchanged', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-ingest-files-'));
    try {
      fs.mkdirSync(path.join(dir, 'nested'));
      for (const s of seeds.slice(0, 2)) fs.writeFileSync(path.join(dir, 'nested', s.file), s.bytes);
      fs.writeFileSync(path.join(dir, 'empty.txt'), '');
      const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
      fs.writeFileSync(path.join(dir, 'binary.pdf'), binary);
      fs.writeFileSync(path.join(dir, 'ignored.json'), '{}'); // not a report format: skipped in folders
      const first = await ingestFiles(t.db, [dir]);
      expect(first.total).toBe(4);
      expect(first.failed).toBeGreaterThanOrEqual(2);
      expect(first.new + first.updated + first.unchanged + first.failed).toBe(4);
      const failures = await t.db.select().from(ingestFailures).where(eq(ingestFailures.fileName, 'binary.pdf'));
      expect(failures).toHaveLength(1);
      expect(Buffer.from(failures[0]?.bytes ?? []).equals(Buffer.from(binary))).toBe(true);
      const second = await ingestFiles(t.db, [dir]);
      expect(second.unchanged).toBe(first.new + first.updated + first.unchanged);
      expect(second.failed).toBe(first.failed);
      await expectNoPartialReports(t);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a city-level report: the GB/T 2260 code the parser gives (320800) is stored as the gazetteer city (3208)', async () => {
    const file = path.join(__dirname, '../../data/samples/huaian-2024.pdf');
    const summary = await ingestFiles(t.db, [file]);
    expect(summary.failed).toBe(0);
    const [agency] = await t.db.select({ id: agencies.id, regionCode: agencies.regionCode }).from(agencies).where(eq(agencies.name, '淮安市人民政府'));
    expect(agency?.regionCode).toBe('3208');
    const [totals] = await t.db.select({ province: reportTotals.provinceCode, city: reportTotals.cityCode, county: reportTotals.countyCode })
      .from(reportTotals).where(eq(reportTotals.agencyId, agency?.id ?? -1));
    expect(totals).toEqual({ province: '32', city: '3208', county: null });
  });
});
