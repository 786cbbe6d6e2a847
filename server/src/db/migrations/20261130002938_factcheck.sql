CREATE TABLE "claim_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"assignee_id" uuid,
	"sample_text" text NOT NULL,
	"request_count" integer DEFAULT 0 NOT NULL,
	"provinces" text[] DEFAULT '{}'::text[] NOT NULL,
	"platforms" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verdict" text,
	"claim_reviewed" text,
	"explanation_th" text,
	"explanation_en" text,
	"sources" jsonb,
	"verdict_version" integer DEFAULT 0 NOT NULL,
	"first_published_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"search_vector" "tsvector",
	"search_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_verdicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"verdict" text NOT NULL,
	"claim_reviewed" text NOT NULL,
	"explanation_th" text NOT NULL,
	"explanation_en" text,
	"sources" jsonb NOT NULL,
	"correction_note" text,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"text" text NOT NULL,
	"link" text,
	"link_key" text,
	"text_key" text NOT NULL,
	"image_file_id" uuid,
	"platform" text NOT NULL,
	"province_code" text NOT NULL,
	"submitter_user_id" uuid,
	"contact_email" text,
	"contact_phone" text,
	"challenge_nonce" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_groups" ADD CONSTRAINT "claim_groups_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_groups" ADD CONSTRAINT "claim_groups_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_verdicts" ADD CONSTRAINT "claim_verdicts_group_id_claim_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."claim_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_verdicts" ADD CONSTRAINT "claim_verdicts_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_group_id_claim_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."claim_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_image_file_id_files_id_fk" FOREIGN KEY ("image_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_submitter_user_id_users_id_fk" FOREIGN KEY ("submitter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_groups_queue_count_idx" ON "claim_groups" USING btree ("status","request_count" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "claim_groups_queue_recent_idx" ON "claim_groups" USING btree ("status","last_seen_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "claim_groups_assignee_idx" ON "claim_groups" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "claim_groups_provinces_idx" ON "claim_groups" USING gin ("provinces");--> statement-breakpoint
CREATE INDEX "claim_groups_platforms_idx" ON "claim_groups" USING gin ("platforms");--> statement-breakpoint
CREATE INDEX "claim_groups_published_idx" ON "claim_groups" USING btree ("published_at" DESC NULLS LAST) WHERE "claim_groups"."status" = 'published';--> statement-breakpoint
CREATE INDEX "claim_groups_search_idx" ON "claim_groups" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "claim_groups_trgm_idx" ON "claim_groups" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "claim_verdicts_group_version_key" ON "claim_verdicts" USING btree ("group_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_tracking_code_key" ON "claims" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_challenge_nonce_key" ON "claims" USING btree ("challenge_nonce");--> statement-breakpoint
CREATE INDEX "claims_group_idx" ON "claims" USING btree ("group_id","submitted_at");--> statement-breakpoint
CREATE INDEX "claims_link_key_idx" ON "claims" USING btree ("link_key");--> statement-breakpoint
CREATE INDEX "claims_text_key_trgm_idx" ON "claims" USING gin ("text_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "claims_submitter_idx" ON "claims" USING btree ("submitter_user_id","submitted_at" DESC NULLS LAST);