DROP INDEX "claims_link_key_first_idx";--> statement-breakpoint
DROP INDEX "claims_submitter_idx";--> statement-breakpoint
CREATE INDEX "claims_link_key_first_idx" ON "claims" USING btree ("link_key","submitted_at") WHERE "claims"."link_key" is not null;--> statement-breakpoint
CREATE INDEX "claims_submitter_idx" ON "claims" USING btree ("submitter_user_id","submitted_at" DESC NULLS LAST) WHERE "claims"."submitter_user_id" is not null;--> statement-breakpoint
-- The word test over hashed features (decision 016, amended): a group's features are stored as the sorted,
-- distinct hashtext of each feature, and two claims' features are intersected by intarray's C functions instead
-- of a set operation over strings. intarray lives in its own schema, so its operators for integer[] (&&, @>, <@)
-- do not replace the built-in ones anywhere else.
CREATE SCHEMA IF NOT EXISTS intarray;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS intarray SCHEMA intarray;--> statement-breakpoint
-- A grouping key's features hashed (the sorted, distinct hashtext of each feature of claim_features) and its grouping
-- tokens (as claim_grouping_tokens has defined them: its pairs' hashes, or all its features' when the key is too short
-- for the word test to guarantee a shared pair), from one split of the key.
CREATE FUNCTION claim_key_hashes(key text, OUT features integer[], OUT tokens integer[])
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  words text[] := array_remove(string_to_array(coalesce(key, ''), ' '), '');
  pairs text[] := ARRAY(SELECT words[i] || '_' || words[i + 1] FROM generate_series(1, cardinality(words) - 1) i);
  n_words integer;
  n_features integer;
BEGIN
  SELECT count(DISTINCT w) INTO n_words FROM unnest(words) w;
  SELECT count(DISTINCT f), intarray.uniq(intarray.sort(coalesce(array_agg(hashtext(f)), '{}')))
  INTO n_features, features FROM unnest(words || pairs) f;
  -- Shared pairs guaranteed by the word test (see 20261130064746_claim_grouping_tokens); none: the words are tokens too.
  IF 0.325 * n_features - 0.35 * n_words - 0.325 > 0 THEN
    tokens := intarray.uniq(intarray.sort(ARRAY(SELECT hashtext(p) FROM unnest(pairs) p)));
  ELSE
    tokens := features;
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION claim_grouping_tokens(key text) RETURNS integer[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (claim_key_hashes(key)).tokens
$$;
--> statement-breakpoint
-- The word test of similarity.ts (`sameClaimAs`) over two keys' hashed features: Dice from SAME_CLAIM_DICE (0.65),
-- or, when the smaller has at least ten features, SAME_CLAIM_CONTAINMENT (0.8) of them in the larger. The same
-- double-precision arithmetic as the application's. Change both together (grouping.test.ts compares them).
DROP FUNCTION claim_same(text[], text[]);--> statement-breakpoint
CREATE FUNCTION claim_same(a integer[], b integer[]) RETURNS boolean LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  na integer := coalesce(cardinality(a), 0);
  nb integer := coalesce(cardinality(b), 0);
  smaller integer := least(na, nb);
  common integer;
BEGIN
  IF smaller = 0 THEN
    RETURN false;
  END IF;
  common := intarray.icount(a OPERATOR(intarray.&) b);
  RETURN (2 * common)::float8 / (na + nb) >= 0.65::float8
      OR (smaller >= 10 AND common::float8 / smaller >= 0.8::float8);
END $$;
--> statement-breakpoint
DELETE FROM claim_group_features;--> statement-breakpoint
ALTER TABLE "claim_group_features" ALTER COLUMN "features" SET DATA TYPE integer[] USING '{}';--> statement-breakpoint
CREATE OR REPLACE FUNCTION claim_group_tokens_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hashes record := claim_key_hashes(NEW.text_key);
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM claim_group_tokens WHERE group_id = NEW.id;
  END IF;
  INSERT INTO claim_group_tokens (token, group_id) SELECT t, NEW.id FROM unnest(hashes.tokens) t;
  INSERT INTO claim_group_features (group_id, features) VALUES (NEW.id, hashes.features)
  ON CONFLICT (group_id) DO UPDATE SET features = excluded.features;
  INSERT INTO claim_common_tokens (token)
  SELECT t FROM (
    SELECT t FROM unnest(hashes.tokens) t WHERE NOT EXISTS (SELECT 1 FROM claim_common_tokens c WHERE c.token = t) OFFSET 0
  ) not_yet -- counted after the common ones are left out (OFFSET 0 keeps the two filters in this order)
  WHERE (SELECT count(*) FROM (SELECT 1 FROM claim_group_tokens p WHERE p.token = t LIMIT 20) x) >= 20
  ORDER BY t
  ON CONFLICT (token) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO claim_group_features (group_id, features) SELECT id, (claim_key_hashes(text_key)).features FROM claim_groups;
--> statement-breakpoint
-- As before (20261130162514_claim_group_features), with the key's and the candidates' features hashed.
DROP FUNCTION claim_find_group(integer[], text[], text, boolean, integer[], uuid[]);--> statement-breakpoint
CREATE FUNCTION claim_find_group(p_tokens integer[], p_mine integer[], p_link text, p_uncommon_only boolean,
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
    (SELECT NULL::uuid AS group_id, NULL::integer[] AS features, false AS via_link, -1::bigint AS rank,
            coalesce(uncommon, every, '{}') AS lock_tokens FROM tokens)
    UNION ALL
    (SELECT cl.group_id, NULL, true, 0, NULL FROM claims cl WHERE cl.link_key = p_link ORDER BY cl.submitted_at LIMIT 1)
    UNION ALL
    (SELECT g.id, coalesce(f.features, (claim_key_hashes(g.text_key)).features), false,
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

--> statement-breakpoint
-- As before (20261130102006_claim_place), with the key's hashed features and grouping tokens computed by the caller
-- (factcheck/similarity.ts `keyHashes`, the same integers as claim_key_hashes; grouping.test.ts compares them), so
-- that the key is not split and hashed again here.
DROP FUNCTION claim_place(integer, integer, text, text, text, text, text, text, uuid, text, text, uuid, text, text, text);--> statement-breakpoint
CREATE FUNCTION claim_place(
  lock_class integer, link_lock integer, c_sample_text text,
  c_tracking_code text, c_text text, c_link text, c_link_key text, c_text_key text, c_image_file_id uuid,
  c_platform text, c_province_code text, c_submitter_user_id uuid, c_contact_email text, c_contact_phone text,
  c_challenge_nonce text, c_features integer[], c_tokens integer[],
  OUT placed_group uuid, OUT placed_count integer, OUT placed_status text
) LANGUAGE plpgsql AS $$
DECLARE
  tokens integer[] := c_tokens;
  mine integer[] := c_features;
  target uuid;
  lock_tokens integer[];
  tested uuid[];
BEGIN
  SELECT found_group, found_lock_tokens, found_tested INTO target, lock_tokens, tested
  FROM claim_find_group(tokens, mine, c_link_key, true, '{}', '{}');
  IF target IS NULL THEN
    PERFORM count(pg_advisory_xact_lock(lock_class, t)) FROM (
      SELECT DISTINCT t FROM unnest(coalesce(lock_tokens, '{}') || CASE WHEN link_lock IS NULL THEN '{}'::integer[] ELSE ARRAY[link_lock] END) t
      ORDER BY 1
    ) s;
    SELECT found_group, found_tested INTO target, tested
    FROM claim_find_group(tokens, mine, c_link_key, true, coalesce(lock_tokens, '{}'), tested);
    IF target IS NULL THEN
      SELECT found_group INTO target FROM claim_find_group(tokens, mine, c_link_key, false, '{}', tested);
    END IF;
    IF target IS NULL THEN
      INSERT INTO claim_groups (sample_text, text_key, request_count, provinces, platforms)
      VALUES (c_sample_text, c_text_key, 1, ARRAY[c_province_code], ARRAY[c_platform])
      RETURNING id, request_count, status INTO placed_group, placed_count, placed_status;
      INSERT INTO claims (group_id, tracking_code, text, link, link_key, text_key, image_file_id, platform, province_code,
                          submitter_user_id, contact_email, contact_phone, challenge_nonce)
      VALUES (placed_group, c_tracking_code, c_text, c_link, c_link_key, c_text_key, c_image_file_id, c_platform, c_province_code,
              c_submitter_user_id, c_contact_email, c_contact_phone, c_challenge_nonce);
      RETURN;
    END IF;
  END IF;
  INSERT INTO claims (group_id, tracking_code, text, link, link_key, text_key, image_file_id, platform, province_code,
                      submitter_user_id, contact_email, contact_phone, challenge_nonce)
  VALUES (target, c_tracking_code, c_text, c_link, c_link_key, c_text_key, c_image_file_id, c_platform, c_province_code,
          c_submitter_user_id, c_contact_email, c_contact_phone, c_challenge_nonce);
  UPDATE claim_groups g SET request_count = g.request_count + 1,
    provinces = CASE WHEN c_province_code = ANY (g.provinces) THEN g.provinces ELSE array_append(g.provinces, c_province_code) END,
    platforms = CASE WHEN c_platform = ANY (g.platforms) THEN g.platforms ELSE array_append(g.platforms, c_platform) END,
    last_seen_at = now(), updated_at = now()
  WHERE g.id = target
  RETURNING g.id, g.request_count, g.status INTO placed_group, placed_count, placed_status;
END $$;
