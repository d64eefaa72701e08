/**
 * The proxy's existence check (db/queries/exists.ts) against the page loaders' criteria: an agency by slug, a report
 * by id, a region by code; synthetic agencies and reports exist only when the portal shows them.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { entityExists } from '@/db/queries/exists';
import { agencies, reports } from '@/db/schema';
import { dbTargets } from '../helpers/db-targets';
import { useFixtureDb } from './queries-ranking-fixture';

describe.each(dbTargets())('entity existence on $kind', (target) => {
  const fixtureDb = useFixtureDb(target);

  it('finds real agencies and reports, and synthetic ones only when they are shown', async () => {
    const db = fixtureDb();
    const [real] = await db.select({ slug: agencies.slug }).from(agencies).where(eq(agencies.synthetic, false)).limit(1);
    const [fake] = await db.select({ slug: agencies.slug }).from(agencies).where(eq(agencies.synthetic, true)).limit(1);
    const [realReport] = await db.select({ id: reports.id }).from(reports).where(eq(reports.synthetic, false)).limit(1);
    const [fakeReport] = await db.select({ id: reports.id }).from(reports).where(eq(reports.synthetic, true)).limit(1);
    if (!real || !fake || !realReport || !fakeReport) throw new Error('fixture lacks a real or a synthetic row');
    expect(await entityExists('agency', real.slug, false, db)).toBe(true);
    expect(await entityExists('agency', fake.slug, false, db)).toBe(false);
    expect(await entityExists('agency', fake.slug, true, db)).toBe(true);
    expect(await entityExists('agency', `${real.slug}-nope`, true, db)).toBe(false);
    expect(await entityExists('report', String(realReport.id), false, db)).toBe(true);
    expect(await entityExists('report', String(fakeReport.id), false, db)).toBe(false);
    expect(await entityExists('report', String(fakeReport.id), true, db)).toBe(true);
    expect(await entityExists('report', '2147483647', true, db)).toBe(false);
    for (const bad of ['0', '-1', '1.5', 'abc', '99999999999', `0${realReport.id}`]) {
      expect(await entityExists('report', bad, true, db), bad).toBe(false);
    }
  });

  it('finds regions at every level, and nothing for unknown or malformed codes', async () => {
    const db = fixtureDb();
    for (const code of ['35', '3505', '350502', '350502004']) expect(await entityExists('region', code, false, db), code).toBe(true);
    for (const code of ['99', '3599', '350', '3505x', "35' or '1'='1"]) expect(await entityExists('region', code, false, db), code).toBe(false);
  });
});
