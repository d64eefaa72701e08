/**
 * HTTP caching and in-process caches, keyed by the data version.
 *
 * Policy: every public page, API answer, feed and sitemap may be stored by a shared cache (CDN) for 5 minutes
 * (`s-maxage=300`) and served stale for a day while it revalidates (`stale-while-revalidate=86400`); browsers
 * always revalidate (`max-age=0`). Answers we build ourselves carry an ETag derived from the data version, so a
 * revalidation costs one cheap query and a 304. The data version is `count(*)` and `max(ingested_at)` of
 * `reports`, read at most once a second per process: any ingest (new report, new revision, deletion) changes it,
 * which changes every ETag and drops the in-process caches below. A CDN sees the change within `s-maxage`.
 */
import { createHash } from 'node:crypto';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400';
/** For answers that must not be stored (errors that depend on nothing cacheable are still cheap to recompute). */
export const NO_STORE = 'no-store';

/**
 * Memoises an async loader for `ttlMs`: concurrent and repeated calls within the window share one promise.
 * A rejected load is forgotten at once so that the next call retries.
 */
export function memoize<T>(load: () => Promise<T>, ttlMs: number, now: () => number = Date.now): () => Promise<T> {
  let entry: { at: number; value: Promise<T> } | undefined;
  return () => {
    const t = now();
    if (entry && t - entry.at < ttlMs) return entry.value;
    const value = load();
    const mine = { at: t, value };
    entry = mine;
    value.catch(() => {
      if (entry === mine) entry = undefined;
    });
    return value;
  };
}

/** A weak ETag for a representation (`key`: path + query + format) of the data at `version`. */
export function etagFor(version: string, key: string): string {
  return `W/"${createHash('sha1').update(version).update('\0').update(key).digest('base64url').slice(0, 27)}"`;
}

/** True when the request's If-None-Match already names `etag` (weak comparison, RFC 9110 §13.1.2). */
export function isNotModified(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  const mine = strip(etag);
  return header.split(',').some((t) => strip(t) === mine);
}

/**
 * An in-process cache whose entries belong to one data version: the first lookup under a new version drops
 * everything, so nothing computed from old data outlives an ingest. Bounded to `maxEntries` (oldest out first).
 */
export class VersionedCache<V> {
  private version: string | undefined;
  private readonly entries = new Map<string, Promise<V>>();

  constructor(private readonly maxEntries = 500) {}

  get(version: string, key: string, load: () => Promise<V>): Promise<V> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) return hit;
    const value = load();
    this.entries.set(key, value);
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
