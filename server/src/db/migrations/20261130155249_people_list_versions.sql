ALTER TABLE "person_rollup" ADD COLUMN "list_changes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- A subtree's list version (decision 017): the sum of its agencies' `list_changes`. Every statement that changes
-- what an agency's people look like in a list adds one to that agency's row: people written (the roll-up's own
-- triggers, now also for updates that leave the counts as they were), their accounts' state, the agency's code and
-- names. Rows are never deleted and counts never go down, so the sum grows with every change; a move carries its
-- subtree's changes into the old parent's row (`moveSubtree`), so the subtree left behind grows too.
CREATE OR REPLACE FUNCTION person_rollup_add(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  WITH d AS (
    SELECT agency_id, cell, sum(d)::int AS d FROM jsonb_to_recordset(deltas) AS x(agency_id uuid, cell int, d int) GROUP BY 1, 2
  ), g AS (
    SELECT a.agency_id, array_agg(coalesce(d.d, 0) ORDER BY i) AS cells, sum(coalesce(d.d, 0))::int AS total
    FROM (SELECT DISTINCT agency_id FROM d) a CROSS JOIN generate_series(1, 60) AS i
    LEFT JOIN d ON d.agency_id = a.agency_id AND d.cell = i
    GROUP BY a.agency_id
  )
  INSERT INTO person_rollup AS r (agency_id, agency_key, total, cells, list_changes)
  SELECT g.agency_id, ag.tree_key, g.total, g.cells, 1 FROM g JOIN agencies ag ON ag.id = g.agency_id
  ON CONFLICT (agency_id) DO UPDATE SET total = r.total + excluded.total,
    cells = CASE WHEN 0 = ALL(excluded.cells) THEN r.cells
                 ELSE (SELECT array_agg(r.cells[i] + excluded.cells[i] ORDER BY i) FROM generate_series(1, 60) AS i) END,
    list_changes = r.list_changes + 1;
$$;
--> statement-breakpoint
-- Updates now count every agency they touch, with a zero change where the counts stay (a name edited).
CREATE OR REPLACE FUNCTION person_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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
      ) c GROUP BY 1, 2) x));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An account's state shows in its person's row of a list: created, linked, activated (first password) or disabled.
CREATE FUNCTION person_list_accounts_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM person_rollup_add((SELECT coalesce(jsonb_agg(x), '[]') FROM (
      SELECT DISTINCT p.agency_id, 1 AS cell, 0 AS d FROM new_rows u JOIN persons p ON p.id = u.person_id) x));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM person_rollup_add((SELECT coalesce(jsonb_agg(x), '[]') FROM (
      SELECT DISTINCT p.agency_id, 1 AS cell, 0 AS d FROM old_rows u JOIN persons p ON p.id = u.person_id) x));
  ELSE
    PERFORM person_rollup_add((SELECT coalesce(jsonb_agg(x), '[]') FROM (
      SELECT DISTINCT p.agency_id, 1 AS cell, 0 AS d
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.person_id), (n.person_id)) AS v(person_id)
      JOIN persons p ON p.id = v.person_id
      WHERE o.person_id IS DISTINCT FROM n.person_id
         OR (o.disabled_at IS NULL) <> (n.disabled_at IS NULL)
         OR (o.password_hash LIKE 'scrypt$%') <> (n.password_hash LIKE 'scrypt$%')) x));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_person_list_ins AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_list_accounts_touch();
--> statement-breakpoint
CREATE TRIGGER users_person_list_upd AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_list_accounts_touch();
--> statement-breakpoint
CREATE TRIGGER users_person_list_del AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_list_accounts_touch();
--> statement-breakpoint
-- An agency's code and names show in each of its people's rows.
CREATE FUNCTION person_list_agencies_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE person_rollup r SET list_changes = r.list_changes + 1
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE r.agency_id = n.id AND (o.code, o.name_th, o.name_en) IS DISTINCT FROM (n.code, n.name_th, n.name_en);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER agencies_person_list_upd AFTER UPDATE ON agencies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_list_agencies_touch();
