-- Dashboard roll-ups (decision 014). Triggers on the base tables mark the agencies whose figures changed;
-- the refresh job recomputes those agencies' own rows from the base tables and then the subtree rows of
-- them and their ancestors from the own rows. Every step is a recomputation, so running it twice is harmless.

-- The Thai fiscal year (Buddhist era, named by the year it ends in) of an instant, midnight in Bangkok.
CREATE FUNCTION thai_fiscal_year(at timestamptz) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (extract(year FROM (at AT TIME ZONE 'UTC') + interval '7 hours' + interval '3 months') + 543)::smallint
$$;
--> statement-breakpoint
-- The first instant of a fiscal year: 1 October of the year before, midnight in Bangkok.
CREATE FUNCTION thai_fiscal_year_start(fy integer) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT make_timestamptz(fy - 544, 9, 30, 17, 0, 0, 'UTC')
$$;
--> statement-breakpoint
CREATE FUNCTION dashboard_mark(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dashboard_dirty (agency_id) SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL
  ON CONFLICT (agency_id) DO NOTHING
$$;
--> statement-breakpoint
-- Learning records: the agencies of the people whose records changed.
CREATE FUNCTION dashboard_mark_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_mark(ARRAY(SELECT DISTINCT p.agency_id FROM (SELECT DISTINCT actor_user_id FROM new_rows) n
      JOIN users u ON u.id = n.actor_user_id JOIN persons p ON p.id = u.person_id));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM dashboard_mark(ARRAY(SELECT DISTINCT p.agency_id FROM (SELECT DISTINCT actor_user_id FROM old_rows) n
      JOIN users u ON u.id = n.actor_user_id JOIN persons p ON p.id = u.person_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER learning_records_dashboard_ins AFTER INSERT ON learning_records REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_records();
--> statement-breakpoint
CREATE TRIGGER learning_records_dashboard_upd AFTER UPDATE ON learning_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_records();
--> statement-breakpoint
CREATE TRIGGER learning_records_dashboard_del AFTER DELETE ON learning_records REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_records();
--> statement-breakpoint
-- Self-assessments (by user) and individual development plans (by person).
CREATE FUNCTION dashboard_mark_by_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_mark(ARRAY(SELECT DISTINCT p.agency_id FROM (SELECT DISTINCT user_id FROM new_rows) n
      JOIN users u ON u.id = n.user_id JOIN persons p ON p.id = u.person_id));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM dashboard_mark(ARRAY(SELECT DISTINCT p.agency_id FROM (SELECT DISTINCT user_id FROM old_rows) n
      JOIN users u ON u.id = n.user_id JOIN persons p ON p.id = u.person_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER self_assessments_dashboard_ins AFTER INSERT ON self_assessments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_by_user();
--> statement-breakpoint
CREATE TRIGGER self_assessments_dashboard_del AFTER DELETE ON self_assessments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_by_user();
--> statement-breakpoint
CREATE TRIGGER self_assessment_levels_dashboard_ins AFTER INSERT ON self_assessment_levels REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_by_user();
--> statement-breakpoint
CREATE TRIGGER self_assessment_levels_dashboard_del AFTER DELETE ON self_assessment_levels REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_by_user();
--> statement-breakpoint
CREATE FUNCTION dashboard_mark_by_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_mark(ARRAY(SELECT DISTINCT p.agency_id FROM (SELECT DISTINCT person_id FROM new_rows) n JOIN persons p ON p.id = n.person_id));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM dashboard_mark(ARRAY(SELECT DISTINCT p.agency_id FROM (SELECT DISTINCT person_id FROM old_rows) n JOIN persons p ON p.id = n.person_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER development_plans_dashboard_ins AFTER INSERT ON development_plans REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_by_person();
--> statement-breakpoint
CREATE TRIGGER development_plans_dashboard_upd AFTER UPDATE ON development_plans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_by_person();
--> statement-breakpoint
CREATE TRIGGER development_plans_dashboard_del AFTER DELETE ON development_plans REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_by_person();
--> statement-breakpoint
-- Personnel: the old and the new agency of every written person (transfers, target groups, status, new people).
CREATE FUNCTION dashboard_mark_persons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_mark(ARRAY(SELECT DISTINCT agency_id FROM new_rows));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM dashboard_mark(ARRAY(SELECT DISTINCT agency_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_dashboard_ins AFTER INSERT ON persons REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_persons();
--> statement-breakpoint
CREATE TRIGGER persons_dashboard_upd AFTER UPDATE ON persons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_persons();
--> statement-breakpoint
CREATE TRIGGER persons_dashboard_del AFTER DELETE ON persons REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_persons();
--> statement-breakpoint
-- An account linked to (or unlinked from) a person brings that person's records into (or out of) the figures.
CREATE FUNCTION dashboard_mark_user_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_mark(ARRAY(SELECT agency_id FROM persons WHERE id IN (OLD.person_id, NEW.person_id)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_dashboard_link AFTER UPDATE OF person_id ON users
  FOR EACH ROW WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id) EXECUTE FUNCTION dashboard_mark_user_link();
--> statement-breakpoint
CREATE FUNCTION dashboard_mark_new_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_mark(ARRAY(SELECT DISTINCT p.agency_id FROM new_rows n JOIN persons p ON p.id = n.person_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_dashboard_ins AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_new_users();
--> statement-breakpoint
-- Agencies moved (their keys change): the moved agencies and their old and new parents.
CREATE FUNCTION dashboard_mark_agencies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_mark(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.tree_key IS DISTINCT FROM o.tree_key
    UNION SELECT o.parent_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.tree_key IS DISTINCT FROM o.tree_key
    UNION SELECT n.parent_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.tree_key IS DISTINCT FROM o.tree_key));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER agencies_dashboard_upd AFTER UPDATE ON agencies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_agencies();
--> statement-breakpoint
-- Recomputes the own rows of the given agencies for fiscal years first_fy..last_fy from the base tables, then
-- the subtree rows of these agencies and all their ancestors from the own rows.
CREATE FUNCTION dashboard_refresh(ids uuid[], first_fy integer, last_fy integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ancestors uuid[];
BEGIN
  DELETE FROM dashboard_own_facts WHERE agency_id = ANY(ids);
  DELETE FROM dashboard_own_levels WHERE agency_id = ANY(ids);

  WITH ppl AS (
    SELECT p.id AS person_id, p.agency_id, p.target_group_code AS tg, u.id AS user_id
    FROM persons p LEFT JOIN users u ON u.person_id = p.id
    WHERE p.agency_id = ANY(ids)
  ),
  lr AS (
    SELECT ppl.agency_id, ppl.tg, ppl.person_id, thai_fiscal_year(r.occurred_at) AS fy, r.verb, r.object_type,
           CASE WHEN r.verb = 'completed' THEN
             CASE WHEN coalesce(da.type, r.context->>'activityType') IN ('on_the_job', 'coaching', 'formal')
                  THEN coalesce(da.type, r.context->>'activityType') ELSE 'formal' END
           END AS kind,
           CASE WHEN r.verb = 'completed' AND jsonb_typeof(r.result->'hours') = 'number' THEN (r.result->>'hours')::numeric
                WHEN r.verb = 'completed' THEN coalesce(da.planned_hours, e.hours, 0)
                ELSE 0 END AS hours
    FROM ppl
    JOIN learning_records r ON r.actor_user_id = ppl.user_id
    LEFT JOIN catalog_entries e ON r.object_type = 'course' AND e.course_id = r.object_id
    LEFT JOIN development_activities da ON da.learning_record_id = r.id
    WHERE r.occurred_at >= thai_fiscal_year_start(first_fy) AND r.occurred_at < thai_fiscal_year_start(last_fy + 1)
  ),
  obs AS (
    SELECT ppl.agency_id, ppl.tg, ppl.person_id, kv.key AS area, kv.value::int AS level, r.occurred_at AS at, 1 AS prio
    FROM ppl
    JOIN learning_records r ON r.actor_user_id = ppl.user_id AND r.object_type = 'assessment_attempt' AND r.verb IN ('passed', 'failed')
    CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(r.result->'extensions'->'skillLevels') = 'object'
                                            THEN r.result->'extensions'->'skillLevels' ELSE '{}'::jsonb END) AS kv
    WHERE r.occurred_at < thai_fiscal_year_start(last_fy + 1)
    UNION ALL
    SELECT ppl.agency_id, ppl.tg, ppl.person_id, s.skill_area_code, s.level, s.at, 2
    FROM ppl JOIN self_assessment_levels s ON s.user_id = ppl.user_id
    WHERE s.at < thai_fiscal_year_start(last_fy + 1)
  ),
  -- The level of each person in each area at the start and at the end of each year: the latest test
  -- result before that instant, else the latest self-assessment.
  states AS (
    SELECT DISTINCT ON (o.person_id, o.area, y.fy, b.edge) o.agency_id, o.tg, o.person_id, o.area, y.fy, b.edge, o.level
    FROM obs o
    CROSS JOIN generate_series(first_fy, last_fy) AS y(fy)
    CROSS JOIN (VALUES ('start'), ('end')) AS b(edge)
    WHERE o.at < thai_fiscal_year_start(CASE WHEN b.edge = 'start' THEN y.fy ELSE y.fy + 1 END)
    ORDER BY o.person_id, o.area, y.fy, b.edge, o.prio, o.at DESC
  ),
  ins_levels AS (
    INSERT INTO dashboard_own_levels (agency_id, agency_key, fiscal_year, target_group_code, skill_area_code, level, people_start, people_end)
    SELECT s.agency_id, a.tree_key, s.fy, s.tg, s.area, s.level,
           count(*) FILTER (WHERE s.edge = 'start'), count(*) FILTER (WHERE s.edge = 'end')
    FROM states s JOIN agencies a ON a.id = s.agency_id
    GROUP BY s.agency_id, a.tree_key, s.fy, s.tg, s.area, s.level
    RETURNING 1
  ),
  m AS (
    SELECT agency_id, fy, tg, 0 AS personnel,
           count(DISTINCT person_id) FILTER (WHERE verb = 'completed') AS learners,
           count(*) FILTER (WHERE verb = 'completed' AND object_type = 'course') AS completions,
           coalesce(sum(hours) FILTER (WHERE kind = 'formal'), 0) AS hf,
           coalesce(sum(hours) FILTER (WHERE kind = 'on_the_job'), 0) AS ho,
           coalesce(sum(hours) FILTER (WHERE kind = 'coaching'), 0) AS hc,
           0 AS self_assessed,
           count(DISTINCT person_id) FILTER (WHERE object_type = 'assessment_attempt' AND verb IN ('passed', 'failed')) AS tested,
           count(DISTINCT person_id) FILTER (WHERE object_type = 'assessment_attempt' AND verb = 'passed') AS passed,
           0 AS assessed, 0 AS idps, 0 AS idps_approved, 0 AS idps_completed
    FROM lr GROUP BY agency_id, fy, tg
    UNION ALL
    SELECT r.agency_id, y.fy, g.code, r.cells[(g.i - 1) * 10 + 1] + r.cells[(g.i - 1) * 10 + 6], 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM person_rollup r
    CROSS JOIN generate_series(first_fy, last_fy) AS y(fy)
    CROSS JOIN unnest(ARRAY['EXECUTIVE', 'MANAGEMENT', 'ACADEMIC', 'SERVICE', 'TECHNOLOGY', 'OTHERS']) WITH ORDINALITY AS g(code, i)
    WHERE r.agency_id = ANY(ids)
    UNION ALL
    SELECT ppl.agency_id, thai_fiscal_year(sa.submitted_at), ppl.tg, 0, 0, 0, 0, 0, 0, count(DISTINCT ppl.person_id), 0, 0, 0, 0, 0, 0
    FROM ppl JOIN self_assessments sa ON sa.user_id = ppl.user_id
    WHERE sa.submitted_at >= thai_fiscal_year_start(first_fy) AND sa.submitted_at < thai_fiscal_year_start(last_fy + 1)
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT agency_id, fy, tg, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(DISTINCT person_id), 0, 0, 0
    FROM states WHERE edge = 'end' GROUP BY 1, 2, 3
    UNION ALL
    SELECT ppl.agency_id, d.fiscal_year, ppl.tg, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           count(*), count(*) FILTER (WHERE d.state IN ('approved', 'completed')), count(*) FILTER (WHERE d.state = 'completed')
    FROM (SELECT DISTINCT person_id, agency_id, tg FROM ppl) ppl JOIN development_plans d ON d.person_id = ppl.person_id
    WHERE d.fiscal_year BETWEEN first_fy AND last_fy
    GROUP BY 1, 2, 3
  )
  INSERT INTO dashboard_own_facts (agency_id, agency_key, fiscal_year, target_group_code, personnel, learners, completions,
    hours_formal, hours_on_the_job, hours_coaching, self_assessed, tested, passed, assessed, idps, idps_approved, idps_completed)
  SELECT m.agency_id, a.tree_key, m.fy, m.tg, sum(m.personnel), sum(m.learners), sum(m.completions), sum(m.hf), sum(m.ho), sum(m.hc),
         sum(m.self_assessed), sum(m.tested), sum(m.passed), sum(m.assessed), sum(m.idps), sum(m.idps_approved), sum(m.idps_completed)
  FROM m JOIN agencies a ON a.id = m.agency_id
  GROUP BY m.agency_id, a.tree_key, m.fy, m.tg;

  -- Every agency on the way up from the refreshed ones.
  ancestors := ARRAY(
    SELECT DISTINCT x::uuid FROM agencies a CROSS JOIN unnest(string_to_array(trim(BOTH '/' FROM a.path), '/')) AS x
    WHERE a.id = ANY(ids) AND x <> '');
  DELETE FROM dashboard_tree_facts WHERE agency_id = ANY(ancestors);
  DELETE FROM dashboard_tree_levels WHERE agency_id = ANY(ancestors);
  INSERT INTO dashboard_tree_facts (agency_id, agency_key, fiscal_year, target_group_code, personnel, learners, completions,
    hours_formal, hours_on_the_job, hours_coaching, self_assessed, tested, passed, assessed, idps, idps_approved, idps_completed)
  SELECT a.id, a.tree_key, o.fiscal_year, o.target_group_code, sum(o.personnel), sum(o.learners), sum(o.completions),
         sum(o.hours_formal), sum(o.hours_on_the_job), sum(o.hours_coaching), sum(o.self_assessed), sum(o.tested), sum(o.passed),
         sum(o.assessed), sum(o.idps), sum(o.idps_approved), sum(o.idps_completed)
  FROM agencies a
  JOIN dashboard_own_facts o ON o.agency_key COLLATE "C" >= a.tree_key AND o.agency_key COLLATE "C" < left(a.tree_key, -1) || '/'
  WHERE a.id = ANY(ancestors)
  GROUP BY a.id, a.tree_key, o.fiscal_year, o.target_group_code;
  INSERT INTO dashboard_tree_levels (agency_id, agency_key, fiscal_year, target_group_code, skill_area_code, level, people_start, people_end)
  SELECT a.id, a.tree_key, o.fiscal_year, o.target_group_code, o.skill_area_code, o.level, sum(o.people_start), sum(o.people_end)
  FROM agencies a
  JOIN dashboard_own_levels o ON o.agency_key COLLATE "C" >= a.tree_key AND o.agency_key COLLATE "C" < left(a.tree_key, -1) || '/'
  WHERE a.id = ANY(ancestors)
  GROUP BY a.id, a.tree_key, o.fiscal_year, o.target_group_code, o.skill_area_code, o.level;
END $$;
--> statement-breakpoint
-- Everything is out of date at first: the job fills the roll-ups on its first ticks.
INSERT INTO dashboard_dirty (agency_id) SELECT id FROM agencies ON CONFLICT DO NOTHING;
