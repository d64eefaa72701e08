-- Trigram indexes below need pg_trgm (PGlite: loaded as a contrib extension in db/index.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"region_code" text,
	"pinyin" text NOT NULL,
	"initials" text NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_rows" (
	"report_id" integer NOT NULL,
	"row_key" text NOT NULL,
	"natural_person" integer,
	"commercial_enterprise" integer,
	"research_institution" integer,
	"public_interest_org" integer,
	"legal_service_org" integer,
	"other_org" integer,
	"total" integer,
	CONSTRAINT "application_rows_report_id_row_key_pk" PRIMARY KEY("report_id","row_key")
);
--> statement-breakpoint
CREATE TABLE "check_results" (
	"report_id" integer NOT NULL,
	"check_id" text NOT NULL,
	"passed" boolean NOT NULL,
	"left" double precision,
	"right" double precision,
	"line" integer,
	CONSTRAINT "check_results_report_id_check_id_pk" PRIMARY KEY("report_id","check_id")
);
--> statement-breakpoint
CREATE TABLE "ingest_failures" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proactive_figures" (
	"report_id" integer NOT NULL,
	"row_key" text NOT NULL,
	"field" text NOT NULL,
	"value" double precision,
	CONSTRAINT "proactive_figures_report_id_row_key_field_pk" PRIMARY KEY("report_id","row_key","field")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" text,
	"full_name" text NOT NULL,
	"pinyin" text NOT NULL,
	"initials" text NOT NULL,
	"slug" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_totals" (
	"report_id" integer PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"is_current" boolean NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"province_code" text,
	"city_code" text,
	"county_code" text,
	"town_code" text,
	"new_received" integer,
	"carried_over" integer,
	"granted" integer,
	"partially_granted" integer,
	"denied" integer,
	"denied_state_secret" integer,
	"denied_prohibited_by_law" integer,
	"denied_endangers_safety" integer,
	"denied_third_party_rights" integer,
	"denied_internal_affairs" integer,
	"denied_process_information" integer,
	"denied_law_enforcement_file" integer,
	"denied_administrative_query" integer,
	"unable" integer,
	"not_processed" integer,
	"other_total" integer,
	"total_handled" integer,
	"carried_forward" integer,
	"natural_person" integer,
	"legal_persons" integer,
	"reconsideration_total" integer,
	"reconsideration_corrected" integer,
	"reconsideration_pending" integer,
	"litigation_total" integer,
	"litigation_corrected" integer,
	"litigation_pending" integer,
	"fees_collected_yuan" double precision,
	"checks_passed" smallint DEFAULT 0 NOT NULL,
	"checks_total" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"revision" smallint DEFAULT 1 NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"template" text NOT NULL,
	"published_on" date,
	"document_number" text,
	"title" text,
	"source_file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text NOT NULL,
	"source_text" text NOT NULL,
	"fees_collected_yuan" double precision,
	"region_name" text,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"parsed" jsonb NOT NULL,
	"checks_passed" smallint DEFAULT 0 NOT NULL,
	"checks_total" smallint DEFAULT 0 NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_rows" (
	"report_id" integer NOT NULL,
	"kind" text NOT NULL,
	"upheld" integer,
	"corrected" integer,
	"other" integer,
	"pending" integer,
	"total" integer,
	CONSTRAINT "review_rows_report_id_kind_pk" PRIMARY KEY("report_id","kind")
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_rows" ADD CONSTRAINT "application_rows_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_results" ADD CONSTRAINT "check_results_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proactive_figures" ADD CONSTRAINT "proactive_figures_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_totals" ADD CONSTRAINT "report_totals_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rows" ADD CONSTRAINT "review_rows_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_slug_idx" ON "agencies" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_name_region_idx" ON "agencies" USING btree ("name","region_code");--> statement-breakpoint
CREATE INDEX "agencies_region_idx" ON "agencies" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "agencies_name_trgm_idx" ON "agencies" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "check_results_failed_idx" ON "check_results" USING btree ("passed");--> statement-breakpoint
CREATE INDEX "check_results_check_idx" ON "check_results" USING btree ("check_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ingest_failures_sha_idx" ON "ingest_failures" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "regions_name_idx" ON "regions" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_slug_idx" ON "regions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "regions_name_trgm_idx" ON "regions" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "report_totals_year_province_idx" ON "report_totals" USING btree ("year","province_code") WHERE "report_totals"."is_current";--> statement-breakpoint
CREATE INDEX "report_totals_year_city_idx" ON "report_totals" USING btree ("year","city_code") WHERE "report_totals"."is_current";--> statement-breakpoint
CREATE INDEX "report_totals_year_county_idx" ON "report_totals" USING btree ("year","county_code") WHERE "report_totals"."is_current";--> statement-breakpoint
CREATE INDEX "report_totals_agency_year_idx" ON "report_totals" USING btree ("agency_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_sha256_idx" ON "reports" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_agency_year_rev_idx" ON "reports" USING btree ("agency_id","year","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_current_idx" ON "reports" USING btree ("agency_id","year") WHERE "reports"."is_current";--> statement-breakpoint
CREATE INDEX "reports_year_idx" ON "reports" USING btree ("year");--> statement-breakpoint
CREATE INDEX "reports_ingested_idx" ON "reports" USING btree ("ingested_at");