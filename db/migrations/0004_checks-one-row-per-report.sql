-- Check results: one row per report with the checks as a JSON array (failures first, then by id), instead of one
-- row per check. Existing results are carried over as they are.
CREATE TABLE "check_results_compact" ("report_id" integer NOT NULL, "checks" jsonb NOT NULL);
--> statement-breakpoint
INSERT INTO "check_results_compact" ("report_id", "checks")
SELECT "report_id",
  jsonb_agg(jsonb_build_object('checkId', "check_id", 'passed', "passed", 'left', "left", 'right', "right", 'line', "line")
    ORDER BY "passed", "check_id" COLLATE "C")
FROM "check_results" GROUP BY "report_id";
--> statement-breakpoint
INSERT INTO "check_results_compact" ("report_id", "checks")
SELECT r."id", '[]'::jsonb FROM "reports" r
WHERE NOT EXISTS (SELECT 1 FROM "check_results_compact" c WHERE c."report_id" = r."id");
--> statement-breakpoint
DROP TABLE "check_results";
--> statement-breakpoint
ALTER TABLE "check_results_compact" RENAME TO "check_results";
--> statement-breakpoint
ALTER TABLE "check_results" ADD CONSTRAINT "check_results_pkey" PRIMARY KEY ("report_id");
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "check_results" ALTER COLUMN "checks" SET COMPRESSION lz4;
  END IF;
END
$$;
