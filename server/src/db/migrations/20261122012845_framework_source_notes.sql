ALTER TABLE "frameworks" ADD COLUMN "source_note_th" text;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "source_note_en" text;--> statement-breakpoint
UPDATE "frameworks" SET "source_note_en" = "source_note";
