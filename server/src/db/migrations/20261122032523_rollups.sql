CREATE TABLE "course_state_counts" (
	"state" text PRIMARY KEY NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviewer_registry_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
-- Courses per state: one row per state, moved by every insert, delete and change of state.
CREATE FUNCTION course_state_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE course_state_counts SET n = n - 1 WHERE state = OLD.state;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO course_state_counts (state, n) VALUES (NEW.state, 1)
      ON CONFLICT (state) DO UPDATE SET n = course_state_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER courses_state_counts_ins_del AFTER INSERT OR DELETE ON courses
  FOR EACH ROW EXECUTE FUNCTION course_state_counts_apply();
--> statement-breakpoint
CREATE TRIGGER courses_state_counts_upd AFTER UPDATE OF state ON courses
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION course_state_counts_apply();
--> statement-breakpoint
INSERT INTO course_state_counts (state, n) SELECT state, count(*)::int FROM courses GROUP BY state;
--> statement-breakpoint
-- The reviewer registry's version: one row, bumped once per statement that changes what matching reads.
INSERT INTO reviewer_registry_version (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION reviewer_registry_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reviewer_registry_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER reviewers_registry_bump AFTER INSERT OR UPDATE OR DELETE ON reviewers
  FOR EACH STATEMENT EXECUTE FUNCTION reviewer_registry_bump();
--> statement-breakpoint
CREATE TRIGGER reviewer_expertise_registry_bump AFTER INSERT OR UPDATE OR DELETE ON reviewer_expertise
  FOR EACH STATEMENT EXECUTE FUNCTION reviewer_registry_bump();
--> statement-breakpoint
CREATE TRIGGER reviewer_affiliations_registry_bump AFTER INSERT OR UPDATE OR DELETE ON reviewer_affiliations
  FOR EACH STATEMENT EXECUTE FUNCTION reviewer_registry_bump();
--> statement-breakpoint
CREATE TRIGGER reviewer_conflicts_registry_bump AFTER INSERT OR UPDATE OR DELETE ON reviewer_conflicts
  FOR EACH STATEMENT EXECUTE FUNCTION reviewer_registry_bump();
--> statement-breakpoint
CREATE TRIGGER review_assignments_registry_bump AFTER INSERT OR UPDATE OF state OR DELETE ON review_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION reviewer_registry_bump();
--> statement-breakpoint
CREATE TRIGGER users_registry_bump AFTER UPDATE OF display_name, disabled_at ON users
  FOR EACH STATEMENT EXECUTE FUNCTION reviewer_registry_bump();
