DROP TABLE "application_rows" CASCADE;--> statement-breakpoint
DROP TABLE "proactive_figures" CASCADE;--> statement-breakpoint
DROP TABLE "review_rows" CASCADE;