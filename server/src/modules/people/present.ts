import type {
  AgencyDetailView,
  AgencyRef,
  AgencyView,
  PersonHistoryEntry,
  PersonImportView,
  PersonSummary,
  PersonView,
} from '../../../../common/contracts/people.js';
import { type PositionType, suggestTargetGroup } from '../../../../common/people-rules.js';
import type { Actor } from '../../lib/context.js';
import type { z } from '../../lib/http.js';
import { maskedCitizenId } from '../../lib/personal-data.js';
import type { AgencyRow } from './agencies.repository.js';
import type { PersonImportRow } from './imports.repository.js';
import { fullNameTh } from './names.js';
import type { PersonListRow, PersonSummaryRow } from './persons.repository.js';
import { canManageAgency, canManagePeopleIn, canMoveAgency, canReadPeopleIn, canRevealCitizenIdIn } from './policy.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const depthOf = (treeKey: string) => Math.max(0, treeKey.split('.').length - 2);

export const presentAgencyRef = (a: { id: string; code: string; nameTh: string; nameEn: string }): AgencyRef => ({
  id: a.id,
  code: a.code,
  nameTh: a.nameTh,
  nameEn: a.nameEn,
});

export function presentAgency(a: AgencyRow & { hasChildren: boolean }): AgencyView {
  return {
    ...presentAgencyRef(a),
    kind: a.kind as AgencyView['kind'],
    parentId: a.parentId,
    provinceCode: a.provinceCode,
    hasChildren: a.hasChildren,
    depth: depthOf(a.treeKey),
  };
}

export function presentAgencyDetail(
  d: { agency: AgencyRow; ancestors: AgencyRow[]; childCount: number; headcount: number | null; parentPath: string | null },
  actor: Actor | null,
): AgencyDetailView {
  const a = d.agency;
  return {
    ...presentAgency({ ...a, hasChildren: d.childCount > 0 }),
    ancestors: d.ancestors.map(presentAgencyRef),
    childCount: d.childCount,
    headcount: d.headcount,
    createdAt: iso(a.createdAt) as string,
    updatedAt: iso(a.updatedAt) as string,
    abilities: {
      update: canManageAgency(actor, a),
      move:
        !!actor &&
        canMoveAgency(actor, {
          agency: { path: a.path, parentPath: d.parentPath },
          newParent: d.parentPath ? { path: d.parentPath } : null,
        }),
      createChild: canManageAgency(actor, a),
      listPeople: canReadPeopleIn(actor, a),
      importPeople: canManagePeopleIn(actor, a),
    },
  };
}

/** A person in a list: the citizen ID is always masked here (from the stored masked form; older rows by decrypting). */
export function presentPersonSummary(r: PersonSummaryRow, secret: string): PersonSummary {
  return {
    id: r.id,
    citizenIdMasked: r.citizen_id_masked ?? maskedCitizenId(secret, r.citizen_id_cipher),
    titleTh: r.title_th,
    firstNameTh: r.first_name_th,
    lastNameTh: r.last_name_th,
    firstNameEn: r.first_name_en,
    lastNameEn: r.last_name_en,
    email: r.email,
    positionTh: r.position_th,
    positionType: r.position_type as PersonSummary['positionType'],
    positionLevel: r.position_level,
    isIt: r.is_it === 'it',
    agency: { id: r.agency_id, code: r.agency_code, nameTh: r.agency_name_th, nameEn: r.agency_name_en },
    targetGroupCode: r.target_group_code as PersonSummary['targetGroupCode'],
    targetGroupSource: r.target_group_source === 'hr' ? 'hr' : 'suggested',
    employmentStatus: r.employment_status as PersonSummary['employmentStatus'],
    accountStatus: r.account_status,
  };
}

export function presentPerson(
  r: PersonListRow,
  x: {
    secret: string;
    actor: Actor | null;
    isSelf: boolean;
    supervisor: { id: string; title_th: string; first_name_th: string; last_name_th: string; position_th: string } | null;
  },
): PersonView {
  const agency = { path: r.agency_path };
  const canManage = canManagePeopleIn(x.actor, agency);
  return {
    ...presentPersonSummary(r, x.secret),
    titleEn: r.title_en,
    supervisor: x.supervisor
      ? {
          id: x.supervisor.id,
          nameTh: fullNameTh({
            titleTh: x.supervisor.title_th,
            firstNameTh: x.supervisor.first_name_th,
            lastNameTh: x.supervisor.last_name_th,
          }),
          positionTh: x.supervisor.position_th,
        }
      : null,
    suggestedTargetGroup: suggestTargetGroup({
      positionType: r.position_type as PositionType,
      positionTh: r.position_th,
      isIt: r.is_it === 'it',
    }),
    createdAt: iso(r.created_at) as string,
    updatedAt: iso(r.updated_at) as string,
    abilities: {
      update: canManage,
      transfer: canManage,
      revealCitizenId: canRevealCitizenIdIn(x.actor, agency),
      resendInvitation: canManage && !!r.email && (r.account_status === 'invited' || r.account_status === 'none'),
      viewHistory: canReadPeopleIn(x.actor, agency) || x.isSelf,
    },
  };
}

export function presentHistoryEntry(h: {
  id: string;
  kind: string;
  from_value: string | null;
  to_value: string;
  reason: string | null;
  source: string;
  actor_id: string | null;
  actor_name: string | null;
  at: string | Date;
  from_label: string | null;
  to_label: string | null;
}): z.infer<typeof PersonHistoryEntry> {
  return {
    id: h.id,
    kind: h.kind as z.infer<typeof PersonHistoryEntry>['kind'],
    fromValue: h.from_value,
    toValue: h.to_value,
    fromLabel: h.from_label,
    toLabel: h.to_label,
    reason: h.reason,
    source: h.source === 'import' ? 'import' : 'manual',
    actor: h.actor_id ? { id: h.actor_id, displayName: h.actor_name ?? '' } : null,
    at: iso(h.at) as string,
  };
}

export function presentImport(
  j: PersonImportRow,
  x: { actor: Actor | null; errors: PersonImportView['errors']; canManage: boolean },
): PersonImportView {
  return {
    id: j.id,
    status: j.status as PersonImportView['status'],
    format: j.format as PersonImportView['format'],
    fileName: j.fileName,
    byteSize: j.byteSize,
    progress: j.progress,
    totalRows: j.totalRows,
    errorCount: j.errorCount,
    errorRows: j.errorRows,
    toCreate: j.toCreate,
    toUpdate: j.toUpdate,
    created: j.created,
    updated: j.updated,
    invited: j.invited,
    failure: j.failure,
    scopeAgency: j.scopeAgency ? presentAgencyRef(j.scopeAgency) : null,
    createdBy: { id: j.createdBy, displayName: j.createdByName },
    createdAt: iso(j.createdAt) as string,
    validatedAt: iso(j.validatedAt),
    committedAt: iso(j.committedAt),
    errors: x.errors,
    abilities: {
      commit: x.canManage && j.status === 'validated',
      downloadErrors: j.errorCount > 0,
    },
  };
}
