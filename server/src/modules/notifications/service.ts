import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { emailOutbox, notifications, users } from '../../db/schema/index.js';
import { type Ctx, requireActor } from '../../lib/context.js';

export interface Message {
  kind: string;
  titleTh: string;
  titleEn: string;
  bodyTh: string;
  bodyEn: string;
  /** A path in the web app, e.g. `/provider/courses/…`. */
  link?: string;
}

/**
 * Tells users about something, in the caller's transaction: an in-app notification each, and an e-mail
 * in the outbox in the user's language (sent by the outbox sender; shown on the outbox page in development).
 */
export async function notifyUsers(tx: Db, config: { BASE_URL: string }, userIds: readonly string[], m: Message): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await tx.insert(notifications).values(ids.map((userId) => ({ userId, ...m, link: m.link ?? null })));
  const recipients = await tx
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.disabledAt)));
  if (recipients.length === 0) return;
  await tx.insert(emailOutbox).values(
    recipients.map((r) => {
      const isEn = r.locale === 'en';
      const link = m.link ? `\n\n${new URL(m.link, config.BASE_URL).toString()}` : '';
      return {
        toEmail: r.email,
        subject: `[Thaksa] ${isEn ? m.titleEn : m.titleTh}`,
        bodyText: `${isEn ? m.bodyEn : m.bodyTh}${link}\n\n— ${isEn ? 'Thaksa, the national digital-skills platform' : 'ทักษะ แพลตฟอร์มพัฒนาทักษะดิจิทัลของบุคลากรภาครัฐ'}`,
      };
    }),
  );
}

/**
 * Queues e-mails written for each recipient (an invitation carries its own link), in the caller's
 * transaction and in batches, so inviting a hundred thousand people is a few statements. No in-app
 * notification: these go to people who cannot sign in yet.
 */
export async function queueEmails(tx: Db, messages: readonly { toEmail: string; subject: string; bodyText: string }[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.execute(
    sql`insert into email_outbox (id, to_email, subject, body_text)
        select time_ordered_uuid(), to_email, subject, body_text from json_to_recordset(${JSON.stringify(
          messages.map((m) => ({ to_email: m.toEmail, subject: m.subject, body_text: m.bodyText })),
        )}::json) as x(to_email text, subject text, body_text text)`,
  );
}

/** The caller's notifications, newest first, with the unread count. */
export async function listMyNotifications(ctx: Ctx, q: { before?: string; limit: number }) {
  const actor = requireActor(ctx);
  const where = and(eq(notifications.userId, actor.userId), q.before ? lt(notifications.createdAt, new Date(q.before)) : undefined);
  const [items, [{ unread }]] = await Promise.all([
    ctx.db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(q.limit),
    ctx.db
      .select({ unread: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt))),
  ]);
  return { items, unread };
}

/** Marks one of the caller's notifications read; another user's is 404. */
export async function markNotificationRead(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
    .returning({ id: notifications.id });
  if (!row) throw AppError.notFound('notification');
}

/** The newest outbox messages, for the development outbox page and for system admins. */
export async function listOutbox(ctx: Ctx, q: { to?: string; limit: number }) {
  const actor = requireActor(ctx);
  if (ctx.config.isProduction && !actor.grants.some((g) => g.role === 'system_admin')) throw AppError.forbidden();
  return ctx.db
    .select()
    .from(emailOutbox)
    .where(q.to ? sql`lower(${emailOutbox.toEmail}) = lower(${q.to})` : undefined)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(q.limit);
}
