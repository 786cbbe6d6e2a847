CREATE TABLE "hub_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"summary_th" text NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"body_th" text NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"cover_file_id" uuid,
	"cover_alt_th" text,
	"course_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"author_id" uuid NOT NULL,
	"updated_by" uuid,
	"search_vector" "tsvector" NOT NULL,
	"title_terms" integer[] NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_articles_kind_check" CHECK ("hub_articles"."kind" in ('article', 'news')),
	CONSTRAINT "hub_articles_status_check" CHECK ("hub_articles"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "volunteer_article_reads" (
	"volunteer_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_article_reads_volunteer_id_article_id_pk" PRIMARY KEY("volunteer_id","article_id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_curriculum_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"course_id" uuid,
	"article_id" uuid,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_curriculum_kind_check" CHECK (("volunteer_curriculum_items"."kind" = 'course' and "volunteer_curriculum_items"."course_id" is not null and "volunteer_curriculum_items"."article_id" is null) or ("volunteer_curriculum_items"."kind" = 'article' and "volunteer_curriculum_items"."article_id" is not null and "volunteer_curriculum_items"."course_id" is null))
);
--> statement-breakpoint
ALTER TABLE "hub_articles" ADD CONSTRAINT "hub_articles_cover_file_id_files_id_fk" FOREIGN KEY ("cover_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_articles" ADD CONSTRAINT "hub_articles_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_articles" ADD CONSTRAINT "hub_articles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_article_reads" ADD CONSTRAINT "volunteer_article_reads_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_article_reads" ADD CONSTRAINT "volunteer_article_reads_article_id_hub_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."hub_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_curriculum_items" ADD CONSTRAINT "volunteer_curriculum_items_article_id_hub_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."hub_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_curriculum_items" ADD CONSTRAINT "volunteer_curriculum_items_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hub_articles_slug_key" ON "hub_articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "hub_articles_published_idx" ON "hub_articles" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "hub_articles_topic_idx" ON "hub_articles" USING btree ("topic","published_at");--> statement-breakpoint
CREATE INDEX "hub_articles_tags_idx" ON "hub_articles" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "hub_articles_search_idx" ON "hub_articles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "hub_articles_trgm_idx" ON "hub_articles" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "volunteer_curriculum_position_idx" ON "volunteer_curriculum_items" USING btree ("position");