/**
 * Runs once when `next start` boots. Registers how the proxy checks the database (lib/db-health.ts), so that a
 * database that is down at the first request already gets a 503 rather than a failed render. Registering opens
 * nothing: the handle is created by the first probe, as a page would create it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ registerDbProbe }, { getReadDb, rawQuery }] = await Promise.all([import('./lib/db-health'), import('./db/index')]);
  registerDbProbe(() => rawQuery(getReadDb(), 'select 1', []));
}
