-- Placing a claim in one statement (decision 016): the look-up, the word test, the grouping locks and the
-- writes run in the database, so a submission is one round trip, and the locks are held for the database's
-- work only, not for round trips to the application.

-- The features of a grouping key, as `features` in factcheck/similarity.ts: its words (split on spaces, empty
-- ones dropped) and its pairs of neighbouring words joined by "_", each once. Change both together.
CREATE FUNCTION claim_features(key text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  words text[] := array_remove(string_to_array(coalesce(key, ''), ' '), '');
  pairs text[] := '{}';
BEGIN
  FOR i IN 1 .. coalesce(array_length(words, 1), 0) - 1 LOOP
    pairs := pairs || (words[i] || '_' || words[i + 1]);
  END LOOP;
  RETURN ARRAY(SELECT DISTINCT f FROM unnest(words || pairs) f);
END $$;
--> statement-breakpoint
-- The word test of similarity.ts (`sameClaimAs`) over two keys' features: Dice from SAME_CLAIM_DICE (0.65), or,
-- when the smaller has at least ten features, SAME_CLAIM_CONTAINMENT (0.8) of them in the larger. The same
-- double-precision arithmetic as the application's. Change both together (grouping.test.ts compares them).
CREATE FUNCTION claim_same(a text[], b text[]) RETURNS boolean LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  na integer := coalesce(cardinality(a), 0);
  nb integer := coalesce(cardinality(b), 0);
  smaller integer := least(na, nb);
  common integer;
BEGIN
  IF smaller = 0 THEN
    RETURN false;
  END IF;
  SELECT count(*) INTO common FROM (SELECT unnest(a) INTERSECT SELECT unnest(b)) x;
  RETURN (2 * common)::float8 / (na + nb) >= 0.65::float8
      OR (smaller >= 10 AND common::float8 / smaller >= 0.8::float8);
END $$;
--> statement-breakpoint
-- The group a key belongs in, or null: the group of the first claim with the same link, else the first of up to
-- ten candidate groups that the word test calls the same claim. The key comes as its grouping tokens
-- (claim_grouping_tokens) and its features (claim_features), computed once by the caller. Candidates share
-- grouping tokens with the key (its word pairs) and are read from each token's 20 most recently created groups —
-- bounded however common a token is — ranked by the tokens they share: an uncommon one (fewer than 20 groups
-- have it) weighs one over the number of groups having it, a common one next to nothing (a recent group sharing
-- many common phrases must not push out an older one sharing the claim's specifics), then by how recently they
-- were created. With p_uncommon_only, tokens known to be common (claim_common_tokens) are not read at all: most
-- claims find their group by their uncommon tokens, and a long claim has dozens of common ones; the tokens in
-- p_always are read even so. Candidates in p_tested (found not the same by an earlier pass) are not tested
-- again; found_tested adds this pass's. Also the tokens to lock before opening a group: the key's uncommon
-- tokens, or all its tokens when none is.
CREATE FUNCTION claim_find_group(p_tokens integer[], p_mine text[], p_link text, p_uncommon_only boolean,
                                 p_always integer[], p_tested uuid[],
                                 OUT found_group uuid, OUT found_lock_tokens integer[], OUT found_tested uuid[])
LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  found_tested := p_tested;
  FOR c IN
    WITH keyed AS (
      SELECT unnest(p_tokens) AS token
    ), hits AS (
      SELECT q.token, h.group_id, h.seq, coalesce(h.readers, 0) AS readers
      FROM keyed q
      LEFT JOIN LATERAL (
        SELECT p.group_id, p.seq, count(*) OVER () AS readers FROM (
          SELECT t.group_id, t.seq FROM claim_group_tokens t WHERE t.token = q.token ORDER BY t.seq DESC NULLS LAST LIMIT 20
        ) p
      ) h ON true
      WHERE NOT (p_uncommon_only AND q.token <> ALL (p_always) AND EXISTS (SELECT 1 FROM claim_common_tokens ct WHERE ct.token = q.token))
    ), best AS (
      SELECT hits.group_id, sum(CASE WHEN readers < 20 THEN 1.0 / readers ELSE 0.001 END) AS score, max(seq) AS newest
      FROM hits WHERE hits.group_id IS NOT NULL GROUP BY hits.group_id
      ORDER BY score DESC, newest DESC LIMIT 10
    ), tokens AS (
      SELECT (SELECT array_agg(DISTINCT token) FILTER (WHERE readers < 20) FROM hits) AS uncommon,
             (SELECT array_agg(token) FROM keyed) AS every
    )
    (SELECT NULL::uuid AS group_id, NULL::text AS text_key, false AS via_link, -1::bigint AS rank,
            coalesce(uncommon, every, '{}') AS lock_tokens FROM tokens)
    UNION ALL
    (SELECT cl.group_id, cl.text_key, true, 0, NULL FROM claims cl WHERE cl.link_key = p_link ORDER BY cl.submitted_at LIMIT 1)
    UNION ALL
    (SELECT g.id, g.text_key, false, row_number() OVER (ORDER BY best.score DESC, best.newest DESC), NULL
      FROM best JOIN claim_groups g ON g.id = best.group_id)
    ORDER BY 4
  LOOP
    IF c.rank = -1 THEN
      found_lock_tokens := c.lock_tokens;
    ELSIF c.via_link THEN
      found_group := c.group_id;
      RETURN;
    ELSIF c.group_id <> ALL (found_tested) THEN
      IF claim_same(p_mine, claim_features(c.text_key)) THEN
        found_group := c.group_id;
        RETURN;
      END IF;
      found_tested := found_tested || c.group_id;
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- Puts a claim in the group of the same claim, or a new one, and counts it there; returns the group after.
-- Most claims repeat one already grouped: they find it through their uncommon word pairs alone and join it,
-- waiting for nobody. A claim that finds no group so takes the grouping locks (class lock_class) of its
-- uncommon pairs and of its link (link_lock), in ascending order so none can deadlock, and looks again: first
-- through its uncommon and its locked pairs — a claim like it that held one of these locks first has opened a
-- group with that pair, the newest of its groups — then through all its pairs, for a group that shares only
-- common pairs with it. Only then does it open one, so near-identical claims arriving together never open two
-- groups. The locks last until the caller's transaction ends: the end of this statement, or of the
-- transaction that also stores the claim's image.
CREATE FUNCTION claim_place(
  lock_class integer, link_lock integer, c_sample_text text,
  c_tracking_code text, c_text text, c_link text, c_link_key text, c_text_key text, c_image_file_id uuid,
  c_platform text, c_province_code text, c_submitter_user_id uuid, c_contact_email text, c_contact_phone text,
  c_challenge_nonce text,
  OUT placed_group uuid, OUT placed_count integer, OUT placed_status text
) LANGUAGE plpgsql AS $$
DECLARE
  tokens integer[] := claim_grouping_tokens(c_text_key);
  mine text[] := claim_features(c_text_key);
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
