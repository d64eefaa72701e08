/**
 * "The database is down" as its own error class, so that pages can answer with a 503 page in the reader's language
 * instead of a stack trace. Next passes only an error's `digest` to error boundaries in production (the message is
 * stripped), and keeps a digest that the error already has: the digest is how the boundary recognises it.
 */

import { reportDbDown, reportDbUp } from './db-health';

export const DB_UNAVAILABLE_DIGEST = 'GONGKAI_DB_UNAVAILABLE';

export class DbUnavailableError extends Error {
  readonly digest = DB_UNAVAILABLE_DIGEST;
  constructor(cause?: unknown) {
    super('The database is not available', { cause });
    this.name = 'DbUnavailableError';
  }
}

/** True for a DbUnavailableError, also after it crossed the server/client boundary (only the digest survives). */
export function isDbUnavailable(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { digest?: unknown }).digest === DB_UNAVAILABLE_DIGEST;
}

// Socket-level failures (Node, postgres.js) and PostgreSQL's "cannot serve you now" SQLSTATEs: class 08
// (connection exception), 57P01–57P03 (shutdown, starting up), 53300 (too many connections).
const NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);
const PG_CODES = /^(08\w{3}|57P0[123]|53300)$/;
// PGlite has no codes for these: a data directory held by another process, or a closed/aborted instance.
const MESSAGES = /PGlite is closed|database system is (starting up|shutting down)|could not open|lock file|Aborted\(\)/i;

/** True when an error (or any error in its `cause` chain) means the database cannot be reached. */
export function isConnectionError(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && typeof e === 'object' && e !== null; depth++) {
    if (e instanceof DbUnavailableError) return true;
    const { code, message, errors } = e as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === 'string' && (NODE_CODES.has(code) || PG_CODES.test(code))) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    // AggregateError (e.g. both IPv4 and IPv6 refused)
    if (Array.isArray(errors) && errors.some((x) => isConnectionError(x))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Runs a database call; a connection failure becomes a DbUnavailableError, anything else is rethrown as is. */
export async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    const out = await fn();
    reportDbUp();
    return out;
  } catch (err) {
    if (isConnectionError(err)) {
      reportDbDown(); // the proxy answers 503 from now on, until its probe succeeds (lib/db-health.ts)
      throw new DbUnavailableError(err);
    }
    throw err;
  }
}
