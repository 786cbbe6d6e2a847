import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { type Db, queryRows } from '../../db/client.js';

export interface Mailer {
  send(m: { to: string; subject: string; text: string }): Promise<void>;
}

/** An SMTP mailer from SMTP_URL (e.g. smtp://user:pass@mail.example.go.th:587), or null when none is set. */
export function smtpMailer(config: { SMTP_URL?: string; SMTP_FROM: string }): Mailer | null {
  if (!config.SMTP_URL) return null;
  const transport = nodemailer.createTransport(config.SMTP_URL);
  return {
    send: async (m) => {
      await transport.sendMail({ from: config.SMTP_FROM, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

const MAX_ATTEMPTS = 5;

/**
 * Sends a batch of queued e-mails. Rows are claimed with SKIP LOCKED, so several instances can send at
 * once without sending anything twice; a failure is recorded and retried on a later run, up to 5 times.
 */
export async function sendQueuedEmails(db: Db, mailer: Mailer, limit = 50): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  await db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; to_email: string; subject: string; body_text: string }>(
      tx,
      sql`select id, to_email, subject, body_text from email_outbox
          where sent_at is null and attempts < ${MAX_ATTEMPTS}
          order by created_at limit ${limit} for update skip locked`,
    );
    for (const m of rows) {
      try {
        await mailer.send({ to: m.to_email, subject: m.subject, text: m.body_text });
        await tx.execute(sql`update email_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = ${m.id}`);
        sent++;
      } catch (err) {
        await tx.execute(
          sql`update email_outbox set attempts = attempts + 1, last_error = ${String((err as Error).message).slice(0, 500)} where id = ${m.id}`,
        );
        failed++;
      }
    }
  });
  return { sent, failed };
}
