/**
 * Personnel vocabulary and the rules that suggest a person's target group, shared by the server (import,
 * updates) and the web app (forms show the suggestion as the user types). The suggestion is a rule of
 * thumb, clearly labelled as such: HR may always set another group, and that choice is kept (and its
 * history recorded) until HR changes it again.
 */

export const TARGET_GROUP_CODES = ['EXECUTIVE', 'MANAGEMENT', 'ACADEMIC', 'SERVICE', 'TECHNOLOGY', 'OTHERS'] as const;
export type TargetGroupCode = (typeof TARGET_GROUP_CODES)[number];

interface Label<T extends string = string> {
  code: T;
  th: string;
  en: string;
}

export const POSITION_TYPE_CODES = ['executive', 'director', 'academic', 'general', 'other'] as const;
export type PositionType = (typeof POSITION_TYPE_CODES)[number];

export const EMPLOYMENT_STATUS_CODES = ['active', 'on_leave', 'suspended', 'retired', 'left'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUS_CODES)[number];

/** Position types of the civil service (พ.ร.บ. ระเบียบข้าราชการพลเรือน 2551), plus `other` for everyone else. */
export const POSITION_TYPES: readonly Label<PositionType>[] = [
  { code: 'executive', th: 'บริหาร', en: 'Executive' },
  { code: 'director', th: 'อำนวยการ', en: 'Director (managerial)' },
  { code: 'academic', th: 'วิชาการ', en: 'Academic (knowledge worker)' },
  { code: 'general', th: 'ทั่วไป', en: 'General' },
  { code: 'other', th: 'อื่น ๆ (พนักงานราชการ ลูกจ้าง ข้าราชการประเภทอื่น)', en: 'Other (government employees, other services)' },
];

/** The levels each position type has; `other` has none. */
export const POSITION_LEVELS: Record<PositionType, readonly Label[]> = {
  executive: [
    { code: 'primary', th: 'ต้น', en: 'Primary' },
    { code: 'higher', th: 'สูง', en: 'Higher' },
  ],
  director: [
    { code: 'primary', th: 'ต้น', en: 'Primary' },
    { code: 'higher', th: 'สูง', en: 'Higher' },
  ],
  academic: [
    { code: 'practitioner', th: 'ปฏิบัติการ', en: 'Practitioner' },
    { code: 'professional', th: 'ชำนาญการ', en: 'Professional' },
    { code: 'senior_professional', th: 'ชำนาญการพิเศษ', en: 'Senior professional' },
    { code: 'expert', th: 'เชี่ยวชาญ', en: 'Expert' },
    { code: 'advisory', th: 'ทรงคุณวุฒิ', en: 'Advisory' },
  ],
  general: [
    { code: 'operational', th: 'ปฏิบัติงาน', en: 'Operational' },
    { code: 'experienced', th: 'ชำนาญงาน', en: 'Experienced' },
    { code: 'senior', th: 'อาวุโส', en: 'Senior' },
    { code: 'highly_skilled', th: 'ทักษะพิเศษ', en: 'Highly skilled' },
  ],
  other: [],
};

export const EMPLOYMENT_STATUSES: readonly Label<EmploymentStatus>[] = [
  { code: 'active', th: 'ปฏิบัติราชการ', en: 'Active' },
  { code: 'on_leave', th: 'ลาศึกษา/ลาพัก', en: 'On leave' },
  { code: 'suspended', th: 'พักราชการ', en: 'Suspended' },
  { code: 'retired', th: 'เกษียณ', en: 'Retired' },
  { code: 'left', th: 'พ้นจากราชการ/ลาออก', en: 'Left the service' },
];

/** Finds a code from its code or its Thai or English label (imports accept any of them). */
export function codeOf<T extends string>(items: readonly { code: T; th: string; en: string }[], raw: string): T | undefined {
  const v = raw.trim().toLowerCase();
  if (!v) return undefined;
  return items.find((i) => i.code === v || i.th.toLowerCase() === v || i.en.toLowerCase() === v)?.code;
}

// Level names at the end of a Thai position name ("นักวิชาการภาษีชำนาญการพิเศษ"); longest first.
const LEVEL_SUFFIXES: readonly { type: PositionType; level: string; th: string }[] = (['academic', 'general'] as const)
  .flatMap((type) => POSITION_LEVELS[type].map((l) => ({ type, level: l.code, th: l.th })))
  .sort((a, b) => b.th.length - a.th.length);

const EXECUTIVE_TITLES = /^(รอง)?(ปลัดกระทรวง|ปลัดกรุงเทพมหานคร|อธิบดี|เลขาธิการ|ผู้ว่าราชการ|ผู้ตรวจราชการ)/;
const DIRECTOR_TITLES = /^(ผู้อำนวยการ|หัวหน้าสำนักงาน|ปลัดจังหวัด|สถิติจังหวัด|คลังจังหวัด|พัฒนาการจังหวัด)/;

/**
 * The position type and level a Thai position name implies, when the file does not say: a level name at
 * the end (ชำนาญการ → academic, ชำนาญงาน → general), or a head-of-agency or director title.
 */
export function inferPosition(positionTh: string): { type: PositionType; level: string | null } | null {
  const p = positionTh.replace(/\s+/g, '');
  for (const s of LEVEL_SUFFIXES) if (p.endsWith(s.th)) return { type: s.type, level: s.level };
  if (EXECUTIVE_TITLES.test(p)) return { type: 'executive', level: null };
  if (DIRECTOR_TITLES.test(p)) return { type: 'director', level: null };
  return null;
}

/** Position names of IT personnel (TECHNOLOGY target group), Thai and English. */
export const IT_POSITION_PATTERN =
  /คอมพิวเตอร์|เทคโนโลยีสารสนเทศ|สารสนเทศ|ดิจิทัล|ไอที|ข้อมูลขนาดใหญ่|ความมั่นคงปลอดภัยไซเบอร์|computer|information technology|\bit\b|digital|software|data engineer|cyber/i;

/** Front-line service positions (SERVICE target group): care, registration, public relations, social work. */
export const SERVICE_POSITION_PATTERN =
  /พยาบาล|แพทย์|ทันตแพทย์|เภสัชกร|เจ้าพนักงานสาธารณสุข|เจ้าพนักงานปกครอง|เจ้าพนักงานทะเบียน|ประชาสัมพันธ์|สังคมสงเคราะห์|บริการ|ครู|nurse|physician|public relations|social work|service/i;

/** Whether a position name reads as an IT position (used when the file leaves the IT column empty). */
export const isItPosition = (positionTh: string) => IT_POSITION_PATTERN.test(positionTh);

/** The suggestion rules, in order; the first that matches gives the group. Shown on the page as written here. */
export const TARGET_GROUP_RULES: readonly { group: TargetGroupCode; th: string; en: string }[] = [
  { group: 'EXECUTIVE', th: 'ตำแหน่งประเภทบริหาร', en: 'Position type executive' },
  { group: 'MANAGEMENT', th: 'ตำแหน่งประเภทอำนวยการ (ผู้อำนวยการสำนัก/กอง)', en: 'Position type director (bureau or division directors)' },
  { group: 'TECHNOLOGY', th: 'ตำแหน่งด้านเทคโนโลยีดิจิทัล (IT)', en: 'An IT position' },
  {
    group: 'SERVICE',
    th: 'ตำแหน่งที่ให้บริการประชาชนโดยตรง (เช่น พยาบาล เจ้าพนักงานปกครอง นักประชาสัมพันธ์)',
    en: 'A front-line service position (e.g. nurse, registrar, public relations)',
  },
  { group: 'ACADEMIC', th: 'ตำแหน่งประเภทวิชาการ', en: 'Position type academic' },
  { group: 'OTHERS', th: 'ตำแหน่งอื่นทั้งหมด', en: 'Any other position' },
];

/** The target group the rules suggest for a position (see TARGET_GROUP_RULES); HR may set another. */
export function suggestTargetGroup(p: { positionType: PositionType; positionTh: string; isIt: boolean }): TargetGroupCode {
  if (p.positionType === 'executive') return 'EXECUTIVE';
  if (p.positionType === 'director') return 'MANAGEMENT';
  if (p.isIt) return 'TECHNOLOGY';
  if (SERVICE_POSITION_PATTERN.test(p.positionTh)) return 'SERVICE';
  if (p.positionType === 'academic') return 'ACADEMIC';
  return 'OTHERS';
}
