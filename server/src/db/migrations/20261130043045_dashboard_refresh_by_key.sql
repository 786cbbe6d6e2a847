-- The people of the refreshed agencies are found by their agency key, which the (agency_key collate "C", …)
-- index of persons answers; persons has no index on agency_id, so the first version read every person.
CREATE OR REPLACE FUNCTION dashboard_refresh(ids uuid[], first_fy integer, last_fy integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ancestors uuid[];
BEGIN
  DELETE FROM dashboard_own_facts WHERE agency_id = ANY(ids);
  DELETE FROM dashboard_own_levels WHERE agency_id = ANY(ids);

  WITH ppl AS (
    SELECT p.id AS person_id, p.agency_id, p.target_group_code AS tg, u.id AS user_id
    FROM persons p LEFT JOIN users u ON u.person_id = p.id
    WHERE p.agency_key COLLATE "C" = ANY(ARRAY(SELECT tree_key FROM agencies WHERE id = ANY(ids))) AND p.agency_id = ANY(ids)
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
