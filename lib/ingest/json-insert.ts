/**
 * Multi-table inserts in one statement: rows travel as one JSON parameter and are expanded by
 * json_populate_recordset on the server. One round trip per report instead of one per table, and no per-cell
 * parameter binding. Column names come from the schema, never from input.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

function columnName(table: PgTable, key: string): string {
  const c = (getTableColumns(table) as Record<string, { name: string } | undefined>)[key];
  if (!c) throw new Error(`no column ${key} in the table`);
  return c.name;
}

function ident(name: string, prefix?: string): SQL {
  return prefix ? sql`${sql.identifier(prefix)}.${sql.identifier(name)}` : sql`${sql.identifier(name)}`;
}

/**
 * `INSERT INTO table (cols) SELECT … FROM json_populate_recordset(…)`. `exprs` gives columns whose value is an
 * SQL expression for every row instead (e.g. the report id from CTE `r`); those keys are not read from the rows.
 */
export function insertRowsSql(table: PgTable, rows: Record<string, unknown>[], exprs: Record<string, SQL> = {}): SQL {
  const keys = Object.keys(rows[0] ?? {}).filter((k) => !(k in exprs));
  const names = keys.map((k) => columnName(table, k));
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(keys.map((k, i) => [names[i], r[k] ?? null]))));
  const exprKeys = Object.keys(exprs);
  const cols = sql.join([...exprKeys.map((k) => ident(columnName(table, k))), ...names.map((n) => ident(n))], sql`, `);
  const values = sql.join([...exprKeys.map((k) => exprs[k] as SQL), ...names.map((n) => ident(n, 'x'))], sql`, `);
  return sql`insert into ${table} (${cols}) select ${values} from json_populate_recordset(null::${table}, ${json}::json) as x`;
}

export interface ReportTree {
  /** Statements that must run first, as named CTEs (e.g. `ag` inserting the agency). */
  before?: { name: string; sql: SQL }[];
  report: { table: PgTable; row: Record<string, unknown>; exprs?: Record<string, SQL> };
  /** Rows that reference the report (their `reportId` comes from CTE `r`). */
  children: { table: PgTable; rows: Record<string, unknown>[]; exprs?: Record<string, SQL> }[];
  /** Further data-modifying statements of the same statement. */
  also?: SQL[];
}

/**
 * Inserts the report row (CTE `r`) and its dependent rows in one statement, which is one transaction: all or
 * nothing. The foreign keys are checked at the end of the statement, when `r`'s row exists. Returns `id`.
 */
export function insertReportTreeSql(tree: ReportTree): SQL {
  const parts: SQL[] = (tree.before ?? []).map((b) => sql`${sql.identifier(b.name)} as (${b.sql})`);
  parts.push(sql`r as (${insertRowsSql(tree.report.table, [tree.report.row], tree.report.exprs)} returning id)`);
  tree.children
    .filter((c) => c.rows.length > 0)
    .forEach((c, i) =>
      parts.push(sql`${sql.identifier(`c${i}`)} as (${insertRowsSql(c.table, c.rows, { ...c.exprs, reportId: sql`(select id from r)` })})`),
    );
  (tree.also ?? []).forEach((q, i) => parts.push(sql`${sql.identifier(`a${i}`)} as (${q})`));
  return sql`with ${sql.join(parts, sql`, `)} select id from r`;
}
