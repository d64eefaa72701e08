/**
 * Everything about a report that is not a table cell: agency, region, year, dates, document number, the
 * information-processing fee and the figures the narrative states. One pass over the lines, fixed regexes.
 */
import type { TemplateKey } from './keys';
import type { AgencyKind, Narrative, RegionCandidate, SourceRef, Warning } from './types';
import { agencyKind, cleanAgency, completeBody, leadingPlace, stripHigherRegions } from './agency';
import { toGbCode } from './gazetteer';
import { findPlaceMentions, fixOcr, resolveRegion, type PlaceMention } from './region';
import { findSections, sectionRange, type SectionStarts } from './sections';
import { DOC_NUMBER, findTitle, isOrgLine, lineOfOffset, parseDateLine, stripMarkup } from './title';
import { extractFees, extractFigures, joinLines, type NarrativeFigure } from './narrative';

export type { NarrativeFigure } from './narrative';

export interface Meta {
  agencyName: string | null;
  agencyKind: AgencyKind | null;
  regionCode: string | null;
  regionName: string | null;
  regionCandidates: RegionCandidate[];
  year: number | null;
  publishedOn: string | null;
  documentNumber: string | null;
  title: string | null;
  feesCollectedYuan: number | null;
  narrative: Narrative;
  narrativeFigures: NarrativeFigure[];
  warnings: Warning[];
  /** Provenance of feesCollectedYuan (key `feesCollectedYuan`). */
  sources: Record<string, SourceRef>;
  /** The template the preamble's notice names (国办公开办函〔2019〕60号 → 2019), or null. */
  templateHint: TemplateKey | null;
  /** 0-based index of each part's heading line. */
  sections: SectionStarts;
}

// Separators alternate with tokens: adjacent optional \\s* runs backtrack cubically on long blanks.
const PERIOD =
  /统计(?:期限|时限|时间|期间|周期|区间|范围)?\s*(?:(?:为|是|自|从|：|:)\s*){0,3}((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日/;
const NOTICE = /国办公开办函\s*[〔[［(（]\s*(2019|2021)\s*[〕\]］)）]\s*(60|30)\s*号/;
const CONTACT = /请(?:与|联系|向)([^（(，,。；：:“”]{3,40}?)(?:联系|咨询|反映)/;
const WEBSITE = /(?:在|通过|登录|于)[“"《]?([^”"》（(，,。；、]{3,30}?)[”"》]?(?:门户)?网站/;
const SUMMARY = /汇总(?:了)?(?:各|全|本)/;

function mostMentionedPlace(fullText: string): PlaceMention | null {
  // The preamble, overview and signature name the place; scanning a whole huge file would only cost time.
  const text = fullText.length > 30000 ? fullText.slice(0, 24000) + fullText.slice(-6000) : fullText;
  const counts = new Map<string, { m: PlaceMention; n: number }>();
  for (const m of findPlaceMentions(text)) {
    const level = Math.max(...m.entries.map((e) => e.level));
    if (level < 3 && !m.nonstandard) continue;
    const c = counts.get(m.name);
    if (c) c.n++;
    else counts.set(m.name, { m, n: 1 });
  }
  let best: { m: PlaceMention; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  if (best) return best.m;
  return findPlaceMentions(text)[0] ?? null;
}

/** Extract the report's metadata. `lines` are `text` split on '\n'; line numbers in the result are 1-based. */
export function extractMeta(lines: string[], text: string): Meta {
  const warnings: Warning[] = [];
  const sources: Record<string, SourceRef> = {};
  const sections = findSections(lines);
  const headEnd = sections[1] ?? Math.min(lines.length, 40);
  const head = text.slice(0, 4000);

  // --- title, year, document number, template hint
  const titleInfo = findTitle(lines, Math.max(headEnd, Math.min(lines.length, 12)));
  let year = titleInfo?.year ?? null;
  if (year === null) {
    const p = PERIOD.exec(head);
    if (p) {
      year = Number(p[1]);
      warnings.push({
        code: 'year-from-period',
        line: lineOfOffset(head, p.index),
        message: 'no year in a title; taken from the statistics period',
      });
    } else warnings.push({ code: 'year-missing', message: 'no report year found' });
  }
  let documentNumber: string | null = null;
  for (let i = 0; i < Math.min(headEnd, 15); i++) {
    const s = stripMarkup(lines[i]!).replace(/\s+/g, '');
    if (DOC_NUMBER.test(s)) {
      documentNumber = s;
      break;
    }
  }
  const notice = NOTICE.exec(head);
  const templateHint: TemplateKey | null = notice ? (notice[1] === '2019' ? '2019' : '2021') : null;

  // --- signature and date at the end
  const sixRange = sectionRange(sections, 6, lines.length);
  const tailStart = sixRange ? sixRange[0] : Math.max(0, lines.length - 20);
  let publishedOn: string | null = null;
  let dateLine = -1;
  for (let i = lines.length - 1; i >= tailStart; i--) {
    const d = parseDateLine(lines[i]!);
    if (d) {
      publishedOn = d;
      dateLine = i;
      break;
    }
  }
  let signature: string | null = null;
  let signatureLine = -1;
  if (dateLine > 0) {
    for (let k = dateLine - 1; k >= tailStart && k >= dateLine - 3; k--) {
      const s = stripMarkup(lines[k]!).replace(/\s+/g, '');
      if (!s) continue;
      if (isOrgLine(s)) {
        signature = s;
        signatureLine = k;
      }
      break;
    }
  }
  if (!publishedOn) warnings.push({ code: 'published-date-missing', message: 'no date signed at the end' });

  // --- agency
  let chain: string | null = null;
  let fromTitle = false;
  /** Line the agency's name was read from, for the region warnings. */
  let agencyLine: number | undefined;
  if (titleInfo?.issuer) {
    chain = cleanAgency(titleInfo.issuer);
    fromTitle = true;
    agencyLine = titleInfo.line;
  } else {
    const contact = CONTACT.exec(head);
    const website = WEBSITE.exec(head);
    const found = signature
      ? { raw: signature, line: signatureLine + 1 }
      : contact
        ? { raw: contact[1]!, line: lineOfOffset(head, contact.index) }
        : website
          ? { raw: website[1]!, line: lineOfOffset(head, website.index) }
          : null;
    if (found) {
      chain = cleanAgency(found.raw);
      agencyLine = found.line;
    }
  }
  if (chain !== null && chain !== '') chain = completeBody(chain);
  if (chain && !leadingPlace(chain) && !/^[\u4e00-\u9fa5]{2,10}(?:街道|镇|乡)/.test(chain)) {
    // The name carries no place (政府办公室): take the county the text names most.
    const place = mostMentionedPlace(text);
    // 区政府办公室 under 龙亭区 → 龙亭区人民政府办公室, not 龙亭区区…
    if (place) chain = place.name + (chain.startsWith(place.name.slice(-1)) ? completeBody(cleanAgency(chain.slice(1))) : chain);
  }
  let agencyName = chain ? stripHigherRegions(chain) : null;
  if (agencyName && !fromTitle && SUMMARY.test(head) && /政府办公室$/.test(agencyName)) {
    // A region-wide report compiled by the government office belongs to the government.
    agencyName = agencyName.replace(/办公室$/, '');
    chain = chain!.replace(/办公室$/, '');
  }
  if (!agencyName) {
    agencyName = null;
    warnings.push({ code: 'agency-missing', message: 'no issuing agency found' });
  }
  const kind = agencyName ? agencyKind(agencyName) : null;

  // --- region
  let regionCode: string | null = null;
  let regionName: string | null = null;
  let regionCandidates: RegionCandidate[] = [];
  const context = text.length > 6000 ? head + text.slice(-2000) : text;
  const region = chain ? resolveRegion(chain, context) : null;
  if (region?.corrected && agencyName && chain) {
    // The agency's name is a part of the chain; the correction keeps lengths, so the same part of the corrected
    // chain is the corrected name (its higher places dropped again: 宿迁市沐阳县… was not recognised as two).
    const at = chain.indexOf(agencyName);
    const part = at >= 0 && region.corrected.length === chain.length ? region.corrected.slice(at, at + agencyName.length) : fixOcr(agencyName);
    const fixed = part && part !== agencyName ? stripHigherRegions(part) : null;
    if (fixed) {
      warnings.push({
        code: 'label-fuzzy',
        row: 'agencyName',
        line: agencyLine,
        message: `place name read as ${agencyName}, corrected to ${fixed}`,
      });
      agencyName = fixed;
    }
  }
  if (region && region.status === 'resolved') {
    regionCode = region.code === null ? null : toGbCode(region.code);
    regionName = region.name;
    if (region.nonstandard) {
      warnings.push({
        code: 'region-nonstandard',
        line: agencyLine,
        message: `mapped to ${region.name}`,
        detail: { code: regionCode },
      });
    }
  } else if (region && region.status === 'ambiguous') {
    regionCandidates = region.candidates.map((c) => ({ ...c, code: toGbCode(c.code) }));
    warnings.push({ code: 'region-ambiguous', line: agencyLine, message: 'several divisions fit', detail: regionCandidates });
  } else {
    warnings.push({ code: 'region-unresolved', line: agencyLine, message: 'no gazetteer division fits the agency' });
  }

  // --- narrative parts, fees, figures
  const part = (n: 1 | 5 | 6, stop?: number): { from: number; to: number } | null => {
    const r = sectionRange(sections, n, lines.length);
    if (!r) return null;
    return { from: r[0], to: stop !== undefined && stop > r[0] && stop < r[1] ? stop : r[1] };
  };
  const overview = part(1);
  const problems = part(5);
  const other = part(6, signatureLine >= 0 ? signatureLine : undefined);
  const partText = (p: { from: number; to: number } | null): string | null => {
    if (!p) return null;
    // One pass: the non-blank lines stripped of markup, joined (no intermediate arrays).
    let t = '';
    for (let i = p.from; i < p.to; i++) {
      const line = stripMarkup(lines[i] ?? '');
      if (line === '') continue;
      t = t === '' ? line : `${t}\n${line}`;
    }
    return t === '' ? null : t.slice(0, 20000);
  };
  const narrative: Narrative = { overview: partText(overview), problems: partText(problems), other: partText(other) };

  let fee = other ? extractFees(joinLines(lines, other.from, other.to)) : null;
  if (!fee && overview) fee = extractFees(joinLines(lines, overview.from, overview.to));
  if (!fee && problems) fee = extractFees(joinLines(lines, problems.from, problems.to));
  if (!fee && !overview && !other) fee = extractFees(joinLines(lines, 0, lines.length));
  let feesCollectedYuan: number | null = null;
  if (fee) {
    feesCollectedYuan = fee.yuan;
    sources['feesCollectedYuan'] = { line: fee.line, cell: 0, raw: fee.raw };
    if (fee.converted) {
      warnings.push({ code: 'unit-converted', row: 'feesCollectedYuan', line: fee.line, message: '万元 → 元' });
    }
  }
  const narrativeFigures = overview ? extractFigures(joinLines(lines, overview.from, overview.to)) : [];

  return {
    agencyName,
    agencyKind: kind,
    regionCode,
    regionName,
    regionCandidates,
    year,
    publishedOn,
    documentNumber,
    title: titleInfo?.title ?? null,
    feesCollectedYuan,
    narrative,
    narrativeFigures,
    warnings,
    sources,
    templateHint,
    sections,
  };
}
