import type {
  ApplyAsReviewerBody,
  DeclareConflictBody,
  InviteProviderColleagueBody,
  ListReviewersQuery,
  RegisterProviderBody,
  ReviewerDecisionBody,
  VerifyProviderBody,
} from '../../../../common/contracts/accreditation-registry.js';
import { AppError, type FieldError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { hashPassword, randomToken } from '../../lib/crypto.js';
import { recordAudit } from '../audit/service.js';
import * as authRepo from '../auth/repository.js';
import { getFramework } from '../framework/service.js';
import { notifyUsers } from '../notifications/service.js';
import { officerIds, providerAdminIds } from './recipients.js';
import {
  canDecideReviewer,
  canInviteProviderMember,
  canVerifyProvider,
  canViewProvider,
  canViewReviewer,
  seesAllProviders,
} from './registry.policy.js';
import * as repo from './registry.repository.js';

const emailTaken = (path: string) =>
  new AppError('user.email_taken', 'an account with this e-mail exists', { errors: [{ path, message: 'already registered' }] });

// ---------------------------------------------------------------- providers

/**
 * Registers a provider (pending verification) with its first administrator: the provider, the account and
 * the provider_admin grant exist together or not at all. A taken tax ID or e-mail is a 409 naming the field.
 */
export async function registerProvider(ctx: Ctx, body: RegisterProviderBody) {
  if (await repo.findProviderByTaxId(ctx.db, body.taxId)) {
    throw new AppError('conflict', 'a provider with this tax ID is registered', {
      status: 409,
      errors: [{ path: 'body.taxId', message: 'already registered' }],
    });
  }
  if (await authRepo.findUserByEmail(ctx.db, body.admin.email)) throw emailTaken('body.admin.email');
  const passwordHash = await hashPassword(body.admin.password);
  return ctx.db.transaction(async (tx) => {
    const { admin, ...fields } = body;
    const provider = await repo.insertProvider(tx, { ...fields, website: fields.website ?? null, status: 'pending' });
    const user = await repo.insertUser(tx, { email: admin.email.toLowerCase(), displayName: admin.displayName, passwordHash });
    await repo.insertGrant(tx, { userId: user.id, role: 'provider_admin', scopeType: 'provider', scopeId: provider.id, grantedBy: null });
    await recordAudit(tx, ctx, {
      action: 'provider.registered',
      subjectType: 'provider',
      subjectId: provider.id,
      summary: { nameEn: provider.nameEn, taxId: provider.taxId, adminUserId: user.id },
    });
    await notifyUsers(tx, ctx.config, await officerIds(tx), {
      kind: 'provider.registered',
      titleTh: 'ผู้ให้บริการรายใหม่รอการตรวจสอบ',
      titleEn: 'A new provider awaits verification',
      bodyTh: `${provider.nameTh} ลงทะเบียนและรอการตรวจสอบ`,
      bodyEn: `${provider.nameEn} registered and awaits verification.`,
      link: `/officer/providers/${provider.id}`,
    });
    return { provider, user };
  });
}

/** Providers by name; the public sees verified providers only, whatever status it asks for. */
export async function listProviders(ctx: Ctx, q: { q?: string; status?: string; page: number; pageSize: number }) {
  const status = seesAllProviders(ctx.actor) ? q.status : 'verified';
  return repo.listProviders(ctx.db, { q: q.q, status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/** One provider, or 404 when the caller may not see it (pending and rejected ones are not public). */
export async function getProvider(ctx: Ctx, id: string) {
  const provider = await repo.findProvider(ctx.db, id);
  if (!provider || !canViewProvider(ctx.actor, provider)) throw AppError.notFound('provider');
  return provider;
}

/** An officer verifies or rejects a pending provider; its admins are told either way. */
export async function verifyProvider(ctx: Ctx, id: string, body: VerifyProviderBody) {
  return ctx.db.transaction(async (tx) => {
    const provider = await repo.lockProvider(tx, id);
    if (!provider || !canViewProvider(ctx.actor, provider)) throw AppError.notFound('provider');
    const actor = authorize(ctx, canVerifyProvider, provider);
    if (provider.status !== 'pending') throw AppError.conflict('conflict', `the provider is already ${provider.status}`);
    const status = body.decision === 'verify' ? 'verified' : 'rejected';
    const updated = await repo.updateProviderDecision(tx, id, { status, decidedBy: actor.userId, rejectionReason: body.reason ?? null });
    await recordAudit(tx, ctx, {
      action: `provider.${status}`,
      subjectType: 'provider',
      subjectId: id,
      summary: { before: provider.status, after: status, reason: body.reason ?? null },
    });
    const verified = status === 'verified';
    await notifyUsers(tx, ctx.config, await providerAdminIds(tx, id), {
      kind: `provider.${status}`,
      titleTh: verified ? 'ผู้ให้บริการได้รับการยืนยันแล้ว' : 'การลงทะเบียนผู้ให้บริการไม่ผ่าน',
      titleEn: verified ? 'Your provider is verified' : 'Your provider registration was rejected',
      bodyTh: verified ? `${provider.nameTh} ได้รับการยืนยัน ยื่นหลักสูตรได้แล้ว` : `${provider.nameTh} ไม่ผ่านการตรวจสอบ เหตุผล: ${body.reason}`,
      bodyEn: verified
        ? `${provider.nameEn} is verified; you can now submit courses.`
        : `${provider.nameEn} was rejected. Reason: ${body.reason}`,
      link: `/provider/profile`,
    });
    return updated;
  });
}

/**
 * A provider admin adds a colleague as another admin of the same provider. The account gets a random
 * password nobody knows; the invitation e-mail tells them to ask for a reset (no self-service reset yet).
 */
export async function inviteProviderColleague(ctx: Ctx, providerId: string, body: InviteProviderColleagueBody) {
  const provider = await repo.findProvider(ctx.db, providerId);
  if (!provider || !canViewProvider(ctx.actor, provider)) throw AppError.notFound('provider');
  const actor = authorize(ctx, canInviteProviderMember, provider);
  if (await authRepo.findUserByEmail(ctx.db, body.email)) throw emailTaken('body.email');
  const passwordHash = await hashPassword(randomToken(24));
  return ctx.db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, { email: body.email.toLowerCase(), displayName: body.displayName, passwordHash });
    await repo.insertGrant(tx, {
      userId: user.id,
      role: 'provider_admin',
      scopeType: 'provider',
      scopeId: provider.id,
      grantedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'provider.member_invited',
      subjectType: 'provider',
      subjectId: provider.id,
      summary: { userId: user.id, email: user.email },
    });
    await notifyUsers(tx, ctx.config, [user.id], {
      kind: 'provider.invited',
      titleTh: `คุณได้รับเชิญเป็นผู้ดูแลของ ${provider.nameTh}`,
      titleEn: `You are invited to administer ${provider.nameEn}`,
      bodyTh: `${actor.displayName} เพิ่มบัญชี ${user.email} เป็นผู้ดูแลของ ${provider.nameTh} ในระบบทักษะ กรุณาใช้เมนู "ลืมรหัสผ่าน" เพื่อตั้งรหัสผ่าน หรือติดต่อผู้ดูแลระบบหากยังไม่มีเมนูนี้`,
      bodyEn: `${actor.displayName} added ${user.email} as an administrator of ${provider.nameEn} on Thaksa. Use "forgot password" to set your password, or ask a system administrator if that option is not available yet.`,
      link: '/login',
    });
    return user;
  });
}

// ---------------------------------------------------------------- reviewers

export interface ReviewerDetail {
  reviewer: repo.ReviewerRow;
  displayName: string;
  email: string;
  expertise: { skillAreaCode: string; levelRank: number }[];
  affiliations: {
    id: string;
    organisationName: string;
    providerId: string | null;
    roleTitle: string | null;
    startDate: string | null;
    endDate: string | null;
  }[];
  conflicts: { providerId: string; reason: string; declaredAt: Date }[];
}

async function withDetails(db: Db, rows: { reviewer: repo.ReviewerRow; displayName: string; email: string }[]): Promise<ReviewerDetail[]> {
  const d = await repo.findReviewerDetails(
    db,
    rows.map((r) => r.reviewer.id),
  );
  return rows.map((r) => ({
    ...r,
    expertise: d.expertise.filter((e) => e.reviewerId === r.reviewer.id),
    affiliations: d.affiliations.filter((a) => a.reviewerId === r.reviewer.id),
    conflicts: d.conflicts.filter((c) => c.reviewerId === r.reviewer.id),
  }));
}

async function checkApplication(ctx: Ctx, db: Db, body: ApplyAsReviewerBody) {
  const { areas, levels } = await getFramework(ctx, 'current');
  const areaCodes = new Set(areas.map((a) => a.code));
  const ranks = new Set(levels.map((l) => l.rank));
  const errors: FieldError[] = [];
  body.expertise.forEach((e, i) => {
    if (!areaCodes.has(e.skillAreaCode))
      errors.push({ path: `body.expertise.${i}.skillAreaCode`, message: 'not a skill area of the current framework' });
    if (!ranks.has(e.levelRank)) errors.push({ path: `body.expertise.${i}.levelRank`, message: 'not a level of the current framework' });
  });
  for (const [i, a] of body.affiliations.entries()) {
    if (a.providerId && !(await repo.findProvider(db, a.providerId)))
      errors.push({ path: `body.affiliations.${i}.providerId`, message: 'unknown provider' });
  }
  if (errors.length > 0) throw AppError.invalid(errors);
}

/** Any signed-in user applies once to the reviewer registry; expertise must name the current framework's areas and levels. */
export async function applyAsReviewer(ctx: Ctx, body: ApplyAsReviewerBody) {
  const actor = requireActor(ctx);
  if (await repo.findReviewerByUser(ctx.db, actor.userId))
    throw AppError.conflict('conflict', 'you have already applied to the reviewer registry');
  await checkApplication(ctx, ctx.db, body);
  const id = await ctx.db.transaction(async (tx) => {
    const reviewer = await repo.insertReviewer(
      tx,
      { userId: actor.userId, status: 'pending', qualifications: body.qualifications, maxConcurrent: body.maxConcurrent },
      body.expertise,
      body.affiliations.map((a) => ({
        organisationName: a.organisationName,
        providerId: a.providerId ?? null,
        roleTitle: a.roleTitle ?? null,
        startDate: a.startDate ?? null,
        endDate: a.endDate ?? null,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'reviewer.applied',
      subjectType: 'reviewer',
      subjectId: reviewer.id,
      summary: { expertise: body.expertise, maxConcurrent: body.maxConcurrent },
    });
    await notifyUsers(tx, ctx.config, await officerIds(tx), {
      kind: 'reviewer.applied',
      titleTh: 'มีผู้สมัครเป็นผู้ทรงคุณวุฒิ',
      titleEn: 'A new reviewer application',
      bodyTh: `${actor.displayName} สมัครเป็นผู้ทรงคุณวุฒิ`,
      bodyEn: `${actor.displayName} applied to the reviewer registry.`,
      link: `/officer/reviewers/${reviewer.id}`,
    });
    return reviewer.id;
  });
  return loadReviewer(ctx.db, id);
}

async function loadReviewer(db: Db, id: string): Promise<ReviewerDetail> {
  const row = await repo.findReviewer(db, id);
  if (!row) throw AppError.notFound('reviewer');
  const [detail] = await withDetails(db, [row]);
  return detail;
}

/** A reviewer profile: officers see every one, a reviewer their own; anyone else gets 404. */
export async function getReviewer(ctx: Ctx, id: string) {
  const row = await repo.findReviewer(ctx.db, id);
  if (!row || !canViewReviewer(ctx.actor, row.reviewer)) throw AppError.notFound('reviewer');
  const [detail] = await withDetails(ctx.db, [row]);
  return detail;
}

/** The caller's own reviewer application or profile. */
export async function getMyReviewer(ctx: Ctx) {
  const actor = requireActor(ctx);
  const row = await repo.findReviewerByUser(ctx.db, actor.userId);
  if (!row) throw AppError.notFound('reviewer');
  const [detail] = await withDetails(ctx.db, [row]);
  return detail;
}

/** Reviewers for officers, filtered by status and skill area, oldest application first. */
export async function listReviewers(ctx: Ctx, q: ListReviewersQuery) {
  authorize(ctx, canDecideReviewer, undefined);
  const { items, total } = await repo.listReviewers(ctx.db, {
    status: q.status,
    skillAreaCode: q.skillAreaCode,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: await withDetails(ctx.db, items), total };
}

/** An officer approves (granting the reviewer role) or rejects a pending application. */
export async function approveReviewer(ctx: Ctx, id: string, body: ReviewerDecisionBody) {
  await ctx.db.transaction(async (tx) => {
    const reviewer = await repo.lockReviewer(tx, id);
    if (!reviewer) throw AppError.notFound('reviewer');
    const actor = authorize(ctx, canDecideReviewer, undefined);
    if (reviewer.status !== 'pending') throw AppError.conflict('conflict', `the application is already ${reviewer.status}`);
    const status = body.decision === 'approve' ? 'approved' : 'rejected';
    await repo.updateReviewerDecision(tx, id, {
      status,
      decidedBy: actor.userId,
      rejectionReason: status === 'rejected' ? (body.reason ?? null) : null,
    });
    const grant =
      status === 'approved'
        ? await repo.insertGrant(tx, { userId: reviewer.userId, role: 'reviewer', scopeType: 'self', scopeId: '', grantedBy: actor.userId })
        : undefined;
    await recordAudit(tx, ctx, {
      action: `reviewer.${status}`,
      subjectType: 'reviewer',
      subjectId: id,
      summary: { before: reviewer.status, after: status, reason: body.reason ?? null, grantId: grant?.id ?? null },
    });
    const approved = status === 'approved';
    await notifyUsers(tx, ctx.config, [reviewer.userId], {
      kind: `reviewer.${status}`,
      titleTh: approved ? 'คุณได้รับการรับรองเป็นผู้ทรงคุณวุฒิ' : 'ใบสมัครผู้ทรงคุณวุฒิไม่ผ่าน',
      titleEn: approved ? 'You are now a registered reviewer' : 'Your reviewer application was not approved',
      bodyTh: approved ? 'คุณจะได้รับมอบหมายให้พิจารณาหลักสูตรตามความเชี่ยวชาญ' : `เหตุผล: ${body.reason}`,
      bodyEn: approved ? 'You may now be assigned courses to review in your areas of expertise.' : `Reason: ${body.reason}`,
      link: '/reviewer',
    });
  });
  return loadReviewer(ctx.db, id);
}

/** A reviewer declares a conflict of interest with a provider; matching then excludes them for its courses. */
export async function declareConflict(ctx: Ctx, body: DeclareConflictBody) {
  const actor = requireActor(ctx);
  const mine = await repo.findReviewerByUser(ctx.db, actor.userId);
  if (!mine) throw AppError.notFound('reviewer');
  if (!(await repo.findProvider(ctx.db, body.providerId)))
    throw AppError.invalid([{ path: 'body.providerId', message: 'unknown provider' }]);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertConflict(tx, { reviewerId: mine.reviewer.id, providerId: body.providerId, reason: body.reason });
    if (!row) throw AppError.conflict('conflict', 'you have already declared a conflict with this provider');
    await recordAudit(tx, ctx, {
      action: 'reviewer.conflict_declared',
      subjectType: 'reviewer',
      subjectId: mine.reviewer.id,
      summary: { providerId: body.providerId, reason: body.reason },
    });
    return row;
  });
}
