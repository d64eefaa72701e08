/**
 * The database: regions (GB/T 2260), agencies, reports with revisions, the figures of tables 1, 3 and 4,
 * check results and ingest failures. snake_case in SQL, camelCase in TypeScript.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  json,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** GB/T 2260 divisions: province (2-digit code), city (4), county (6), town or street (9). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** 1 province, 2 city, 3 county, 4 town/street */
    level: smallint('level').notNull(),
    parentCode: text('parent_code'),
    /** 福建省泉州市鲤城区 */
    fullName: text('full_name').notNull(),
    /** lower-case pinyin without tones or spaces, e.g. lichengqu */
    pinyin: text('pinyin').notNull(),
    /** pinyin initials, e.g. lcq */
    initials: text('initials').notNull(),
    /** readable ASCII slug, unique */
    slug: text('slug').notNull(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_name_idx').on(t.name),
    uniqueIndex('regions_slug_idx').on(t.slug),
    // pg_trgm (created by migration 0000; PGlite loads the contrib extension in db/index.ts) for fuzzy name search
    index('regions_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);
export type Region = typeof regions.$inferSelect;

export const AGENCY_KINDS = ['government', 'office', 'department', 'town', 'street', 'other'] as const;

export const agencies = pgTable(
  'agencies',
  {
    id: serial('id').primaryKey(),
    /** stable, readable ASCII slug (pinyin), e.g. fujian-quanzhou-licheng-qu-renmin-zhengfu */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: AGENCY_KINDS }).notNull().default('other'),
    regionCode: text('region_code').references(() => regions.code),
    pinyin: text('pinyin').notNull(),
    initials: text('initials').notNull(),
    /** Synthetic agencies (benchmarks) are never shown as real data. */
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agencies_slug_idx').on(t.slug),
    uniqueIndex('agencies_name_region_idx').on(t.name, t.regionCode),
    index('agencies_region_idx').on(t.regionCode),
    index('agencies_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);
export type Agency = typeof agencies.$inferSelect;

export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: smallint('year').notNull(),
    /** 1 for the first version ingested for this agency and year, then 2, 3, … */
    revision: smallint('revision').notNull().default(1),
    /** The newest revision for (agency, year): the one shown. */
    isCurrent: boolean('is_current').notNull().default(true),
    template: text('template', { enum: ['2019', '2021'] }).notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    documentNumber: text('document_number'),
    title: text('title'),
    sourceFileName: text('source_file_name').notNull(),
    sha256: text('sha256').notNull(),
    format: text('format').notNull(),
    encoding: text('encoding').notNull(),
    /** The normalised source text that every `line` refers to. */
    sourceText: text('source_text').notNull(),
    feesCollectedYuan: doublePrecision('fees_collected_yuan'),
    regionName: text('region_name'),
    // JSON_NOTE — the JSON columns are `json`, not `jsonb`: they are written once, read whole and never searched,
    // so they keep the parser's text as it came. Building jsonb (parsing every value, sorting every object's keys)
    // was the largest share of the server's time per stored report, and reading it back re-serialises it.
    warnings: json('warnings').notNull().default(sql`'[]'::json`),
    narrative: json('narrative').notNull().default(sql`'{}'::json`),
    /** provenance: figure path → {line, cell, raw} */
    sources: json('sources').notNull().default(sql`'{}'::json`),
    checksPassed: smallint('checks_passed').notNull().default(0),
    checksTotal: smallint('checks_total').notNull().default(0),
    /** Generated test data (lib/synthetic, `gongkai ingest --synthetic`): pages and the API leave these out. */
    synthetic: boolean('synthetic').notNull().default(false),
    ingestedAt: timestamp('ingested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_sha256_idx').on(t.sha256),
    uniqueIndex('reports_agency_year_rev_idx').on(t.agencyId, t.year, t.revision),
    uniqueIndex('reports_current_idx')
      .on(t.agencyId, t.year)
      .where(sql`${t.isCurrent}`),
    index('reports_year_idx').on(t.year),
    index('reports_ingested_idx').on(t.ingestedAt),
  ],
);
export type Report = typeof reports.$inferSelect;

/**
 * CHILD_ROWS_NOTE — the per-report rows below (tables 1, 3 and 4, and the checks) carry no foreign
 * key to reports. They are written only inside the one statement that inserts their report (lib/ingest), so they
 * cannot exist without it, and reports are never deleted (a changed report becomes a new revision). With the
 * keys, PostgreSQL ran one referential-integrity query per child row: about half the server's time per report at
 * ingest. tests/db checks that no child row lacks its report. report_totals keeps its key (one row per report).
 */
/**
 * Tables 1, 3 and 4 of a report as the parser reads them (the JSON contract of ../shared/spec/report-format.md:
 * `applications` row key → applicant column → count, `reviews` kind → result → count, `proactive` row key →
 * field → value; a blank cell is null), one row per report. Every figure that is compared across agencies, years
 * or regions is also a column of report_totals, indexed for rankings; this row is what one report's page, its
 * agency's charts and the open data read whole. It was ~40 rows per report in three tables (one per template row
 * or figure): about a third of the database's time per stored report went to inserting and indexing them.
 */
export const reportTables = pgTable('report_tables', {
  // No foreign key: see CHILD_ROWS_NOTE.
  reportId: integer('report_id').primaryKey(),
  // json, not jsonb: see JSON_NOTE.
  applications: json('applications').notNull().$type<Record<string, ApplicantCells>>(),
  reviews: json('reviews').notNull().$type<Record<string, ReviewCells>>(),
  proactive: json('proactive').notNull().$type<Record<string, Record<string, number | null>>>(),
});
export type ApplicantCells = Record<'naturalPerson' | 'commercialEnterprise' | 'researchInstitution' | 'publicInterestOrg' | 'legalServiceOrg' | 'otherOrg' | 'total', number | null>;
export type ReviewCells = Record<'upheld' | 'corrected' | 'other' | 'pending' | 'total', number | null>;
export type ReportTablesRecord = typeof reportTables.$inferSelect;

/**
 * One wide row per report with the totals every page, chart and ranking needs, and the region path, so that
 * rankings are one indexed GROUP BY without joins. Rebuilt from the rows above at ingest.
 */
export const reportTotals = pgTable(
  'report_totals',
  {
    reportId: integer('report_id')
      .primaryKey()
      .references(() => reports.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id').notNull(),
    year: smallint('year').notNull(),
    isCurrent: boolean('is_current').notNull(),
    /** Copied from reports.synthetic so rankings can filter without a join. */
    synthetic: boolean('synthetic').notNull().default(false),
    provinceCode: text('province_code'),
    cityCode: text('city_code'),
    countyCode: text('county_code'),
    townCode: text('town_code'),
    newReceived: integer('new_received'),
    carriedOver: integer('carried_over'),
    granted: integer('granted'),
    partiallyGranted: integer('partially_granted'),
    denied: integer('denied'),
    deniedStateSecret: integer('denied_state_secret'),
    deniedProhibitedByLaw: integer('denied_prohibited_by_law'),
    deniedEndangersSafety: integer('denied_endangers_safety'),
    deniedThirdPartyRights: integer('denied_third_party_rights'),
    deniedInternalAffairs: integer('denied_internal_affairs'),
    deniedProcessInformation: integer('denied_process_information'),
    deniedLawEnforcementFile: integer('denied_law_enforcement_file'),
    deniedAdministrativeQuery: integer('denied_administrative_query'),
    unable: integer('unable'),
    notProcessed: integer('not_processed'),
    otherTotal: integer('other_total'),
    totalHandled: integer('total_handled'),
    carriedForward: integer('carried_forward'),
    naturalPerson: integer('natural_person'),
    legalPersons: integer('legal_persons'),
    reconsiderationTotal: integer('reconsideration_total'),
    reconsiderationCorrected: integer('reconsideration_corrected'),
    reconsiderationPending: integer('reconsideration_pending'),
    litigationTotal: integer('litigation_total'),
    litigationCorrected: integer('litigation_corrected'),
    litigationPending: integer('litigation_pending'),
    feesCollectedYuan: doublePrecision('fees_collected_yuan'),
    checksPassed: smallint('checks_passed').notNull().default(0),
    checksTotal: smallint('checks_total').notNull().default(0),
  },
  (t) => [
    index('report_totals_year_province_idx').on(t.year, t.provinceCode).where(sql`${t.isCurrent}`),
    index('report_totals_year_city_idx').on(t.year, t.cityCode).where(sql`${t.isCurrent}`),
    index('report_totals_year_county_idx').on(t.year, t.countyCode).where(sql`${t.isCurrent}`),
    index('report_totals_agency_year_idx').on(t.agencyId, t.year),
  ],
);
export type ReportTotals = typeof reportTotals.$inferSelect;

/**
 * Every identity of a report, with both sides: one row per report, the checks as a JSON array of
 * {checkId, passed, left, right, line}, failures first, then by id (the order the report page shows). One row
 * rather than one per check: ~50 rows per report were most of the database's rows, size and ingest time, and
 * checks are only ever read a report at a time.
 */
export const checkResults = pgTable('check_results', {
  // No foreign key: see CHILD_ROWS_NOTE.
  reportId: integer('report_id').primaryKey(),
  // json, not jsonb: see JSON_NOTE.
  checks: json('checks').notNull().$type<StoredCheck[]>(),
});
export interface StoredCheck {
  checkId: string;
  passed: boolean;
  left: number | null;
  right: number | null;
  line: number | null;
}
export type CheckResult = typeof checkResults.$inferSelect;

/** A file that could not be parsed or stored: its reason and its bytes, so nothing is lost. */
export const ingestFailures = pgTable(
  'ingest_failures',
  {
    id: serial('id').primaryKey(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    bytes: bytea('bytes').notNull(),
    /** How many ingests have failed on these bytes; the row is deleted once they ingest successfully. */
    attempts: integer('attempts').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ingest_failures_sha_idx').on(t.sha256)],
);
export type IngestFailure = typeof ingestFailures.$inferSelect;
