import { Readable } from 'node:stream';
import { PERSON_IMPORT_COLUMNS } from '../../../../common/contracts/people.js';
import { AppError } from '../../../../common/errors.js';
import { POSITION_LEVELS, type PositionType } from '../../../../common/people-rules.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { csvCell } from '../../lib/csv.js';
import { maskedCitizenId, revealCitizenId } from '../../lib/personal-data.js';
import { historyOf, recordAudit } from '../audit/service.js';
import * as authRepo from '../auth/repository.js';
import { listMyNotifications } from '../notifications/service.js';
import * as repo from './persons.repository.js';
import { resolveReadScope } from './persons.service.js';
import { canRevealCitizenIdIn } from './policy.js';
import { presentHistoryEntry, presentPerson } from './present.js';

const PAGE = 1000;
const EXTRA_COLUMNS = ['agencyNameTh', 'targetGroupSource', 'accountStatus'];

const levelName = (type: string, code: string | null) =>
  code ? (POSITION_LEVELS[type as PositionType]?.find((l) => l.code === code)?.th ?? code) : '';

/**
 * Personnel of a subtree the caller may read as CSV (UTF-8 with BOM), streamed a page at a time in name
 * order, with the import's columns first so a file can be edited and imported back. Citizen IDs are
 * masked unless HR of the subtree asks for them in full. Every export is audit-logged before it starts.
 */
export async function exportPersonnel(
  ctx: Ctx,
  q: {
    agencyId?: string;
    q?: string;
    targetGroup?: string;
    isIt?: boolean;
    status?: string;
    positionType?: string;
    includeCitizenId: boolean;
  },
): Promise<Readable> {
  requireActor(ctx);
  const scope = await resolveReadScope(ctx, q.agencyId);
  if (q.includeCitizenId && !(scope.agency && canRevealCitizenIdIn(ctx.actor, scope.agency))) {
    throw AppError.forbidden('full citizen IDs are for HR of the agency');
  }
  const filter: repo.PersonFilter = {
    scopeKey: scope.key,
    text: q.q ? { like: `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` } : undefined,
    targetGroup: q.targetGroup,
    isIt: q.isIt,
    status: q.status,
    positionType: q.positionType,
  };
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'person.exported',
      subjectType: 'agency',
      subjectId: scope.agency?.id ?? 'national',
      summary: { filters: { ...q, includeCitizenId: undefined }, includeCitizenId: q.includeCitizenId },
    }),
  );
  const secret = ctx.config.sessionSecret;
  const id = (cipher: string | null) =>
    !cipher ? '' : q.includeCitizenId ? revealCitizenId(secret, cipher) : maskedCitizenId(secret, cipher);
  async function* lines() {
    yield `\uFEFF${[...PERSON_IMPORT_COLUMNS.map((c) => c.key), ...EXTRA_COLUMNS].join(',')}\r\n`;
    let after: { sortName: string; id: string } | undefined;
    for (;;) {
      const rows = await repo.listPersonsForExport(ctx.db, filter, { after, limit: PAGE });
      if (rows.length === 0) return;
      yield rows
        .map((r) => {
          const values: Record<string, unknown> = {
            citizenId: id(r.citizen_id_cipher),
            titleTh: r.title_th,
            firstNameTh: r.first_name_th,
            lastNameTh: r.last_name_th,
            titleEn: r.title_en,
            firstNameEn: r.first_name_en,
            lastNameEn: r.last_name_en,
            email: r.email,
            positionTh: r.position_th,
            positionType: r.position_type,
            positionLevel: levelName(r.position_type, r.position_level),
            isIt: r.is_it === 'it' ? 'yes' : 'no',
            agencyCode: r.agency_code,
            supervisorCitizenId: id(r.supervisor_cipher),
            targetGroup: r.target_group_source === 'hr' ? r.target_group_code : '',
            employmentStatus: r.employment_status,
            agencyNameTh: r.agency_name_th,
            targetGroupSource: r.target_group_source,
            accountStatus: r.account_status,
          };
          return `${[...PERSON_IMPORT_COLUMNS.map((c) => c.key), ...EXTRA_COLUMNS].map((k) => csvCell(values[k])).join(',')}\r\n`;
        })
        .join('');
      const last = rows[rows.length - 1];
      after = { sortName: last.sort_name, id: last.id };
    }
  }
  return Readable.from(lines());
}

async function myPersonRow(ctx: Ctx) {
  const actor = requireActor(ctx);
  const personId = await repo.findPersonIdOfUser(ctx.db, actor.userId);
  const row = personId ? await repo.findPersonRow(ctx.db, personId) : undefined;
  if (!row) throw AppError.notFound('person record linked to your account');
  return row;
}

/** The caller's own personnel record, with their citizen ID in full and the history of their record. */
export async function getMyPerson(ctx: Ctx) {
  const row = await myPersonRow(ctx);
  const supervisor = row.supervisor_id ? ((await repo.findPersonRef(ctx.db, row.supervisor_id)) ?? null) : null;
  const { abilities: _abilities, ...view } = presentPerson(row, {
    secret: ctx.config.sessionSecret,
    actor: ctx.actor,
    isSelf: true,
    supervisor,
  });
  return {
    ...view,
    citizenId: revealCitizenId(ctx.config.sessionSecret, row.citizen_id_cipher),
    history: (await repo.listHistory(ctx.db, row.id)).map(presentHistoryEntry),
  };
}

/**
 * Everything the platform holds about the caller (PDPA right of access), as one JSON document: the
 * personnel record and its history, the account, roles, API tokens (never their secrets), notifications,
 * and the audit trail about them (including who revealed their citizen ID). Audit-logged.
 */
export async function exportMyData(ctx: Ctx) {
  const actor = requireActor(ctx);
  const personId = await repo.findPersonIdOfUser(ctx.db, actor.userId);
  const person = personId ? await getMyPerson(ctx) : null;
  const [user, tokens, notifications, aboutUser, aboutPerson] = await Promise.all([
    authRepo.findUserById(ctx.db, actor.userId),
    authRepo.listApiTokens(ctx.db, actor.userId),
    listMyNotifications(ctx, { limit: 1000 }),
    historyOf(ctx.db, 'user', actor.userId),
    personId ? historyOf(ctx.db, 'person', personId) : Promise.resolve([]),
  ]);
  if (!user) throw AppError.notFound('user');
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'person.data_exported', subjectType: 'user', subjectId: actor.userId, summary: { personId } }),
  );
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    exportedAt: new Date().toISOString(),
    person,
    account: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      createdAt: iso(user.createdAt),
      passwordChangedAt: iso(user.passwordChangedAt),
      hasPassword: user.passwordHash.startsWith('scrypt$'),
    },
    roles: actor.grants.map((g) => ({ role: g.role, scopeType: g.scopeType, scopeId: g.scopeId, scopeLabel: g.scopeLabel ?? null })),
    apiTokens: tokens.map((t) => ({
      name: t.token.name,
      prefix: t.token.prefix,
      role: t.role,
      createdAt: iso(t.token.createdAt),
      expiresAt: iso(t.token.expiresAt),
      lastUsedAt: iso(t.token.lastUsedAt),
      revokedAt: iso(t.token.revokedAt),
    })),
    notifications: notifications.items.map((n) => ({
      kind: n.kind,
      titleTh: n.titleTh,
      titleEn: n.titleEn,
      createdAt: iso(n.createdAt),
      readAt: iso(n.readAt),
    })),
    auditTrail: [...aboutUser, ...aboutPerson]
      .map((e) => ({ at: iso(e.at), action: e.action, actor: e.actorLabel, subjectType: e.subjectType, summary: e.summary }))
      .sort((a, b) => String(a.at).localeCompare(String(b.at))),
  };
}
