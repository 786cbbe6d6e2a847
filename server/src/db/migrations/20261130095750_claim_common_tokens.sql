CREATE TABLE "claim_common_tokens" (
	"token" integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- The postings of a new group's tokens, and the tokens that reach 20 groups with it (NEWEST_PER_TOKEN in
-- factcheck/repository.ts): the look-up's first pass reads only the other tokens' postings (decision 016).
-- Only tokens not yet common are counted, each reading at most 20 postings. A token stays common, even if
-- merges later take groups away from it: it then weighs as common and is not locked, as at 20 groups.
CREATE OR REPLACE FUNCTION claim_group_tokens_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tokens integer[] := claim_grouping_tokens(NEW.text_key);
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM claim_group_tokens WHERE group_id = NEW.id;
  END IF;
  INSERT INTO claim_group_tokens (token, group_id) SELECT t, NEW.id FROM unnest(tokens) t;
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
INSERT INTO claim_common_tokens (token)
SELECT token FROM claim_group_tokens GROUP BY token HAVING count(*) >= 20;
