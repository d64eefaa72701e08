import fs from 'node:fs';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db';
import { migrate, migrationsFolder } from '@/db/migrate';
import { agencies, regions, reports, reportTables } from '@/db/schema';
import { ingestParsed } from '@/lib/ingest';
import { loadRegions } from '@/lib/ingest/regions';
import { dbTargets, openTestDb, type TestDb } from '../helpers/db-targets';
import { loadSeeds, okResult } from './seed-reports';

describe.each(dbTargets())('schema and regions on $kind', (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(target);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('applies the migrations, with pg_trgm, and applying them again changes nothing', async () => {
    await migrate(t.db);
    const tables = rowsOf<{ table_name: string }>(
      await t.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`),
    ).map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining(['agencies', 'check_results', 'ingest_failures', 'regions', 'report_tables', 'report_totals',
        'reports']),
    );
    const [sim] = rowsOf<{ s: number }>(await t.db.execute(sql`select similarity('鲤城区', '鲤城') as s`));
    expect(Number(sim?.s)).toBeGreaterThan(0.3);
    const [trgm] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from pg_indexes where indexname = 'agencies_name_trgm_idx'`),
    );
    expect(Number(trgm?.n)).toBe(1);
  });

  it('compresses source texts, tables and provenance with lz4 where the server has it, and keeps pglz where it does not', async () => {
    const [has] = rowsOf<{ lz4: boolean }>(
      await t.db.execute(sql`select exists (select 1 from pg_settings
        where name = 'default_toast_compression' and 'lz4' = any (enumvals)) as lz4`),
    );
    // Every large column written with each report. A change of a column's type resets its compression (0007 did,
    // 0008 set it back), so all of them are listed, not only the source text.
    const large = [
      'reports.source_text', 'reports.sources', 'reports.narrative', 'reports.warnings',
      'report_tables.applications', 'report_tables.reviews', 'report_tables.proactive', 'check_results.checks',
      'ingest_failures.bytes',
    ];
    const cols = rowsOf<{ col: string; c: string }>(
      await t.db.execute(sql`select c.relname || '.' || a.attname as col, a.attcompression::text as c
        from pg_attribute a join pg_class c on c.oid = a.attrelid
        where c.relname in ('reports', 'report_tables', 'check_results', 'ingest_failures') and a.attnum > 0
          and not a.attisdropped and a.atttypid in ('text'::regtype, 'json'::regtype, 'bytea'::regtype)`),
    );
    const byName = new Map(cols.map((r) => [r.col, r.c]));
    // Debian's PostgreSQL 15 is built with lz4, PGlite is not: each target pins one branch of the migrations.
    expect(has?.lz4).toBe(target.kind === 'postgres');
    expect(Object.fromEntries(large.map((k) => [k, byName.get(k)]))).toEqual(
      Object.fromEntries(large.map((k) => [k, has?.lz4 ? 'l' : ''])),
    );
  });

  it('has the gazetteer loaded once, with 市辖区 skipped and codes as the parser gives them', async () => {
    const [n] = await t.db.select({ n: count() }).from(regions);
    expect(n?.n).toBeGreaterThan(44_000);
    expect(await loadRegions(t.db)).toBe(0); // already loaded: nothing inserted
    const licheng = await t.db.select().from(regions).where(eq(regions.code, '350502'));
    expect(licheng[0]).toMatchObject({ name: '鲤城区', level: 3, parentCode: '3505', fullName: '福建省泉州市鲤城区', slug: 'licheng-qu-350502' });
    const kaiyuan = await t.db.select().from(regions).where(eq(regions.code, '350502004'));
    expect(kaiyuan[0]).toMatchObject({ name: '开元街道', level: 4, parentCode: '350502' });
    // 东城区 hangs under 北京市 directly: the 市辖区 placeholder (1101) is not a row.
    const dongcheng = await t.db.select().from(regions).where(eq(regions.code, '110101'));
    expect(dongcheng[0]?.parentCode).toBe('11');
    expect(await t.db.select().from(regions).where(eq(regions.code, '1101'))).toHaveLength(0);
    const [dupSlugs] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from (select slug from regions group by slug having count(*) > 1) d`),
    );
    expect(Number(dupSlugs?.n)).toBe(0);
  });

  it('starts with no agencies', async () => {
    const [n] = await t.db.select({ n: count() }).from(agencies);
    expect(n?.n).toBe(0);
  });

  it('carries tables 1, 3 and 4 over from their row-per-figure tables into one row per report (migration 0005)', async () => {
    const seed = loadSeeds()[0];
    if (!seed) throw new Error('no seed');
    await ingestParsed(t.db, { fileName: seed.file, bytes: seed.bytes, result: okResult(seed.text, seed.report) });
    const [report] = await t.db.select({ id: reports.id }).from(reports);
    const id = report?.id ?? -1;
    // The tables as migrations 0000–0004 left them, holding this report's figures; its new row not yet written.
    await t.db.execute(sql`delete from report_tables`);
    await t.db.execute(sql`create table application_rows (report_id integer not null, row_key text not null,
      natural_person integer, commercial_enterprise integer, research_institution integer, public_interest_org integer,
      legal_service_org integer, other_org integer, total integer, primary key (report_id, row_key))`);
    await t.db.execute(sql`create table review_rows (report_id integer not null, kind text not null, upheld integer,
      corrected integer, other integer, pending integer, total integer, primary key (report_id, kind))`);
    await t.db.execute(sql`create table proactive_figures (report_id integer not null, row_key text not null,
      field text not null, value double precision, primary key (report_id, row_key, field))`);
    await t.db.execute(sql`insert into application_rows values (${id}, 'newReceived', 5, 1, null, 0, 0, 0, 6),
      (${id}, 'granted', 2, 0, 0, 0, 0, 0, 2)`);
    await t.db.execute(sql`insert into review_rows values (${id}, 'reconsideration', 1, 0, 0, null, 1)`);
    await t.db.execute(sql`insert into proactive_figures values (${id}, 'regulations', 'issued', 3),
      (${id}, 'regulations', 'repealed', null), (${id}, 'fees', 'amountTenThousandYuan', 12.5)`);
    const file = fs.readFileSync(path.join(migrationsFolder(), '0005_tables-one-row-per-report.sql'), 'utf8');
    const copy = file.split('--> statement-breakpoint').find((part) => part.includes('INSERT INTO "report_tables"'));
    if (!copy) throw new Error('migration 0005 has no copy statement');
    await t.db.execute(sql.raw(copy)); // the migration's own text, no input
    await t.db.execute(sql`drop table application_rows, review_rows, proactive_figures`);
    const [row] = await t.db.select().from(reportTables).where(eq(reportTables.reportId, id));
    expect(row).toEqual({
      reportId: id,
      applications: {
        newReceived: { naturalPerson: 5, commercialEnterprise: 1, researchInstitution: null, publicInterestOrg: 0, legalServiceOrg: 0, otherOrg: 0, total: 6 },
        granted: { naturalPerson: 2, commercialEnterprise: 0, researchInstitution: 0, publicInterestOrg: 0, legalServiceOrg: 0, otherOrg: 0, total: 2 },
      },
      reviews: { reconsideration: { upheld: 1, corrected: 0, other: 0, pending: null, total: 1 } },
      proactive: { regulations: { issued: 3, repealed: null }, fees: { amountTenThousandYuan: 12.5 } },
    });
  });

  it('turns the JSON columns from jsonb into json with their values unchanged (migration 0007)', async () => {
    const columns: [string, string][] = [
      ['check_results', 'checks'],
      ['report_tables', 'applications'],
      ['report_tables', 'reviews'],
      ['report_tables', 'proactive'],
      ['reports', 'warnings'],
      ['reports', 'narrative'],
      ['reports', 'sources'],
    ];
    const before = await t.db.execute(sql`select r.warnings, r.narrative, r.sources, c.checks, x.applications, x.reviews, x.proactive
      from reports r join check_results c on c.report_id = r.id join report_tables x on x.report_id = r.id order by r.id`);
    expect(rowsOf(before).length).toBeGreaterThan(0);
    // Back to the columns as migrations 0000–0006 left them (constant identifiers, no input).
    for (const [table, column] of columns) {
      await t.db.execute(sql.raw(`alter table "${table}" alter column "${column}" drop default`));
      await t.db.execute(sql.raw(`alter table "${table}" alter column "${column}" set data type jsonb using "${column}"::jsonb`));
    }
    const file = fs.readFileSync(path.join(migrationsFolder(), '0007_json-columns.sql'), 'utf8');
    for (const statement of file.split('--> statement-breakpoint')) await t.db.execute(sql.raw(statement));
    const types = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
      await t.db.execute(sql`select table_name, column_name, data_type from information_schema.columns
        where table_schema = current_schema() and data_type in ('json', 'jsonb')`),
    );
    for (const [table, column] of columns) {
      expect(types.find((c) => c.table_name === table && c.column_name === column)?.data_type).toBe('json');
    }
    const after = await t.db.execute(sql`select r.warnings, r.narrative, r.sources, c.checks, x.applications, x.reviews, x.proactive
      from reports r join check_results c on c.report_id = r.id join report_tables x on x.report_id = r.id order by r.id`);
    expect(rowsOf(after)).toEqual(rowsOf(before));
  });
});
