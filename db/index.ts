/**
 * The database handle: embedded PGlite in env().pgliteDir by default, PostgreSQL through postgres.js when
 * DATABASE_URL is set. Both run the same migrations and the same drizzle queries.
 */
import fs from 'node:fs';
import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import postgres from 'postgres';
import { registerDbProbe } from '@/lib/db-health';
import { env } from '@/lib/env';
import * as schema from './schema';

export type Schema = typeof schema;
/** A drizzle database on either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** The handle inside `db.transaction(async (tx) => …)`. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbKind = 'pglite' | 'postgres';

interface DbMeta {
  kind: DbKind;
  /** Where it lives: the PGlite directory, or the URL without its password. */
  location: string;
  pglite?: PGlite;
  postgres?: postgres.Sql;
  close: () => Promise<void>;
}

// Kept on the handle itself (not in a module-level map): after a dev reload this module is new, but the handle
// on globalThis is the old one and must still be recognised.
const META = Symbol.for('gongkai.db.meta');
const meta = {
  set(db: object, m: DbMeta): void {
    Object.defineProperty(db, META, { value: m, enumerable: false });
  },
  get(db: object): DbMeta | undefined {
    return (db as { [META]?: DbMeta })[META];
  },
};

export interface CreateDbOptions {
  /** A postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory (created when missing); defaults to env().pgliteDir. `memory://` for a throwaway one. */
  pgliteDir?: string;
  /** postgres.js pool size. */
  max?: number;
  /** Connect through this Unix socket instead of the URL's host and port (user and database still from the URL). */
  socketPath?: string;
}

/**
 * postgres.js leaves Nagle's algorithm on; with pipelined queries that meets the server's delayed ACK and stalls
 * every few queries for tens of milliseconds. Connect the socket ourselves with TCP_NODELAY.
 */
function noDelaySocket(o: { host: string[]; port: number[]; path?: string | false }): net.Socket {
  // Returned while still connecting: postgres.js attaches its own 'error' and 'close' handlers, so a refused or
  // failed connection goes through its normal error path. (Rejecting a promise here instead left the pool's
  // connection stuck after the first failures: with the database down, requests hung instead of failing.)
  return o.path
    ? net.connect(o.path)
    : net.connect({ host: o.host[0] ?? 'localhost', port: o.port[0] ?? 5432, noDelay: true });
}

/**
 * drizzle runs every query through `unsafe(…, { prepare: false })`. For a query with parameters postgres.js then
 * sends Parse/Describe, waits for the server's answer, and only then Bind/Execute: two round trips, and no
 * pipelining behind it. Named (cached) statements go out in one write. Applies to drizzle queries outside
 * transactions (pages); drizzle's transactions keep the default, and ingest's hot path uses rawQuery instead.
 * A patch, not an option: drizzle-orm 0.45's postgres-js session passes `prepare: name !== undefined`, so the
 * only supported way is `.prepare(name)` on each query builder (none for db.execute). Statements are cached
 * per connection by text, so this must only see constant texts with $n parameters (drizzle's are).
 */
function preferPreparedStatements(client: postgres.Sql): void {
  const unsafe = client.unsafe.bind(client);
  const patched = (query: string, args?: unknown[], options?: Record<string, unknown>) =>
    unsafe(query, args as postgres.ParameterOrJSON<never>[], {
      ...options,
      prepare: Array.isArray(args) && args.length > 0,
    } as postgres.UnsafeQueryOptions);
  client.unsafe = patched as unknown as typeof client.unsafe;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/** Opens a database (tests, CLI). The caller closes it with closeDb(db). */
export function createDb(opts: CreateDbOptions = {}): Db {
  if (opts.url) {
    const client = postgres(opts.url, {
      max: opts.max ?? 10,
      ...(opts.socketPath ? { path: opts.socketPath } : {}),
      onnotice: () => {},
      // A database that is down must not leave requests waiting: postgres.js retries a failed connection after
      // 3^n/100 s (up to 20 s, shared by the pool), so after a dozen failures every query waited that long, and so
      // did recovery once the server was back. Retry within half a second instead, and give up connecting after 5 s.
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
      connect_timeout: 5,
      // `socket` is a documented postgres.js option missing from its type definitions.
      ...({ socket: noDelaySocket } as object),
    });
    preferPreparedStatements(client);
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    meta.set(db, {
      kind: 'postgres',
      location: redact(opts.url),
      postgres: client,
      close: () => client.end({ timeout: 5 }),
    });
    return db;
  }
  const dir = opts.pgliteDir ?? env().pgliteDir;
  if (!dir.startsWith('memory://')) fs.mkdirSync(dir, { recursive: true });
  const client = new PGlite({ dataDir: dir, extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  meta.set(db, {
    kind: 'pglite',
    location: dir,
    pglite: client,
    close: async () => {
      if (!client.closed) await client.close();
    },
  });
  return db;
}

function metaOf(db: Db): DbMeta {
  const m = meta.get(db);
  if (!m) throw new Error('not a database opened by createDb()');
  return m;
}

export function dbKind(db: Db): DbKind {
  return metaOf(db).kind;
}

export function dbLocation(db: Db): string {
  return metaOf(db).location;
}

/** The postgres.js client behind a PostgreSQL handle (advisory locks need a reserved connection). */
export function postgresClient(db: Db): postgres.Sql | undefined {
  return metaOf(db).postgres;
}

/** Rows of `db.execute(sql…)`, which postgres.js returns as an array and PGlite as `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * A statement with constant text and $n parameters, straight to the driver (no query building): for hot paths.
 * On PostgreSQL it is a named prepared statement (postgres.js's documented `prepare: true`), parsed once per
 * connection and sent in one write from then on.
 */
export async function rawQuery<T>(db: Db, text: string, params: unknown[]): Promise<T[]> {
  const m = metaOf(db);
  if (m.postgres) {
    return (await m.postgres.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true })) as unknown as T[];
  }
  if (m.pglite) return (await m.pglite.query<T>(text, params)).rows;
  throw new Error('no driver behind this handle');
}

// One handle per process, kept on globalThis so that Next's dev reloads do not open PGlite twice.
interface Globals {
  __gongkaiDb?: Db;
  __gongkaiReadDb?: Db;
}
const g = globalThis as typeof globalThis & Globals;

/** The process-wide database (writes, and reads when there is no DATABASE_READ_URL). */
export function getDb(): Db {
  if (!g.__gongkaiDb) {
    const e = env();
    g.__gongkaiDb = createDb({ url: e.databaseUrl, pgliteDir: e.pgliteDir });
  }
  return g.__gongkaiDb;
}

/** For pages: a read replica when DATABASE_READ_URL is set, otherwise the primary. */
export function getReadDb(): Db {
  const e = env();
  const db = !e.databaseReadUrl || !e.databaseUrl ? getDb() : (g.__gongkaiReadDb ??= createDb({ url: e.databaseReadUrl }));
  if (probed !== db) {
    // How the proxy checks, once pages have found the database down (lib/db-health.ts): the handle pages read from.
    probed = db;
    registerDbProbe(() => rawQuery(db, 'select 1', []));
  }
  return db;
}
let probed: Db | undefined;

/** Closes one handle, or the process-wide ones, so that Node can exit. */
export async function closeDb(db?: Db): Promise<void> {
  if (db) {
    await metaOf(db).close();
    if (g.__gongkaiDb === db) g.__gongkaiDb = undefined;
    if (g.__gongkaiReadDb === db) g.__gongkaiReadDb = undefined;
    return;
  }
  const handles = [g.__gongkaiReadDb, g.__gongkaiDb].filter((d): d is Db => d !== undefined);
  g.__gongkaiDb = undefined;
  g.__gongkaiReadDb = undefined;
  for (const h of handles) await metaOf(h).close();
}

export { schema };
