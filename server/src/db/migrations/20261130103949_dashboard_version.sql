CREATE TABLE "dashboard_version" (
	"id" smallint PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
-- The dashboards' version (decision 014): bumped by a refresh that recomputed anything, and once per statement
-- that changes a table a dashboard reads besides the roll-ups. Instances keep scopes' figures under it, so an
-- idle refresh no longer empties their caches and a plan or cohort shows at once.
INSERT INTO dashboard_version (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION dashboard_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE dashboard_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER agencies_dashboard_version AFTER INSERT OR UPDATE OR DELETE ON agencies
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_bump();
--> statement-breakpoint
CREATE TRIGGER agency_plans_dashboard_version AFTER INSERT OR UPDATE OR DELETE ON agency_plans
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_bump();
--> statement-breakpoint
CREATE TRIGGER plan_cohorts_dashboard_version AFTER INSERT OR UPDATE OR DELETE ON plan_cohorts
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_bump();
--> statement-breakpoint
CREATE TRIGGER cohort_participants_dashboard_version AFTER INSERT OR UPDATE OR DELETE ON cohort_participants
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_bump();
--> statement-breakpoint
CREATE TRIGGER frameworks_dashboard_version AFTER INSERT OR UPDATE OR DELETE ON frameworks
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_bump();
--> statement-breakpoint
CREATE TRIGGER framework_skill_areas_dashboard_version AFTER INSERT OR UPDATE OR DELETE ON framework_skill_areas
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_bump();
--> statement-breakpoint
CREATE TRIGGER framework_target_groups_dashboard_version AFTER INSERT OR UPDATE OR DELETE ON framework_target_groups
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_bump();
--> statement-breakpoint
CREATE TRIGGER framework_required_levels_dashboard_version AFTER INSERT OR UPDATE OR DELETE ON framework_required_levels
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_bump();
