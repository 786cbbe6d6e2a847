import { z } from 'zod';
import { isValidThaiId } from '../citizen-id.js';
import { EMPLOYMENT_STATUS_CODES, POSITION_TYPE_CODES, TARGET_GROUP_CODES } from '../people-rules.js';

// ---------------------------------------------------------------- agencies

export const AgencyKind = z.enum(['ministry', 'department', 'division', 'unit', 'province', 'local']);
export type AgencyKind = z.infer<typeof AgencyKind>;

/** Kinds that may stand at the top of the tree; every other kind needs a parent. */
export const ROOT_AGENCY_KINDS: readonly AgencyKind[] = ['ministry', 'province', 'local'];

export const AgencyView = z.object({
  id: z.string(),
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  kind: AgencyKind,
  parentId: z.string().nullable(),
  provinceCode: z.string().nullable(),
  /** Whether the agency has sub-agencies (the tree draws an expander). */
  hasChildren: z.boolean(),
  /** 0 for a top-level agency. */
  depth: z.number(),
});
export type AgencyView = z.infer<typeof AgencyView>;

export const ListAgenciesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** The children of this agency; `root` for the top level. */
  parentId: z.union([z.uuid(), z.literal('root')]).optional(),
  /** Only agencies in this agency's subtree (itself included). */
  within: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const AgencyList = z.object({ items: z.array(AgencyView), total: z.number(), page: z.number(), pageSize: z.number() });

export const AgencyRef = z.object({ id: z.string(), code: z.string(), nameTh: z.string(), nameEn: z.string() });
export type AgencyRef = z.infer<typeof AgencyRef>;

export const AgencyDetailView = AgencyView.extend({
  /** From the top of the tree down to the parent: the breadcrumb. */
  ancestors: z.array(AgencyRef),
  childCount: z.number(),
  /** Personnel in the whole subtree; null unless the caller may read this agency's people. */
  headcount: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({
    update: z.boolean(),
    move: z.boolean(),
    createChild: z.boolean(),
    listPeople: z.boolean(),
    importPeople: z.boolean(),
  }),
});
export type AgencyDetailView = z.infer<typeof AgencyDetailView>;

const agencyCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore');
const provinceCode = z.string().regex(/^\d{2}$/, 'a two-digit province code');

export const CreateAgencyBody = z.strictObject({
  code: agencyCode,
  nameTh: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
  kind: AgencyKind,
  parentId: z.uuid().nullable(),
  provinceCode: provinceCode.nullable().optional(),
});
export type CreateAgencyBody = z.infer<typeof CreateAgencyBody>;

/** The fields to change; a move is its own operation (moveAgency). */
export const UpdateAgencyBody = z.strictObject({
  code: agencyCode.optional(),
  nameTh: z.string().trim().min(1).max(300).optional(),
  nameEn: z.string().trim().min(1).max(300).optional(),
  kind: AgencyKind.optional(),
  provinceCode: provinceCode.nullable().optional(),
});
export type UpdateAgencyBody = z.infer<typeof UpdateAgencyBody>;

export const MoveAgencyBody = z.strictObject({
  /** The new parent; null makes it a top-level agency (ministries, provinces, local governments only). */
  parentId: z.uuid().nullable(),
  reason: z.string().trim().max(500).optional(),
});
export type MoveAgencyBody = z.infer<typeof MoveAgencyBody>;

export const ImportAgenciesQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const ImportRowError = z.object({ row: z.number(), column: z.string().nullable(), message: z.string() });

export const AgencyImportReport = z.object({
  format: z.enum(['csv', 'xlsx']),
  rows: z.number(),
  errorCount: z.number(),
  /** The first 1,000 errors, by row. */
  errors: z.array(ImportRowError),
  created: z.number(),
  updated: z.number(),
  /** False when any row had an error (nothing is written) or on a dry run. */
  committed: z.boolean(),
});
export type AgencyImportReport = z.infer<typeof AgencyImportReport>;

// ---------------------------------------------------------------- personnel

export const TargetGroupCode = z.enum(TARGET_GROUP_CODES);
export const PositionTypeSchema = z.enum(POSITION_TYPE_CODES);
export const EmploymentStatusSchema = z.enum(EMPLOYMENT_STATUS_CODES);

/** `none`: no e-mail, so no account; `invited`: account waiting for its first password; `active`: signed in at least once. */
export const AccountStatus = z.enum(['none', 'invited', 'active', 'disabled']);

export const PersonSummary = z.object({
  id: z.string(),
  /** Always masked in lists (`1-2345-xxxxx-xx-1`). */
  citizenIdMasked: z.string(),
  titleTh: z.string(),
  firstNameTh: z.string(),
  lastNameTh: z.string(),
  firstNameEn: z.string().nullable(),
  lastNameEn: z.string().nullable(),
  email: z.string().nullable(),
  positionTh: z.string(),
  positionType: PositionTypeSchema,
  positionLevel: z.string().nullable(),
  isIt: z.boolean(),
  agency: AgencyRef,
  targetGroupCode: TargetGroupCode,
  /** `suggested` by the position rules, or set by `hr` (kept on re-import). */
  targetGroupSource: z.enum(['suggested', 'hr']),
  employmentStatus: EmploymentStatusSchema,
  accountStatus: AccountStatus,
});
export type PersonSummary = z.infer<typeof PersonSummary>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ListPersonnelQuery = z.object({
  /** The subtree to list; defaults to the caller's own scope (required when the caller has several). */
  agencyId: z.uuid().optional(),
  /** Name (Thai or English, any part), e-mail, or a full 13-digit citizen ID. */
  q: z.string().trim().max(100).optional(),
  targetGroup: TargetGroupCode.optional(),
  isIt: bool.optional(),
  status: EmploymentStatusSchema.optional(),
  positionType: PositionTypeSchema.optional(),
  /** From `nextCursor` of the previous page. */
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListPersonnelQuery = z.infer<typeof ListPersonnelQuery>;

export const PersonList = z.object({
  items: z.array(PersonSummary),
  /** Null on the last page. Sorted by Thai first name, then surname. */
  nextCursor: z.string().nullable(),
  /** Exact, or TOTAL_CAP when `isTotalCapped` (show "10,000+"). */
  total: z.number(),
  isTotalCapped: z.boolean(),
});
export type PersonList = z.infer<typeof PersonList>;

/** Text searches count at most this many matches; filters without text are counted exactly from roll-ups. */
export const TOTAL_CAP = 10_000;

export const PersonRef = z.object({ id: z.string(), nameTh: z.string(), positionTh: z.string() });

export const PersonView = PersonSummary.extend({
  titleEn: z.string().nullable(),
  supervisor: PersonRef.nullable(),
  /** What the position rules suggest now (common/people-rules.ts), whatever the group is. */
  suggestedTargetGroup: TargetGroupCode,
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({
    update: z.boolean(),
    transfer: z.boolean(),
    /** Show the full citizen ID on request (getPersonCitizenId, audit-logged). */
    revealCitizenId: z.boolean(),
    resendInvitation: z.boolean(),
    viewHistory: z.boolean(),
  }),
});
export type PersonView = z.infer<typeof PersonView>;

const citizenId = z
  .string()
  .trim()
  .refine((v) => isValidThaiId(v), 'not a valid 13-digit Thai citizen ID (check digit)');
const nameField = (max = 100) => z.string().trim().min(1).max(max);
const optionalText = (max = 100) => z.string().trim().max(max).nullable().optional();

/** The fields to change. A new target group or status is recorded in the history with the reason. */
export const UpdatePersonBody = z.strictObject({
  citizenId: citizenId.optional(),
  titleTh: nameField(40).optional(),
  firstNameTh: nameField().optional(),
  lastNameTh: nameField().optional(),
  titleEn: optionalText(40),
  firstNameEn: optionalText(),
  lastNameEn: optionalText(),
  email: z.email().max(254).nullable().optional(),
  positionTh: nameField(200).optional(),
  positionType: PositionTypeSchema.optional(),
  positionLevel: z.string().max(40).nullable().optional(),
  isIt: z.boolean().optional(),
  supervisorId: z.uuid().nullable().optional(),
  employmentStatus: EmploymentStatusSchema.optional(),
  /** A group set by HR; null goes back to the suggestion (and follows the position from then on). */
  targetGroupCode: TargetGroupCode.nullable().optional(),
  reason: z.string().trim().max(500).optional(),
});
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

export const TransferPersonBody = z.strictObject({
  agencyId: z.uuid(),
  /** The new supervisor (in the new agency's tree); the old one is cleared when omitted. */
  supervisorId: z.uuid().nullable().optional(),
  reason: z.string().trim().min(1).max(500),
});
export type TransferPersonBody = z.infer<typeof TransferPersonBody>;

export const PersonHistoryEntry = z.object({
  id: z.string(),
  kind: z.enum(['target_group', 'transfer', 'employment_status']),
  fromValue: z.string().nullable(),
  toValue: z.string(),
  /** For transfers: the agencies' Thai names (values are agency ids). */
  fromLabel: z.string().nullable(),
  toLabel: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.enum(['manual', 'import']),
  actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  at: z.string(),
});
export const PersonHistory = z.object({ items: z.array(PersonHistoryEntry) });

export const CitizenIdView = z.object({ citizenId: z.string() });

export const ExportPersonnelQuery = ListPersonnelQuery.omit({ cursor: true, limit: true }).extend({
  /** Full citizen IDs instead of masked ones: HR of the agency only; audit-logged either way. */
  includeCitizenId: bool.default(false),
});

/** What a person sees of their own record: the same view, with their citizen ID in full, and the history. */
export const MyPersonView = PersonView.omit({ abilities: true }).extend({
  citizenId: z.string(),
  history: z.array(PersonHistoryEntry),
});

// ---------------------------------------------------------------- personnel imports

export const PersonImportStatus = z.enum(['validating', 'validated', 'invalid', 'committed', 'failed', 'expired']);

export const PersonImportError = z.object({ row: z.number(), column: z.string().nullable(), code: z.string(), message: z.string() });

export const PersonImportView = z.object({
  id: z.string(),
  /**
   * validating (in the background; poll) → validated (no errors; commit it) or invalid (see errors; fix the
   * file and upload again) → committed. `failed`: the file could not be read. `expired`: never committed in time.
   */
  status: PersonImportStatus,
  format: z.enum(['csv', 'xlsx']),
  fileName: z.string().nullable(),
  byteSize: z.number(),
  /** 0–100 while validating. */
  progress: z.number(),
  totalRows: z.number(),
  errorCount: z.number(),
  errorRows: z.number(),
  /** After validation: new people, and people already known (by citizen ID) whose records will be updated. */
  toCreate: z.number(),
  toUpdate: z.number(),
  /** After commit. */
  created: z.number(),
  updated: z.number(),
  invited: z.number(),
  failure: z.string().nullable(),
  scopeAgency: AgencyRef.nullable(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  validatedAt: z.string().nullable(),
  committedAt: z.string().nullable(),
  /** A page of errors by row (errorsPage/errorsPageSize); the whole list is errors.csv. */
  errors: z.array(PersonImportError),
  abilities: z.object({ commit: z.boolean(), downloadErrors: z.boolean() }),
});
export type PersonImportView = z.infer<typeof PersonImportView>;

export const ImportPersonnelQuery = z.object({
  /** Every row must belong to this agency's subtree; defaults to the caller's scope. */
  agencyId: z.uuid().optional(),
  fileName: z.string().trim().max(200).optional(),
});

export const GetPersonImportQuery = z.object({
  errorsPage: z.coerce.number().int().min(1).default(1),
  errorsPageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const PersonImportList = z.object({ items: z.array(PersonImportView.omit({ errors: true })) });

export interface PersonColumnDoc {
  key: string;
  required?: boolean;
  th: string;
  en: string;
  example: string;
}

/** The columns of a personnel file, in the order exports write them; headers are these keys. */
export const PERSON_IMPORT_COLUMNS: readonly PersonColumnDoc[] = [
  { key: 'citizenId', required: true, th: 'เลขประจำตัวประชาชน 13 หลัก', en: '13-digit citizen ID', example: '1101700203451' },
  { key: 'titleTh', required: true, th: 'คำนำหน้าชื่อ (ไทย)', en: 'Title in Thai', example: 'นางสาว' },
  { key: 'firstNameTh', required: true, th: 'ชื่อ (ไทย)', en: 'First name in Thai', example: 'สุภาพร' },
  { key: 'lastNameTh', required: true, th: 'นามสกุล (ไทย)', en: 'Surname in Thai', example: 'ใจดี' },
  { key: 'titleEn', th: 'คำนำหน้าชื่อ (อังกฤษ)', en: 'Title in English', example: 'Ms.' },
  { key: 'firstNameEn', th: 'ชื่อ (อังกฤษ)', en: 'First name in English', example: 'Supaporn' },
  { key: 'lastNameEn', th: 'นามสกุล (อังกฤษ)', en: 'Surname in English', example: 'Jaidee' },
  {
    key: 'email',
    required: true,
    th: 'อีเมล (ใช้สร้างบัญชีผู้เรียนและส่งคำเชิญ)',
    en: 'E-mail (the learner account and its invitation)',
    example: 'supaporn.j@rd.go.th',
  },
  { key: 'positionTh', required: true, th: 'ชื่อตำแหน่ง', en: 'Position', example: 'นักวิชาการภาษีชำนาญการ' },
  {
    key: 'positionType',
    th: 'ประเภทตำแหน่ง: executive (บริหาร), director (อำนวยการ), academic (วิชาการ), general (ทั่วไป), other; ว่างได้ ระบบอนุมานจากชื่อตำแหน่ง',
    en: 'Position type: executive, director, academic, general, other; when empty, inferred from the position name',
    example: 'academic',
  },
  {
    key: 'positionLevel',
    th: 'ระดับตำแหน่ง เช่น ปฏิบัติการ ชำนาญการ ชำนาญการพิเศษ ปฏิบัติงาน ชำนาญงาน ต้น สูง (รหัสหรือคำไทย)',
    en: 'Position level, e.g. practitioner, professional, operational, primary, higher (code or Thai name)',
    example: 'ชำนาญการ',
  },
  {
    key: 'isIt',
    th: 'เป็นบุคลากรด้านไอที: yes/no; ว่างได้ ระบบอนุมานจากชื่อตำแหน่ง',
    en: 'IT personnel: yes/no; inferred from the position when empty',
    example: 'no',
  },
  { key: 'agencyCode', required: true, th: 'รหัสหน่วยงานที่สังกัด', en: 'Code of the agency the person works in', example: 'MOF-RD' },
  {
    key: 'supervisorCitizenId',
    th: 'เลขประจำตัวประชาชนของผู้บังคับบัญชา (อยู่ในไฟล์หรือในระบบ)',
    en: "Supervisor's citizen ID (in the file or already known)",
    example: '3100600123457',
  },
  {
    key: 'targetGroup',
    th: 'กลุ่มเป้าหมาย: EXECUTIVE, MANAGEMENT, ACADEMIC, SERVICE, TECHNOLOGY, OTHERS; ว่างได้ ระบบเสนอจากตำแหน่ง (หรือคงค่าที่ฝ่ายบุคคลเคยกำหนด)',
    en: 'Target group; when empty, suggested from the position (or HR’s earlier choice is kept)',
    example: 'ACADEMIC',
  },
  {
    key: 'employmentStatus',
    th: 'สถานะ: active, on_leave, suspended, retired, left; ว่าง = active',
    en: 'Status: active, on_leave, suspended, retired, left; empty = active',
    example: 'active',
  },
];

export const AGENCY_IMPORT_COLUMNS: readonly PersonColumnDoc[] = [
  { key: 'code', required: true, th: 'รหัสหน่วยงาน (ไม่ซ้ำ)', en: 'Agency code (unique)', example: 'MOF-RD-HR' },
  {
    key: 'parentCode',
    th: 'รหัสหน่วยงานต้นสังกัด (ในไฟล์หรือในระบบ); ว่าง = ระดับบนสุด',
    en: 'Parent agency code (in the file or known); empty = top level',
    example: 'MOF-RD',
  },
  { key: 'nameTh', required: true, th: 'ชื่อหน่วยงาน (ไทย)', en: 'Name in Thai', example: 'สำนักบริหารทรัพยากรบุคคล' },
  { key: 'nameEn', required: true, th: 'ชื่อหน่วยงาน (อังกฤษ)', en: 'Name in English', example: 'Human Resource Management Bureau' },
  {
    key: 'kind',
    required: true,
    th: 'ประเภท: ministry, department, division, unit, province, local',
    en: 'Kind: ministry, department, division, unit, province, local',
    example: 'division',
  },
  { key: 'provinceCode', th: 'รหัสจังหวัดที่ตั้ง 2 หลัก', en: 'Two-digit province code of the office', example: '10' },
];

export const ImportColumnsView = z.object({
  personnel: z.array(z.object({ key: z.string(), required: z.boolean().optional(), th: z.string(), en: z.string(), example: z.string() })),
  agencies: z.array(z.object({ key: z.string(), required: z.boolean().optional(), th: z.string(), en: z.string(), example: z.string() })),
});
