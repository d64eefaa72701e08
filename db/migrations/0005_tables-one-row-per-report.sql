-- Tables 1, 3 and 4: one row per report with each table as the parser's JSON (row → column → value), instead of
-- one row per template row or figure in three tables. Existing figures are carried over as they are; the old
-- tables are dropped by the next migration.
CREATE TABLE "report_tables" (
	"report_id" integer PRIMARY KEY NOT NULL,
	"applications" jsonb NOT NULL,
	"reviews" jsonb NOT NULL,
	"proactive" jsonb NOT NULL
);
--> statement-breakpoint
INSERT INTO "report_tables" ("report_id", "applications", "reviews", "proactive")
SELECT r."id",
  coalesce((SELECT jsonb_object_agg(a."row_key", jsonb_build_object('naturalPerson', a."natural_person",
      'commercialEnterprise', a."commercial_enterprise", 'researchInstitution', a."research_institution",
      'publicInterestOrg', a."public_interest_org", 'legalServiceOrg', a."legal_service_org", 'otherOrg', a."other_org",
      'total', a."total"))
    FROM "application_rows" a WHERE a."report_id" = r."id"), '{}'::jsonb),
  coalesce((SELECT jsonb_object_agg(v."kind", jsonb_build_object('upheld', v."upheld", 'corrected', v."corrected",
      'other', v."other", 'pending', v."pending", 'total', v."total"))
    FROM "review_rows" v WHERE v."report_id" = r."id"), '{}'::jsonb),
  coalesce((SELECT jsonb_object_agg(g."row_key", g."fields")
    FROM (SELECT p."row_key", jsonb_object_agg(p."field", p."value") AS "fields"
      FROM "proactive_figures" p WHERE p."report_id" = r."id" GROUP BY p."row_key") g), '{}'::jsonb)
FROM "reports" r;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "report_tables" ALTER COLUMN "applications" SET COMPRESSION lz4;
    ALTER TABLE "report_tables" ALTER COLUMN "reviews" SET COMPRESSION lz4;
    ALTER TABLE "report_tables" ALTER COLUMN "proactive" SET COMPRESSION lz4;
  END IF;
END
$$;
