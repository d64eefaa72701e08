-- The report's source text and provenance are compressed when stored (TOAST). lz4 compresses several times
-- faster than the default pglz at a similar ratio (pglz was ~7% of the server's time per stored report). Servers
-- built without lz4 (and PGlite) keep pglz: this is a no-op there.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "reports" ALTER COLUMN "source_text" SET COMPRESSION lz4;
    ALTER TABLE "reports" ALTER COLUMN "sources" SET COMPRESSION lz4;
    ALTER TABLE "reports" ALTER COLUMN "narrative" SET COMPRESSION lz4;
    ALTER TABLE "reports" ALTER COLUMN "warnings" SET COMPRESSION lz4;
    ALTER TABLE "ingest_failures" ALTER COLUMN "bytes" SET COMPRESSION lz4;
  END IF;
END
$$;
