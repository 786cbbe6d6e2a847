CREATE TABLE "certificate_counters" (
	"fiscal_year" smallint PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"seq" integer NOT NULL,
	"learning_record_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" text NOT NULL,
	"holder_name_th" text NOT NULL,
	"holder_name_en" text,
	"title_th" text NOT NULL,
	"title_en" text NOT NULL,
	"detail_th" text,
	"detail_en" text,
	"issuer_th" text,
	"issuer_en" text,
	"achieved_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "development_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"skill_area_code" text NOT NULL,
	"target_level" smallint NOT NULL,
	"course_id" uuid,
	"run_id" uuid,
	"planned_hours" numeric(7, 1) NOT NULL,
	"due_on" date,
	"coach" text,
	"attested_at" timestamp with time zone,
	"attested_by" uuid,
	"attestation_note" text,
	"learning_record_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_plan_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"framework_id" uuid NOT NULL,
	"target_group_code" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"goal" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_learning_record_id_learning_records_id_fk" FOREIGN KEY ("learning_record_id") REFERENCES "public"."learning_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_activities" ADD CONSTRAINT "development_activities_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_activities" ADD CONSTRAINT "development_activities_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_activities" ADD CONSTRAINT "development_activities_run_id_course_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."course_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_activities" ADD CONSTRAINT "development_activities_attested_by_users_id_fk" FOREIGN KEY ("attested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_evidence_files" ADD CONSTRAINT "development_evidence_files_activity_id_development_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."development_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_evidence_files" ADD CONSTRAINT "development_evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_events" ADD CONSTRAINT "development_plan_events_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_events" ADD CONSTRAINT "development_plan_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_key" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_record_key" ON "certificates" USING btree ("learning_record_id");--> statement-breakpoint
CREATE INDEX "certificates_user_idx" ON "certificates" USING btree ("user_id","issued_at");--> statement-breakpoint
CREATE INDEX "development_activities_plan_idx" ON "development_activities" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "development_activities_course_idx" ON "development_activities" USING btree ("course_id") WHERE "development_activities"."course_id" is not null;--> statement-breakpoint
CREATE INDEX "development_evidence_activity_idx" ON "development_evidence_files" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "development_plan_events_plan_idx" ON "development_plan_events" USING btree ("plan_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "development_plans_person_year_key" ON "development_plans" USING btree ("person_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "development_plans_user_idx" ON "development_plans" USING btree ("user_id","state");--> statement-breakpoint
CREATE INDEX "development_plans_state_idx" ON "development_plans" USING btree ("state","submitted_at");