-- Placing a claim with the key's hashed features and grouping tokens computed by the caller (factcheck/similarity.ts
-- `keyHashes`, the same integers as claim_key_hashes; grouping.test.ts compares them), so that the key is not split
-- and hashed again here. Otherwise as before (20261130175823_claim_feature_hashes).
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
