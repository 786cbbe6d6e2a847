-- A submitted claim is its own record (decision 011): submissions are not appended to the audit chain, so
-- what a citizen sent, when and from where can never be changed. Only the group it belongs to (merge and
-- split, audited as the checkers' actions) and the contact details (erasable on request) may change.
CREATE FUNCTION claims_keep_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id
    OR NEW.tracking_code IS DISTINCT FROM OLD.tracking_code
    OR NEW.text IS DISTINCT FROM OLD.text
    OR NEW.link IS DISTINCT FROM OLD.link
    OR NEW.link_key IS DISTINCT FROM OLD.link_key
    OR NEW.text_key IS DISTINCT FROM OLD.text_key
    OR NEW.image_file_id IS DISTINCT FROM OLD.image_file_id
    OR NEW.platform IS DISTINCT FROM OLD.platform
    OR NEW.province_code IS DISTINCT FROM OLD.province_code
    OR NEW.submitter_user_id IS DISTINCT FROM OLD.submitter_user_id
    OR NEW.challenge_nonce IS DISTINCT FROM OLD.challenge_nonce
    OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at THEN
    RAISE EXCEPTION 'a submitted claim cannot be changed' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER claims_keep_facts BEFORE UPDATE ON claims FOR EACH ROW EXECUTE FUNCTION claims_keep_facts();
