ALTER TABLE "persons" ADD COLUMN "citizen_id_masked" text;--> statement-breakpoint
ALTER TABLE "person_import_rows" ADD COLUMN "citizen_masked" text;--> statement-breakpoint
CREATE INDEX "persons_scope_cell_idx" ON "persons" USING btree ("agency_key" collate "C","cell","sort_name" collate "C","id");--> statement-breakpoint
CREATE INDEX "persons_cell_name_idx" ON "persons" USING btree ("cell","sort_name" collate "C","id","agency_key" collate "C");--> statement-breakpoint
-- The roll-up's rows change with every write of personnel: room on each page lets those updates stay on it
-- (HOT), so the table a list sums over stays about as small as its 8,000-odd rows.
ALTER TABLE "person_rollup" SET (fillfactor = 50);
