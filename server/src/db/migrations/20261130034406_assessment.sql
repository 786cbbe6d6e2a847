CREATE TABLE "assessment_answers" (
	"attempt_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"response" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"score" numeric(4, 2),
	CONSTRAINT "assessment_answers_attempt_id_position_pk" PRIMARY KEY("attempt_id","position")
);
--> statement-breakpoint
CREATE TABLE "assessment_attempt_questions" (
	"attempt_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"item_version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"option_ids" jsonb NOT NULL,
	CONSTRAINT "assessment_attempt_questions_attempt_id_position_pk" PRIMARY KEY("attempt_id","position")
);
--> statement-breakpoint
CREATE TABLE "assessment_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"attempt_no" integer NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"seed" integer NOT NULL,
	"question_count" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"score_raw" numeric(8, 2),
	"score_max" integer,
	"passed" boolean,
	"results" jsonb
);
--> statement-breakpoint
CREATE TABLE "assessment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"kind" text NOT NULL,
	"framework_id" uuid NOT NULL,
	"skill_area_code" text NOT NULL,
	"unit_code" text,
	"level" smallint NOT NULL,
	"difficulty" smallint NOT NULL,
	"stem_th" text NOT NULL,
	"stem_en" text DEFAULT '' NOT NULL,
	"case_th" text,
	"case_en" text,
	"options" jsonb NOT NULL,
	"key" jsonb NOT NULL,
	"explanation_th" text,
	"explanation_en" text,
	"image_file_id" uuid,
	"is_sample" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_skill_results" (
	"attempt_id" uuid NOT NULL,
	"skill_area_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_skill_results_attempt_id_skill_area_code_pk" PRIMARY KEY("attempt_id","skill_area_code")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text NOT NULL,
	"description_th" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"blueprint" jsonb NOT NULL,
	"time_limit_minutes" integer NOT NULL,
	"pass_marks" jsonb NOT NULL,
	"max_attempts" integer DEFAULT 1 NOT NULL,
	"target_group_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_assessment_levels" (
	"self_assessment_id" uuid NOT NULL,
	"skill_area_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "self_assessment_levels_self_assessment_id_skill_area_code_pk" PRIMARY KEY("self_assessment_id","skill_area_code")
);
--> statement-breakpoint
CREATE TABLE "self_assessment_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"skill_area_code" text NOT NULL,
	"level" smallint NOT NULL,
	"text_th" text NOT NULL,
	"text_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_sample" boolean DEFAULT true NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"ratings" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_attempt_id_assessment_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."assessment_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_attempt_questions" ADD CONSTRAINT "assessment_attempt_questions_attempt_id_assessment_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."assessment_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_attempt_questions" ADD CONSTRAINT "assessment_attempt_questions_item_version_id_assessment_items_id_fk" FOREIGN KEY ("item_version_id") REFERENCES "public"."assessment_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_attempts" ADD CONSTRAINT "assessment_attempts_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_attempts" ADD CONSTRAINT "assessment_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_items" ADD CONSTRAINT "assessment_items_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_items" ADD CONSTRAINT "assessment_items_image_file_id_files_id_fk" FOREIGN KEY ("image_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_items" ADD CONSTRAINT "assessment_items_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_items" ADD CONSTRAINT "assessment_items_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_skill_results" ADD CONSTRAINT "assessment_skill_results_attempt_id_assessment_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."assessment_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_skill_results" ADD CONSTRAINT "assessment_skill_results_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_levels" ADD CONSTRAINT "self_assessment_levels_self_assessment_id_self_assessments_id_fk" FOREIGN KEY ("self_assessment_id") REFERENCES "public"."self_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_levels" ADD CONSTRAINT "self_assessment_levels_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_statements" ADD CONSTRAINT "self_assessment_statements_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_statements" ADD CONSTRAINT "self_assessment_statements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_attempt_questions_item_idx" ON "assessment_attempt_questions" USING btree ("item_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_attempts_no_key" ON "assessment_attempts" USING btree ("assessment_id","user_id","attempt_no");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_attempts_one_active_key" ON "assessment_attempts" USING btree ("assessment_id","user_id") WHERE status = 'in_progress';--> statement-breakpoint
CREATE INDEX "assessment_attempts_user_idx" ON "assessment_attempts" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "assessment_attempts_deadline_idx" ON "assessment_attempts" USING btree ("deadline_at") WHERE status = 'in_progress';--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_items_item_version_key" ON "assessment_items" USING btree ("item_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_items_one_active_key" ON "assessment_items" USING btree ("item_id") WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_items_one_draft_key" ON "assessment_items" USING btree ("item_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "assessment_items_pool_idx" ON "assessment_items" USING btree ("framework_id","skill_area_code","level","status");--> statement-breakpoint
CREATE INDEX "assessment_items_status_idx" ON "assessment_items" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "assessment_skill_results_user_idx" ON "assessment_skill_results" USING btree ("user_id","skill_area_code","at");--> statement-breakpoint
CREATE INDEX "assessments_status_window_idx" ON "assessments" USING btree ("status","closes_at");--> statement-breakpoint
CREATE INDEX "self_assessment_levels_user_idx" ON "self_assessment_levels" USING btree ("user_id","skill_area_code","at");--> statement-breakpoint
CREATE INDEX "self_assessment_statements_area_idx" ON "self_assessment_statements" USING btree ("framework_id","skill_area_code","level");--> statement-breakpoint
CREATE INDEX "self_assessments_user_idx" ON "self_assessments" USING btree ("user_id","submitted_at");