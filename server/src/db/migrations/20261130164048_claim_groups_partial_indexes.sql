DROP INDEX "claim_groups_assignee_idx";--> statement-breakpoint
DROP INDEX "claim_groups_search_idx";--> statement-breakpoint
DROP INDEX "claim_groups_trgm_idx";--> statement-breakpoint
CREATE INDEX "claim_groups_assignee_idx" ON "claim_groups" USING btree ("assignee_id","status") WHERE "claim_groups"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX "claim_groups_search_idx" ON "claim_groups" USING gin ("search_vector") WHERE "claim_groups"."status" = 'published';--> statement-breakpoint
CREATE INDEX "claim_groups_trgm_idx" ON "claim_groups" USING gin ("search_text" gin_trgm_ops) WHERE "claim_groups"."status" = 'published';