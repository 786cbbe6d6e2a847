import { isValidThaiId } from '../../../../common/citizen-id.js';
import { type ListPersonnelQuery, TOTAL_CAP, type TransferPersonBody, type UpdatePersonBody } from '../../../../common/contracts/people.js';
import { AppError } from '../../../../common/errors.js';
import { POSITION_LEVELS, type PositionType, suggestTargetGroup } from '../../../../common/people-rules.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { containsPattern } from '../../lib/like.js';
import { cacheIn, type ResultCache } from '../../lib/result-cache.js';
import { citizenIdLookupHash, normalizeCitizenId, protectCitizenId, revealCitizenId } from '../../lib/personal-data.js';
import { recordAudit } from '../audit/service.js';
import { inviteUsers, reinviteUser } from '../auth/invitations.service.js';
import { ensurePersonAccounts } from '../users/service.js';
import * as agencyRepo from './agencies.repository.js';
import { fullNameTh, personSearchText, personSortKey } from './names.js';
import * as repo from './persons.repository.js';
import { agencyScopes, canManagePeopleIn, canReadPeopleIn, canRevealCitizenIdIn, canViewPerson, readsNationally } from './policy.js';

/** The subtree a list or export covers: the agency asked for (which the caller must be able to read), or the caller's one scope. */
export async function resolveReadScope(ctx: Ctx, agencyId: string | undefined) {
  const actor = requireActor(ctx);
  if (agencyId) {
    const agency = await agencyRepo.findAgencyToRead(ctx.db, agencyId);
    if (!agency) throw AppError.notFound('agency');
    authorize(ctx, canReadPeopleIn, agency);
    return { key: agency.treeKey, agency };
  }
  if (readsNationally(actor)) return { key: '', agency: null };
  const scopes = await agencyRepo.findAgenciesByIds(ctx.db, [...new Set(agencyScopes(actor, 'agency_admin', 'agency_executive'))]);
  const tops = scopes.filter((s) => !scopes.some((o) => o.id !== s.id && s.path.includes(`/${o.id}/`)));
  if (tops.length === 0) throw AppError.forbidden('you read no agency’s personnel');
  if (tops.length > 1) {
    throw AppError.invalid([{ path: 'querystring.agencyId', message: 'you hold several agency scopes: choose the agency' }]);
  }
  return { key: tops[0].treeKey, agency: tops[0] };
}

/** A search box's text: a full citizen ID is looked up by its keyed hash, anything else matches names and e-mail. */
function textFilter(ctx: Ctx, q: string | undefined): repo.PersonFilter['text'] {
  if (!q) return undefined;
  const digits = normalizeCitizenId(q);
  if (/^\d{13}$/.test(digits) && isValidThaiId(digits)) return { hash: citizenIdLookupHash(ctx.config.sessionSecret, digits) };
  return { like: containsPattern(q.toLowerCase()) };
}

function decodeCursor(cursor: string): { sortName: string; id: string } {
  try {
    const [sortName, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof sortName === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { sortName, id };
  } catch {}
  throw AppError.invalid([{ path: 'querystring.cursor', message: 'not a cursor from this list' }]);
}

const encodeCursor = (r: { sort_name: string; id: string }) => Buffer.from(JSON.stringify([r.sort_name, r.id])).toString('base64url');

type PersonnelPage = { items: repo.PersonSummaryRow[]; nextCursor: string | null; total: number; isTotalCapped: boolean };

const pageCaches = new WeakMap<object, ResultCache<PersonnelPage>>();

/**
 * Personnel of a subtree the caller may read, in Thai name order, a page at a time (keyset cursor).
 * Scoped in SQL, never filtered afterwards. The total is exact from the roll-up unless the list is narrowed
 * by text or position type; then matches are counted up to TOTAL_CAP.
 *
 * A page is the same for everyone who may read the subtree (masking comes after), so each instance keeps the pages
 * it read under the subtree's list version (decision 017) and reads a page again once anything it shows changed.
 */
export async function listPersonnel(ctx: Ctx, q: ListPersonnelQuery): Promise<PersonnelPage> {
  const scope = await resolveReadScope(ctx, q.agencyId);
  const filter: repo.PersonFilter = {
    scopeKey: scope.key,
    text: textFilter(ctx, q.q),
    targetGroup: q.targetGroup,
    isIt: q.isIt,
    status: q.status,
    positionType: q.positionType,
  };
  const cache = cacheIn(pageCaches, ctx.config, ctx.config.PEOPLE_LIST_CACHE_ENTRIES);
  const key = JSON.stringify([filter, q.cursor ?? null, q.limit]);
  const version = await repo.listVersion(ctx.db, scope.key);
  const kept = cache.get(key, version);
  if (kept) return kept;
  const page = await readPersonnelPage(ctx, filter, q);
  cache.set(key, version, page);
  return page;
}

async function readPersonnelPage(ctx: Ctx, filter: repo.PersonFilter, q: ListPersonnelQuery): Promise<PersonnelPage> {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const isRollup = !filter.text && !filter.positionType;
  const page = { after, limit: q.limit + 1 };
  let rows: repo.PersonSummaryRow[];
  let total: number;
  if (isRollup) {
    // One statement: the roll-up gives the exact total and decides how the page is read.
    ({ rows, total } = await repo.listRollupPage(ctx.db, filter, page));
  } else {
    // Matches are gathered once for the count and, below the cap, for the page too (one statement).
    const gathered = await repo.listGatheredPage(ctx.db, filter, page, TOTAL_CAP);
    total = gathered.total;
    rows = gathered.rows ?? (await repo.listPersons(ctx.db, filter, page));
  }
  const items = rows.slice(0, q.limit);
  return {
    items,
    nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]) : null,
    total,
    isTotalCapped: !isRollup && total >= TOTAL_CAP,
  };
}

/** One person, for those who may see them (their agency's readers, themselves, their supervisor); anyone else gets 404. */
export async function getPerson(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const [row, actorPersonId] = await Promise.all([repo.findPersonRow(ctx.db, id), repo.findPersonIdOfUser(ctx.db, actor.userId)]);
  if (
    !row ||
    !canViewPerson(actor, { agency: { path: row.agency_path }, personId: row.id, supervisorId: row.supervisor_id, actorPersonId })
  ) {
    throw AppError.notFound('person');
  }
  const supervisor = row.supervisor_id ? ((await repo.findPersonRef(ctx.db, row.supervisor_id)) ?? null) : null;
  return { row, supervisor, isSelf: actorPersonId === row.id };
}

/** Loads a person for a change by HR: unseen → 404, seen but not managed (an executive) → 403. */
async function loadForChange(tx: Db, ctx: Ctx, id: string) {
  const person = await repo.findPersonForUpdate(tx, id);
  const agency = person ? await agencyRepo.findAgency(tx, person.agencyId) : undefined;
  if (!person || !agency || !canReadPeopleIn(ctx.actor, agency)) throw AppError.notFound('person');
  authorize(ctx, canManagePeopleIn, agency);
  return { person, agency };
}

async function checkSupervisor(tx: Db, personId: string, supervisorId: string | null | undefined, path: string) {
  if (!supervisorId) return;
  if (supervisorId === personId) throw AppError.invalid([{ path, message: 'a person cannot supervise themselves' }]);
  if (!(await repo.findPerson(tx, supervisorId))) throw AppError.invalid([{ path, message: 'unknown person' }]);
}

function checkLevel(type: string, level: string | null | undefined) {
  if (level && !POSITION_LEVELS[type as PositionType]?.some((l) => l.code === level)) {
    throw AppError.invalid([{ path: 'body.positionLevel', message: `not a level of position type ${type}` }]);
  }
}

/**
 * HR corrects or updates a person of its subtree. A group set by HR is kept until HR changes it (null
 * returns to the suggestion, which then follows the position); each change of target group or status is
 * recorded in the person's history with the reason, and the update is audit-logged (fields, not values).
 */
export async function updatePerson(ctx: Ctx, id: string, body: UpdatePersonBody) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const { person } = await loadForChange(tx, ctx, id);
    const { citizenId, targetGroupCode, reason, isIt, ...plain } = body;
    const next = { ...person, ...Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)) } as repo.PersonRecord;
    if (isIt !== undefined) next.isIt = isIt ? 'it' : 'non_it';
    checkLevel(next.positionType, next.positionLevel);
    await checkSupervisor(tx, id, body.supervisorId, 'body.supervisorId');
    if (citizenId) {
      const protectedId = protectCitizenId(ctx.config.sessionSecret, citizenId, 'body.citizenId');
      const holder = await repo.findPersonByHash(tx, protectedId.hash);
      if (holder && holder.id !== id) {
        throw new AppError('person.citizen_id_taken', 'another person has this citizen ID', {
          status: 409,
          errors: [{ path: 'body.citizenId', message: 'already used' }],
        });
      }
      if (!holder)
        Object.assign(next, {
          citizenIdHash: protectedId.hash,
          citizenIdCipher: protectedId.cipher,
          citizenIdLast: protectedId.last,
          citizenIdMasked: protectedId.masked,
        });
    }
    const suggested = suggestTargetGroup({
      positionType: next.positionType as PositionType,
      positionTh: next.positionTh,
      isIt: next.isIt === 'it',
    });
    if (targetGroupCode === null || (targetGroupCode === undefined && person.targetGroupSource === 'suggested')) {
      next.targetGroupCode = suggested;
      next.targetGroupSource = 'suggested';
    } else if (targetGroupCode) {
      next.targetGroupCode = targetGroupCode;
      next.targetGroupSource = 'hr';
    }
    next.sortName = personSortKey(next);
    next.searchText = personSearchText(next);
    const changed = (Object.keys(next) as (keyof repo.PersonRecord)[]).filter((k) => k !== 'updatedAt' && next[k] !== person[k]);
    if (changed.length === 0) return;
    await repo.updatePerson(tx, id, Object.fromEntries(changed.map((k) => [k, next[k]])));
    const history = [
      ['target_group', person.targetGroupCode, next.targetGroupCode],
      ['employment_status', person.employmentStatus, next.employmentStatus],
    ]
      .filter(([, from, to]) => from !== to)
      .map(([kind, from, to]) => ({
        personId: id,
        kind,
        fromValue: from,
        toValue: to,
        reason: reason ?? null,
        source: 'manual',
        actorId: actor.userId,
      }));
    await repo.insertHistory(tx, history);
    await recordAudit(tx, ctx, {
      action: 'person.updated',
      subjectType: 'person',
      subjectId: id,
      summary: {
        fields: changed.filter((k) => !['sortName', 'searchText', 'citizenIdCipher', 'citizenIdLast', 'citizenIdMasked'].includes(k)),
        targetGroup:
          next.targetGroupCode !== person.targetGroupCode ? { from: person.targetGroupCode, to: next.targetGroupCode } : undefined,
        reason: reason ?? null,
      },
    });
  });
  return getPerson(ctx, id);
}

/**
 * Moves a person to another agency, with the reason in their history. The caller must manage both the
 * agency they leave and the one they join (HR of a ministry moves people between its departments;
 * between ministries it takes a system admin). The supervisor is replaced (or cleared).
 */
export async function transferPerson(ctx: Ctx, id: string, body: TransferPersonBody) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const { person } = await loadForChange(tx, ctx, id);
    const target = await agencyRepo.findAgency(tx, body.agencyId);
    if (!target) throw AppError.invalid([{ path: 'body.agencyId', message: 'unknown agency' }]);
    authorize(ctx, canManagePeopleIn, target);
    if (target.id === person.agencyId) throw AppError.invalid([{ path: 'body.agencyId', message: 'the person already works there' }]);
    await checkSupervisor(tx, id, body.supervisorId, 'body.supervisorId');
    await repo.updatePerson(tx, id, { agencyId: target.id, agencyKey: target.treeKey, supervisorId: body.supervisorId ?? null });
    await repo.insertHistory(tx, [
      {
        personId: id,
        kind: 'transfer',
        fromValue: person.agencyId,
        toValue: target.id,
        reason: body.reason,
        source: 'manual',
        actorId: actor.userId,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'person.transferred',
      subjectType: 'person',
      subjectId: id,
      summary: { fromAgencyId: person.agencyId, toAgencyId: target.id, reason: body.reason },
    });
  });
  return getPerson(ctx, id);
}

/** A person's history (target group, transfers, status), for those who may read their agency's people and the person. */
export async function getPersonHistory(ctx: Ctx, id: string) {
  const { row, isSelf } = await getPerson(ctx, id);
  if (!isSelf && !canReadPeopleIn(ctx.actor, { path: row.agency_path })) throw AppError.forbidden();
  return repo.listHistory(ctx.db, id);
}

/** The full citizen ID, for HR of the person's agency only; every reveal is audit-logged. */
export async function revealPersonCitizenId(ctx: Ctx, id: string) {
  const { row } = await getPerson(ctx, id);
  authorize(ctx, canRevealCitizenIdIn, { path: row.agency_path });
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'person.citizen_id_revealed', subjectType: 'person', subjectId: id }));
  return revealCitizenId(ctx.config.sessionSecret, row.citizen_id_cipher);
}

/**
 * HR (re)sends a person their invitation: creates the learner account if the person has none yet, or
 * replaces an unused invitation with a new one. A person who already set a password needs none (409).
 */
export async function resendInvitation(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const { person } = await loadForChange(tx, ctx, id);
    if (!person.email) throw AppError.invalid([{ path: 'email', message: 'the person has no e-mail address' }]);
    const created = await ensurePersonAccounts(tx, [{ personId: id, email: person.email, displayName: fullNameTh(person) }]);
    if (created.length) await inviteUsers(tx, ctx, created);
    else {
      const account = await repo.findAccountOfPerson(tx, id);
      if (!account) throw AppError.conflict('user.email_taken', 'the e-mail belongs to another account');
      if (account.password_hash.startsWith('scrypt$')) throw AppError.conflict('invitation.used', 'the person has already set a password');
      await reinviteUser(tx, ctx, { userId: account.id, email: account.email, displayName: account.display_name, locale: account.locale });
    }
    await recordAudit(tx, ctx, { action: 'person.invitation_sent', subjectType: 'person', subjectId: id });
  });
}
