import { randomUUID } from 'node:crypto';
import {
  type CreateAgencyBody,
  type MoveAgencyBody,
  ROOT_AGENCY_KINDS,
  type UpdateAgencyBody,
} from '../../../../common/contracts/people.js';
import { AppError } from '../../../../common/errors.js';
import { findProvince } from '../../../../common/provinces.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './agencies.repository.js';
import { canCreateRootAgency, canManageAgency, canMoveAgency, canReadPeopleIn } from './policy.js';

const codeTaken = () =>
  new AppError('agency.code_taken', 'another agency has this code', {
    status: 409,
    errors: [{ path: 'body.code', message: 'already used' }],
  });

const ancestorIds = (a: { id: string; path: string }) => a.path.split('/').filter((id) => id && id !== a.id);

/** The agency tree is public information: anyone may search it (names, codes, kinds; no people). */
export async function listAgencies(ctx: Ctx, q: { q?: string; parentId?: string; within?: string; page: number; pageSize: number }) {
  let withinKey: string | undefined;
  if (q.within) {
    const root = await repo.findAgency(ctx.db, q.within);
    if (!root) return { items: [], total: 0 };
    withinKey = root.treeKey;
  }
  return repo.listAgencies(ctx.db, { q: q.q, parentId: q.parentId, withinKey, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/** One agency with its breadcrumb, its number of sub-agencies and, for those who may read its people, its headcount. */
export async function getAgency(ctx: Ctx, id: string) {
  const agency = await repo.findAgency(ctx.db, id);
  if (!agency) throw AppError.notFound('agency');
  const [ancestors, childCount, parent] = await Promise.all([
    repo.findAgenciesByIds(ctx.db, ancestorIds(agency)),
    repo.countChildren(ctx.db, id),
    agency.parentId ? repo.findAgency(ctx.db, agency.parentId) : undefined,
  ]);
  const headcount = canReadPeopleIn(ctx.actor, agency) ? await repo.subtreeHeadcount(ctx.db, agency.treeKey) : null;
  return { agency, ancestors, childCount, headcount, parentPath: parent?.path ?? null };
}

function checkPlacement(kind: string, parentId: string | null, path: string) {
  if (!parentId && !ROOT_AGENCY_KINDS.includes(kind as (typeof ROOT_AGENCY_KINDS)[number])) {
    throw AppError.invalid([{ path, message: `a ${kind} must have a parent agency` }]);
  }
}

function checkProvince(code: string | null | undefined) {
  if (code && !findProvince(code)) throw AppError.invalid([{ path: 'body.provinceCode', message: 'unknown province code' }]);
}

async function assertCodeFree(db: Db, code: string, exceptId?: string) {
  const holder = await repo.findAgencyByCode(db, code);
  if (holder && holder.id !== exceptId) throw codeTaken();
}

/**
 * Adds an agency under a parent the caller manages (HR within its subtree; system admins anywhere, and
 * alone at the top level). Codes are unique regardless of case. Audit-logged.
 */
export async function createAgency(ctx: Ctx, body: CreateAgencyBody) {
  checkPlacement(body.kind, body.parentId, 'body.parentId');
  checkProvince(body.provinceCode);
  return ctx.db.transaction(async (tx) => {
    const parent = body.parentId ? await repo.findAgency(tx, body.parentId) : null;
    if (body.parentId && !parent) throw AppError.invalid([{ path: 'body.parentId', message: 'unknown agency' }]);
    if (parent) authorize(ctx, canManageAgency, parent);
    else authorize(ctx, canCreateRootAgency, undefined);
    await assertCodeFree(tx, body.code);
    const id = randomUUID();
    const agency = await repo.insertAgency(tx, {
      id,
      code: body.code,
      nameTh: body.nameTh,
      nameEn: body.nameEn,
      kind: body.kind,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      provinceCode: body.provinceCode ?? parent?.provinceCode ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'agency.created',
      subjectType: 'agency',
      subjectId: id,
      summary: { code: agency.code, nameTh: agency.nameTh, kind: agency.kind, parentId: agency.parentId },
    });
    return agency;
  });
}

/** Renames, re-codes or re-classifies an agency the caller manages; audit-logged with before and after. */
export async function updateAgency(ctx: Ctx, id: string, body: UpdateAgencyBody) {
  checkProvince(body.provinceCode);
  return ctx.db.transaction(async (tx) => {
    const agency = await repo.findAgency(tx, id, { forUpdate: true });
    if (!agency) throw AppError.notFound('agency');
    authorize(ctx, canManageAgency, agency);
    if (body.kind) checkPlacement(body.kind, agency.parentId, 'body.kind');
    if (body.code && body.code !== agency.code) await assertCodeFree(tx, body.code, id);
    const fields = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<typeof agency>;
    const changed = Object.keys(fields).filter((k) => fields[k as keyof typeof agency] !== agency[k as keyof typeof agency]);
    if (changed.length === 0) return agency;
    const updated = await repo.updateAgency(tx, id, fields);
    await recordAudit(tx, ctx, {
      action: 'agency.updated',
      subjectType: 'agency',
      subjectId: id,
      summary: {
        before: Object.fromEntries(changed.map((k) => [k, agency[k as keyof typeof agency]])),
        after: Object.fromEntries(changed.map((k) => [k, updated[k as keyof typeof updated]])),
      },
    });
    return updated;
  });
}

/**
 * Moves an agency (with its whole subtree and everyone in it) under another parent, in one transaction:
 * never under itself or its own descendants. Scopes follow at once, since they are subtrees. Audit-logged.
 */
export async function moveAgency(ctx: Ctx, id: string, body: MoveAgencyBody) {
  return ctx.db
    .transaction(async (tx) => {
      const agency = await repo.findAgency(tx, id, { forUpdate: true });
      if (!agency) throw AppError.notFound('agency');
      const oldParent = agency.parentId ? ((await repo.findAgency(tx, agency.parentId)) ?? null) : null;
      const newParent = body.parentId ? ((await repo.findAgency(tx, body.parentId)) ?? null) : null;
      if (body.parentId && !newParent) throw AppError.invalid([{ path: 'body.parentId', message: 'unknown agency' }]);
      authorize(ctx, canMoveAgency, { agency: { path: agency.path, parentPath: oldParent?.path ?? null }, newParent });
      if (newParent && (newParent.id === agency.id || newParent.path.includes(`/${agency.id}/`))) {
        throw AppError.conflict('agency.move_cycle', 'an agency cannot move under itself or its own sub-agencies');
      }
      checkPlacement(agency.kind, body.parentId, 'body.parentId');
      if ((newParent?.id ?? null) === agency.parentId) return agency;
      const segment = agency.treeKey.slice(agency.treeKey.slice(0, -1).lastIndexOf('.') + 1);
      const moved = await repo.moveSubtree(tx, {
        id,
        parentId: newParent?.id ?? null,
        oldPath: agency.path,
        newPath: `${newParent?.path ?? '/'}${id}/`,
        oldKey: agency.treeKey,
        newKey: `${newParent?.treeKey ?? ''}${segment}`,
      });
      await recordAudit(tx, ctx, {
        action: 'agency.moved',
        subjectType: 'agency',
        subjectId: id,
        summary: { fromParentId: agency.parentId, toParentId: newParent?.id ?? null, people: moved.people, reason: body.reason ?? null },
      });
      return (await repo.findAgency(tx, id)) as repo.AgencyRow;
    })
    .then((moved) => {
      // The subtree's people have new keys the planner's statistics do not know yet: refresh them, in the background.
      repo.analyzePersons(ctx.db).catch((err) => ctx.log.warn({ err }, 'analyze after an agency move failed'));
      return moved;
    });
}
