CREATE TABLE "dashboard_dirty" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_own_facts" (
	"agency_id" uuid NOT NULL,
	"agency_key" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"target_group_code" text NOT NULL,
	"personnel" integer DEFAULT 0 NOT NULL,
	"learners" integer DEFAULT 0 NOT NULL,
	"completions" integer DEFAULT 0 NOT NULL,
	"hours_formal" numeric(14, 1) DEFAULT 0 NOT NULL,
	"hours_on_the_job" numeric(14, 1) DEFAULT 0 NOT NULL,
	"hours_coaching" numeric(14, 1) DEFAULT 0 NOT NULL,
	"self_assessed" integer DEFAULT 0 NOT NULL,
	"tested" integer DEFAULT 0 NOT NULL,
	"passed" integer DEFAULT 0 NOT NULL,
	"assessed" integer DEFAULT 0 NOT NULL,
	"idps" integer DEFAULT 0 NOT NULL,
	"idps_approved" integer DEFAULT 0 NOT NULL,
	"idps_completed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dashboard_own_facts_agency_id_fiscal_year_target_group_code_pk" PRIMARY KEY("agency_id","fiscal_year","target_group_code")
);
--> statement-breakpoint
CREATE TABLE "dashboard_own_levels" (
	"agency_id" uuid NOT NULL,
	"agency_key" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"target_group_code" text NOT NULL,
	"skill_area_code" text NOT NULL,
	"level" smallint NOT NULL,
	"people_start" integer DEFAULT 0 NOT NULL,
	"people_end" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dashboard_own_levels_agency_id_fiscal_year_target_group_code_skill_area_code_level_pk" PRIMARY KEY("agency_id","fiscal_year","target_group_code","skill_area_code","level")
);
--> statement-breakpoint
CREATE TABLE "dashboard_refresh_state" (
	"id" smallint PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"current_fiscal_year" smallint NOT NULL,
	"last_agencies" integer DEFAULT 0 NOT NULL,
	"last_ms" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid,
	"target_group_code" text,
	"language" text DEFAULT 'th' NOT NULL,
	"last_sent_month" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_tree_facts" (
	"agency_id" uuid NOT NULL,
	"agency_key" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"target_group_code" text NOT NULL,
	"personnel" integer DEFAULT 0 NOT NULL,
	"learners" integer DEFAULT 0 NOT NULL,
	"completions" integer DEFAULT 0 NOT NULL,
	"hours_formal" numeric(14, 1) DEFAULT 0 NOT NULL,
	"hours_on_the_job" numeric(14, 1) DEFAULT 0 NOT NULL,
	"hours_coaching" numeric(14, 1) DEFAULT 0 NOT NULL,
	"self_assessed" integer DEFAULT 0 NOT NULL,
	"tested" integer DEFAULT 0 NOT NULL,
	"passed" integer DEFAULT 0 NOT NULL,
	"assessed" integer DEFAULT 0 NOT NULL,
	"idps" integer DEFAULT 0 NOT NULL,
	"idps_approved" integer DEFAULT 0 NOT NULL,
	"idps_completed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dashboard_tree_facts_agency_id_fiscal_year_target_group_code_pk" PRIMARY KEY("agency_id","fiscal_year","target_group_code")
);
--> statement-breakpoint
CREATE TABLE "dashboard_tree_levels" (
	"agency_id" uuid NOT NULL,
	"agency_key" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"target_group_code" text NOT NULL,
	"skill_area_code" text NOT NULL,
	"level" smallint NOT NULL,
	"people_start" integer DEFAULT 0 NOT NULL,
	"people_end" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dashboard_tree_levels_agency_id_fiscal_year_target_group_code_skill_area_code_level_pk" PRIMARY KEY("agency_id","fiscal_year","target_group_code","skill_area_code","level")
);
--> statement-breakpoint
ALTER TABLE "dashboard_own_facts" ADD CONSTRAINT "dashboard_own_facts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_own_levels" ADD CONSTRAINT "dashboard_own_levels_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_subscriptions" ADD CONSTRAINT "dashboard_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_subscriptions" ADD CONSTRAINT "dashboard_subscriptions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_tree_facts" ADD CONSTRAINT "dashboard_tree_facts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_tree_levels" ADD CONSTRAINT "dashboard_tree_levels_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_own_facts_key_idx" ON "dashboard_own_facts" USING btree ("agency_key" collate "C","fiscal_year");--> statement-breakpoint
CREATE INDEX "dashboard_own_levels_key_idx" ON "dashboard_own_levels" USING btree ("agency_key" collate "C","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "dashboard_subscriptions_scope_key" ON "dashboard_subscriptions" USING btree ("user_id",coalesce("agency_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("target_group_code", ''));