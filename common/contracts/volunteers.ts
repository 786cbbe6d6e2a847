import { z } from 'zod';
import { isValidThaiId } from '../citizen-id.js';

// ---------------------------------------------------------------- places

export const PlaceView = z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() });
export type PlaceView = z.infer<typeof PlaceView>;

export const PlaceList = z.object({ items: z.array(PlaceView) });

export const PlacesQuery = z.object({
  /** Children of this code: none → provinces, 2 digits → districts, 4 → subdistricts. */
  parent: z
    .string()
    .regex(/^(\d{2}|\d{4})$/)
    .optional(),
});

export const VillageView = z.object({
  id: z.string(),
  moo: z.number(),
  nameTh: z.string(),
  subdistrictCode: z.string(),
  districtCode: z.string(),
  provinceCode: z.string(),
});
export type VillageView = z.infer<typeof VillageView>;

export const VillagesQuery = z.object({ subdistrict: z.string().regex(/^\d{6}$/) });
export const VillageList = z.object({ items: z.array(VillageView) });

export const CreateVillageBody = z.object({
  subdistrictCode: z.string().regex(/^\d{6}$/),
  moo: z.number().int().min(1).max(99),
  nameTh: z.string().trim().min(1).max(120),
});
export type CreateVillageBody = z.infer<typeof CreateVillageBody>;

/** Where a place sits, named in both languages (for cards and lists). */
export const PlacePath = z.object({
  village: z.object({ id: z.string(), moo: z.number(), nameTh: z.string() }),
  subdistrict: PlaceView,
  district: PlaceView,
  province: PlaceView,
});
export type PlacePath = z.infer<typeof PlacePath>;

// ---------------------------------------------------------------- volunteers

export const VOLUNTEER_LEVELS = ['village', 'subdistrict', 'district_leader', 'provincial'] as const;
export const VolunteerLevel = z.enum(VOLUNTEER_LEVELS);
export type VolunteerLevel = z.infer<typeof VolunteerLevel>;

export const VOLUNTEER_STATUSES = ['pending', 'active', 'rejected', 'inactive'] as const;
export const VolunteerStatus = z.enum(VOLUNTEER_STATUSES);
export type VolunteerStatus = z.infer<typeof VolunteerStatus>;

/** The privacy notice a volunteer consents to; a new text gets a new version. */
export const VOLUNTEER_PRIVACY_NOTICE_VERSION = '2569-1';

const phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^0\d{8,9}$/, 'a Thai phone number of 9 or 10 digits starting with 0'));

export const RegisterVolunteerBody = z.object({
  citizenId: z.string().trim().refine(isValidThaiId, 'not a valid 13-digit Thai citizen ID'),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  phone,
  lineId: z.string().trim().max(50).optional(),
  /** Sign-in e-mail of the account opened on approval; omitted when a signed-in user registers. */
  email: z.email().max(200).optional(),
  /** The password of the account opened when a coordinator approves; omitted when a signed-in user registers. */
  password: z.string().min(10).max(200).optional(),
  villageId: z.uuid(),
  occupation: z.string().trim().min(1).max(100),
  skills: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
  consent: z.object({ accepted: z.literal(true), version: z.literal(VOLUNTEER_PRIVACY_NOTICE_VERSION) }),
});
export type RegisterVolunteerBody = z.input<typeof RegisterVolunteerBody>;

export const VolunteerView = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  /** Always masked (`1-2345-xxxxx-xx-1`). */
  citizenIdMasked: z.string(),
  phone: z.string(),
  lineId: z.string().nullable(),
  email: z.string(),
  occupation: z.string(),
  skills: z.array(z.string()),
  place: PlacePath,
  status: VolunteerStatus,
  level: VolunteerLevel,
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  consentVersion: z.string(),
  consentedAt: z.string(),
  createdAt: z.string(),
  /** The public verification address for the card (active volunteers; only for the volunteer and coordinators). */
  cardUrl: z.string().nullable(),
  abilities: z.object({ approve: z.boolean(), setLevel: z.boolean(), deactivate: z.boolean(), logActivity: z.boolean() }),
});
export type VolunteerView = z.infer<typeof VolunteerView>;

export const ListVolunteersQuery = z.object({
  status: VolunteerStatus.optional(),
  /** A province (2 digits) or district (4 digits) inside the caller's scope. */
  area: z
    .string()
    .regex(/^(\d{2}|\d{4})$/)
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const VolunteerList = z.object({ items: z.array(VolunteerView), total: z.number(), page: z.number(), pageSize: z.number() });

export const DecideVolunteerBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), level: VolunteerLevel.default('village') }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(3).max(500) }),
]);
export type DecideVolunteerBody = z.input<typeof DecideVolunteerBody>;

export const SetVolunteerLevelBody = z.object({ level: VolunteerLevel });
export const DeactivateVolunteerBody = z.object({ reason: z.string().trim().min(3).max(500) });

/** What the public verification page (the card's QR code) shows: no ID, phone or address beyond the district. */
export const VolunteerCardVerification = z.object({
  firstName: z.string(),
  lastNameInitial: z.string(),
  level: VolunteerLevel,
  status: VolunteerStatus,
  isValid: z.boolean(),
  district: PlaceView,
  province: PlaceView,
  since: z.string().nullable(),
  /** Every item of the volunteer curriculum done (decision 012). */
  onboardingComplete: z.boolean(),
});
export type VolunteerCardVerification = z.infer<typeof VolunteerCardVerification>;

// ---------------------------------------------------------------- activities

export const ACTIVITY_TOPICS = [
  'ecommerce',
  'eagriculture',
  'mooc',
  'coding',
  'digital_literacy',
  'egovernment',
  'scam_awareness',
  'other',
] as const;
export const ActivityTopic = z.enum(ACTIVITY_TOPICS);
export type ActivityTopic = z.infer<typeof ActivityTopic>;

/** A date as YYYY-MM-DD. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const LogActivityBody = z.object({
  /** Generated by the client (UUID), so a retried upload from the offline queue is recorded once. */
  id: z.uuid(),
  topic: ActivityTopic,
  peopleHelped: z.number().int().min(1).max(10000),
  /** Defaults to the volunteer's home village. */
  villageId: z.uuid().optional(),
  activityDate: isoDate,
  note: z.string().trim().max(1000).optional(),
  /** An optional photo as a data: URL (JPEG, PNG or WebP, at most 2 MB). */
  photo: z.string().max(3_000_000).optional(),
});
export type LogActivityBody = z.infer<typeof LogActivityBody>;

export const ActivityView = z.object({
  id: z.string(),
  topic: ActivityTopic,
  peopleHelped: z.number(),
  villageId: z.string(),
  activityDate: z.string(),
  note: z.string().nullable(),
  hasPhoto: z.boolean(),
  createdAt: z.string(),
});
export type ActivityView = z.infer<typeof ActivityView>;
export const ActivityList = z.object({ items: z.array(ActivityView) });

/** A volunteer's own page: their record, latest activities and totals. */
export const MyVolunteerView = z.object({
  volunteer: VolunteerView.nullable(),
  activities: z.array(ActivityView),
  totals: z.object({ activities: z.number(), people: z.number() }),
});
export type MyVolunteerView = z.infer<typeof MyVolunteerView>;

// ---------------------------------------------------------------- coverage

export const CoverageQuery = z.object({
  /** Nothing for the nation, 2 digits for a province, 4 for a district. */
  area: z
    .string()
    .regex(/^(\d{2}|\d{4})$/)
    .optional(),
});

export const CoverageRow = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  villages: z.number(),
  villagesCovered: z.number(),
  volunteers: z.number(),
  pending: z.number(),
  /** Districts (for provinces) or the district itself (1/0) with a leader. */
  districtsWithLeader: z.number(),
  districts: z.number(),
  districtsCovered: z.number(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const CoverageView = z.object({
  level: z.enum(['nation', 'province', 'district']),
  area: PlaceView.nullable(),
  /** Breadcrumb from the nation down to the parent of `area`. */
  parents: z.array(PlaceView),
  totals: CoverageRow,
  /** The areas one level down (provinces, districts or subdistricts). */
  rows: z.array(CoverageRow),
  months: z.array(z.object({ month: z.string(), activities: z.number(), people: z.number() })),
  /** District level: villages with no active volunteer (first 200). */
  villagesWithoutVolunteer: z.array(z.object({ id: z.string(), moo: z.number(), nameTh: z.string(), subdistrictCode: z.string() })),
});
export type CoverageView = z.infer<typeof CoverageView>;

export const CoverageExportQuery = CoverageQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
