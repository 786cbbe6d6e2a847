-- A group's signature for the grouping look-up (decision 011): the hashes of the eight longest distinct words
-- of its grouping key. A new claim's candidates are the groups sharing one of its signature words, ranked by
-- how many they share, at most twenty: indexed (GIN) and bounded, whatever the number of claims.
CREATE FUNCTION claim_signature(key text) RETURNS integer[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(hashtext(w)), '{}'::integer[]) FROM (
    SELECT w FROM (SELECT DISTINCT w FROM unnest(string_to_array(coalesce(key, ''), ' ')) w WHERE length(w) >= 2) d
    ORDER BY length(w) DESC, w LIMIT 8
  ) s
$$;
--> statement-breakpoint
ALTER TABLE "claim_groups" ADD COLUMN "text_key" text;--> statement-breakpoint
ALTER TABLE "claim_groups" ADD COLUMN "signature" integer[] GENERATED ALWAYS AS (claim_signature(text_key)) STORED;--> statement-breakpoint
CREATE INDEX "claim_groups_signature_idx" ON "claim_groups" USING gin ("signature");--> statement-breakpoint
-- Existing groups take the key of their first claim.
UPDATE claim_groups g SET text_key = (SELECT c.text_key FROM claims c WHERE c.group_id = g.id ORDER BY c.submitted_at, c.id LIMIT 1);
--> statement-breakpoint
-- Candidates come from the groups now; the trigram index over every claim is no longer read.
DROP INDEX "claims_text_key_trgm_idx";
