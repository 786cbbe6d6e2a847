-- A version-7 style UUID: 48 bits of Unix milliseconds, then random bits, so new rows land at the end of a
-- primary-key index instead of anywhere in it.
CREATE FUNCTION time_ordered_uuid() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(set_byte(overlay(b PLACING ts FROM 1 FOR 6), 6, (get_byte(b, 6) & 15) | 112), 'hex')::uuid
  FROM (SELECT uuid_send(gen_random_uuid()) AS b,
               substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) AS ts) AS x
$$;
--> statement-breakpoint
-- The roll-up cell of a person: target group × IT flag × employment status, 1..60 (codes outside the lists,
-- which the application never writes, count as OTHERS and left). Mirrored by rollupCells() in the app.
CREATE FUNCTION person_cell(tg text, it text, st text) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((coalesce(array_position(ARRAY['EXECUTIVE', 'MANAGEMENT', 'ACADEMIC', 'SERVICE', 'TECHNOLOGY', 'OTHERS'], tg), 6) - 1) * 10
       + CASE WHEN it = 'it' THEN 5 ELSE 0 END
       + coalesce(array_position(ARRAY['active', 'on_leave', 'suspended', 'retired', 'left'], st), 5))::smallint
$$;
--> statement-breakpoint
DROP TRIGGER "persons_counts_ins" ON "persons";--> statement-breakpoint
DROP TRIGGER "persons_counts_upd" ON "persons";--> statement-breakpoint
DROP TRIGGER "persons_counts_del" ON "persons";--> statement-breakpoint
DROP FUNCTION person_counts_apply();--> statement-breakpoint
CREATE TABLE "person_rollup" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"agency_key" text NOT NULL,
	"total" integer NOT NULL,
	"cells" integer[] NOT NULL
);
--> statement-breakpoint
DROP TABLE "person_counts" CASCADE;--> statement-breakpoint
DROP INDEX "persons_agency_idx";--> statement-breakpoint
DROP INDEX "persons_scope_name_idx";--> statement-breakpoint
DROP INDEX "persons_name_scope_idx";--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "id" SET DEFAULT time_ordered_uuid();--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "cell" smallint GENERATED ALWAYS AS (person_cell(target_group_code, is_it, employment_status)) STORED;--> statement-breakpoint
ALTER TABLE "person_import_rows" ADD COLUMN "supervises" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "person_rollup_key_idx" ON "person_rollup" USING btree ("agency_key" collate "C");--> statement-breakpoint
CREATE INDEX "persons_scope_name_idx" ON "persons" USING btree ("agency_key" collate "C","sort_name" collate "C","id","cell");--> statement-breakpoint
CREATE INDEX "persons_name_scope_idx" ON "persons" USING btree ("sort_name" collate "C","id","agency_key" collate "C","cell");--> statement-breakpoint
-- Adds changes `[{agency_id, cell, d}]` to the roll-up: one row per agency, its total and its 60 cells.
CREATE FUNCTION person_rollup_add(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  WITH d AS (
    SELECT agency_id, cell, sum(d)::int AS d FROM jsonb_to_recordset(deltas) AS x(agency_id uuid, cell int, d int) GROUP BY 1, 2
  ), g AS (
    SELECT a.agency_id, array_agg(coalesce(d.d, 0) ORDER BY i) AS cells, sum(coalesce(d.d, 0))::int AS total
    FROM (SELECT DISTINCT agency_id FROM d) a CROSS JOIN generate_series(1, 60) AS i
    LEFT JOIN d ON d.agency_id = a.agency_id AND d.cell = i
    GROUP BY a.agency_id
  )
  INSERT INTO person_rollup AS r (agency_id, agency_key, total, cells)
  SELECT g.agency_id, ag.tree_key, g.total, g.cells FROM g JOIN agencies ag ON ag.id = g.agency_id
  ON CONFLICT (agency_id) DO UPDATE SET total = r.total + excluded.total,
    cells = (SELECT array_agg(r.cells[i] + excluded.cells[i] ORDER BY i) FROM generate_series(1, 60) AS i);
$$;
--> statement-breakpoint
CREATE FUNCTION person_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM person_rollup_add((SELECT coalesce(jsonb_agg(x), '[]') FROM (
      SELECT agency_id, cell AS cell, count(*)::int AS d FROM new_rows GROUP BY 1, 2) x));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM person_rollup_add((SELECT coalesce(jsonb_agg(x), '[]') FROM (
      SELECT agency_id, cell AS cell, -count(*)::int AS d FROM old_rows GROUP BY 1, 2) x));
  ELSE
    PERFORM person_rollup_add((SELECT coalesce(jsonb_agg(x), '[]') FROM (
      SELECT agency_id, cell, sum(d)::int AS d FROM (
        SELECT agency_id, cell AS cell, 1 AS d FROM new_rows
        UNION ALL
        SELECT agency_id, cell, -1 FROM old_rows
      ) c GROUP BY 1, 2 HAVING sum(d) <> 0) x));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_rollup_ins AFTER INSERT ON persons REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_rollup_apply();
--> statement-breakpoint
CREATE TRIGGER persons_rollup_upd AFTER UPDATE ON persons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_rollup_apply();
--> statement-breakpoint
CREATE TRIGGER persons_rollup_del AFTER DELETE ON persons REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_rollup_apply();
--> statement-breakpoint
SELECT person_rollup_add((SELECT coalesce(jsonb_agg(x), '[]') FROM (
  SELECT agency_id, cell AS cell, count(*)::int AS d FROM persons GROUP BY 1, 2) x));
--> statement-breakpoint
-- Staged rows are a working copy of the stored file: no WAL for them (see the schema).
ALTER TABLE "person_import_rows" SET UNLOGGED;
--> statement-breakpoint
-- A subtree of a few thousand people among millions must be estimated as such (the planner chooses between
-- reading the subtree and walking the name index by it), so its key gets a finer histogram.
ALTER TABLE "persons" ALTER COLUMN "agency_key" SET STATISTICS 1000;
