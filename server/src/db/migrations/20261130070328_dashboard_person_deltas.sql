CREATE TABLE "dashboard_dirty_agencies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_dirty_persons" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_person_facts" (
	"person_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"agency_id" uuid NOT NULL,
	"target_group_code" text NOT NULL,
	"learner" smallint DEFAULT 0 NOT NULL,
	"completions" integer DEFAULT 0 NOT NULL,
	"hours_formal" numeric(14, 1) DEFAULT 0 NOT NULL,
	"hours_on_the_job" numeric(14, 1) DEFAULT 0 NOT NULL,
	"hours_coaching" numeric(14, 1) DEFAULT 0 NOT NULL,
	"self_assessed" smallint DEFAULT 0 NOT NULL,
	"tested" smallint DEFAULT 0 NOT NULL,
	"passed" smallint DEFAULT 0 NOT NULL,
	"assessed" smallint DEFAULT 0 NOT NULL,
	"idps" integer DEFAULT 0 NOT NULL,
	"idps_approved" integer DEFAULT 0 NOT NULL,
	"idps_completed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_person_levels" (
	"person_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"skill_area_code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"target_group_code" text NOT NULL,
	"level_start" smallint,
	"level_end" smallint
);
--> statement-breakpoint
DROP TABLE "dashboard_dirty" CASCADE;--> statement-breakpoint
CREATE INDEX "dashboard_person_facts_person_idx" ON "dashboard_person_facts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "dashboard_person_levels_person_idx" ON "dashboard_person_levels" USING btree ("person_id");--> statement-breakpoint
-- Dashboard roll-ups kept by differences (decision 014). Triggers append the people whose figures may have
-- changed (and the agencies whose personnel or place in the tree changed) to append-only queues, so a writer
-- never waits for a refresh. A refresh recomputes each queued person's rows from the base tables, takes the
-- old rows away from their agency and its ancestors and adds the new ones; its cost follows the people
-- touched, not the size of their agencies.
CREATE OR REPLACE FUNCTION dashboard_mark(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dashboard_dirty_agencies (agency_id) SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL
$$;
--> statement-breakpoint
CREATE FUNCTION dashboard_mark_people(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dashboard_dirty_persons (person_id) SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_mark_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_mark_people(ARRAY(SELECT u.person_id FROM (SELECT DISTINCT actor_user_id FROM new_rows) n
      JOIN users u ON u.id = n.actor_user_id));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM dashboard_mark_people(ARRAY(SELECT u.person_id FROM (SELECT DISTINCT actor_user_id FROM old_rows) n
      JOIN users u ON u.id = n.actor_user_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_mark_by_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_mark_people(ARRAY(SELECT u.person_id FROM (SELECT DISTINCT user_id FROM new_rows) n JOIN users u ON u.id = n.user_id));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM dashboard_mark_people(ARRAY(SELECT u.person_id FROM (SELECT DISTINCT user_id FROM old_rows) n JOIN users u ON u.id = n.user_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_mark_by_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_mark_people(ARRAY(SELECT DISTINCT person_id FROM new_rows));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM dashboard_mark_people(ARRAY(SELECT DISTINCT person_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Personnel: every written person's old and new agency (their active personnel); and the people who moved to
-- another agency or target group, or were deleted, whose figures change place.
CREATE OR REPLACE FUNCTION dashboard_mark_persons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_mark(ARRAY(SELECT DISTINCT agency_id FROM new_rows));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM dashboard_mark(ARRAY(SELECT DISTINCT agency_id FROM old_rows));
  END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM dashboard_mark_people(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.agency_id IS DISTINCT FROM o.agency_id OR n.target_group_code IS DISTINCT FROM o.target_group_code));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM dashboard_mark_people(ARRAY(SELECT id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_mark_user_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_mark_people(ARRAY[OLD.person_id, NEW.person_id]);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A new account has no records, self-assessments or plans yet, so it changes no figure (an import of 100,000
-- people queues nothing for them); linking an existing account to a person is the trigger above.
DROP TRIGGER users_dashboard_ins ON users;
--> statement-breakpoint
DROP FUNCTION dashboard_mark_new_users();
--> statement-breakpoint
-- Agencies moved: those whose key changed and their old and new parents. A move may set the parent and the keys
-- in separate statements, so a changed parent counts as a move by itself.
CREATE OR REPLACE FUNCTION dashboard_mark_agencies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_mark(ARRAY(
    SELECT x FROM new_rows n JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES (n.id), (o.parent_id), (n.parent_id)) AS v(x)
    WHERE n.tree_key IS DISTINCT FROM o.tree_key OR n.parent_id IS DISTINCT FROM o.parent_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP FUNCTION dashboard_refresh(uuid[], integer, integer);
--> statement-breakpoint
-- Recomputes the rows of the given people for fiscal years first_fy..last_fy from the base tables, and adds
-- the difference from their previous rows to the own rows of their agencies (the one each row was counted in)
-- and to the subtree rows of those agencies and every agency above them. Rows outside the years are dropped.
CREATE FUNCTION dashboard_refresh_people(ps uuid[], first_fy integer, last_fy integer) RETURNS void LANGUAGE sql AS $$
  WITH ppl AS (
    SELECT p.id AS person_id, p.agency_id, p.target_group_code AS tg, u.id AS user_id
    FROM persons p LEFT JOIN users u ON u.person_id = p.id
    WHERE p.id = ANY(ps)
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
  -- A person's level in an area at the start and at the end of each year: the latest test result before that
  -- instant, else the latest self-assessment.
  states AS (
    SELECT DISTINCT ON (o.person_id, o.area, y.fy, b.edge) o.agency_id, o.tg, o.person_id, o.area, y.fy, b.edge, o.level
    FROM obs o
    CROSS JOIN generate_series(first_fy, last_fy) AS y(fy)
    CROSS JOIN (VALUES ('start'), ('end')) AS b(edge)
    WHERE o.at < thai_fiscal_year_start(CASE WHEN b.edge = 'start' THEN y.fy ELSE y.fy + 1 END)
    ORDER BY o.person_id, o.area, y.fy, b.edge, o.prio, o.at DESC
  ),
  levels AS (
    SELECT person_id, fy, area, agency_id, tg,
           max(level) FILTER (WHERE edge = 'start') AS level_start, max(level) FILTER (WHERE edge = 'end') AS level_end
    FROM states GROUP BY person_id, fy, area, agency_id, tg
  ),
  m AS (
    SELECT person_id, agency_id, tg, fy,
           (count(*) FILTER (WHERE verb = 'completed') > 0)::int AS learner,
           count(*) FILTER (WHERE verb = 'completed' AND object_type = 'course') AS completions,
           coalesce(sum(hours) FILTER (WHERE kind = 'formal'), 0) AS hf,
           coalesce(sum(hours) FILTER (WHERE kind = 'on_the_job'), 0) AS ho,
           coalesce(sum(hours) FILTER (WHERE kind = 'coaching'), 0) AS hc,
           0 AS self_assessed,
           (count(*) FILTER (WHERE object_type = 'assessment_attempt' AND verb IN ('passed', 'failed')) > 0)::int AS tested,
           (count(*) FILTER (WHERE object_type = 'assessment_attempt' AND verb = 'passed') > 0)::int AS passed,
           0 AS assessed, 0 AS idps, 0 AS idps_approved, 0 AS idps_completed
    FROM lr GROUP BY person_id, agency_id, tg, fy
    UNION ALL
    SELECT ppl.person_id, ppl.agency_id, ppl.tg, thai_fiscal_year(sa.submitted_at), 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
    FROM ppl JOIN self_assessments sa ON sa.user_id = ppl.user_id
    WHERE sa.submitted_at >= thai_fiscal_year_start(first_fy) AND sa.submitted_at < thai_fiscal_year_start(last_fy + 1)
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT person_id, agency_id, tg, fy, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 FROM levels WHERE level_end IS NOT NULL GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT ppl.person_id, ppl.agency_id, ppl.tg, d.fiscal_year, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           count(*), count(*) FILTER (WHERE d.state IN ('approved', 'completed')), count(*) FILTER (WHERE d.state = 'completed')
    FROM (SELECT DISTINCT person_id, agency_id, tg FROM ppl) ppl JOIN development_plans d ON d.person_id = ppl.person_id
    WHERE d.fiscal_year BETWEEN first_fy AND last_fy
    GROUP BY 1, 2, 3, 4
  ),
  old_facts AS (DELETE FROM dashboard_person_facts WHERE person_id = ANY(ps) RETURNING *),
  new_facts AS (
    INSERT INTO dashboard_person_facts (person_id, fiscal_year, agency_id, target_group_code, learner, completions, hours_formal,
      hours_on_the_job, hours_coaching, self_assessed, tested, passed, assessed, idps, idps_approved, idps_completed)
    SELECT person_id, fy, agency_id, tg, max(learner), sum(completions), sum(hf), sum(ho), sum(hc), max(self_assessed), max(tested),
           max(passed), max(assessed), sum(idps), sum(idps_approved), sum(idps_completed)
    FROM m WHERE fy BETWEEN first_fy AND last_fy
    GROUP BY person_id, fy, agency_id, tg
    RETURNING *
  ),
  old_levels AS (DELETE FROM dashboard_person_levels WHERE person_id = ANY(ps) RETURNING *),
  new_levels AS (
    INSERT INTO dashboard_person_levels (person_id, fiscal_year, skill_area_code, agency_id, target_group_code, level_start, level_end)
    SELECT person_id, fy, area, agency_id, tg, level_start, level_end FROM levels
    RETURNING *
  ),
  df AS (
    SELECT agency_id, fiscal_year, target_group_code, sum(s * learner) AS learners, sum(s * completions) AS completions,
           sum(s * hours_formal) AS hours_formal, sum(s * hours_on_the_job) AS hours_on_the_job, sum(s * hours_coaching) AS hours_coaching,
           sum(s * self_assessed) AS self_assessed, sum(s * tested) AS tested, sum(s * passed) AS passed, sum(s * assessed) AS assessed,
           sum(s * idps) AS idps, sum(s * idps_approved) AS idps_approved, sum(s * idps_completed) AS idps_completed
    FROM (SELECT 1 AS s, * FROM new_facts UNION ALL SELECT -1, * FROM old_facts) x
    WHERE fiscal_year BETWEEN first_fy AND last_fy
    GROUP BY agency_id, fiscal_year, target_group_code
    HAVING sum(s * learner) <> 0 OR sum(s * completions) <> 0 OR sum(s * hours_formal) <> 0 OR sum(s * hours_on_the_job) <> 0
        OR sum(s * hours_coaching) <> 0 OR sum(s * self_assessed) <> 0 OR sum(s * tested) <> 0 OR sum(s * passed) <> 0
        OR sum(s * assessed) <> 0 OR sum(s * idps) <> 0 OR sum(s * idps_approved) <> 0 OR sum(s * idps_completed) <> 0
  ),
  dl AS (
    SELECT agency_id, fiscal_year, target_group_code, skill_area_code, level, sum(ds) AS people_start, sum(de) AS people_end
    FROM (
      SELECT agency_id, fiscal_year, target_group_code, skill_area_code, level_start AS level, 1 AS ds, 0 AS de FROM new_levels WHERE level_start IS NOT NULL
      UNION ALL SELECT agency_id, fiscal_year, target_group_code, skill_area_code, level_end, 0, 1 FROM new_levels WHERE level_end IS NOT NULL
      UNION ALL SELECT agency_id, fiscal_year, target_group_code, skill_area_code, level_start, -1, 0 FROM old_levels WHERE level_start IS NOT NULL
      UNION ALL SELECT agency_id, fiscal_year, target_group_code, skill_area_code, level_end, 0, -1 FROM old_levels WHERE level_end IS NOT NULL
    ) x
    WHERE fiscal_year BETWEEN first_fy AND last_fy
    GROUP BY agency_id, fiscal_year, target_group_code, skill_area_code, level
    HAVING sum(ds) <> 0 OR sum(de) <> 0
  ),
  -- Each agency with a difference, with itself and every agency above it.
  up AS (
    SELECT a.id AS agency_id, a.tree_key AS agency_key, anc.id AS ancestor_id, anc.tree_key AS ancestor_key
    FROM agencies a
    CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM a.path), '/')) AS x(id)
    JOIN agencies anc ON anc.id = x.id::uuid
    WHERE a.id IN (SELECT agency_id FROM df UNION SELECT agency_id FROM dl)
  ),
  own_facts AS (
    INSERT INTO dashboard_own_facts AS o (agency_id, agency_key, fiscal_year, target_group_code, learners, completions, hours_formal,
      hours_on_the_job, hours_coaching, self_assessed, tested, passed, assessed, idps, idps_approved, idps_completed)
    SELECT df.agency_id, a.tree_key, df.fiscal_year, df.target_group_code, df.learners, df.completions, df.hours_formal,
           df.hours_on_the_job, df.hours_coaching, df.self_assessed, df.tested, df.passed, df.assessed, df.idps, df.idps_approved, df.idps_completed
    FROM df JOIN agencies a ON a.id = df.agency_id
    ON CONFLICT (agency_id, fiscal_year, target_group_code) DO UPDATE SET
      learners = o.learners + excluded.learners, completions = o.completions + excluded.completions,
      hours_formal = o.hours_formal + excluded.hours_formal, hours_on_the_job = o.hours_on_the_job + excluded.hours_on_the_job,
      hours_coaching = o.hours_coaching + excluded.hours_coaching, self_assessed = o.self_assessed + excluded.self_assessed,
      tested = o.tested + excluded.tested, passed = o.passed + excluded.passed, assessed = o.assessed + excluded.assessed,
      idps = o.idps + excluded.idps, idps_approved = o.idps_approved + excluded.idps_approved,
      idps_completed = o.idps_completed + excluded.idps_completed
    RETURNING 1
  ),
  tree_facts AS (
    INSERT INTO dashboard_tree_facts AS o (agency_id, agency_key, fiscal_year, target_group_code, learners, completions, hours_formal,
      hours_on_the_job, hours_coaching, self_assessed, tested, passed, assessed, idps, idps_approved, idps_completed)
    SELECT up.ancestor_id, up.ancestor_key, df.fiscal_year, df.target_group_code, sum(df.learners), sum(df.completions),
           sum(df.hours_formal), sum(df.hours_on_the_job), sum(df.hours_coaching), sum(df.self_assessed), sum(df.tested),
           sum(df.passed), sum(df.assessed), sum(df.idps), sum(df.idps_approved), sum(df.idps_completed)
    FROM df JOIN up ON up.agency_id = df.agency_id
    GROUP BY up.ancestor_id, up.ancestor_key, df.fiscal_year, df.target_group_code
    ON CONFLICT (agency_id, fiscal_year, target_group_code) DO UPDATE SET
      learners = o.learners + excluded.learners, completions = o.completions + excluded.completions,
      hours_formal = o.hours_formal + excluded.hours_formal, hours_on_the_job = o.hours_on_the_job + excluded.hours_on_the_job,
      hours_coaching = o.hours_coaching + excluded.hours_coaching, self_assessed = o.self_assessed + excluded.self_assessed,
      tested = o.tested + excluded.tested, passed = o.passed + excluded.passed, assessed = o.assessed + excluded.assessed,
      idps = o.idps + excluded.idps, idps_approved = o.idps_approved + excluded.idps_approved,
      idps_completed = o.idps_completed + excluded.idps_completed
    RETURNING 1
  ),
  own_levels AS (
    INSERT INTO dashboard_own_levels AS o (agency_id, agency_key, fiscal_year, target_group_code, skill_area_code, level, people_start, people_end)
    SELECT dl.agency_id, a.tree_key, dl.fiscal_year, dl.target_group_code, dl.skill_area_code, dl.level, dl.people_start, dl.people_end
    FROM dl JOIN agencies a ON a.id = dl.agency_id
    ON CONFLICT (agency_id, fiscal_year, target_group_code, skill_area_code, level) DO UPDATE SET
      people_start = o.people_start + excluded.people_start, people_end = o.people_end + excluded.people_end
    RETURNING 1
  ),
  tree_levels AS (
    INSERT INTO dashboard_tree_levels AS o (agency_id, agency_key, fiscal_year, target_group_code, skill_area_code, level, people_start, people_end)
    SELECT up.ancestor_id, up.ancestor_key, dl.fiscal_year, dl.target_group_code, dl.skill_area_code, dl.level, sum(dl.people_start), sum(dl.people_end)
    FROM dl JOIN up ON up.agency_id = dl.agency_id
    GROUP BY up.ancestor_id, up.ancestor_key, dl.fiscal_year, dl.target_group_code, dl.skill_area_code, dl.level
    ON CONFLICT (agency_id, fiscal_year, target_group_code, skill_area_code, level) DO UPDATE SET
      people_start = o.people_start + excluded.people_start, people_end = o.people_end + excluded.people_end
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM own_facts) + (SELECT count(*) FROM tree_facts) + (SELECT count(*) FROM own_levels) + (SELECT count(*) FROM tree_levels)
$$;
--> statement-breakpoint
-- Sets the active personnel (from person_rollup) of the given agencies' own rows and their current keys (an
-- agency that moved has a new one), then recomputes the subtree rows of them and every agency above them
-- from the own rows.
CREATE FUNCTION dashboard_refresh_agencies(ids uuid[], first_fy integer, last_fy integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ancestors uuid[];
BEGIN
  UPDATE dashboard_own_facts o SET agency_key = a.tree_key FROM agencies a
  WHERE a.id = ANY(ids) AND o.agency_id = a.id AND o.agency_key <> a.tree_key;
  UPDATE dashboard_own_levels o SET agency_key = a.tree_key FROM agencies a
  WHERE a.id = ANY(ids) AND o.agency_id = a.id AND o.agency_key <> a.tree_key;
  UPDATE dashboard_own_facts SET personnel = 0 WHERE agency_id = ANY(ids) AND personnel <> 0;
  INSERT INTO dashboard_own_facts AS o (agency_id, agency_key, fiscal_year, target_group_code, personnel)
  SELECT a.id, a.tree_key, y.fy, g.code, r.cells[(g.i - 1) * 10 + 1] + r.cells[(g.i - 1) * 10 + 6]
  FROM agencies a
  JOIN person_rollup r ON r.agency_id = a.id
  CROSS JOIN generate_series(first_fy, last_fy) AS y(fy)
  CROSS JOIN unnest(ARRAY['EXECUTIVE', 'MANAGEMENT', 'ACADEMIC', 'SERVICE', 'TECHNOLOGY', 'OTHERS']) WITH ORDINALITY AS g(code, i)
  WHERE a.id = ANY(ids) AND r.cells[(g.i - 1) * 10 + 1] + r.cells[(g.i - 1) * 10 + 6] > 0
  ON CONFLICT (agency_id, fiscal_year, target_group_code) DO UPDATE SET personnel = excluded.personnel;

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
-- The roll-ups are rebuilt person by person from here on: everything is marked and "as of" is unknown until then.
TRUNCATE dashboard_own_facts, dashboard_tree_facts, dashboard_own_levels, dashboard_tree_levels;
--> statement-breakpoint
DELETE FROM dashboard_refresh_state;
--> statement-breakpoint
INSERT INTO dashboard_dirty_agencies (agency_id) SELECT id FROM agencies ORDER BY tree_key;
--> statement-breakpoint
INSERT INTO dashboard_dirty_persons (person_id)
SELECT person_id FROM users WHERE person_id IS NOT NULL UNION SELECT person_id FROM development_plans;
