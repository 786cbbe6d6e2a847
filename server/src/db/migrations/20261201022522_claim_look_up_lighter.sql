-- The look-up made lighter (decision 016, amended): the tokens to lock are worked out only by the pass that locks
-- (the first; the passes after the locks read the same postings without sorting them again for nothing), the
-- candidates' scores are summed in double precision instead of numeric, and a candidate's group row is read only
-- when its stored features are missing (none is expected), not joined for every candidate.
DROP FUNCTION claim_find_group(integer[], integer[], text, boolean, integer[], uuid[]);--> statement-breakpoint
CREATE FUNCTION claim_find_group(p_tokens integer[], p_mine integer[], p_link text, p_uncommon_only boolean,
                                 p_always integer[], p_tested uuid[], p_want_locks boolean,
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
      SELECT hits.group_id, sum(CASE WHEN readers < 20 THEN 1.0::float8 / readers ELSE 0.001::float8 END) AS score,
             max(seq) AS newest
      FROM hits WHERE hits.group_id IS NOT NULL GROUP BY hits.group_id
      ORDER BY score DESC, newest DESC LIMIT 10
    )
    -- The key's uncommon tokens (all its tokens when none is), for the locks: asked for by the first pass only.
    (SELECT NULL::uuid AS group_id, NULL::integer[] AS features, false AS via_link, -1::bigint AS rank,
            coalesce((SELECT array_agg(DISTINCT token) FILTER (WHERE readers < 20) FROM hits), p_tokens, '{}') AS lock_tokens
     WHERE p_want_locks)
    UNION ALL
    (SELECT cl.group_id, NULL, true, 0, NULL FROM claims cl WHERE cl.link_key = p_link ORDER BY cl.submitted_at LIMIT 1)
    UNION ALL
    (SELECT best.group_id,
            coalesce(f.features, (SELECT (claim_key_hashes(g.text_key)).features FROM claim_groups g WHERE g.id = best.group_id)),
            false, row_number() OVER (ORDER BY best.score DESC, best.newest DESC), NULL
      FROM best LEFT JOIN claim_group_features f ON f.group_id = best.group_id)
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
-- As before (20261130175823_claim_feature_hashes), with the first pass alone asking for the tokens to lock.
CREATE OR REPLACE FUNCTION claim_place(
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
  FROM claim_find_group(tokens, mine, c_link_key, true, '{}', '{}', true);
  IF target IS NULL THEN
    PERFORM count(pg_advisory_xact_lock(lock_class, t)) FROM (
      SELECT DISTINCT t FROM unnest(coalesce(lock_tokens, '{}') || CASE WHEN link_lock IS NULL THEN '{}'::integer[] ELSE ARRAY[link_lock] END) t
      ORDER BY 1
    ) s;
    SELECT found_group, found_tested INTO target, tested
    FROM claim_find_group(tokens, mine, c_link_key, true, coalesce(lock_tokens, '{}'), tested, false);
    IF target IS NULL THEN
      SELECT found_group INTO target FROM claim_find_group(tokens, mine, c_link_key, false, '{}', tested, false);
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
