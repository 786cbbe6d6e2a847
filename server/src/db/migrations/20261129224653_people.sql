CREATE SEQUENCE "public"."agency_key_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_counts" (
	"agency_id" uuid NOT NULL,
	"target_group_code" text NOT NULL,
	"is_it" text NOT NULL,
	"employment_status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "person_counts_agency_id_target_group_code_is_it_employment_status_pk" PRIMARY KEY("agency_id","target_group_code","is_it","employment_status")
);
--> statement-breakpoint
CREATE TABLE "person_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_value" text,
	"to_value" text NOT NULL,
	"reason" text,
	"source" text NOT NULL,
	"import_id" uuid,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_import_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"column" text,
	"code" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_import_files" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "person_import_files_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "person_import_rows" (
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"citizen_hash" text NOT NULL,
	"citizen_cipher" text NOT NULL,
	"citizen_last" text NOT NULL,
	"title_th" text NOT NULL,
	"first_name_th" text NOT NULL,
	"last_name_th" text NOT NULL,
	"title_en" text,
	"first_name_en" text,
	"last_name_en" text,
	"email" text NOT NULL,
	"position_th" text NOT NULL,
	"position_type" text NOT NULL,
	"position_level" text,
	"is_it" text NOT NULL,
	"agency_code" text NOT NULL,
	"supervisor_hash" text,
	"target_group" text,
	"suggested_group" text NOT NULL,
	"employment_status" text NOT NULL,
	"sort_name" text NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "person_import_rows_import_id_row_pk" PRIMARY KEY("import_id","row")
);
--> statement-breakpoint
CREATE TABLE "person_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"scope_agency_id" uuid,
	"format" text NOT NULL,
	"file_name" text,
	"byte_size" integer NOT NULL,
	"status" text NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"to_create" integer DEFAULT 0 NOT NULL,
	"to_update" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	"failure" text,
	"attempts" integer DEFAULT 1 NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"validated_at" timestamp with time zone,
	"committed_at" timestamp with time zone,
	"committed_by" uuid
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "tree_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "position_type" text DEFAULT 'general' NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "position_level" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "agency_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "target_group_source" text DEFAULT 'suggested' NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "employment_status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "sort_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_history" ADD CONSTRAINT "person_history_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_import_errors" ADD CONSTRAINT "person_import_errors_import_id_person_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."person_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_import_files" ADD CONSTRAINT "person_import_files_import_id_person_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."person_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_import_rows" ADD CONSTRAINT "person_import_rows_import_id_person_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."person_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_imports" ADD CONSTRAINT "person_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_imports" ADD CONSTRAINT "person_imports_scope_agency_id_agencies_id_fk" FOREIGN KEY ("scope_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_user_idx" ON "invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "person_history_person_idx" ON "person_history" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "person_import_errors_row_idx" ON "person_import_errors" USING btree ("import_id","row","id");--> statement-breakpoint
CREATE INDEX "person_import_rows_hash_idx" ON "person_import_rows" USING btree ("import_id","citizen_hash");--> statement-breakpoint
CREATE INDEX "person_imports_created_idx" ON "person_imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "person_imports_scope_idx" ON "person_imports" USING btree ("scope_agency_id","created_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_person_key" ON "users" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "agencies_tree_key_idx" ON "agencies" USING btree ("tree_key" collate "C");--> statement-breakpoint
CREATE INDEX "persons_scope_name_idx" ON "persons" USING btree ("agency_key" collate "C","sort_name" collate "C","id");--> statement-breakpoint
CREATE INDEX "persons_name_scope_idx" ON "persons" USING btree ("sort_name" collate "C","id","agency_key" collate "C");--> statement-breakpoint
CREATE INDEX "persons_search_trgm_idx" ON "persons" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
-- Short tree keys for the agencies that exist: one hex number each, parents first.
WITH RECURSIVE numbered AS (
  SELECT id, parent_id, to_hex(nextval('agency_key_seq')) AS no FROM (SELECT id, parent_id FROM agencies ORDER BY path, code) a
), tree AS (
  SELECT id, no || '.' AS key FROM numbered WHERE parent_id IS NULL
  UNION ALL
  SELECT n.id, t.key || n.no || '.' FROM numbered n JOIN tree t ON n.parent_id = t.id
)
UPDATE agencies SET tree_key = tree.key FROM tree WHERE tree.id = agencies.id;
--> statement-breakpoint
-- An agency inserted without a key gets one under its parent (imports and the app set it themselves).
CREATE FUNCTION agencies_tree_key_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.tree_key = '' THEN
    NEW.tree_key := coalesce((SELECT tree_key FROM agencies WHERE id = NEW.parent_id), '') || to_hex(nextval('agency_key_seq')) || '.';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER agencies_tree_key BEFORE INSERT ON agencies FOR EACH ROW EXECUTE FUNCTION agencies_tree_key_fill();
--> statement-breakpoint
-- Existing personnel: the agency's key, the Thai dictionary key of the name (as lib/thai-sort.ts computes
-- it: leading vowels after their consonant, tone marks dropped), the search text and a position type.
UPDATE persons p SET
  agency_key = a.tree_key,
  sort_name = translate(
    regexp_replace(lower(btrim(regexp_replace(p.first_name_th || ' ' || p.last_name_th, '\s+', ' ', 'g'))), '([เแโใไ])([ก-ฮ])', '\2\1', 'g'),
    '็่้๊๋์ํ๎', ''),
  search_text = lower(concat_ws(' ', p.first_name_th, p.last_name_th, nullif(p.first_name_en, ''), nullif(p.last_name_en, ''), nullif(p.email, ''))),
  position_type = CASE
    WHEN p.target_group_code = 'EXECUTIVE' THEN 'executive'
    WHEN p.target_group_code = 'MANAGEMENT' THEN 'director'
    WHEN p.position_th ~ '(ปฏิบัติการ|ชำนาญการ|ชำนาญการพิเศษ|เชี่ยวชาญ|ทรงคุณวุฒิ)$' OR p.position_th LIKE 'นัก%' THEN 'academic'
    ELSE 'general' END
FROM agencies a WHERE a.id = p.agency_id;
--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "sort_name" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "search_text" DROP DEFAULT;
--> statement-breakpoint
-- A person's agency key follows their agency: filled on insert when not given, refreshed on transfer.
CREATE FUNCTION persons_agency_key_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.agency_key <> '' THEN
    RETURN NEW;
  END IF;
  NEW.agency_key := (SELECT tree_key FROM agencies WHERE id = NEW.agency_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_agency_key_ins BEFORE INSERT ON persons FOR EACH ROW EXECUTE FUNCTION persons_agency_key_fill();
--> statement-breakpoint
CREATE TRIGGER persons_agency_key_upd BEFORE UPDATE OF agency_id ON persons
  FOR EACH ROW WHEN (OLD.agency_id IS DISTINCT FROM NEW.agency_id) EXECUTE FUNCTION persons_agency_key_fill();
--> statement-breakpoint
-- Personnel counts by agency, target group, IT flag and status: one set-based change per statement.
CREATE FUNCTION person_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO person_counts AS c (agency_id, target_group_code, is_it, employment_status, n)
      SELECT agency_id, target_group_code, is_it, employment_status, count(*)::int FROM new_rows GROUP BY 1, 2, 3, 4
      ON CONFLICT (agency_id, target_group_code, is_it, employment_status) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO person_counts AS c (agency_id, target_group_code, is_it, employment_status, n)
      SELECT agency_id, target_group_code, is_it, employment_status, -count(*)::int FROM old_rows GROUP BY 1, 2, 3, 4
      ON CONFLICT (agency_id, target_group_code, is_it, employment_status) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO person_counts AS c (agency_id, target_group_code, is_it, employment_status, n)
      SELECT agency_id, target_group_code, is_it, employment_status, sum(d)::int FROM (
        SELECT agency_id, target_group_code, is_it, employment_status, 1 AS d FROM new_rows
        UNION ALL
        SELECT agency_id, target_group_code, is_it, employment_status, -1 FROM old_rows
      ) x GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0
      ON CONFLICT (agency_id, target_group_code, is_it, employment_status) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_counts_ins AFTER INSERT ON persons REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_counts_apply();
--> statement-breakpoint
CREATE TRIGGER persons_counts_upd AFTER UPDATE ON persons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_counts_apply();
--> statement-breakpoint
CREATE TRIGGER persons_counts_del AFTER DELETE ON persons REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_counts_apply();
--> statement-breakpoint
INSERT INTO person_counts (agency_id, target_group_code, is_it, employment_status, n)
  SELECT agency_id, target_group_code, is_it, employment_status, count(*)::int FROM persons GROUP BY 1, 2, 3, 4;
