CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role_grant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"scope_type" text NOT NULL,
	"scope_id" text DEFAULT '' NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'th' NOT NULL,
	"person_id" uuid,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"is_demo" integer DEFAULT 0 NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"summary" jsonb NOT NULL,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_units" (
	"framework_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text NOT NULL,
	"standard_th" text,
	"skill_area_code" text,
	"is_skill_area_inferred" boolean DEFAULT true NOT NULL,
	"target_group_codes" jsonb,
	"source_url" text,
	"reviewed" text,
	"verification" text DEFAULT 'unverified' NOT NULL,
	CONSTRAINT "framework_units_framework_id_code_pk" PRIMARY KEY("framework_id","code")
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text NOT NULL,
	"year_be" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"based_on_id" uuid,
	"source_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "framework_levels" (
	"framework_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"description_th" text,
	"description_en" text,
	"verification" text DEFAULT 'unverified' NOT NULL,
	CONSTRAINT "framework_levels_framework_id_rank_pk" PRIMARY KEY("framework_id","rank")
);
--> statement-breakpoint
CREATE TABLE "framework_required_levels" (
	"framework_id" uuid NOT NULL,
	"target_group_code" text NOT NULL,
	"skill_area_code" text NOT NULL,
	"level_rank" integer,
	"is_sample" boolean DEFAULT true NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "framework_required_levels_framework_id_target_group_code_skill_area_code_pk" PRIMARY KEY("framework_id","target_group_code","skill_area_code")
);
--> statement-breakpoint
CREATE TABLE "framework_skill_areas" (
	"framework_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"description_th" text,
	"description_en" text,
	"is_name_th_official" boolean DEFAULT false NOT NULL,
	"sort_order" integer NOT NULL,
	"verification" text DEFAULT 'unverified' NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "framework_skill_areas_framework_id_code_pk" PRIMARY KEY("framework_id","code")
);
--> statement-breakpoint
CREATE TABLE "framework_target_groups" (
	"framework_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_th_short" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer NOT NULL,
	"verification" text DEFAULT 'unverified' NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "framework_target_groups_framework_id_code_pk" PRIMARY KEY("framework_id","code")
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"province_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id_hash" text NOT NULL,
	"citizen_id_cipher" text NOT NULL,
	"citizen_id_last" text NOT NULL,
	"title_th" text NOT NULL,
	"first_name_th" text NOT NULL,
	"last_name_th" text NOT NULL,
	"first_name_en" text,
	"last_name_en" text,
	"email" text,
	"position_th" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"supervisor_id" uuid,
	"target_group_code" text NOT NULL,
	"is_it" text DEFAULT 'non_it' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"tax_id" text NOT NULL,
	"province_code" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_role_grant_id_role_grants_id_fk" FOREIGN KEY ("role_grant_id") REFERENCES "public"."role_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_units" ADD CONSTRAINT "framework_units_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_levels" ADD CONSTRAINT "framework_levels_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_required_levels" ADD CONSTRAINT "framework_required_levels_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_skill_areas" ADD CONSTRAINT "framework_skill_areas_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_target_groups" ADD CONSTRAINT "framework_target_groups_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_id_agencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_supervisor_id_persons_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_grants_unique" ON "role_grants" USING btree ("user_id","role","scope_type","scope_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_subject_idx" ON "audit_entries" USING btree ("subject_type","subject_id","seq");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_entries" USING btree ("actor_id","seq");--> statement-breakpoint
CREATE INDEX "framework_units_area_idx" ON "framework_units" USING btree ("framework_id","skill_area_code");--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_code_key" ON "frameworks" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_code_key" ON "agencies" USING btree ("code");--> statement-breakpoint
CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "agencies_path_idx" ON "agencies" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "persons_citizen_hash_key" ON "persons" USING btree ("citizen_id_hash");--> statement-breakpoint
CREATE INDEX "persons_agency_idx" ON "persons" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "persons_supervisor_idx" ON "persons" USING btree ("supervisor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "providers_tax_id_key" ON "providers" USING btree ("tax_id");