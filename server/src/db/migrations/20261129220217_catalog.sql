CREATE TABLE "catalog_entries" (
	"course_id" uuid PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"status" text NOT NULL,
	"accreditation_number" text,
	"accredited_at" timestamp with time zone,
	"valid_from" date,
	"valid_until" date,
	"framework_id" uuid,
	"title_th" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_th" text NOT NULL,
	"summary_en" text NOT NULL,
	"provider_name_th" text NOT NULL,
	"provider_name_en" text NOT NULL,
	"target_groups" text[] NOT NULL,
	"skill_areas" text[] NOT NULL,
	"skill_levels" text[] NOT NULL,
	"levels" integer[] NOT NULL,
	"unit_codes" text[] NOT NULL,
	"hours" numeric(7, 1) NOT NULL,
	"delivery" text NOT NULL,
	"pacing" text,
	"language" text NOT NULL,
	"fee_baht" numeric(10, 2) NOT NULL,
	"provinces" text[] NOT NULL,
	"is_online" boolean NOT NULL,
	"next_run_on" date,
	"rating_avg" numeric(3, 2),
	"rating_count" integer DEFAULT 0 NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"title_terms" integer[] NOT NULL,
	"related_terms" integer[] NOT NULL,
	"search_text" text NOT NULL,
	"is_imported" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_ratings" (
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"content" smallint NOT NULL,
	"instructor" smallint NOT NULL,
	"usefulness" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_ratings_course_id_user_id_pk" PRIMARY KEY("course_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "course_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"registration_deadline" date,
	"mode" text NOT NULL,
	"province_code" text,
	"venue" text,
	"seats" integer NOT NULL,
	"is_cancelled" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_shortlists" (
	"agency_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"note" text,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_shortlists_agency_id_course_id_pk" PRIMARY KEY("agency_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "learning_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"verb" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" uuid NOT NULL,
	"run_id" uuid,
	"result" jsonb,
	"context" jsonb,
	"authority" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "source" text DEFAULT 'submission' NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD CONSTRAINT "catalog_entries_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD CONSTRAINT "catalog_entries_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_ratings" ADD CONSTRAINT "course_ratings_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_ratings" ADD CONSTRAINT "course_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_runs" ADD CONSTRAINT "course_runs_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_shortlists" ADD CONSTRAINT "course_shortlists_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_shortlists" ADD CONSTRAINT "course_shortlists_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_records" ADD CONSTRAINT "learning_records_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_records" ADD CONSTRAINT "learning_records_run_id_course_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."course_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_entries_search_idx" ON "catalog_entries" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "catalog_entries_trgm_idx" ON "catalog_entries" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_entries_groups_idx" ON "catalog_entries" USING gin ("target_groups");--> statement-breakpoint
CREATE INDEX "catalog_entries_areas_idx" ON "catalog_entries" USING gin ("skill_areas");--> statement-breakpoint
CREATE INDEX "catalog_entries_skill_levels_idx" ON "catalog_entries" USING gin ("skill_levels");--> statement-breakpoint
CREATE INDEX "catalog_entries_status_idx" ON "catalog_entries" USING btree ("status","accredited_at");--> statement-breakpoint
CREATE INDEX "catalog_entries_provider_idx" ON "catalog_entries" USING btree ("provider_id","title_th");--> statement-breakpoint
CREATE INDEX "catalog_entries_next_run_idx" ON "catalog_entries" USING btree ("next_run_on");--> statement-breakpoint
CREATE INDEX "course_runs_course_idx" ON "course_runs" USING btree ("course_id","starts_on");--> statement-breakpoint
CREATE INDEX "course_shortlists_course_idx" ON "course_shortlists" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "learning_records_actor_idx" ON "learning_records" USING btree ("actor_user_id","object_type","object_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_records_statement_key" ON "learning_records" USING btree ("actor_user_id","verb","object_type","object_id",coalesce("run_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "courses_external_id_key" ON "courses" USING btree ("external_id");--> statement-breakpoint
-- The catalogue's version: one row, bumped once per statement that changes the entries (search caches key on it).
INSERT INTO catalog_version (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER catalog_entries_version_bump AFTER INSERT OR UPDATE OR DELETE ON catalog_entries
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
--> statement-breakpoint
-- The search query for tokens segmented by the application (the same segmenter as the index): every
-- token must match, as itself (the last one also as a prefix, for partial words) or as its English stem.
-- Immutable (to_tsquery with a named configuration is), so the planner computes it once from the
-- parameters and estimates the matches from the real query.
CREATE FUNCTION catalog_query(tokens text[]) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  q tsquery;
  term tsquery;
  i integer;
  n integer := coalesce(array_length(tokens, 1), 0);
BEGIN
  FOR i IN 1 .. n LOOP
    term := to_tsquery('simple', quote_literal(tokens[i]) || CASE WHEN i = n THEN ':*' ELSE '' END)
      || to_tsquery('english', quote_literal(tokens[i]));
    q := CASE WHEN q IS NULL THEN term ELSE q && term END;
  END LOOP;
  RETURN q;
END $$;
--> statement-breakpoint
-- What search scans for every match (facet arrays, ranking terms, sort keys) stays in the row; long text
-- (titles, descriptions, the search vector the index alone consults) moves out of line, so the heap a
-- broad query reads is a fraction of the catalogue's size and stays in memory.
ALTER TABLE catalog_entries SET (toast_tuple_target = 256);
--> statement-breakpoint
ALTER TABLE catalog_entries
  ALTER COLUMN target_groups SET STORAGE MAIN,
  ALTER COLUMN skill_areas SET STORAGE MAIN,
  ALTER COLUMN skill_levels SET STORAGE MAIN,
  ALTER COLUMN levels SET STORAGE MAIN,
  ALTER COLUMN provinces SET STORAGE MAIN,
  ALTER COLUMN title_terms SET STORAGE MAIN,
  ALTER COLUMN related_terms SET STORAGE MAIN;
