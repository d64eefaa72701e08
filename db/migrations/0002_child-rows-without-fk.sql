ALTER TABLE "application_rows" DROP CONSTRAINT "application_rows_report_id_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "check_results" DROP CONSTRAINT "check_results_report_id_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "proactive_figures" DROP CONSTRAINT "proactive_figures_report_id_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "review_rows" DROP CONSTRAINT "review_rows_report_id_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "reports" DROP COLUMN "parsed";