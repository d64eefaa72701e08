ALTER TABLE "check_results" ALTER COLUMN "checks" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "report_tables" ALTER COLUMN "applications" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "report_tables" ALTER COLUMN "reviews" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "report_tables" ALTER COLUMN "proactive" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "warnings" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "warnings" SET DEFAULT '[]'::json;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "narrative" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "narrative" SET DEFAULT '{}'::json;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "sources" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "sources" SET DEFAULT '{}'::json;