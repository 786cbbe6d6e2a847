CREATE TABLE "activity_rollup" (
	"code" text NOT NULL,
	"month" date NOT NULL,
	"activities" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_rollup_code_month_pk" PRIMARY KEY("code","month")
);
--> statement-breakpoint
CREATE TABLE "coverage_rollup" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"villages" integer DEFAULT 0 NOT NULL,
	"villages_covered" integer DEFAULT 0 NOT NULL,
	"volunteers" integer DEFAULT 0 NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"leaders" integer DEFAULT 0 NOT NULL,
	"districts_covered" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "place_datasets" (
	"source" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"provinces" integer NOT NULL,
	"districts" integer NOT NULL,
	"subdistricts" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "place_districts" (
	"code" text PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"code_source" text DEFAULT 'dataset' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "place_provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "place_subdistricts" (
	"code" text PRIMARY KEY NOT NULL,
	"district_code" text NOT NULL,
	"province_code" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"postal_code" text,
	"code_source" text DEFAULT 'dataset' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "villages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subdistrict_code" text NOT NULL,
	"district_code" text NOT NULL,
	"province_code" text NOT NULL,
	"moo" smallint NOT NULL,
	"name_th" text NOT NULL,
	"active_volunteers" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "villages_moo_range" CHECK ("villages"."moo" between 1 and 99)
);
--> statement-breakpoint
CREATE TABLE "volunteer_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"people_helped" integer NOT NULL,
	"village_id" uuid NOT NULL,
	"subdistrict_code" text NOT NULL,
	"district_code" text NOT NULL,
	"province_code" text NOT NULL,
	"activity_date" date NOT NULL,
	"note" text,
	"photo_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_activities_people_check" CHECK ("volunteer_activities"."people_helped" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"citizen_id_hash" text NOT NULL,
	"citizen_id_cipher" text NOT NULL,
	"citizen_id_last" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"phone" text NOT NULL,
	"line_id" text,
	"email" text NOT NULL,
	"pending_password_hash" text,
	"village_id" uuid NOT NULL,
	"subdistrict_code" text NOT NULL,
	"district_code" text NOT NULL,
	"province_code" text NOT NULL,
	"occupation" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent_version" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"level" text DEFAULT 'village' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"card_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteers_status_check" CHECK ("volunteers"."status" in ('pending', 'active', 'rejected', 'inactive')),
	CONSTRAINT "volunteers_level_check" CHECK ("volunteers"."level" in ('village', 'subdistrict', 'district_leader', 'provincial'))
);
--> statement-breakpoint
ALTER TABLE "place_districts" ADD CONSTRAINT "place_districts_province_code_place_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."place_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_subdistricts" ADD CONSTRAINT "place_subdistricts_district_code_place_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."place_districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_subdistrict_code_place_subdistricts_code_fk" FOREIGN KEY ("subdistrict_code") REFERENCES "public"."place_subdistricts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_photo_file_id_files_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coverage_rollup_parent_idx" ON "coverage_rollup" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "place_districts_province_idx" ON "place_districts" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "place_subdistricts_district_idx" ON "place_subdistricts" USING btree ("district_code");--> statement-breakpoint
CREATE UNIQUE INDEX "villages_subdistrict_moo_key" ON "villages" USING btree ("subdistrict_code","moo");--> statement-breakpoint
CREATE INDEX "villages_district_cover_idx" ON "villages" USING btree ("district_code","active_volunteers");--> statement-breakpoint
CREATE INDEX "volunteer_activities_volunteer_idx" ON "volunteer_activities" USING btree ("volunteer_id","activity_date");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_citizen_id_key" ON "volunteers" USING btree ("citizen_id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_card_token_key" ON "volunteers" USING btree ("card_token");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_user_key" ON "volunteers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_one_leader_key" ON "volunteers" USING btree ("district_code") WHERE level = 'district_leader' and status = 'active';--> statement-breakpoint
CREATE INDEX "volunteers_province_queue_idx" ON "volunteers" USING btree ("province_code","status","created_at");--> statement-breakpoint
CREATE INDEX "volunteers_district_queue_idx" ON "volunteers" USING btree ("district_code","status","created_at");--> statement-breakpoint
CREATE INDEX "volunteers_village_idx" ON "volunteers" USING btree ("village_id");--> statement-breakpoint
-- Coverage roll-up (decision 010). Adds volunteer changes `[{village_id, subdistrict_code, district_code,
-- province_code, a, p, l}]` (a: active, p: pending, l: active district leader; +1 / -1) to the villages'
-- counts and to the subdistrict, district and province rows, with the villages and districts that gain
-- their first or lose their last volunteer. One statement; each row is updated once.
CREATE FUNCTION coverage_add(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  WITH d AS (
    SELECT village_id, subdistrict_code, district_code, province_code, sum(a)::int AS a, sum(p)::int AS p, sum(l)::int AS l
    FROM jsonb_to_recordset(deltas) AS x(village_id uuid, subdistrict_code text, district_code text, province_code text, a int, p int, l int)
    GROUP BY 1, 2, 3, 4
    HAVING sum(a) <> 0 OR sum(p) <> 0 OR sum(l) <> 0
  ), v AS (
    UPDATE villages SET active_volunteers = villages.active_volunteers + d.a FROM d
    WHERE villages.id = d.village_id AND d.a <> 0
    RETURNING villages.id, (villages.active_volunteers > 0)::int - (villages.active_volunteers - d.a > 0)::int AS c
  ), dv AS (
    SELECT d.*, coalesce(v.c, 0) AS c FROM d LEFT JOIN v ON v.id = d.village_id
  ), s AS (
    UPDATE coverage_rollup r SET volunteers = r.volunteers + x.a, pending = r.pending + x.p, leaders = r.leaders + x.l,
      villages_covered = r.villages_covered + x.c
    FROM (SELECT subdistrict_code AS code, sum(a) AS a, sum(p) AS p, sum(l) AS l, sum(c) AS c FROM dv GROUP BY 1) x
    WHERE r.code = x.code
  ), ds AS (
    UPDATE coverage_rollup r SET volunteers = r.volunteers + x.a, pending = r.pending + x.p, leaders = r.leaders + x.l,
      villages_covered = r.villages_covered + x.c
    FROM (SELECT district_code AS code, province_code, sum(a) AS a, sum(p) AS p, sum(l) AS l, sum(c) AS c FROM dv GROUP BY 1, 2) x
    WHERE r.code = x.code
    RETURNING x.province_code, x.a, x.p, x.l, x.c, (r.volunteers > 0)::int - (r.volunteers - x.a > 0)::int AS dc
  )
  UPDATE coverage_rollup r SET volunteers = r.volunteers + y.a, pending = r.pending + y.p, leaders = r.leaders + y.l,
    villages_covered = r.villages_covered + y.c, districts_covered = r.districts_covered + y.dc
  FROM (SELECT province_code AS code, sum(a) AS a, sum(p) AS p, sum(l) AS l, sum(c) AS c, sum(dc) AS dc FROM ds GROUP BY 1) y
  WHERE r.code = y.code;
$$;
--> statement-breakpoint
CREATE FUNCTION coverage_volunteers_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM coverage_add((SELECT coalesce(jsonb_agg(x), '[]') FROM (
      SELECT village_id, subdistrict_code, district_code, province_code, (status = 'active')::int AS a, (status = 'pending')::int AS p,
        (status = 'active' AND level = 'district_leader')::int AS l FROM new_rows) x));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM coverage_add((SELECT coalesce(jsonb_agg(x), '[]') FROM (
      SELECT village_id, subdistrict_code, district_code, province_code, -(status = 'active')::int AS a, -(status = 'pending')::int AS p,
        -(status = 'active' AND level = 'district_leader')::int AS l FROM old_rows) x));
  ELSE
    PERFORM coverage_add((SELECT coalesce(jsonb_agg(x), '[]') FROM (
      SELECT village_id, subdistrict_code, district_code, province_code, (status = 'active')::int AS a, (status = 'pending')::int AS p,
        (status = 'active' AND level = 'district_leader')::int AS l FROM new_rows
      UNION ALL
      SELECT village_id, subdistrict_code, district_code, province_code, -(status = 'active')::int, -(status = 'pending')::int,
        -(status = 'active' AND level = 'district_leader')::int FROM old_rows) x));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER volunteers_coverage_ins AFTER INSERT ON volunteers REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_volunteers_apply();
--> statement-breakpoint
CREATE TRIGGER volunteers_coverage_upd AFTER UPDATE ON volunteers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_volunteers_apply();
--> statement-breakpoint
CREATE TRIGGER volunteers_coverage_del AFTER DELETE ON volunteers REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_volunteers_apply();
--> statement-breakpoint
-- New villages count in their subdistrict, district and province.
CREATE FUNCTION coverage_villages_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE coverage_rollup r SET villages = r.villages + x.n, villages_covered = r.villages_covered + x.c
  FROM (
    SELECT code, count(*)::int AS n, sum(c)::int AS c FROM (
      SELECT subdistrict_code AS code, (active_volunteers > 0)::int AS c FROM new_rows
      UNION ALL SELECT district_code, (active_volunteers > 0)::int FROM new_rows
      UNION ALL SELECT province_code, (active_volunteers > 0)::int FROM new_rows
    ) u GROUP BY code
  ) x
  WHERE r.code = x.code;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER villages_coverage_ins AFTER INSERT ON villages REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_villages_apply();
--> statement-breakpoint
-- Activities and people helped per area and month (activities are only added, never changed).
CREATE FUNCTION activity_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO activity_rollup AS r (code, month, activities, people)
  SELECT code, month, count(*)::int, sum(people_helped)::int FROM (
    SELECT subdistrict_code AS code, date_trunc('month', activity_date)::date AS month, people_helped FROM new_rows
    UNION ALL SELECT district_code, date_trunc('month', activity_date)::date, people_helped FROM new_rows
    UNION ALL SELECT province_code, date_trunc('month', activity_date)::date, people_helped FROM new_rows
  ) u GROUP BY 1, 2
  ON CONFLICT (code, month) DO UPDATE SET activities = r.activities + excluded.activities, people = r.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER volunteer_activities_rollup_ins AFTER INSERT ON volunteer_activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_rollup_apply();
