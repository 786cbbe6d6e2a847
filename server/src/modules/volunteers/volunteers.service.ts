import type {
  CreateVillageBody,
  DecideVolunteerBody,
  RegisterVolunteerBody,
  VolunteerLevel,
} from '../../../../common/contracts/volunteers.js';
import { AppError } from '../../../../common/errors.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { hashPassword, randomToken } from '../../lib/crypto.js';
import { protectCitizenId } from '../../lib/personal-data.js';
import { recordAudit } from '../audit/service.js';
import * as authRepo from '../auth/repository.js';
import { isOnboarded } from './curriculum.service.js';
import { canManageVolunteersIn, canReadVolunteersIn, coordinatorAreas, isSelf, readsAllVolunteers } from './policy.js';
import * as repo from './repository.js';

// ---------------------------------------------------------------- places

/** Provinces, or the districts of a province, or the subdistricts of a district (public). */
export async function listPlaces(ctx: Ctx, parent?: string) {
  if (!parent) return repo.listProvinces(ctx.db);
  if (parent.length === 2) return repo.listDistricts(ctx.db, parent);
  return repo.listSubdistricts(ctx.db, parent);
}

export function listVillages(ctx: Ctx, subdistrictCode: string) {
  return repo.listVillages(ctx.db, subdistrictCode);
}

/** A coordinator adds a village (by its หมู่ number) to a subdistrict of their area. */
export async function createVillage(ctx: Ctx, body: CreateVillageBody) {
  const sub = await repo.findSubdistrict(ctx.db, body.subdistrictCode);
  if (!sub) throw AppError.invalid([{ path: 'body.subdistrictCode', message: 'unknown subdistrict' }]);
  const actor = authorize(ctx, canManageVolunteersIn, { provinceCode: sub.provinceCode, districtCode: sub.districtCode });
  const taken = (await repo.listVillages(ctx.db, sub.code)).some((v) => v.moo === body.moo);
  if (taken) throw AppError.conflict('village.moo_taken', `หมู่ ${body.moo} already exists in this subdistrict`);
  return ctx.db.transaction(async (tx) => {
    const village = await repo.insertVillage(tx, {
      subdistrictCode: sub.code,
      districtCode: sub.districtCode,
      provinceCode: sub.provinceCode,
      moo: body.moo,
      nameTh: body.nameTh,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, { action: 'village.created', subjectType: 'village', subjectId: village.id, summary: body });
    return village;
  });
}

// ---------------------------------------------------------------- volunteers

/**
 * A citizen registers as a volunteer in their home village (public, rate-limited by the route). A signed-in
 * user registers their own account; anyone else chooses an e-mail and password for the account that the
 * approving coordinator opens. The citizen ID is stored as for personnel: keyed hash, ciphertext, check digit.
 */
export async function registerVolunteer(ctx: Ctx, body: RegisterVolunteerBody) {
  const village = await repo.findVillage(ctx.db, body.villageId);
  if (!village) throw AppError.invalid([{ path: 'body.villageId', message: 'unknown village' }]);
  const id = protectCitizenId(ctx.config.sessionSecret, body.citizenId, 'body.citizenId');
  if (await repo.findVolunteerByCitizenHash(ctx.db, id.hash)) {
    throw new AppError('volunteer.already_registered', 'this citizen ID is already registered', {
      errors: [{ path: 'body.citizenId', message: 'already registered' }],
    });
  }
  let userId: string | null = null;
  let email = (body.email ?? '').toLowerCase();
  let pendingPasswordHash: string | null = null;
  if (ctx.actor) {
    if (await repo.findVolunteerByUser(ctx.db, ctx.actor.userId)) throw AppError.conflict('volunteer.already_registered');
    userId = ctx.actor.userId;
    email = ctx.actor.email.toLowerCase();
  } else {
    if (!email) throw AppError.invalid([{ path: 'body.email', message: 'the e-mail you will sign in with' }]);
    if (!body.password) throw AppError.invalid([{ path: 'body.password', message: 'choose a password of at least 10 characters' }]);
    if (await authRepo.findUserByEmail(ctx.db, email)) {
      throw new AppError('user.email_taken', 'an account with this e-mail exists: sign in first', {
        errors: [{ path: 'body.email', message: 'already registered' }],
      });
    }
    pendingPasswordHash = await hashPassword(body.password);
  }
  return ctx.db.transaction(async (tx) => {
    const v = await repo.insertVolunteer(tx, {
      userId,
      citizenIdHash: id.hash,
      citizenIdCipher: id.cipher,
      citizenIdLast: id.last,
      firstName: body.firstName,
      lastName: body.lastName,
      phone: body.phone,
      lineId: body.lineId || null,
      email,
      pendingPasswordHash,
      villageId: village.id,
      subdistrictCode: village.subdistrictCode,
      districtCode: village.districtCode,
      provinceCode: village.provinceCode,
      occupation: body.occupation,
      skills: body.skills ?? [],
      consentVersion: body.consent.version,
      consentedAt: new Date(),
      cardToken: randomToken(18),
    });
    await recordAudit(tx, ctx, {
      action: 'volunteer.registered',
      subjectType: 'volunteer',
      subjectId: v.id,
      summary: { villageId: village.id, consentVersion: body.consent.version },
    });
    return v;
  });
}

/** Volunteers in the caller's areas (coordinators) or everywhere (monitors, admins), optionally one area and status. */
export async function listVolunteers(ctx: Ctx, q: { status?: string; area?: string; page: number; pageSize: number }) {
  const actor = requireActor(ctx);
  let provinces: string[] | null = null;
  let districts: string[] = [];
  if (!readsAllVolunteers(actor)) {
    const areas = coordinatorAreas(actor);
    provinces = areas.filter((a) => a.length === 2);
    districts = areas.filter((a) => a.length === 4);
  }
  if (q.area) {
    const place = { provinceCode: q.area.slice(0, 2), districtCode: q.area.length === 4 ? q.area : '' };
    const reachable = provinces === null || provinces.includes(place.provinceCode) || (q.area.length === 4 && districts.includes(q.area));
    if (!reachable) throw AppError.forbidden('this area is outside your scope');
    provinces = q.area.length === 2 ? [q.area] : [];
    districts = q.area.length === 4 ? [q.area] : [];
  }
  return repo.listVolunteers(ctx.db, {
    provinces,
    districts,
    status: q.status,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}

async function loadVisible(ctx: Ctx, id: string, opts: { forUpdate?: boolean } = {}) {
  const v = await repo.findVolunteer(ctx.db, id, opts);
  if (!v || !(canReadVolunteersIn(ctx.actor, v) || isSelf(ctx.actor, v))) throw AppError.notFound('volunteer');
  return v;
}

export async function getVolunteer(ctx: Ctx, id: string) {
  requireActor(ctx);
  return loadVisible(ctx, id);
}

async function assertNoOtherLeader(db: Ctx['db'], districtCode: string, exceptId: string) {
  const leader = await repo.findActiveLeader(db, districtCode);
  if (leader && leader.id !== exceptId) {
    throw new AppError('volunteer.district_has_leader', 'this district already has a leader; change their level first', {
      errors: [{ path: 'body.level', message: 'the district already has a leader' }],
    });
  }
}

/**
 * A coordinator of the volunteer's area approves (with a level; the account with the volunteer role is
 * opened, or the registering user's account gets the role) or rejects with a reason.
 */
export async function decideVolunteer(ctx: Ctx, id: string, body: DecideVolunteerBody) {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const v = await loadVisible(tctx, id, { forUpdate: true });
    const actor = authorize(ctx, canManageVolunteersIn, v);
    if (v.status !== 'pending') throw AppError.conflict('volunteer.not_pending', `the registration is ${v.status}`);
    if (body.decision === 'reject') {
      const updated = await repo.updateVolunteer(tx, v.id, {
        status: 'rejected',
        decisionReason: body.reason,
        decidedBy: actor.userId,
        decidedAt: new Date(),
        pendingPasswordHash: null,
      });
      await recordAudit(tx, ctx, {
        action: 'volunteer.rejected',
        subjectType: 'volunteer',
        subjectId: v.id,
        summary: { reason: body.reason },
      });
      return updated;
    }
    const level: VolunteerLevel = body.level ?? 'village';
    if (level === 'district_leader') await assertNoOtherLeader(tx, v.districtCode, v.id);
    let userId = v.userId;
    if (userId) await repo.grantVolunteerRole(tx, userId, actor.userId);
    else {
      if (await authRepo.findUserByEmail(tx, v.email)) {
        throw new AppError('user.email_taken', 'an account with this e-mail was opened since the registration');
      }
      const user = await repo.insertUserWithRole(tx, {
        email: v.email,
        displayName: `${v.firstName} ${v.lastName}`,
        passwordHash: v.pendingPasswordHash ?? '!invited',
        grantedBy: actor.userId,
      });
      userId = user.id;
    }
    const updated = await repo.updateVolunteer(tx, v.id, {
      status: 'active',
      level,
      userId,
      decisionReason: null,
      decidedBy: actor.userId,
      decidedAt: new Date(),
      pendingPasswordHash: null,
    });
    await recordAudit(tx, ctx, { action: 'volunteer.approved', subjectType: 'volunteer', subjectId: v.id, summary: { level, userId } });
    return updated;
  });
}

/** Sets an active volunteer's level; a district has at most one leader (also enforced by a unique index). */
export async function setVolunteerLevel(ctx: Ctx, id: string, level: VolunteerLevel) {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const v = await loadVisible({ ...ctx, db: tx }, id, { forUpdate: true });
    authorize(ctx, canManageVolunteersIn, v);
    if (v.status !== 'active') throw AppError.conflict('volunteer.not_active', `the volunteer is ${v.status}`);
    if (level === 'district_leader') await assertNoOtherLeader(tx, v.districtCode, v.id);
    const updated = await repo.updateVolunteer(tx, v.id, { level });
    await recordAudit(tx, ctx, {
      action: 'volunteer.level_changed',
      subjectType: 'volunteer',
      subjectId: v.id,
      summary: { before: v.level, after: level },
    });
    return updated;
  });
}

/** Ends an active volunteer's service (their account stays; they can no longer log activities). */
export async function deactivateVolunteer(ctx: Ctx, id: string, reason: string) {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const v = await loadVisible({ ...ctx, db: tx }, id, { forUpdate: true });
    const actor = authorize(ctx, canManageVolunteersIn, v);
    if (v.status !== 'active') throw AppError.conflict('volunteer.not_active', `the volunteer is ${v.status}`);
    const updated = await repo.updateVolunteer(tx, v.id, {
      status: 'inactive',
      decisionReason: reason,
      decidedBy: actor.userId,
      decidedAt: new Date(),
    });
    await recordAudit(tx, ctx, { action: 'volunteer.deactivated', subjectType: 'volunteer', subjectId: v.id, summary: { reason } });
    return updated;
  });
}

/** What the card's QR code shows to anyone: first name, initial, level, district, province, valid or not. */
export async function verifyVolunteerCard(ctx: Ctx, token: string) {
  const v = await repo.findVolunteerByCard(ctx.db, token);
  if (!v || v.status === 'pending' || v.status === 'rejected') throw AppError.notFound('volunteer card');
  const place = (await repo.placeNamesOf(ctx.db, [v.villageId])).get(v.villageId) as repo.PlaceNames;
  return {
    firstName: v.firstName,
    lastNameInitial: `${[...v.lastName][0] ?? ''}.`,
    level: v.level as VolunteerLevel,
    status: v.status as 'active' | 'inactive',
    isValid: v.status === 'active',
    district: place.district,
    province: place.province,
    since: v.decidedAt && v.status === 'active' ? v.decidedAt.toISOString() : null,
    onboardingComplete: v.status === 'active' && (await isOnboarded(ctx.db, v)),
  };
}

/** The signed-in user's volunteer record (or null), latest activities and totals. */
export async function getMyVolunteer(ctx: Ctx) {
  const actor = requireActor(ctx);
  const v = await repo.findVolunteerByUser(ctx.db, actor.userId);
  if (!v) return { volunteer: null, activities: [], totals: { activities: 0, people: 0 } };
  const [activities, totals] = await Promise.all([repo.listActivities(ctx.db, v.id, 20), repo.activityTotals(ctx.db, v.id)]);
  return { volunteer: v, activities, totals };
}
