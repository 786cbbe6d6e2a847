CREATE TABLE "claim_group_tokens" (
	"token" integer NOT NULL,
	"group_id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "claim_group_tokens_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1)
);
--> statement-breakpoint
DROP INDEX "claim_groups_signature_idx";--> statement-breakpoint
DROP INDEX "claims_link_key_idx";--> statement-breakpoint
ALTER TABLE "claim_group_tokens" ADD CONSTRAINT "claim_group_tokens_group_id_claim_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."claim_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_group_tokens_token_idx" ON "claim_group_tokens" USING btree ("token","seq" DESC NULLS LAST,"group_id");--> statement-breakpoint
CREATE INDEX "claim_group_tokens_group_idx" ON "claim_group_tokens" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "claims_link_key_first_idx" ON "claims" USING btree ("link_key","submitted_at");--> statement-breakpoint
ALTER TABLE "claim_groups" DROP COLUMN "signature";--> statement-breakpoint
-- The grouping tokens of a claim's key (decision 016): the hashes of its pairs of neighbouring words. Two keys
-- that the word test (similarity.ts#isSameClaim) calls the same claim always share one: from Dice ≥ 0.65 over
-- words and pairs, the shared pairs number at least 0.325·|F| − 0.35·|W| − 0.325 for either key (F its words and
-- pairs, W its words; a key has at least |W| − 1 pairs), and from containment ≥ 0.8 of at least ten features,
-- at least three. A key so short that the first bound is not positive (two words or fewer) gives its words too.
-- Mirrors `features` in similarity.ts: words split on spaces, empty ones dropped, pairs joined by "_".
CREATE FUNCTION claim_grouping_tokens(key text) RETURNS integer[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH words AS (
    SELECT w, lead(w) OVER (ORDER BY n) AS next
    FROM unnest(string_to_array(coalesce(key, ''), ' ')) WITH ORDINALITY u(w, n) WHERE w <> ''
  ), features AS (
    SELECT w AS f, false AS pair FROM words
    UNION
    SELECT w || '_' || next, true FROM words WHERE next IS NOT NULL
  ), sizes AS (
    SELECT count(DISTINCT f) AS f, count(DISTINCT f) FILTER (WHERE NOT pair) AS w FROM features
  )
  SELECT coalesce(array_agg(DISTINCT hashtext(features.f)), '{}'::integer[])
  FROM features, sizes
  WHERE features.pair OR 0.325 * sizes.f - 0.35 * sizes.w - 0.325 <= 0
$$;
--> statement-breakpoint
CREATE FUNCTION claim_group_tokens_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM claim_group_tokens WHERE group_id = NEW.id;
  END IF;
  INSERT INTO claim_group_tokens (token, group_id) SELECT t, NEW.id FROM unnest(claim_grouping_tokens(NEW.text_key)) t;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER claim_group_tokens_sync AFTER INSERT OR UPDATE OF text_key ON claim_groups
  FOR EACH ROW EXECUTE FUNCTION claim_group_tokens_sync();
--> statement-breakpoint
-- Existing groups, oldest first, so that the look-up's "newest first" holds for them too.
INSERT INTO claim_group_tokens (token, group_id)
SELECT t, g.id FROM (SELECT id, text_key FROM claim_groups ORDER BY created_at, id) g, unnest(claim_grouping_tokens(g.text_key)) t;
--> statement-breakpoint
DROP FUNCTION claim_signature(text);
