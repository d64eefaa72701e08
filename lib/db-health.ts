/**
 * Is the database reachable? Shared, per process, between the pages (which learn it from every query, in withDb)
 * and the proxy (which answers 503 before rendering). Next 16 pages cannot set a 503 status themselves: a render
 * that fails is a 500 whatever the error boundary shows. So the proxy lets a request through only while the
 * database is known to be up — a query or a probe succeeded within the last second — and otherwise checks first
 * with a one-row probe (at most one at a time; a failure stands for a second). While it is down, every page
 * request gets a real 503 with Retry-After, from the very first one; the first successful probe lets requests
 * through again. A busy site never probes (its pages keep the state fresh); an idle one pays one `select 1` on the
 * first request after a quiet second. Only requests already rendering when the database goes away can still fail
 * as 500s (with the same localized text).
 *
 * The state lives on globalThis under a registered symbol: the proxy, instrumentation and page bundles are
 * separate module graphs in one Node process. No imports, so the proxy's bundle stays small.
 */

type State = 'unknown' | 'up' | 'down';

interface Health {
  state: State;
  checkedAt: number;
  probe?: () => Promise<unknown>;
  inflight?: Promise<boolean>;
}

const KEY = Symbol.for('gongkai.db-health');
const PROBE_TIMEOUT_MS = 2_000;
const PROBE_INTERVAL_MS = 1_000;
/** How long a success (a page's query or a probe) vouches for the database without another check. */
const UP_TRUSTED_MS = 1_000;

function health(): Health {
  const g = globalThis as typeof globalThis & { [KEY]?: Health };
  return (g[KEY] ??= { state: 'unknown', checkedAt: 0 });
}

/** instrumentation.ts registers how to check (a `select 1` on the read handle); until then nothing is blocked. */
export function registerDbProbe(probe: () => Promise<unknown>): void {
  health().probe = probe;
}

export function reportDbUp(): void {
  const h = health();
  h.state = 'up';
  h.checkedAt = Date.now();
}

export function reportDbDown(): void {
  const h = health();
  h.state = 'down';
  h.checkedAt = Date.now();
}

function withTimeout(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    p.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      },
    );
  });
}

/**
 * For the proxy: false when the database is down right now. Free within a second of a success; otherwise (not yet
 * checked, quiet for a second, or down) one probe at a time decides, and a failed probe stands for a second.
 */
export async function dbAvailable(now = Date.now()): Promise<boolean> {
  const h = health();
  if (!h.probe || (h.state === 'up' && now - h.checkedAt < UP_TRUSTED_MS)) return true;
  if (h.state === 'down' && !h.inflight && now - h.checkedAt < PROBE_INTERVAL_MS) return false;
  h.inflight ??= withTimeout(h.probe(), PROBE_TIMEOUT_MS).then((ok) => {
    h.state = ok ? 'up' : 'down';
    h.checkedAt = Date.now();
    h.inflight = undefined;
    return ok;
  });
  return h.inflight;
}

/** For tests: forget what is known. */
export function resetDbHealth(): void {
  const h = health();
  h.state = 'unknown';
  h.checkedAt = 0;
  h.inflight = undefined;
  h.probe = undefined;
}
