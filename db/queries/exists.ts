/**
 * Whether the page at an entity's address would show something: the same criteria as the page loaders
 * (app/_seo/agency.ts, app/_seo/report.tsx, app/[locale]/regions/[code]/page.tsx), one indexed row each. Used by
 * the proxy (through instrumentation.ts) to answer a 404 with real HTML. It must never be stricter than the
 * loaders: a "missing" here is a 404 the page never gets to overrule.
 */
import { eq } from 'drizzle-orm';
import { getReadDb, type Db } from '@/db/index';
import { agencies, regions, reports } from '@/db/schema';
import type { EntityKind } from '@/lib/missing-page';
import { regionCodeSchema } from '@/lib/ranking-params';

export async function entityExists(kind: EntityKind, key: string, includeSynthetic: boolean, db: Db = getReadDb()): Promise<boolean> {
  if (kind === 'agency') {
    const [a] = await db.select({ synthetic: agencies.synthetic }).from(agencies).where(eq(agencies.slug, key)).limit(1);
    return a !== undefined && (!a.synthetic || includeSynthetic);
  }
  if (kind === 'report') {
    if (!/^[1-9]\d{0,9}$/.test(key) || Number(key) > 2_147_483_647) return false;
    const [r] = await db.select({ synthetic: reports.synthetic }).from(reports).where(eq(reports.id, Number(key))).limit(1);
    return r !== undefined && (!r.synthetic || includeSynthetic);
  }
  if (!regionCodeSchema.safeParse(key).success) return false;
  const [g] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, key)).limit(1);
  return g !== undefined;
}
