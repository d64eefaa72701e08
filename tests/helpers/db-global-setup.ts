/**
 * Global setup of the database tests (vitest.db.config.ts): decides which databases they run on and provides
 * them as `inject('dbTargets')` (see tests/helpers/db-targets.ts).
 *
 *   GONGKAI_TEST_DB_TARGETS=pglite|postgres|pglite,postgres   (default: both)
 *   GONGKAI_TEST_PG_URL=postgres://…   a server to use; without it one is started here (tests/helpers/pg-server.ts)
 *                                      and stopped after the run.
 *
 * `npm test` runs the suite once per target and starts the server itself, so that it can say which ran.
 */
import type { TestProject } from 'vitest/node';
import { startPgServer, type PgServer } from './pg-server';

export type DbTargetKind = 'pglite' | 'postgres';

/** One database the suite runs against; postgres targets carry the server's URL. */
export type ProvidedDbTarget = { kind: 'pglite' } | { kind: 'postgres'; url: string };

declare module 'vitest' {
  export interface ProvidedContext {
    dbTargets: ProvidedDbTarget[];
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The harness's hand-off, not app configuration (which lib/env.ts owns).
  const wanted = (process.env.GONGKAI_TEST_DB_TARGETS ?? 'pglite,postgres')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const w of wanted) {
    if (w !== 'pglite' && w !== 'postgres') throw new Error(`GONGKAI_TEST_DB_TARGETS: unknown target ${w}`);
  }
  const targets: ProvidedDbTarget[] = [];
  let server: PgServer | undefined;
  if (wanted.includes('pglite')) targets.push({ kind: 'pglite' });
  if (wanted.includes('postgres')) {
    let url = process.env.GONGKAI_TEST_PG_URL;
    if (!url) {
      server = await startPgServer();
      url = server.url;
    }
    targets.push({ kind: 'postgres', url });
  }
  project.provide('dbTargets', targets);
  return async () => {
    await server?.stop();
  };
}
