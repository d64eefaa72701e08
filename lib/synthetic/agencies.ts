/**
 * Plausible agencies in real places: XX区人民政府, XX区人民政府办公室, XX区XX局, XX街道办事处, XX镇人民政府.
 */
import { listRegions, type RegionEntry } from '@/lib/report-parser/region';
import type { AgencyKind } from '@/lib/report-parser/types';
import type { Rng } from './prng';

export interface SyntheticAgency {
  name: string;
  kind: AgencyKind;
  regionCode: string;
  regionName: string;
}

const DEPARTMENTS = [
  '发展和改革局', '教育局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源局', '生态环境局',
  '住房和城乡建设局', '交通运输局', '农业农村局', '水利局', '商务局', '文化和旅游局', '卫生健康委员会', '应急管理局',
  '市场监督管理局', '统计局', '医疗保障局',
];

const PSEUDO = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let pools: { counties: RegionEntry[]; towns: RegionEntry[] } | null = null;

function regionPools(): { counties: RegionEntry[]; towns: RegionEntry[] } {
  if (!pools) {
    const counties: RegionEntry[] = [];
    const towns: RegionEntry[] = [];
    for (const e of listRegions()) {
      if (PSEUDO.has(e.name)) continue;
      if (e.level === 3) counties.push(e);
      else if (e.level === 4 && /(街道|镇|乡)$/.test(e.name)) towns.push(e);
    }
    pools = { counties, towns };
  }
  return pools;
}

export function pickAgency(rng: Rng): SyntheticAgency {
  const { counties, towns } = regionPools();
  const roll = rng.next();
  if (roll < 0.35) {
    const t = rng.pick(towns);
    const street = t.name.endsWith('街道');
    return {
      name: street ? `${t.name}办事处` : `${t.name}人民政府`,
      kind: street ? 'street' : 'town',
      regionCode: t.code,
      regionName: t.fullName,
    };
  }
  const c = rng.pick(counties);
  if (roll < 0.55) return { name: `${c.name}人民政府`, kind: 'government', regionCode: c.code, regionName: c.fullName };
  if (roll < 0.65) return { name: `${c.name}人民政府办公室`, kind: 'office', regionCode: c.code, regionName: c.fullName };
  return { name: `${c.name}${rng.pick(DEPARTMENTS)}`, kind: 'department', regionCode: c.code, regionName: c.fullName };
}
