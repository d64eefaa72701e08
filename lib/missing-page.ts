/**
 * Which addresses the proxy answers with a 404 itself (lib/plain-pages.ts explains why): a locale path whose first
 * segment is no section of the portal, and an agency, report or region page (or an agency's embed) whose entity
 * does not exist. Everything else goes on to Next, which keeps the last word on anything this does not know.
 * Keep SECTIONS in step with app/[locale]. The check comes from instrumentation.ts (db/queries/exists.ts) through
 * globalThis, like lib/db-health.ts, so the proxy's bundle imports no database code.
 */

export type EntityKind = 'agency' | 'report' | 'region';
type Check = (kind: EntityKind, key: string) => Promise<boolean>;

interface Registry {
  check?: Check;
  /** Entities seen to exist, with when that stops counting (they are not deleted in normal operation). */
  known: Map<string, number>;
}

const KEY = Symbol.for('gongkai.entity-check');
const KNOWN_MS = 60_000;
const KNOWN_MAX = 50_000;

function registry(): Registry {
  const g = globalThis as typeof globalThis & { [KEY]?: Registry };
  return (g[KEY] ??= { known: new Map() });
}

export function registerEntityCheck(check: Check): void {
  registry().check = check;
}

/** The sections under /{locale}/: the home page is the empty one. */
const SECTIONS = new Set(['agencies', 'reports', 'regions', 'ranking', 'compare', 'search', 'methodology']);
const ENTITY_OF: Record<string, EntityKind> = { agencies: 'agency', reports: 'report', regions: 'region' };
/** Sections with no page of their own, only their entities' pages. */
const NO_INDEX = new Set(['agencies', 'reports']);

export type PathVerdict = { missing: false } | { missing: true; locale: 'zh' | 'en' };

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** What is at `pathname`, as far as the proxy can tell; `missing: false` whenever in doubt. */
export async function classifyPath(pathname: string, now = Date.now()): Promise<PathVerdict> {
  const parts = pathname.split('/').filter((s) => s !== '');
  const embed = parts[0] === 'embed';
  const [locale, section, key, ...more] = embed ? parts.slice(1) : parts;
  if (locale !== 'zh' && locale !== 'en') return { missing: false };
  if (section === undefined) return { missing: false };
  if (!embed && (!SECTIONS.has(section) || (key === undefined && NO_INDEX.has(section)))) return { missing: true, locale };
  const kind = ENTITY_OF[section];
  // An entity page itself (deeper addresses, such as share-card images, are Next's to judge), or an agency embed.
  if (!kind || key === undefined || (embed ? kind !== 'agency' || more.length !== 1 : more.length !== 0)) return { missing: false };
  const decoded = decode(key);
  if (decoded === null) return { missing: true, locale };
  return (await exists(kind, decoded, now)) ? { missing: false } : { missing: true, locale };
}

async function exists(kind: EntityKind, key: string, now: number): Promise<boolean> {
  const r = registry();
  if (!r.check) return true;
  const id = `${kind}:${key}`;
  const until = r.known.get(id);
  if (until !== undefined && until > now) return true;
  let found: boolean;
  try {
    found = await r.check(kind, key);
  } catch {
    return true; // the database is failing: the page (and its error boundary) decides
  }
  if (found) {
    if (r.known.size >= KNOWN_MAX) r.known.clear();
    r.known.set(id, now + KNOWN_MS);
  }
  return found;
}

/** For tests: forget the check and what it found. */
export function resetEntityCheck(): void {
  const r = registry();
  r.check = undefined;
  r.known.clear();
}
