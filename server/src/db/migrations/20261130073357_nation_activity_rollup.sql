-- The nation's activities and people helped per month, kept beside the areas' under the code 'TH' (decision 016):
-- the national coverage view reads its twelve months instead of summing the 77 provinces' on every request.
-- Activities are only added, one statement at a time, so the nation's row of a month is updated once per statement.
CREATE OR REPLACE FUNCTION activity_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO activity_rollup AS r (code, month, activities, people)
  SELECT code, month, count(*)::int, sum(people_helped)::int FROM (
    SELECT subdistrict_code AS code, date_trunc('month', activity_date)::date AS month, people_helped FROM new_rows
    UNION ALL SELECT district_code, date_trunc('month', activity_date)::date, people_helped FROM new_rows
    UNION ALL SELECT province_code, date_trunc('month', activity_date)::date, people_helped FROM new_rows
    UNION ALL SELECT 'TH', date_trunc('month', activity_date)::date, people_helped FROM new_rows
  ) u GROUP BY 1, 2
  ON CONFLICT (code, month) DO UPDATE SET activities = r.activities + excluded.activities, people = r.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO activity_rollup AS r (code, month, activities, people)
SELECT 'TH', month, sum(activities)::int, sum(people)::int FROM activity_rollup
WHERE code IN (SELECT code FROM place_provinces) GROUP BY month
ON CONFLICT (code, month) DO UPDATE SET activities = excluded.activities, people = excluded.people;
