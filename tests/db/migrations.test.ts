import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db';
import { migrate } from '@/db/migrate';
import { agencies, regions } from '@/db/schema';
import { loadRegions } from '@/lib/ingest/regions';
import { dbTargets, openTestDb, type TestDb } from '../helpers/db-targets';

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
      expect.arrayContaining(['agencies', 'application_rows', 'check_results', 'ingest_failures', 'proactive_figures',
        'regions', 'report_totals', 'reports', 'review_rows']),
    );
    const [sim] = rowsOf<{ s: number }>(await t.db.execute(sql`select similarity('鲤城区', '鲤城') as s`));
    expect(Number(sim?.s)).toBeGreaterThan(0.3);
    const [trgm] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from pg_indexes where indexname = 'agencies_name_trgm_idx'`),
    );
    expect(Number(trgm?.n)).toBe(1);
  });

  it('compresses source texts with lz4 where the server has it, and keeps pglz where it does not', async () => {
    const [has] = rowsOf<{ lz4: boolean }>(
      await t.db.execute(sql`select exists (select 1 from pg_settings
        where name = 'default_toast_compression' and 'lz4' = any (enumvals)) as lz4`),
    );
    const [col] = rowsOf<{ c: string }>(
      await t.db.execute(sql`select attcompression::text as c from pg_attribute
        where attrelid = 'reports'::regclass and attname = 'source_text'`),
    );
    // Debian's PostgreSQL 15 is built with lz4, PGlite is not: each target pins one branch of the migration.
    expect(has?.lz4).toBe(target.kind === 'postgres');
    expect(col?.c).toBe(has?.lz4 ? 'l' : '');
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
});
