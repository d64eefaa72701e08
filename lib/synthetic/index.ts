/**
 * Deterministic synthetic reports for benchmarks and scale tests: text in every layout of the spec plus the
 * ground-truth ParsedReport. Stored with synthetic = true; never shown as real data.
 */
import type { TemplateKey } from '@/lib/report-parser/keys';
import type { ParsedReport } from '@/lib/report-parser/types';
import { pickAgency, type SyntheticAgency } from './agencies';
import { breakIdentities, computeChecks, makeFigures } from './figures';
import { LAYOUTS, renderDocument, type Layout } from './layouts';
import { mixSeed, mulberry32 } from './prng';
import { table1, table3, table4 } from './tables';

export { LAYOUTS, type Layout } from './layouts';

export interface SyntheticReport {
  index: number;
  fileName: string;
  layout: Layout;
  text: string;
  bytes: Uint8Array;
  truth: ParsedReport;
  /** Table-3 rows whose printed total was altered so that an identity fails. */
  broken: string[];
}

export interface GenerateOptions {
  seed?: number;
  /** Layouts to cycle through (all by default). */
  layouts?: readonly Layout[];
  /** Share of reports with one or two failing identities (0–1). */
  breakRate?: number;
  /** Consecutive years per agency; the carry-over (identity 7) holds between them. */
  yearsPerAgency?: number;
  firstYear?: number;
}

const FIRST_YEAR = 2019;

function templateFor(year: number): TemplateKey {
  return year >= 2021 ? '2021' : '2019';
}

const encoder = new TextEncoder();

/**
 * Generates reports lazily, one at a time, so memory stays flat however many are asked for. Report i belongs to
 * agency floor(i / yearsPerAgency) and year firstYear + i mod yearsPerAgency.
 */
export function* generateReports(count: number, opts: GenerateOptions = {}): Generator<SyntheticReport> {
  const seed = opts.seed ?? 1;
  const layouts = opts.layouts?.length ? opts.layouts : LAYOUTS;
  const years = opts.yearsPerAgency ?? 6;
  const firstYear = opts.firstYear ?? FIRST_YEAR;
  const breakRate = opts.breakRate ?? 0.1;
  let agency: SyntheticAgency | null = null;
  let lastForward: number | null = null;
  for (let i = 0; i < count; i++) {
    const agencyIndex = Math.floor(i / years);
    if (i % years === 0) {
      agency = pickAgency(mulberry32(mixSeed(seed, agencyIndex, 0xa9e)));
      lastForward = null;
    }
    const rng = mulberry32(mixSeed(seed, i));
    const year = firstYear + (i % years);
    const template = templateFor(year);
    const figures = makeFigures(rng, template, lastForward);
    lastForward = figures.applications.carriedForward?.total ?? null;
    const broken = rng.chance(breakRate) ? breakIdentities(rng, figures, template, rng.int(1, 2)) : [];
    const layout = layouts[i % layouts.length] as Layout;
    yield build(i, seed, agency as SyntheticAgency, year, template, figures, broken, layout, rng);
  }
}

function build(
  index: number,
  seed: number,
  agency: SyntheticAgency,
  year: number,
  template: TemplateKey,
  figures: ReturnType<typeof makeFigures>,
  broken: string[],
  layout: Layout,
  rng: ReturnType<typeof mulberry32>,
): SyntheticReport {
  const a = figures.applications;
  const title = `${agency.name}${year}年政府信息公开工作年度报告`;
  const notice = template === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号';
  const day = rng.int(5, 28);
  const publishedOn = `${year + 1}-01-${String(day).padStart(2, '0')}`;
  const overview = `${year}年，${agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》，共收到政府信息公开申请${a.newReceived?.total ?? 0}件，均已按时答复。`;
  const problems = '政务公开工作仍存在信息发布不够及时、政策解读形式较为单一等问题。下一步将加强培训，提升公开质量。';
  const fees = figures.feesCollectedYuan;
  const otherText =
    fees === null ? '无其他需要报告的事项。' : fees === 0 ? '本年度未收取信息处理费。' : `本年度共收取信息处理费${fees}元。`;
  const text = renderDocument(
    {
      title,
      preamble: [
        `本报告依据《中华人民共和国政府信息公开条例》（国务院令第711号）和《国务院办公厅政府信息与政务公开办公室关于印发中华人民共和国政府信息公开工作年度报告格式的通知》（${notice}）编制。本报告中所列数据统计期限为${year}年1月1日至12月31日。如对本报告有疑问，请与${agency.regionName}${agency.name}联系。`,
      ],
      sections: [
        { heading: '一、总体情况', paragraphs: [overview] },
        { heading: '二、主动公开政府信息情况', paragraphs: [], table: [table1(figures, template)] },
        { heading: '三、收到和处理政府信息公开申请情况', paragraphs: [], table: [table3(figures, template)] },
        { heading: '四、政府信息公开行政复议、行政诉讼情况', paragraphs: [], table: [table4(figures)] },
        { heading: '五、存在的主要问题及改进情况', paragraphs: [problems] },
        { heading: '六、其他需要报告的事项', paragraphs: [otherText] },
      ],
      signature: [agency.name, `${year + 1}年1月${day}日`],
      runningHeader: title,
    },
    layout,
    rng,
  );
  const truth: ParsedReport = {
    agencyName: agency.name,
    regionCode: agency.regionCode,
    regionName: agency.regionName,
    year,
    template,
    publishedOn,
    proactive: figures.proactive,
    applications: figures.applications,
    reviews: figures.reviews,
    feesCollectedYuan: fees,
    checks: computeChecks(figures, template),
    warnings: [],
    agencyKind: agency.kind,
    regionCandidates: [],
    documentNumber: null,
    title,
    narrative: { overview, problems, other: otherText },
    sources: {},
  };
  const ext = layout === 'html' ? 'html' : layout === 'markdown' ? 'md' : 'txt';
  return {
    index,
    fileName: `synthetic-${seed}-${String(index).padStart(7, '0')}.${ext}`,
    layout,
    text,
    bytes: encoder.encode(text),
    truth,
    broken,
  };
}
