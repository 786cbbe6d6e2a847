-- claim_grouping_tokens (decision 016) in PL/pgSQL, the same tokens: a SQL function with this body is planned
-- again in every statement that calls it, PL/pgSQL keeps its plans for the session — the look-up calls it on
-- every submitted claim.
CREATE OR REPLACE FUNCTION claim_grouping_tokens(key text) RETURNS integer[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  words text[] := array_remove(string_to_array(coalesce(key, ''), ' '), '');
  pairs text[] := '{}';
  n_words int;
  n_features int;
BEGIN
  FOR i IN 1 .. coalesce(array_length(words, 1), 0) - 1 LOOP
    pairs := pairs || (words[i] || '_' || words[i + 1]);
  END LOOP;
  SELECT count(DISTINCT w) INTO n_words FROM unnest(words) w;
  SELECT count(DISTINCT f) INTO n_features FROM unnest(words || pairs) f;
  -- Shared pairs guaranteed by the word test (see the first definition); none: the words are tokens too.
  IF 0.325 * n_features - 0.35 * n_words - 0.325 > 0 THEN
    RETURN ARRAY(SELECT DISTINCT hashtext(p) FROM unnest(pairs) p ORDER BY 1);
  END IF;
  RETURN ARRAY(SELECT DISTINCT hashtext(f) FROM unnest(words || pairs) f ORDER BY 1);
END $$;
