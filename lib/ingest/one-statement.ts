/**
 * The common ingest case as one prepared statement whose text does not change from report to report: the
 * neighbour look-up, then the agency (when new), the report row and its dependent rows in one INSERT … WITH
 * statement (one statement is one transaction). Each row is one bound parameter per column, cast to the column's
 * type (a table of several rows travels as one JSON parameter, expanded by json_populate_recordset), so no SQL is
 * built per report. Rows as JSON text had the server lex every row, then parse each JSON column again, and sort
 * every object's keys when the parameter was jsonb: about a third of its time per report.
 */
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rawQuery, type Db } from '@/db';
import { agencies, checkResults, ingestFailures, reports, reportTotals } from '@/db/schema';
import type { Check } from '@/lib/report-parser/types';
import { CARRYOVER_CHECK_ID, checkListOf } from './rows';

export interface NeighbourRow {
  agency_id: number;
  agency_name: string;
  id: number | null;
  year: number | null;
  revision: number | null;
  is_current: boolean | null;
  carried_over: number | null;
  carried_forward: number | null;
}

const NEIGHBOURS_SQL = `select a.id as agency_id, a.name as agency_name, r.id, r.year, r.revision, r.is_current,
    t.carried_over, t.carried_forward
  from ${q(getTableName(agencies))} a
  left join ${q(getTableName(reports))} r on r.agency_id = a.id and r.year between $2::int - 1 and $2::int + 1
  left join ${q(getTableName(reportTotals))} t on t.report_id = r.id
  where a.slug = $1::text`;

export function selectNeighbours(db: Db, slug: string, year: number): Promise<NeighbourRow[]> {
  return rawQuery<NeighbourRow>(db, NEIGHBOURS_SQL, [slug, year]);
}

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Property name → column name, per table (the JSON keys must be the column names). */
const columnNames = new WeakMap<PgTable, Map<string, string>>();
function namesOf(table: PgTable): Map<string, string> {
  let m = columnNames.get(table);
  if (!m) {
    m = new Map(Object.entries(getTableColumns(table)).map(([k, c]) => [k, (c as { name: string }).name]));
    columnNames.set(table, m);
  }
  return m;
}

/** A table's rows as a JSON array keyed by column names, and the column list (the keys of the first row). */
function rowsJson(table: PgTable, rows: Record<string, unknown>[], skip: string[]): { json: string; cols: string[] } {
  const names = namesOf(table);
  const first = rows[0];
  if (!first) return { json: '[]', cols: [] };
  const keys = Object.keys(first).filter((k) => !skip.includes(k));
  const cols = keys.map((k) => {
    const n = names.get(k);
    if (!n) throw new Error(`no column ${k} in ${getTableName(table)}`);
    return n;
  });
  const out: Record<string, unknown>[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Record<string, unknown>;
    const o: Record<string, unknown> = {};
    for (let j = 0; j < keys.length; j++) o[cols[j] as string] = r[keys[j] as string] ?? null;
    out[i] = o;
  }
  return { json: JSON.stringify(out), cols };
}

/** SQL type of each column (by column name), per table, for the casts of bound parameters. */
const columnTypes = new WeakMap<PgTable, Map<string, string>>();
function typesOf(table: PgTable): Map<string, string> {
  let m = columnTypes.get(table);
  if (!m) {
    m = new Map(Object.values(getTableColumns(table)).map((c) => [(c as { name: string }).name, (c as unknown as { getSQLType(): string }).getSQLType()]));
    columnTypes.set(table, m);
  }
  return m;
}

/**
 * One row as one bound parameter per column, each cast to its column's type: the server reads each value with
 * its type's own input function, where a JSON row was lexed whole and its JSON columns then parsed a second time.
 * A json/jsonb column's value travels as its JSON text.
 */
interface RowParams {
  cols: string[];
  types: string[];
  values: unknown[];
}
function rowParams(table: PgTable, row: Record<string, unknown>, skip: string[]): RowParams {
  const names = namesOf(table);
  const types = typesOf(table);
  const out: RowParams = { cols: [], types: [], values: [] };
  for (const key of Object.keys(row)) {
    if (skip.includes(key)) continue;
    const col = names.get(key);
    if (!col) throw new Error(`no column ${key} in ${getTableName(table)}`);
    const type = types.get(col) ?? 'text';
    const v = row[key];
    out.cols.push(col);
    out.types.push(type);
    out.values.push(v === undefined || v === null ? null : type === 'jsonb' || type === 'json' ? JSON.stringify(v) : v);
  }
  return out;
}

export interface OneStatementInput {
  /** The agency's id, or null to insert it (CTE `ag`; a concurrent insert leaves agency_id null → 23502). */
  agencyId: number | null;
  /**
   * The current report of the same agency and year that this one supersedes (a new revision), or null. It is
   * marked not current in the same statement; if a concurrent writer did so first, nothing is inserted (23502).
   */
  replacesId: number | null;
  /**
   * The current report of the following year, whose identity 7 (its carried-over against this report's carried
   * forward) changes with this one: the check to store on it, or null to remove it (a side is blank). Its check
   * counts are recomputed in the same statement.
   */
  nextYear: { id: number; check: Check | null } | null;
  agency: { slug: string; name: string; kind: string; regionCode: string | null; pinyin: string; initials: string; synthetic: boolean };
  sha256: string;
  report: Record<string, unknown>;
  totals: Record<string, unknown>;
  children: { table: PgTable; rows: Record<string, unknown>[] }[];
}

// Statement texts by shape (new agency or not, and each table's column list): in practice two texts per process.
const texts = new Map<string, string>();

type ChildShape = { table: PgTable; single: true; cols: string[]; types: string[] } | { table: PgTable; single: false; cols: string[] };

function statementText(newAgency: boolean, replaces: boolean, nextYear: boolean, report: RowParams, totals: RowParams, children: ChildShape[]): string {
  const shape = (cols: string[], types?: string[]) => (types ? cols.map((c, i) => `${c}:${types[i]}`) : cols).join(',');
  const key = `${newAgency}|${replaces}|${nextYear}|${shape(report.cols, report.types)}|${shape(totals.cols, totals.types)}|${children
    .map((c) => `${c.single}:${shape(c.cols, c.single ? c.types : undefined)}`)
    .join('|')}`;
  let text = texts.get(key);
  if (text !== undefined) return text;
  // Parameters: the agency ($1..$7 when new, else its id as $1), then sha256, the superseded report's id when there
  // is one, the report's source text and columns, the totals' columns, the children, and the next year's report
  // id and check when there is one.
  let n = newAgency ? 7 : 1;
  const next = () => `$${++n}`;
  const casts = (types: string[]) => types.map((t) => `${next()}::${t}`).join(', ');
  const agencyExpr = newAgency ? '(select id from ag)' : '$1::int';
  const x = (cols: string[]) => cols.map((c) => `x.${q(c)}`).join(', ');
  const list = (cols: string[]) => cols.map(q).join(', ');
  const parts: string[] = [];
  if (newAgency) {
    parts.push(`ag as (insert into ${q(getTableName(agencies))} (slug, name, kind, region_code, pinyin, initials, synthetic)
      values ($1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::boolean) on conflict do nothing returning id)`);
  }
  const sha = next();
  const rt = q(getTableName(reports));
  const tt = q(getTableName(reportTotals));
  let guard = '';
  if (replaces) {
    // The old revision steps down first: r's condition reads `old`, so its update runs before the insert, and
    // the unique index on the current (agency, year) sees that row as deleted by this transaction.
    const old = next();
    parts.push(`old as (update ${rt} set is_current = false where id = ${old}::int and is_current returning id)`);
    parts.push(`oldt as (update ${tt} set is_current = false where report_id = (select id from old))`);
    guard = ' where (select count(*) from old) = 1';
  }
  parts.push(`r as (insert into ${rt} (agency_id, source_text, ${list(report.cols)})
    select ${agencyExpr}, ${next()}::text, ${casts(report.types)}${guard} returning id)`);
  parts.push(`t as (insert into ${tt} (report_id, agency_id, ${list(totals.cols)})
    select (select id from r), ${agencyExpr}, ${casts(totals.types)})`);
  children.forEach((c, i) => {
    if (c.cols.length === 0) return;
    const ct = q(getTableName(c.table));
    parts.push(
      c.single
        ? `c${i} as (insert into ${ct} (report_id, ${list(c.cols)}) select (select id from r), ${casts(c.types)})`
        : `c${i} as (insert into ${ct} (report_id, ${list(c.cols)})
      select (select id from r), ${x(c.cols)} from json_populate_recordset(null::${ct}, ${next()}::text::json) as x)`,
    );
  });
  // Bytes that failed before and now store: their failure is resolved.
  parts.push(`f as (delete from ${q(getTableName(ingestFailures))} where sha256 = ${sha}::text)`);
  if (nextYear) parts.push(...nextYearCtes(next(), next()));
  text = `with ${parts.join(',\n')} select id from r`;
  texts.set(key, text);
  return text;
}

/**
 * Identity 7 of the following year's report: its carry-over check replaced by `check` (JSON text, or null to
 * remove it), the list kept in its order (failures first, then by id), its counts set from the new list. `id` and
 * `check` are the placeholders to use. The statement's CTEs all see the rows as they were before it: this reads
 * the list it rewrites from its own RETURNING.
 */
export function nextYearCtes(id: string, check: string): string[] {
  const ct = q(getTableName(checkResults));
  const carry = `'${CARRYOVER_CHECK_ID}'`;
  return [
    `nc as (update ${ct} set checks = (
        select coalesce(json_agg(e.v order by (e.v->>'passed')::boolean, e.v->>'checkId' collate "C"), '[]'::json)
        from (select a.v from json_array_elements(checks) as a(v) where a.v->>'checkId' <> ${carry}
              union all select ${check}::text::json where ${check}::text is not null) as e(v))
      where report_id = ${id}::int returning checks)`,
    `ncount as (select (count(*) filter (where (a.v->>'passed')::boolean))::int as p, count(*)::int as t
      from nc, json_array_elements(nc.checks) as a(v))`,
    `nr as (update ${q(getTableName(reports))} set checks_passed = c.p, checks_total = c.t from ncount c where id = ${id}::int)`,
    `nt as (update ${q(getTableName(reportTotals))} set checks_passed = c.p, checks_total = c.t
      from ncount c where report_id = ${id}::int)`,
  ];
}

/** The same edit as its own statement, for the general path's transaction (constant text, bound parameters). */
export function nextYearSql(nextId: number, check: string | null): SQL {
  const text = `with ${nextYearCtes('$1', '$2').join(',\n')} select 1`;
  return sql.join(
    text.split(/(\$[12])(?!\d)/).map((part) => (part === '$1' ? sql`${nextId}` : part === '$2' ? sql`${check}` : sql.raw(part))),
    sql``,
  );
}

/** A stored check as the JSON text the statements take. */
export function checkJson(check: Check | null): string | null {
  return check ? JSON.stringify(checkListOf([check])[0]) : null;
}

/** Runs the insert; returns the new report id. */
export async function insertReportOneStatement(db: Db, input: OneStatementInput): Promise<number> {
  // The source text (the largest value by far) has its own parameter, first among the report's.
  const report = rowParams(reports, input.report, ['agencyId', 'sourceText']);
  const totals = rowParams(reportTotals, input.totals, ['agencyId', 'reportId']);
  const children = input.children.map((c) => {
    const only = c.rows.length === 1 ? c.rows[0] : undefined;
    if (only) return { table: c.table, single: true as const, ...rowParams(c.table, only, ['reportId']) };
    return { table: c.table, single: false as const, ...rowsJson(c.table, c.rows, ['reportId']) };
  });
  const text = statementText(input.agencyId === null, input.replacesId !== null, input.nextYear !== null, report, totals, children);
  const a = input.agency;
  const params: unknown[] =
    input.agencyId === null ? [a.slug, a.name, a.kind, a.regionCode, a.pinyin, a.initials, a.synthetic] : [input.agencyId];
  params.push(input.sha256);
  if (input.replacesId !== null) params.push(input.replacesId);
  params.push(String(input.report['sourceText'] ?? ''), ...report.values, ...totals.values);
  for (const c of children) {
    if (c.cols.length === 0) continue;
    if (c.single) params.push(...c.values);
    else params.push(c.json);
  }
  if (input.nextYear) params.push(input.nextYear.id, checkJson(input.nextYear.check));
  const [row] = await rawQuery<{ id: number }>(db, text, params);
  if (!row) throw new Error('insert into reports returned no row');
  return Number(row.id);
}
