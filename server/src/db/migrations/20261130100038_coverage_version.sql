CREATE TABLE "coverage_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
-- Coverage's version: one row, bumped once per statement that changes a table the coverage views are read
-- from — the roll-ups (kept by the triggers on volunteers, villages and activities), the villages (the list of
-- villages without a volunteer) and the places' names (decision 010). Instances keep coverage views under it.
INSERT INTO coverage_version (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION coverage_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE coverage_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coverage_rollup_version AFTER INSERT OR UPDATE OR DELETE ON coverage_rollup
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_version_bump();
--> statement-breakpoint
CREATE TRIGGER activity_rollup_version AFTER INSERT OR UPDATE OR DELETE ON activity_rollup
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_version_bump();
--> statement-breakpoint
CREATE TRIGGER villages_coverage_version AFTER INSERT OR UPDATE OR DELETE ON villages
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_version_bump();
--> statement-breakpoint
CREATE TRIGGER place_provinces_coverage_version AFTER INSERT OR UPDATE OR DELETE ON place_provinces
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_version_bump();
--> statement-breakpoint
CREATE TRIGGER place_districts_coverage_version AFTER INSERT OR UPDATE OR DELETE ON place_districts
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_version_bump();
--> statement-breakpoint
CREATE TRIGGER place_subdistricts_coverage_version AFTER INSERT OR UPDATE OR DELETE ON place_subdistricts
  FOR EACH STATEMENT EXECUTE FUNCTION coverage_version_bump();
