/**
 * Agency names: cleaning what the title, signature or contact sentence prints into the issuing body's own
 * name (鲤城区人民政府开元街道办事处 → 开元街道办事处), and its kind.
 */
import type { AgencyKind } from './types';
import { longestUpperName as longestUpperNameImport } from './gazetteer';

// Bound once: run through tsx (CommonJS), each use of an imported name is a getter call on the other module's
// exports.
const longestUpperName = longestUpperNameImport;

/** A name that ends like an organisation, not like a place. */
export const BODY_SUFFIX =
  /(?:人民政府|政府|办公室|办公厅|办事处|委员会|管委会|局|厅|委|办|中心|院|所|站|队|处|署|室|馆|部|社|会)$/;

/** A body below a county government, printed after its parent (…人民政府开元街道办事处). */
const LOWER_BODY = /^(?!人民政府|政府)[\u4e00-\u9fa5]{1,12}?(?:街道办事处|街道|镇人民政府|乡人民政府|镇政府|乡政府|镇|乡)$/;

/** Suffixes of a contact unit inside an agency (…办公室政府信息公开科) that are not the agency itself. */
const UNIT_SUFFIX = /(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:领导小组)?(?:办公室|办|科|股|专栏|工作机构)?$/;

/** The longest county-or-higher place name at the start of `s`. */
export function leadingPlace(s: string): string | null {
  const len = longestUpperName(s, 16);
  return len === 0 ? null : s.slice(0, len);
}

/** Clean a printed name: markup, quotes and spaces out; 政府办公室 → 人民政府办公室; unit suffixes dropped. */
export function cleanAgency(raw: string): string {
  let s = raw.replace(/[\s#*>《》“”"'「」【】]/g, '').replace(/^关于/, '').replace(/关于$/, '');
  s = s.replace(/(?:的)?(?:门户)?网站$/, '');
  const unit = UNIT_SUFFIX.exec(s);
  if (unit && unit.index > 0) {
    // 人民政府信息公开办: the suffix found starts inside the body's name (政府|信息公开办), which keeps its 政府.
    const cut = BODY_SUFFIX.test(s.slice(0, unit.index)) ? unit.index
      : unit[0].startsWith('政府') && BODY_SUFFIX.test(s.slice(0, unit.index + 2)) ? unit.index + 2
      : -1;
    if (cut > 0) s = s.slice(0, cut);
  }
  s = s.replace(/(?<!人民)政府(?=办公室$|$)/, '人民政府');
  return s;
}

/** Names of the regions above the issuing body's own are dropped: 泉州市鲤城区人民政府 → 鲤城区人民政府. */
export function stripHigherRegions(name: string): string {
  let s = name;
  for (let guard = 0; guard < 8; guard++) {
    const p = leadingPlace(s);
    if (!p) break;
    const rest = s.slice(p.length);
    // 泉州市鲤城区… → 鲤城区…; 鲤城区开元街道办事处 → 开元街道办事处 (the town code says where it is).
    if (rest && (leadingPlace(rest) || LOWER_BODY.test(rest))) {
      s = rest;
      continue;
    }
    const gov = /^(?:人民政府|政府)/.exec(rest);
    if (gov) {
      const after = rest.slice(gov[0].length);
      if (LOWER_BODY.test(after)) {
        s = after;
        continue;
      }
    }
    break;
  }
  return s;
}

/** A bare place (the title names only 鲤城区) means the place's own government, or a street's office. */
export function completeBody(name: string): string {
  if (BODY_SUFFIX.test(name)) return name;
  if (/街道$/.test(name)) return name + '办事处';
  return name + '人民政府';
}

export function agencyKind(name: string): AgencyKind {
  if (/街道(?:办事处|工作委员会)?$/.test(name)) return 'street';
  if (/[镇乡](?:人民政府|政府)?$/.test(name)) return 'town';
  if (/(?:政府办公室|政府办公厅|政府办)$/.test(name)) return 'office';
  if (/政府$/.test(name)) return 'government';
  if (BODY_SUFFIX.test(name)) return 'department';
  return 'other';
}
