CREATE TABLE "reminders_sent" (
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occasion" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_subject_type_subject_id_kind_occasion_pk" PRIMARY KEY("subject_type","subject_id","kind","occasion")
);
