DROP INDEX "check_results_check_idx";--> statement-breakpoint
DROP INDEX "check_results_failed_idx";--> statement-breakpoint
CREATE INDEX "check_results_failed_idx" ON "check_results" USING btree ("check_id") WHERE not "check_results"."passed";