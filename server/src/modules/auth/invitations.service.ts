import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { hashPassword, randomToken, sha256 } from '../../lib/crypto.js';
import { recordAudit } from '../audit/service.js';
import { queueEmails } from '../notifications/service.js';
import * as repo from './repository.js';
import { openSession } from './service.js';

/**
 * Invitations to set a first password, for accounts created without one (imported personnel). The link
 * carries a random token after `#`, so it never reaches a server log; only its SHA-256 is stored. A token
 * works once and until it expires (INVITATION_TTL_DAYS); a new invitation closes the open ones.
 */

export interface Invitee {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
}

function invitationEmail(invitee: Invitee, link: string, days: number) {
  const isEn = invitee.locale === 'en';
  return {
    toEmail: invitee.email,
    subject: isEn ? '[Thaksa] Your learner account is ready: set your password' : '[Thaksa] บัญชีผู้เรียนของคุณพร้อมแล้ว: ตั้งรหัสผ่าน',
    bodyText: isEn
      ? `Dear ${invitee.displayName},\n\nYour agency has registered you on Thaksa, the national digital-skills platform for public servants. Set your password to start:\n\n${link}\n\nThe link works once, within ${days} days. If it has expired, ask your agency's HR for a new one.\n\n— Thaksa`
      : `เรียน ${invitee.displayName}\n\nหน่วยงานของคุณได้ลงทะเบียนคุณในระบบทักษะ แพลตฟอร์มพัฒนาทักษะดิจิทัลของบุคลากรภาครัฐ กรุณาตั้งรหัสผ่านเพื่อเริ่มใช้งาน:\n\n${link}\n\nลิงก์ใช้ได้ครั้งเดียว ภายใน ${days} วัน หากหมดอายุ โปรดขอลิงก์ใหม่จากฝ่ายบุคคลของหน่วยงาน\n\n— ทักษะ แพลตฟอร์มพัฒนาทักษะดิจิทัลของบุคลากรภาครัฐ`,
  };
}

/** Creates an invitation per account and queues its e-mail, in the caller's transaction; returns how many. */
export async function inviteUsers(tx: Db, ctx: Pick<Ctx, 'actor' | 'config'>, invitees: readonly Invitee[]): Promise<number> {
  if (invitees.length === 0) return 0;
  const days = ctx.config.INVITATION_TTL_DAYS;
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const rows: repo.NewInvitation[] = [];
  const emails = invitees.map((invitee) => {
    const token = randomToken(32);
    rows.push({ userId: invitee.userId, tokenHash: sha256(token), expiresAt, createdBy: ctx.actor?.userId ?? null });
    return invitationEmail(invitee, new URL(`/invitation#${token}`, ctx.config.BASE_URL).toString(), days);
  });
  await repo.insertInvitations(tx, rows);
  await queueEmails(tx, emails);
  return invitees.length;
}

/** Replaces a user's open invitations with a new one (HR resends it); the account must still have no password. */
export async function reinviteUser(tx: Db, ctx: Pick<Ctx, 'actor' | 'config'>, invitee: Invitee): Promise<void> {
  await repo.closeOpenInvitations(tx, invitee.userId, 'replaced');
  await inviteUsers(tx, ctx, [invitee]);
}

async function openInvitation(db: Db, token: string, opts: { forUpdate?: boolean } = {}) {
  const found = await repo.findInvitation(db, sha256(token), opts);
  if (!found || found.user.disabledAt) throw AppError.notFound('invitation');
  if (found.invitation.acceptedAt || found.user.passwordHash.startsWith('scrypt$')) {
    throw AppError.conflict('invitation.used', 'this invitation has been used; sign in instead');
  }
  if (found.invitation.expiresAt <= new Date()) throw AppError.conflict('invitation.expired', 'this invitation has expired');
  return found;
}

/** Who an invitation is for, so the page can greet them; unknown tokens are 404, used or expired ones 409. */
export async function inspectInvitation(ctx: Ctx, token: string) {
  const { invitation, user } = await openInvitation(ctx.db, token);
  return { email: user.email, displayName: user.displayName, expiresAt: invitation.expiresAt.toISOString() };
}

/**
 * Sets the first password from an invitation and signs the person in. The invitation (and any other open
 * one of the account) is used up in the same transaction; audit-logged.
 */
export async function acceptInvitation(ctx: Ctx, body: { token: string; password: string }, meta: { userAgent?: string; ip?: string }) {
  const { user } = await openInvitation(ctx.db, body.token);
  if (body.password.toLowerCase().includes(user.email.split('@')[0].toLowerCase())) {
    throw new AppError('auth.password_too_weak', 'the password must not contain your e-mail name', {
      status: 400,
      errors: [{ path: 'body.password', message: 'must not contain your e-mail name' }],
    });
  }
  const hash = await hashPassword(body.password);
  return openSession(ctx, user, meta, async (tx) => {
    // Re-checked under the row lock: two tabs accepting at once set the password once.
    await openInvitation(tx, body.token, { forUpdate: true });
    await repo.updatePasswordHash(tx, user.id, hash);
    await repo.closeOpenInvitations(tx, user.id, 'accepted');
    await recordAudit(tx, { ...ctx, actor: null }, { action: 'user.invitation_accepted', subjectType: 'user', subjectId: user.id });
  });
}
