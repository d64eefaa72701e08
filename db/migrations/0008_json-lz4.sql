-- 0007 changed the JSON columns' type, and a change of type resets a column's compression to the server's default
-- (pglz): the provenance, narrative, warnings and tables, written with every report, were compressed by pglz again
-- (7% of the server's time per report at ingest). lz4 back on them, as 0003 and 0005 set it. Servers built without
-- lz4 (and PGlite) keep pglz: this is a no-op there.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "reports" ALTER COLUMN "sources" SET COMPRESSION lz4;
    ALTER TABLE "reports" ALTER COLUMN "narrative" SET COMPRESSION lz4;
    ALTER TABLE "reports" ALTER COLUMN "warnings" SET COMPRESSION lz4;
    ALTER TABLE "report_tables" ALTER COLUMN "applications" SET COMPRESSION lz4;
    ALTER TABLE "report_tables" ALTER COLUMN "reviews" SET COMPRESSION lz4;
    ALTER TABLE "report_tables" ALTER COLUMN "proactive" SET COMPRESSION lz4;
    ALTER TABLE "check_results" ALTER COLUMN "checks" SET COMPRESSION lz4;
  END IF;
END
$$;
