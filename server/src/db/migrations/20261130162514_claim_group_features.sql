CREATE TABLE "claim_group_features" (
	"group_id" uuid PRIMARY KEY NOT NULL,
	"features" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_group_features" ADD CONSTRAINT "claim_group_features_group_id_claim_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."claim_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Each group's features are computed once, when its key is written (decision 016, amended), beside its postings;
-- the look-up then reads them for its candidates instead of computing them for every claim tested against them.
CREATE OR REPLACE FUNCTION claim_group_tokens_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tokens integer[] := claim_grouping_tokens(NEW.text_key);
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM claim_group_tokens WHERE group_id = NEW.id;
  END IF;
  INSERT INTO claim_group_tokens (token, group_id) SELECT t, NEW.id FROM unnest(tokens) t;
  INSERT INTO claim_group_features (group_id, features) VALUES (NEW.id, claim_features(NEW.text_key))
  ON CONFLICT (group_id) DO UPDATE SET features = excluded.features;
  INSERT INTO claim_common_tokens (token)
  SELECT t FROM (
    SELECT t FROM unnest(tokens) t WHERE NOT EXISTS (SELECT 1 FROM claim_common_tokens c WHERE c.token = t) OFFSET 0
  ) not_yet -- counted after the common ones are left out (OFFSET 0 keeps the two filters in this order)
  WHERE (SELECT count(*) FROM (SELECT 1 FROM claim_group_tokens p WHERE p.token = t LIMIT 20) x) >= 20
  ORDER BY t
  ON CONFLICT (token) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO claim_group_features (group_id, features) SELECT id, claim_features(text_key) FROM claim_groups;
--> statement-breakpoint
-- As before (20261130102006_claim_place), except: the candidates' features are read from claim_group_features,
-- and the key's common tokens are found in one index scan of claim_common_tokens rather than one probe per token.
CREATE OR REPLACE FUNCTION claim_find_group(p_tokens integer[], p_mine text[], p_link text, p_uncommon_only boolean,
                                 p_always integer[], p_tested uuid[],
                                 OUT found_group uuid, OUT found_lock_tokens integer[], OUT found_tested uuid[])
LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  found_tested := p_tested;
  FOR c IN
    WITH common AS MATERIALIZED (
      SELECT ct.token FROM claim_common_tokens ct WHERE p_uncommon_only AND ct.token = ANY (p_tokens)
    ), keyed AS (
      SELECT unnest(p_tokens) AS token
    ), hits AS (
      SELECT q.token, h.group_id, h.seq, coalesce(h.readers, 0) AS readers
      FROM keyed q
      LEFT JOIN LATERAL (
        SELECT p.group_id, p.seq, count(*) OVER () AS readers FROM (
          SELECT t.group_id, t.seq FROM claim_group_tokens t WHERE t.token = q.token ORDER BY t.seq DESC NULLS LAST LIMIT 20
        ) p
      ) h ON true
      WHERE NOT (p_uncommon_only AND q.token <> ALL (p_always) AND q.token IN (SELECT token FROM common))
    ), best AS (
      SELECT hits.group_id, sum(CASE WHEN readers < 20 THEN 1.0 / readers ELSE 0.001 END) AS score, max(seq) AS newest
      FROM hits WHERE hits.group_id IS NOT NULL GROUP BY hits.group_id
      ORDER BY score DESC, newest DESC LIMIT 10
    ), tokens AS (
      SELECT (SELECT array_agg(DISTINCT token) FILTER (WHERE readers < 20) FROM hits) AS uncommon,
             (SELECT array_agg(token) FROM keyed) AS every
    )
    (SELECT NULL::uuid AS group_id, NULL::text[] AS features, false AS via_link, -1::bigint AS rank,
            coalesce(uncommon, every, '{}') AS lock_tokens FROM tokens)
    UNION ALL
    (SELECT cl.group_id, NULL, true, 0, NULL FROM claims cl WHERE cl.link_key = p_link ORDER BY cl.submitted_at LIMIT 1)
    UNION ALL
    (SELECT g.id, coalesce(f.features, claim_features(g.text_key)), false,
            row_number() OVER (ORDER BY best.score DESC, best.newest DESC), NULL
      FROM best JOIN claim_groups g ON g.id = best.group_id LEFT JOIN claim_group_features f ON f.group_id = g.id)
    ORDER BY 4
  LOOP
    IF c.rank = -1 THEN
      found_lock_tokens := c.lock_tokens;
    ELSIF c.via_link THEN
      found_group := c.group_id;
      RETURN;
    ELSIF c.group_id <> ALL (found_tested) THEN
      IF claim_same(p_mine, c.features) THEN
        found_group := c.group_id;
        RETURN;
      END IF;
      found_tested := found_tested || c.group_id;
    END IF;
  END LOOP;
END $$;
