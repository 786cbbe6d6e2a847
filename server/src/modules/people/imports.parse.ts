import { isValidThaiId } from '../../../../common/citizen-id.js';
import { PERSON_IMPORT_COLUMNS } from '../../../../common/contracts/people.js';
import {
  codeOf,
  EMPLOYMENT_STATUSES,
  inferPosition,
  isItPosition,
  POSITION_LEVELS,
  POSITION_TYPES,
  type PositionType,
  suggestTargetGroup,
} from '../../../../common/people-rules.js';
import { citizenIdLookupHash, normalizeCitizenId, protectCitizenId } from '../../lib/personal-data.js';
import { personSearchText, personSortKey } from './names.js';

/** One problem in a file: row as the spreadsheet numbers it (header = 1), the column, a stable code and an English message. */
export interface ImportRowError {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

/** A row that passed every check it can pass alone, ready for the staging table (citizen IDs already protected). */
export interface StagedRow {
  row: number;
  citizen_hash: string;
  citizen_cipher: string;
  citizen_last: string;
  citizen_masked: string;
  title_th: string;
  first_name_th: string;
  last_name_th: string;
  title_en: string | null;
  first_name_en: string | null;
  last_name_en: string | null;
  email: string;
  position_th: string;
  position_type: PositionType;
  position_level: string | null;
  is_it: 'it' | 'non_it';
  agency_code: string;
  supervisor_hash: string | null;
  target_group: string | null;
  suggested_group: string;
  employment_status: string;
  sort_name: string;
  search_text: string;
}

// The HTML standard's e-mail pattern, which is what browsers accept in an e-mail field.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const YES = new Set(['yes', 'y', 'true', '1', 'it', 'ใช่']);
const NO = new Set(['no', 'n', 'false', '0', 'non_it', 'ไม่ใช่']);

const LIMITS: Record<string, number> = {
  titleTh: 40,
  firstNameTh: 100,
  lastNameTh: 100,
  titleEn: 40,
  firstNameEn: 100,
  lastNameEn: 100,
  email: 254,
  positionTh: 200,
  agencyCode: 40,
};

/** Required columns missing from a header row. */
export const missingColumns = (header: Record<string, string>) =>
  PERSON_IMPORT_COLUMNS.filter((c) => c.required && !(c.key in header)).map((c) => c.key);

/**
 * Checks one row on its own (the checks needing other rows or the database are set-based, later) and
 * protects its citizen IDs. Position type, level and the IT flag are inferred from the position name when
 * the file leaves them empty; the target group is suggested unless the file gives one.
 */
export function parsePersonRow(
  row: number,
  v: Record<string, string>,
  ctx: { secret: string; targetGroups: ReadonlySet<string> },
): { ok: StagedRow } | { errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const err = (column: string, code: string, message: string) => errors.push({ row, column, code, message });
  for (const c of PERSON_IMPORT_COLUMNS) if (c.required && !v[c.key]) err(c.key, 'required', `${c.key} is required`);
  for (const [key, max] of Object.entries(LIMITS))
    if ((v[key]?.length ?? 0) > max) err(key, 'too_long', `${key} is longer than ${max} characters`);
  const citizenId = normalizeCitizenId(v.citizenId ?? '');
  if (v.citizenId && !isValidThaiId(citizenId)) err('citizenId', 'citizen_id.invalid', 'not a valid 13-digit citizen ID (check digit)');
  const supervisorId = normalizeCitizenId(v.supervisorCitizenId ?? '');
  if (supervisorId && !isValidThaiId(supervisorId)) {
    err('supervisorCitizenId', 'citizen_id.invalid', 'not a valid 13-digit citizen ID (check digit)');
  }
  const email = (v.email ?? '').toLowerCase();
  if (email && !EMAIL.test(email)) err('email', 'email.invalid', `"${v.email}" is not an e-mail address`);

  const inferred = inferPosition(v.positionTh ?? '');
  const positionType = v.positionType ? codeOf(POSITION_TYPES, v.positionType) : (inferred?.type ?? 'general');
  if (!positionType) err('positionType', 'position_type.unknown', `unknown position type "${v.positionType}"`);
  const levels = POSITION_LEVELS[positionType ?? 'other'];
  let positionLevel: string | null = null;
  if (v.positionLevel) {
    positionLevel = codeOf(levels, v.positionLevel) ?? null;
    if (!positionLevel && positionType)
      err('positionLevel', 'position_level.unknown', `"${v.positionLevel}" is not a level of position type ${positionType}`);
  } else if (inferred?.level && inferred.type === positionType) {
    positionLevel = inferred.level;
  }
  const itFlag = (v.isIt ?? '').toLowerCase();
  if (itFlag && !YES.has(itFlag) && !NO.has(itFlag)) err('isIt', 'is_it.invalid', 'use yes or no');
  const isIt = itFlag ? YES.has(itFlag) : isItPosition(v.positionTh ?? '');
  const targetGroup = (v.targetGroup ?? '').toUpperCase();
  if (targetGroup && !ctx.targetGroups.has(targetGroup))
    err('targetGroup', 'target_group.unknown', `unknown target group "${v.targetGroup}"`);
  const status = v.employmentStatus ? codeOf(EMPLOYMENT_STATUSES, v.employmentStatus) : 'active';
  if (!status) err('employmentStatus', 'employment_status.unknown', `unknown employment status "${v.employmentStatus}"`);
  if (errors.length || !positionType || !status) return { errors };

  const citizen = protectCitizenId(ctx.secret, citizenId);
  const names = {
    firstNameTh: v.firstNameTh,
    lastNameTh: v.lastNameTh,
    firstNameEn: v.firstNameEn || null,
    lastNameEn: v.lastNameEn || null,
    email,
  };
  return {
    ok: {
      row,
      citizen_hash: citizen.hash,
      citizen_cipher: citizen.cipher,
      citizen_last: citizen.last,
      citizen_masked: citizen.masked,
      title_th: v.titleTh,
      first_name_th: v.firstNameTh,
      last_name_th: v.lastNameTh,
      title_en: v.titleEn || null,
      first_name_en: names.firstNameEn,
      last_name_en: names.lastNameEn,
      email,
      position_th: v.positionTh,
      position_type: positionType,
      position_level: positionLevel,
      is_it: isIt ? 'it' : 'non_it',
      agency_code: v.agencyCode,
      supervisor_hash: supervisorId ? citizenIdLookupHash(ctx.secret, supervisorId) : null,
      target_group: targetGroup || null,
      suggested_group: suggestTargetGroup({ positionType, positionTh: v.positionTh, isIt }),
      employment_status: status,
      sort_name: personSortKey(names),
      search_text: personSearchText(names),
    },
  };
}
