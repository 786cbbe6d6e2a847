/**
 * Static lists behind the demo dataset. Agency, university and institute names are real public bodies;
 * companies and foundations are fictional and say so in their names. Nothing here is official data about
 * any real person: people are generated from lists of common Thai names. Kept free of server imports so
 * the README and the login page can read DEMO_ACCOUNTS.
 */
import type { Role } from '../../../../common/permissions.js';

/** Every demo account signs in with this password; it is printed on the login page, so demo data never loads in production. */
export const DEMO_PASSWORD = 'thaksa-demo';
export const DEMO_EMAIL_DOMAIN = 'demo.thaksa.local';

export type TargetGroupCode = 'EXECUTIVE' | 'MANAGEMENT' | 'ACADEMIC' | 'SERVICE' | 'TECHNOLOGY' | 'OTHERS';
export type AgencyKind = 'ministry' | 'department' | 'division' | 'unit' | 'province' | 'local';

/** Civil-service position lines; `ladder` says which level names follow the line (academic or general type). */
export const POSITIONS = {
  computer: { th: 'นักวิชาการคอมพิวเตอร์', group: 'TECHNOLOGY', isIt: true, ladder: 'academic', weight: 3 },
  computerTech: { th: 'เจ้าพนักงานเครื่องคอมพิวเตอร์', group: 'TECHNOLOGY', isIt: true, ladder: 'general', weight: 1 },
  policy: { th: 'นักวิเคราะห์นโยบายและแผน', group: 'ACADEMIC', isIt: false, ladder: 'academic', weight: 3 },
  hr: { th: 'นักทรัพยากรบุคคล', group: 'ACADEMIC', isIt: false, ladder: 'academic', weight: 2 },
  generalAdmin: { th: 'นักจัดการงานทั่วไป', group: 'ACADEMIC', isIt: false, ladder: 'academic', weight: 2 },
  finance: { th: 'นักวิชาการเงินและบัญชี', group: 'ACADEMIC', isIt: false, ladder: 'academic', weight: 1 },
  legal: { th: 'นิติกร', group: 'ACADEMIC', isIt: false, ladder: 'academic', weight: 1 },
  internalAudit: { th: 'นักวิชาการตรวจสอบภายใน', group: 'ACADEMIC', isIt: false, ladder: 'academic', weight: 1 },
  publicRelations: { th: 'นักประชาสัมพันธ์', group: 'SERVICE', isIt: false, ladder: 'academic', weight: 1 },
  clerk: { th: 'เจ้าพนักงานธุรการ', group: 'OTHERS', isIt: false, ladder: 'general', weight: 3 },
  supplies: { th: 'เจ้าพนักงานพัสดุ', group: 'OTHERS', isIt: false, ladder: 'general', weight: 1 },
  accountsClerk: { th: 'เจ้าพนักงานการเงินและบัญชี', group: 'OTHERS', isIt: false, ladder: 'general', weight: 1 },
  tax: { th: 'นักวิชาการภาษี', group: 'ACADEMIC', isIt: false, ladder: 'academic', weight: 0 },
  treasury: { th: 'นักวิชาการคลัง', group: 'ACADEMIC', isIt: false, ladder: 'academic', weight: 0 },
  statistics: { th: 'นักวิชาการสถิติ', group: 'ACADEMIC', isIt: false, ladder: 'academic', weight: 0 },
  publicHealth: { th: 'นักวิชาการสาธารณสุข', group: 'ACADEMIC', isIt: false, ladder: 'academic', weight: 0 },
  healthOfficer: { th: 'เจ้าพนักงานสาธารณสุข', group: 'SERVICE', isIt: false, ladder: 'general', weight: 0 },
  nurse: { th: 'พยาบาลวิชาชีพ', group: 'SERVICE', isIt: false, ladder: 'academic', weight: 0 },
  administration: { th: 'เจ้าพนักงานปกครอง', group: 'SERVICE', isIt: false, ladder: 'general', weight: 0 },
  publicSectorDevelopment: { th: 'นักพัฒนาระบบราชการ', group: 'ACADEMIC', isIt: false, ladder: 'academic', weight: 0 },
} as const satisfies Record<string, { th: string; group: TargetGroupCode; isIt: boolean; ladder: 'academic' | 'general'; weight: number }>;
export type PositionKey = keyof typeof POSITIONS;

/** Level names that follow a position line, with how often each occurs among the demo staff. */
export const LEVELS: Record<'academic' | 'general', readonly { th: string; weight: number }[]> = {
  academic: [
    { th: 'ปฏิบัติการ', weight: 4 },
    { th: 'ชำนาญการ', weight: 4 },
    { th: 'ชำนาญการพิเศษ', weight: 2 },
  ],
  general: [
    { th: 'ปฏิบัติงาน', weight: 4 },
    { th: 'ชำนาญงาน', weight: 4 },
    { th: 'อาวุโส', weight: 2 },
  ],
};

export interface DemoAgency {
  code: string;
  parentCode: string | null;
  nameTh: string;
  nameEn: string;
  kind: AgencyKind;
  /** TIS-1099 province code of the head office: 10 Bangkok, 12 Nonthaburi, 50 Chiang Mai. */
  provinceCode: string;
  /** People working here, including the head; 0 for ministries, whose staff sit in their departments here. */
  headcount: number;
  head?: { th: string; group: 'EXECUTIVE' | 'MANAGEMENT' };
  deputyTh?: string;
  /** Managers who supervise the staff of a department that has no divisions in the demo tree. */
  directors?: { th: string; count: number };
  /** An ICT unit: its head counts as IT personnel. */
  isIt?: boolean;
  /** Extra weight for position lines typical of the agency. */
  boost?: Partial<Record<PositionKey, number>>;
  /** Positions given to the first staff, so the people demo accounts are linked to exist whatever the draw. */
  leads?: PositionKey[];
}

/** The demo agency tree: ministry → department → division, plus Bangkok (local) and one province. */
export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    code: 'OPM',
    parentCode: null,
    kind: 'ministry',
    provinceCode: '10',
    headcount: 0,
    nameTh: 'สำนักนายกรัฐมนตรี',
    nameEn: 'Office of the Prime Minister',
  },
  {
    code: 'OPM-OCSC',
    parentCode: 'OPM',
    kind: 'department',
    provinceCode: '12',
    headcount: 24,
    nameTh: 'สำนักงานคณะกรรมการข้าราชการพลเรือน (สำนักงาน ก.พ.)',
    nameEn: 'Office of the Civil Service Commission (OCSC)',
    head: { th: 'เลขาธิการ ก.พ.', group: 'EXECUTIVE' },
    deputyTh: 'รองเลขาธิการ ก.พ.',
    directors: { th: 'ผู้อำนวยการกอง', count: 2 },
    boost: { hr: 8, policy: 3 },
    leads: ['hr', 'hr'],
  },
  {
    code: 'OPM-OPDC',
    parentCode: 'OPM',
    kind: 'department',
    provinceCode: '10',
    headcount: 14,
    nameTh: 'สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.)',
    nameEn: 'Office of the Public Sector Development Commission (OPDC)',
    head: { th: 'เลขาธิการ ก.พ.ร.', group: 'EXECUTIVE' },
    deputyTh: 'รองเลขาธิการ ก.พ.ร.',
    directors: { th: 'ผู้อำนวยการกอง', count: 1 },
    boost: { publicSectorDevelopment: 8 },
    leads: ['publicSectorDevelopment'],
  },
  {
    code: 'MDES',
    parentCode: null,
    kind: 'ministry',
    provinceCode: '10',
    headcount: 0,
    nameTh: 'กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม',
    nameEn: 'Ministry of Digital Economy and Society (MDES)',
  },
  {
    code: 'MDES-ONDE',
    parentCode: 'MDES',
    kind: 'department',
    provinceCode: '10',
    headcount: 22,
    nameTh: 'สำนักงานคณะกรรมการดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งชาติ (สดช.)',
    nameEn: 'Office of the National Digital Economy and Society Commission (ONDE)',
    head: { th: 'เลขาธิการคณะกรรมการดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งชาติ', group: 'EXECUTIVE' },
    deputyTh: 'รองเลขาธิการคณะกรรมการดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งชาติ',
    directors: { th: 'ผู้อำนวยการกอง', count: 2 },
    boost: { computer: 4, policy: 4 },
    leads: ['policy'],
  },
  {
    code: 'MDES-ONDE-DSD',
    parentCode: 'MDES-ONDE',
    kind: 'division',
    provinceCode: '10',
    headcount: 10,
    nameTh: 'กองขับเคลื่อนดิจิทัลเพื่อสังคม',
    nameEn: 'Digital for Society Division',
    head: { th: 'ผู้อำนวยการกองขับเคลื่อนดิจิทัลเพื่อสังคม', group: 'MANAGEMENT' },
    boost: { policy: 4, publicRelations: 3, computer: 2 },
    leads: ['publicRelations'],
  },
  {
    code: 'MDES-NSO',
    parentCode: 'MDES',
    kind: 'department',
    provinceCode: '10',
    headcount: 19,
    nameTh: 'สำนักงานสถิติแห่งชาติ',
    nameEn: 'National Statistical Office (NSO)',
    head: { th: 'ผู้อำนวยการสำนักงานสถิติแห่งชาติ', group: 'EXECUTIVE' },
    deputyTh: 'รองผู้อำนวยการสำนักงานสถิติแห่งชาติ',
    directors: { th: 'ผู้อำนวยการกอง', count: 2 },
    boost: { statistics: 8, computer: 2 },
  },
  {
    code: 'MDES-NSO-CMI',
    parentCode: 'MDES-NSO',
    kind: 'division',
    provinceCode: '50',
    headcount: 10,
    nameTh: 'สำนักงานสถิติจังหวัดเชียงใหม่',
    nameEn: 'Chiang Mai Provincial Statistical Office',
    head: { th: 'สถิติจังหวัดเชียงใหม่', group: 'MANAGEMENT' },
    boost: { statistics: 6 },
    leads: ['statistics'],
  },
  {
    code: 'MOF',
    parentCode: null,
    kind: 'ministry',
    provinceCode: '10',
    headcount: 0,
    nameTh: 'กระทรวงการคลัง',
    nameEn: 'Ministry of Finance (MOF)',
  },
  {
    code: 'MOF-RD',
    parentCode: 'MOF',
    kind: 'department',
    provinceCode: '10',
    headcount: 36,
    nameTh: 'กรมสรรพากร',
    nameEn: 'The Revenue Department',
    head: { th: 'อธิบดีกรมสรรพากร', group: 'EXECUTIVE' },
    deputyTh: 'รองอธิบดีกรมสรรพากร',
    directors: { th: 'ผู้อำนวยการสำนัก', count: 3 },
    boost: { tax: 10, computer: 2 },
    leads: ['tax'],
  },
  {
    code: 'MOF-RD-HR',
    parentCode: 'MOF-RD',
    kind: 'division',
    provinceCode: '10',
    headcount: 12,
    nameTh: 'สำนักบริหารทรัพยากรบุคคล',
    nameEn: 'Human Resource Management Bureau',
    head: { th: 'ผู้อำนวยการสำนักบริหารทรัพยากรบุคคล', group: 'MANAGEMENT' },
    boost: { hr: 10 },
    leads: ['hr'],
  },
  {
    code: 'MOF-CGD',
    parentCode: 'MOF',
    kind: 'department',
    provinceCode: '10',
    headcount: 18,
    nameTh: 'กรมบัญชีกลาง',
    nameEn: "The Comptroller General's Department",
    head: { th: 'อธิบดีกรมบัญชีกลาง', group: 'EXECUTIVE' },
    deputyTh: 'รองอธิบดีกรมบัญชีกลาง',
    directors: { th: 'ผู้อำนวยการกอง', count: 2 },
    boost: { treasury: 6, finance: 4, accountsClerk: 2 },
  },
  {
    code: 'MOI',
    parentCode: null,
    kind: 'ministry',
    provinceCode: '10',
    headcount: 0,
    nameTh: 'กระทรวงมหาดไทย',
    nameEn: 'Ministry of Interior (MOI)',
  },
  {
    code: 'MOI-DOPA',
    parentCode: 'MOI',
    kind: 'department',
    provinceCode: '10',
    headcount: 20,
    nameTh: 'กรมการปกครอง',
    nameEn: 'Department of Provincial Administration (DOPA)',
    head: { th: 'อธิบดีกรมการปกครอง', group: 'EXECUTIVE' },
    deputyTh: 'รองอธิบดีกรมการปกครอง',
    directors: { th: 'ผู้อำนวยการกอง', count: 2 },
    boost: { administration: 8 },
  },
  {
    code: 'MOI-DOPA-BORA',
    parentCode: 'MOI-DOPA',
    kind: 'division',
    provinceCode: '10',
    headcount: 12,
    nameTh: 'สำนักบริหารการทะเบียน',
    nameEn: 'Bureau of Registration Administration (BORA)',
    head: { th: 'ผู้อำนวยการสำนักบริหารการทะเบียน', group: 'MANAGEMENT' },
    boost: { administration: 5, computer: 5, computerTech: 2 },
  },
  {
    code: 'MOI-DLA',
    parentCode: 'MOI',
    kind: 'department',
    provinceCode: '10',
    headcount: 16,
    nameTh: 'กรมส่งเสริมการปกครองท้องถิ่น',
    nameEn: 'Department of Local Administration (DLA)',
    head: { th: 'อธิบดีกรมส่งเสริมการปกครองท้องถิ่น', group: 'EXECUTIVE' },
    deputyTh: 'รองอธิบดีกรมส่งเสริมการปกครองท้องถิ่น',
    directors: { th: 'ผู้อำนวยการกอง', count: 2 },
    boost: { policy: 3, legal: 2 },
  },
  {
    code: 'MOPH',
    parentCode: null,
    kind: 'ministry',
    provinceCode: '12',
    headcount: 0,
    nameTh: 'กระทรวงสาธารณสุข',
    nameEn: 'Ministry of Public Health (MOPH)',
  },
  {
    code: 'MOPH-OPS',
    parentCode: 'MOPH',
    kind: 'department',
    provinceCode: '12',
    headcount: 12,
    nameTh: 'สำนักงานปลัดกระทรวงสาธารณสุข',
    nameEn: 'Office of the Permanent Secretary, Ministry of Public Health',
    head: { th: 'ปลัดกระทรวงสาธารณสุข', group: 'EXECUTIVE' },
    deputyTh: 'รองปลัดกระทรวงสาธารณสุข',
    directors: { th: 'ผู้อำนวยการกอง', count: 2 },
    boost: { publicHealth: 4, policy: 2 },
  },
  {
    code: 'MOPH-OPS-ICT',
    parentCode: 'MOPH-OPS',
    kind: 'division',
    provinceCode: '12',
    headcount: 12,
    nameTh: 'ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร',
    nameEn: 'Information and Communication Technology Center',
    head: { th: 'ผู้อำนวยการศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร', group: 'MANAGEMENT' },
    isIt: true,
    boost: { computer: 12, computerTech: 4 },
    leads: ['computer'],
  },
  {
    code: 'MOPH-DDC',
    parentCode: 'MOPH',
    kind: 'department',
    provinceCode: '12',
    headcount: 18,
    nameTh: 'กรมควบคุมโรค',
    nameEn: 'Department of Disease Control (DDC)',
    head: { th: 'อธิบดีกรมควบคุมโรค', group: 'EXECUTIVE' },
    deputyTh: 'รองอธิบดีกรมควบคุมโรค',
    directors: { th: 'ผู้อำนวยการกอง', count: 2 },
    boost: { publicHealth: 6, nurse: 2, healthOfficer: 2 },
  },
  {
    code: 'MOPH-DDC-EPI',
    parentCode: 'MOPH-DDC',
    kind: 'division',
    provinceCode: '12',
    headcount: 10,
    nameTh: 'กองระบาดวิทยา',
    nameEn: 'Division of Epidemiology',
    head: { th: 'ผู้อำนวยการกองระบาดวิทยา', group: 'MANAGEMENT' },
    boost: { publicHealth: 8, statistics: 2, computer: 1 },
  },
  {
    code: 'BMA',
    parentCode: null,
    kind: 'local',
    provinceCode: '10',
    headcount: 0,
    nameTh: 'กรุงเทพมหานคร',
    nameEn: 'Bangkok Metropolitan Administration (BMA)',
  },
  {
    code: 'BMA-CSC',
    parentCode: 'BMA',
    kind: 'department',
    provinceCode: '10',
    headcount: 12,
    nameTh: 'สำนักงานคณะกรรมการข้าราชการกรุงเทพมหานคร (สำนักงาน ก.ก.)',
    nameEn: 'Office of the Bangkok Metropolitan Civil Service Commission',
    head: { th: 'หัวหน้าสำนักงาน ก.ก.', group: 'EXECUTIVE' },
    deputyTh: 'รองหัวหน้าสำนักงาน ก.ก.',
    directors: { th: 'ผู้อำนวยการกอง', count: 1 },
    boost: { hr: 8 },
  },
  {
    code: 'BMA-CSC-CSDI',
    parentCode: 'BMA-CSC',
    kind: 'division',
    provinceCode: '10',
    headcount: 10,
    nameTh: 'สถาบันพัฒนาข้าราชการกรุงเทพมหานคร',
    nameEn: 'Bangkok Metropolitan Administration Civil Servant Development Institute',
    head: { th: 'ผู้อำนวยการสถาบันพัฒนาข้าราชการกรุงเทพมหานคร', group: 'MANAGEMENT' },
    boost: { hr: 8, computer: 1 },
  },
  {
    code: 'CMI',
    parentCode: null,
    kind: 'province',
    provinceCode: '50',
    headcount: 3,
    nameTh: 'จังหวัดเชียงใหม่',
    nameEn: 'Chiang Mai Province',
    head: { th: 'ผู้ว่าราชการจังหวัดเชียงใหม่', group: 'EXECUTIVE' },
    deputyTh: 'รองผู้ว่าราชการจังหวัดเชียงใหม่',
    directors: { th: 'ปลัดจังหวัดเชียงใหม่', count: 1 },
  },
  {
    code: 'CMI-PO',
    parentCode: 'CMI',
    kind: 'division',
    provinceCode: '50',
    headcount: 10,
    nameTh: 'สำนักงานจังหวัดเชียงใหม่',
    nameEn: 'Chiang Mai Provincial Office',
    head: { th: 'หัวหน้าสำนักงานจังหวัดเชียงใหม่', group: 'MANAGEMENT' },
    boost: { policy: 4, generalAdmin: 3 },
  },
  // Appended (never inserted above), so the people generated for the agencies above stay the same.
  {
    code: 'MOF-RD-HR-DEV',
    parentCode: 'MOF-RD-HR',
    kind: 'unit',
    provinceCode: '10',
    headcount: 6,
    nameTh: 'กลุ่มงานพัฒนาบุคลากร',
    nameEn: 'Staff Development Group',
    head: { th: 'หัวหน้ากลุ่มงานพัฒนาบุคลากร', group: 'MANAGEMENT' },
    boost: { hr: 10, computer: 1 },
  },
  {
    code: 'BMA-PTW',
    parentCode: 'BMA',
    kind: 'division',
    provinceCode: '10',
    headcount: 6,
    nameTh: 'สำนักงานเขตปทุมวัน',
    nameEn: 'Pathum Wan District Office',
    head: { th: 'ผู้อำนวยการเขตปทุมวัน', group: 'MANAGEMENT' },
    boost: { administration: 6, clerk: 2 },
  },
];

export interface DemoProvider {
  key: string;
  nameTh: string;
  nameEn: string;
  kind: 'government' | 'university' | 'company' | 'foundation';
  provinceCode: string;
  status: 'verified' | 'pending';
}

/** Real public institutes and universities, plus fictional companies and a foundation labelled as demo data. */
export const DEMO_PROVIDERS: readonly DemoProvider[] = [
  {
    key: 'tdga',
    nameTh: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล',
    nameEn: 'Thailand Digital Government Academy (TDGA)',
    kind: 'government',
    provinceCode: '10',
    status: 'verified',
  },
  {
    key: 'kmutt',
    nameTh: 'มหาวิทยาลัยเทคโนโลยีพระจอมเกล้าธนบุรี',
    nameEn: "King Mongkut's University of Technology Thonburi (KMUTT)",
    kind: 'university',
    provinceCode: '10',
    status: 'verified',
  },
  { key: 'cmu', nameTh: 'มหาวิทยาลัยเชียงใหม่', nameEn: 'Chiang Mai University', kind: 'university', provinceCode: '50', status: 'verified' },
  {
    key: 'demo-academy',
    nameTh: 'บริษัท ดิจิทัลสกิล อคาเดมี จำกัด (ข้อมูลตัวอย่าง)',
    nameEn: 'Digital Skill Academy Co., Ltd. (demo data)',
    kind: 'company',
    provinceCode: '10',
    status: 'verified',
  },
  {
    key: 'demo-foundation',
    nameTh: 'มูลนิธิส่งเสริมทักษะดิจิทัลชุมชน (ข้อมูลตัวอย่าง)',
    nameEn: 'Community Digital Skills Foundation (demo data)',
    kind: 'foundation',
    provinceCode: '50',
    status: 'verified',
  },
  {
    key: 'demo-pending',
    nameTh: 'บริษัท เรียนรู้ดิจิทัล โซลูชันส์ จำกัด (ข้อมูลตัวอย่าง)',
    nameEn: 'Learn Digital Solutions Co., Ltd. (demo data)',
    kind: 'company',
    provinceCode: '12',
    status: 'pending',
  },
];

export type DemoAccountKey =
  | 'learner'
  | 'supervisor'
  | 'agency_admin'
  | 'executive'
  | 'provider_admin'
  | 'reviewer1'
  | 'reviewer2'
  | 'reviewer3'
  | 'officer'
  | 'framework_admin'
  | 'assessment_author'
  | 'central_monitor'
  | 'volunteer'
  | 'coordinator'
  | 'factchecker'
  | 'sysadmin';

/** Which generated person a demo account is: by place in an agency, or the supervisor of another account's person. */
export type PersonPick =
  | { agency: string; tier: 'head' | 'deputy' | 'director' | 'staff'; position?: PositionKey }
  | { supervisorOf: DemoAccountKey };

export interface DemoGrantSpec {
  role: Role;
  /** Agency code for agency scopes. */
  agency?: string;
  /** Provider key for provider scopes. */
  provider?: string;
  /** Province code (TIS-1099) for province scopes. */
  province?: string;
}

export interface DemoAccountSpec {
  key: DemoAccountKey;
  grants: DemoGrantSpec[];
  person?: PersonPick;
  descriptionTh: string;
  descriptionEn: string;
}

/** The demo accounts, in the order the login page lists them. */
export const DEMO_ACCOUNT_SPECS: readonly DemoAccountSpec[] = [
  {
    key: 'learner',
    grants: [{ role: 'learner' }],
    person: { agency: 'MOF-RD', tier: 'staff', position: 'tax' },
    descriptionTh: 'ผู้เรียน: นักวิชาการภาษี กรมสรรพากร',
    descriptionEn: 'Learner: tax officer at the Revenue Department',
  },
  {
    key: 'supervisor',
    grants: [{ role: 'supervisor' }, { role: 'learner' }],
    person: { supervisorOf: 'learner' },
    descriptionTh: 'หัวหน้างาน: ผู้อำนวยการสำนักที่เป็นหัวหน้าของผู้เรียน',
    descriptionEn: "Supervisor: the learner's bureau director",
  },
  {
    key: 'agency_admin',
    grants: [{ role: 'agency_admin', agency: 'MOF-RD' }],
    person: { agency: 'MOF-RD-HR', tier: 'staff', position: 'hr' },
    descriptionTh: 'ผู้ดูแลหน่วยงาน (งานบุคคล) กรมสรรพากร',
    descriptionEn: 'Agency HR admin, Revenue Department',
  },
  {
    key: 'executive',
    grants: [{ role: 'agency_executive', agency: 'MOF-RD' }],
    person: { agency: 'MOF-RD', tier: 'head' },
    descriptionTh: 'ผู้บริหารหน่วยงาน: อธิบดีกรมสรรพากร',
    descriptionEn: 'Agency executive: Director-General of the Revenue Department',
  },
  {
    key: 'provider_admin',
    grants: [{ role: 'provider_admin', provider: 'demo-academy' }],
    descriptionTh: 'ผู้ดูแลผู้ให้บริการฝึกอบรม: บริษัท ดิจิทัลสกิล อคาเดมี จำกัด (ข้อมูลตัวอย่าง)',
    descriptionEn: 'Training provider admin: Digital Skill Academy Co., Ltd. (demo data)',
  },
  {
    key: 'reviewer1',
    grants: [{ role: 'reviewer' }],
    descriptionTh: 'ผู้ทรงคุณวุฒิพิจารณาหลักสูตร คนที่ 1',
    descriptionEn: 'Course reviewer (expert) no. 1',
  },
  {
    key: 'reviewer2',
    grants: [{ role: 'reviewer' }],
    descriptionTh: 'ผู้ทรงคุณวุฒิพิจารณาหลักสูตร คนที่ 2',
    descriptionEn: 'Course reviewer (expert) no. 2',
  },
  {
    key: 'reviewer3',
    grants: [{ role: 'reviewer' }],
    descriptionTh: 'ผู้ทรงคุณวุฒิพิจารณาหลักสูตร คนที่ 3',
    descriptionEn: 'Course reviewer (expert) no. 3',
  },
  {
    key: 'officer',
    grants: [{ role: 'accreditation_officer' }],
    person: { agency: 'MDES-ONDE', tier: 'staff', position: 'policy' },
    descriptionTh: 'เจ้าหน้าที่รับรองหลักสูตร สดช.',
    descriptionEn: 'Accreditation officer, ONDE',
  },
  {
    key: 'framework_admin',
    grants: [{ role: 'framework_admin' }],
    person: { agency: 'OPM-OCSC', tier: 'staff', position: 'hr' },
    descriptionTh: 'ผู้ดูแลกรอบสมรรถนะดิจิทัล สำนักงาน ก.พ.',
    descriptionEn: 'Framework admin, OCSC',
  },
  {
    key: 'assessment_author',
    grants: [{ role: 'assessment_author' }],
    person: { agency: 'OPM-OCSC', tier: 'staff', position: 'hr' },
    descriptionTh: 'ผู้จัดทำข้อสอบและชุดแบบประเมิน (คลังข้อสอบ) สำนักงาน ก.พ.',
    descriptionEn: 'Assessment author (item bank), OCSC',
  },
  {
    key: 'central_monitor',
    grants: [{ role: 'central_monitor' }],
    person: { agency: 'OPM-OPDC', tier: 'staff', position: 'publicSectorDevelopment' },
    descriptionTh: 'ผู้ติดตามผลระดับประเทศ สำนักงาน ก.พ.ร.',
    descriptionEn: 'National monitor, OPDC',
  },
  {
    key: 'volunteer',
    grants: [{ role: 'volunteer' }],
    descriptionTh: 'อาสาสมัครดิจิทัล (อสด.)',
    descriptionEn: 'Digital volunteer (อสด.)',
  },
  {
    key: 'coordinator',
    grants: [{ role: 'volunteer_coordinator', province: '50' }],
    person: { agency: 'MDES-NSO-CMI', tier: 'staff', position: 'statistics' },
    descriptionTh: 'ผู้ประสานงานอาสาสมัครดิจิทัล จังหวัดเชียงใหม่ (สำนักงานสถิติจังหวัดเชียงใหม่)',
    descriptionEn: 'Digital-volunteer coordinator, Chiang Mai (Provincial Statistical Office)',
  },
  {
    key: 'factchecker',
    grants: [{ role: 'fact_checker' }],
    person: { agency: 'MDES-ONDE-DSD', tier: 'staff', position: 'publicRelations' },
    descriptionTh: 'ผู้ตรวจสอบข้อเท็จจริงของข่าวที่ได้รับแจ้ง',
    descriptionEn: 'Fact-checker of reported claims',
  },
  {
    key: 'sysadmin',
    grants: [{ role: 'system_admin' }],
    descriptionTh: 'ผู้ดูแลระบบ: บัญชีผู้ใช้ บทบาท การตั้งค่า บันทึกการตรวจสอบ',
    descriptionEn: 'System admin: accounts, roles, settings, audit log',
  },
];

export interface DemoAccount {
  key: DemoAccountKey;
  email: string;
  roles: Role[];
  descriptionTh: string;
  descriptionEn: string;
}

/** The demo sign-ins for the README and the login page; every one uses DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = DEMO_ACCOUNT_SPECS.map((a) => ({
  key: a.key,
  email: `${a.key}@${DEMO_EMAIL_DOMAIN}`,
  roles: a.grants.map((g) => g.role),
  descriptionTh: a.descriptionTh,
  descriptionEn: a.descriptionEn,
}));

/** Common Thai given names with the romanisation people use on their own documents. */
export const FIRST_NAMES_MALE: readonly (readonly [string, string])[] = [
  ['สมชาย', 'Somchai'],
  ['สมศักดิ์', 'Somsak'],
  ['ประเสริฐ', 'Prasert'],
  ['วิชัย', 'Wichai'],
  ['สุรชัย', 'Surachai'],
  ['ธนากร', 'Thanakorn'],
  ['ณัฐพล', 'Nattaphon'],
  ['กิตติพงษ์', 'Kittipong'],
  ['อนุชา', 'Anucha'],
  ['ชัยวัฒน์', 'Chaiwat'],
  ['ปิยะพงษ์', 'Piyapong'],
  ['วีระพงษ์', 'Weerapong'],
  ['ธีรวัฒน์', 'Theerawat'],
  ['พงศกร', 'Pongsakorn'],
  ['ศุภชัย', 'Supachai'],
  ['เกียรติศักดิ์', 'Kiattisak'],
  ['ธนวัฒน์', 'Thanawat'],
  ['ภานุวัฒน์', 'Panuwat'],
  ['วรวุฒิ', 'Worawut'],
  ['สุริยา', 'Suriya'],
  ['นพดล', 'Noppadon'],
  ['อดิศักดิ์', 'Adisak'],
  ['ชาญวิทย์', 'Chanwit'],
  ['ปรีชา', 'Preecha'],
  ['สุเมธ', 'Sumet'],
  ['อรรถพล', 'Attaphon'],
  ['ศักดิ์ชัย', 'Sakchai'],
  ['วุฒิชัย', 'Wutthichai'],
  ['จิรายุ', 'Jirayu'],
  ['ภูมิพัฒน์', 'Phumiphat'],
];

export const FIRST_NAMES_FEMALE: readonly (readonly [string, string])[] = [
  ['สมหญิง', 'Somying'],
  ['สุภาพร', 'Supaporn'],
  ['วันเพ็ญ', 'Wanpen'],
  ['กาญจนา', 'Kanchana'],
  ['นภาพร', 'Napaporn'],
  ['ศิริพร', 'Siriporn'],
  ['พรทิพย์', 'Pornthip'],
  ['อรุณี', 'Arunee'],
  ['ปิยะนุช', 'Piyanuch'],
  ['จิราพร', 'Jiraporn'],
  ['สุนิสา', 'Sunisa'],
  ['วิไลวรรณ', 'Wilaiwan'],
  ['ณัฐธิดา', 'Natthida'],
  ['กนกวรรณ', 'Kanokwan'],
  ['ชนิดา', 'Chanida'],
  ['พิมพ์ชนก', 'Pimchanok'],
  ['ธิดารัตน์', 'Thidarat'],
  ['รัตนา', 'Rattana'],
  ['อัญชลี', 'Anchalee'],
  ['เบญจวรรณ', 'Benjawan'],
  ['ปวีณา', 'Paweena'],
  ['ดวงใจ', 'Duangjai'],
  ['สุดารัตน์', 'Sudarat'],
  ['ศศิธร', 'Sasithorn'],
  ['มณีรัตน์', 'Maneerat'],
  ['อรพรรณ', 'Oraphan'],
  ['ลัดดา', 'Ladda'],
  ['จันทร์เพ็ญ', 'Chanpen'],
  ['พัชรี', 'Patcharee'],
  ['วราภรณ์', 'Waraporn'],
];

export const LAST_NAMES: readonly (readonly [string, string])[] = [
  ['ใจดี', 'Jaidee'],
  ['แสงทอง', 'Saengthong'],
  ['ศรีสุข', 'Srisuk'],
  ['บุญมา', 'Boonma'],
  ['วงศ์สวัสดิ์', 'Wongsawat'],
  ['ทองดี', 'Thongdee'],
  ['สุขสวัสดิ์', 'Suksawat'],
  ['พรหมมา', 'Promma'],
  ['แก้วมณี', 'Kaewmanee'],
  ['ศรีวงศ์', 'Sriwong'],
  ['รัตนพันธ์', 'Rattanaphan'],
  ['สมบูรณ์', 'Somboon'],
  ['ประเสริฐสุข', 'Prasertsuk'],
  ['มีสุข', 'Meesuk'],
  ['บุญเรือง', 'Boonruang'],
  ['ทองคำ', 'Thongkham'],
  ['เพชรรัตน์', 'Petcharat'],
  ['อินทร์แก้ว', 'Inkaew'],
  ['สายทอง', 'Saithong'],
  ['ชัยมงคล', 'Chaimongkol'],
  ['กิตติวงศ์', 'Kittiwong'],
  ['พึ่งบุญ', 'Phuengboon'],
  ['นาคสวัสดิ์', 'Naksawat'],
  ['ปัญญาดี', 'Panyadee'],
  ['เรืองศรี', 'Ruangsri'],
  ['วัฒนากุล', 'Wattanakul'],
  ['อุดมสุข', 'Udomsuk'],
  ['จันทร์หอม', 'Chanhom'],
  ['สุวรรณรัตน์', 'Suwannarat'],
  ['ศรีสวัสดิ์', 'Srisawat'],
  ['บุญประเสริฐ', 'Boonprasert'],
  ['คำแก้ว', 'Khamkaew'],
  ['ปานทอง', 'Panthong'],
  ['รุ่งเรือง', 'Rungruang'],
  ['ทองมา', 'Thongma'],
  ['นิลสุวรรณ', 'Ninsuwan'],
  ['อ่อนศรี', 'Onsri'],
  ['เจริญผล', 'Charoenphon'],
];

/** Province codes (TIS-1099) used for the birth-registration digits of generated citizen IDs. */
export const BIRTH_PROVINCE_CODES: readonly string[] = ['10', '11', '12', '13', '20', '30', '40', '50', '57', '65', '80', '90'];
