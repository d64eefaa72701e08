/**
 * Domain types of a parsed annual report: the JSON contract of `npx gongkai parse`
 * (../shared/spec/report-format.md, "The parse contract") plus the fields this project adds.
 */
import type { ApplicantColumn, ApplicationRow, ReviewKind, ReviewResult, TemplateKey } from './keys';

/** A table cell's value: the number as printed, or null for a blank cell. */
export type Cell = number | null;

export type ApplicantCells = Record<ApplicantColumn, Cell>;
export type ReviewCells = Record<ReviewResult, Cell>;

/** Table 1. Row key → field → value, with the rows and fields of the report's template. */
export type Proactive = Record<string, Record<string, Cell>>;

/** Table 3: every row of the template (2019 has no other* sub-rows; `otherTotal` is always present). */
export type Applications = Partial<Record<ApplicationRow, ApplicantCells>>;

/** Table 4. */
export type Reviews = Record<ReviewKind, ReviewCells>;

/**
 * One identity (勾稽关系) with both sides. Ids:
 * `row.<rowKey>` (identity 1), `outcomes.<column>` (2), `balance.<column>` (3), `other.<column>` (4),
 * `reviews.<kind>` (5), `narrative.<figure>` (6). Identity 7 (across years) is checked at ingest: `carryover.total`.
 */
export interface Check {
  id: string;
  passed: boolean;
  left: number | null;
  right: number | null;
  /** 1-based line of the source text the check is about, where there is one. */
  line?: number;
}

/** Warning codes. The UI translates them (messages `warnings.<code>`); `message` is an English fallback. */
export const WARNING_CODES = [
  'cells-missing', // a row had fewer cells than the template; the gap was placed by the identities
  'cells-extra', // a row had more cells than the template; the extras were dropped
  'cells-run-together', // digits without a delimiter were split using the identities
  'split-ambiguous', // more than one split / alignment fits the identities; the cells they disagree on stay null, all listed
  'value-inferred', // a blank or missing cell was given the value the identities force
  'value-blank', // a blank cell stays null
  'value-misread', // a cell printed with letters or a numeral for digits (O, 〇 for 0; l, I for 1) was read as those digits
  'label-fuzzy', // a row label matched only approximately (typo, OCR)
  'row-missing', // a template row was not found
  'table-missing', // a whole table (1 or 4) was not found
  'group-header-missing', // a group header such as （三）不予公开 was absent
  'template-mismatch', // the preamble cites the other template's notice
  'year-from-period', // no year in the title; taken from the statistics period
  'year-missing',
  'agency-missing',
  'region-ambiguous', // several gazetteer entries fit; candidates listed
  'region-unresolved',
  'region-nonstandard', // a zone mapped to the division it covers
  'region-coarse', // a town not listed under the county the text names: the county's code is used
  'published-date-missing',
  'unit-converted', // e.g. 万元 → 元
  'encoding-fallback', // bytes were not valid UTF-8 and were decoded as GB18030/UTF-16
  'truncated-character', // the bytes end inside a character (a cut-short file); the partial character is left out
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface Warning {
  code: WarningCode;
  /** The table-3 row key, table-1 row key or review kind concerned, where there is one. */
  row?: string;
  /** 1-based line of the source text. */
  line?: number;
  message: string;
  /** Extra detail, e.g. the candidate splits or region codes. */
  detail?: unknown;
}

/** Where one extracted number came from: 1-based line of the source text and 0-based cell index on that line. */
export interface SourceRef {
  line: number;
  cell: number;
  /** The raw text of that cell as printed. */
  raw?: string;
  /** For a value computed from others (template 2021 `otherTotal`): the source paths it adds up. */
  derivedFrom?: string[];
}

export type AgencyKind = 'government' | 'office' | 'department' | 'town' | 'street' | 'other';

export interface RegionCandidate {
  code: string;
  name: string;
}

export interface Narrative {
  /** 一、总体情况 */
  overview: string | null;
  /** 五、存在的主要问题及改进情况 */
  problems: string | null;
  /** 六、其他需要报告的事项 */
  other: string | null;
}

export interface ParsedReport {
  agencyName: string | null;
  /** Most specific GB/T 2260 code: 6 digits for a province (320000), city (320800) or county, 9 for a town or street; null when unresolved. */
  regionCode: string | null;
  /** Full path, e.g. 福建省泉州市鲤城区. */
  regionName: string | null;
  year: number | null;
  template: TemplateKey;
  /** ISO date signed at the end, or null. */
  publishedOn: string | null;
  proactive: Proactive;
  applications: Applications;
  reviews: Reviews;
  /** 信息处理费 in 元; 0 when the report says none; null when it says nothing. */
  feesCollectedYuan: number | null;
  checks: Check[];
  warnings: Warning[];

  // --- fields this project adds ---
  agencyKind: AgencyKind | null;
  /** Other gazetteer entries that also fit, when the region is ambiguous. */
  regionCandidates: RegionCandidate[];
  /** e.g. 泉鲤政开办文〔2021〕1号 */
  documentNumber: string | null;
  /** Title line as printed, or null when the report has none. */
  title: string | null;
  narrative: Narrative;
  /**
   * Provenance: dotted path of each extracted number → where it was printed, e.g.
   * `applications.newReceived.total`, `reviews.reconsideration.upheld`, `proactive.fees.amountTenThousandYuan`,
   * `feesCollectedYuan`.
   */
  sources: Record<string, SourceRef>;
}

export type InputFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

export const ERROR_CODES = [
  'empty',
  'binary',
  'too-large',
  'not-a-report',
  'truncated', // ends before table 3 or inside it
  'unreadable', // PDF/DOCX that could not be opened
  'internal', // a bug: caught, reported, never thrown
] as const;
export type ParseErrorCode = (typeof ERROR_CODES)[number];

export interface ParseError {
  code: ParseErrorCode;
  message: string;
}

/** What the parser returns for one input. `text` is the normalised source text that `line` numbers refer to. */
export type ParseResult =
  | { ok: true; report: ParsedReport; text: string; format: InputFormat; encoding: string }
  | { ok: false; error: ParseError; text?: string; format?: InputFormat; encoding?: string };
