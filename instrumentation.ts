/**
 * Runs once when `next start` boots. Gives the proxy what it needs without importing database code itself:
 * how to check the database (lib/db-health.ts), so that a database already down at the first request gets a 503
 * rather than a failed render; and how to check that an agency, report or region exists (lib/missing-page.ts), so
 * that a 404 comes with real HTML. Registering opens nothing: the handle is created by the first check, as a page
 * would create it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ registerDbProbe }, { registerEntityCheck }, { getReadDb, rawQuery }, { entityExists }, { env }] = await Promise.all([
    import('./lib/db-health'),
    import('./lib/missing-page'),
    import('./db/index'),
    import('./db/queries/exists'),
    import('./lib/env'),
  ]);
  registerDbProbe(() => rawQuery(getReadDb(), 'select 1', []));
  registerEntityCheck((kind, key) => entityExists(kind, key, env().includeSynthetic));
}
