import {
  type CheckResult,
  CLASSROOM_METHODS,
  type CourseDraft,
  TEACHING_METHODS,
  type TeachingMethod,
} from '../../../../common/contracts/accreditation.js';

export interface CheckFramework {
  skillAreaCodes: readonly string[];
  levelRanks: readonly number[];
  unitCodes: readonly string[];
  targetGroupCodes: readonly string[];
}

export interface CheckInput {
  content: CourseDraft;
  hasSyllabus: boolean;
  /** The framework the course targets, or null when it names none or an unknown one. */
  framework: CheckFramework | null;
  /** Titles of the provider's other courses that look alike (found by the repository). */
  similarTitles: readonly string[];
}

const MAX_LECTURE_SHARE = 0.6;

const REQUIRED: { field: keyof CourseDraft; th: string; en: string }[] = [
  { field: 'titleTh', th: 'ชื่อหลักสูตร (ภาษาไทย)', en: 'Thai title' },
  { field: 'titleEn', th: 'ชื่อหลักสูตร (ภาษาอังกฤษ)', en: 'English title' },
  { field: 'summaryTh', th: 'คำอธิบายหลักสูตร', en: 'summary' },
  { field: 'objectives', th: 'วัตถุประสงค์', en: 'objectives' },
  { field: 'outcomes', th: 'ผลลัพธ์การเรียนรู้', en: 'learning outcomes' },
  { field: 'targetGroupCodes', th: 'กลุ่มเป้าหมาย', en: 'target groups' },
  { field: 'hours', th: 'จำนวนชั่วโมงตามวิธีการสอน', en: 'hours by teaching method' },
  { field: 'delivery', th: 'รูปแบบการจัด', en: 'delivery mode' },
  { field: 'pacing', th: 'ลักษณะการเรียน', en: 'pacing' },
  { field: 'assessmentMethod', th: 'วิธีการประเมินผล', en: 'assessment method' },
  { field: 'instructors', th: 'วิทยากร', en: 'instructors' },
  { field: 'feeBaht', th: 'ค่าลงทะเบียน', en: 'fee' },
  { field: 'language', th: 'ภาษาที่ใช้สอน', en: 'language' },
  { field: 'frameworkId', th: 'กรอบสมรรถนะที่อ้างอิง', en: 'framework version' },
];

/**
 * The lecture ≤ 60% rule of classroom teaching (active methods at least 40%), for a classroom or blended
 * design; null when it passes or does not apply. Used for course submissions and agencies' own cohorts.
 */
export function checkLectureShare(h: Partial<Record<TeachingMethod, number>>, delivery: string | undefined): CheckResult | null {
  if (delivery !== 'classroom' && delivery !== 'blended') return null;
  const classroom = CLASSROOM_METHODS.reduce((s, m) => s + (h[m] ?? 0), 0);
  const lecture = h.lecture ?? 0;
  if (classroom <= 0) {
    return {
      code: 'classroom_hours_zero',
      severity: 'error',
      field: 'hours',
      messageTh: 'หลักสูตรแบบห้องเรียนต้องมีชั่วโมงในห้องเรียน',
      messageEn: 'A classroom or blended course needs classroom hours.',
    };
  }
  if (lecture / classroom <= MAX_LECTURE_SHARE) return null;
  const pct = Math.round((lecture / classroom) * 1000) / 10;
  return {
    code: 'lecture_over_60',
    severity: 'error',
    field: 'hours.lecture',
    messageTh: `การบรรยาย ${pct}% ของชั่วโมงในห้องเรียน เกินเกณฑ์ 60% (วิธีการเชิงปฏิบัติต้องไม่น้อยกว่า 40%)`,
    messageEn: `Lecture is ${pct}% of classroom hours, above the 60% limit (active methods must be at least 40%).`,
  };
}

const isMissing = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The automatic checks run on every save and on submit, each explained in Thai and English. Errors
 * block submission; warnings (a possible duplicate) are shown to the provider and the officer.
 */
export function checkCourse(input: CheckInput): CheckResult[] {
  const c = input.content;
  const out: CheckResult[] = [];
  const add = (severity: CheckResult['severity'], code: string, field: string | null, messageTh: string, messageEn: string) =>
    out.push({ code, severity, field, messageTh, messageEn });

  for (const r of REQUIRED) {
    if (isMissing(c[r.field])) add('error', 'required', r.field, `ต้องระบุ${r.th}`, `The ${r.en} is required.`);
  }
  if (!input.hasSyllabus) add('error', 'syllabus_missing', 'syllabus', 'ต้องแนบไฟล์เค้าโครงหลักสูตร (PDF)', 'Attach the syllabus as a PDF.');

  const h = c.hours;
  if (h) {
    const total = TEACHING_METHODS.reduce((s, m) => s + (h[m] ?? 0), 0);
    if (total <= 0) add('error', 'hours_zero', 'hours', 'จำนวนชั่วโมงรวมต้องมากกว่า 0', 'Total hours must be more than 0.');
    const share = checkLectureShare(h, c.delivery);
    if (share) out.push(share);
  }

  if (c.frameworkId && !input.framework) {
    add(
      'error',
      'framework_unknown',
      'frameworkId',
      'ไม่พบกรอบสมรรถนะที่อ้างอิง หรือยังไม่เผยแพร่',
      'The framework version is unknown or not published.',
    );
  }
  const f = input.framework;
  if (f) {
    (c.outcomes ?? []).forEach((o, i) => {
      if (!f.skillAreaCodes.includes(o.skillAreaCode)) {
        add(
          'error',
          'outcome_area_unknown',
          `outcomes.${i}.skillAreaCode`,
          `ผลลัพธ์ข้อ ${i + 1}: ด้านทักษะ ${o.skillAreaCode} ไม่อยู่ในกรอบสมรรถนะที่อ้างอิง`,
          `Outcome ${i + 1}: skill area ${o.skillAreaCode} is not in the targeted framework.`,
        );
      }
      if (!f.levelRanks.includes(o.levelRank)) {
        add(
          'error',
          'outcome_level_unknown',
          `outcomes.${i}.levelRank`,
          `ผลลัพธ์ข้อ ${i + 1}: ไม่มีระดับ ${o.levelRank} ในกรอบสมรรถนะ`,
          `Outcome ${i + 1}: level ${o.levelRank} does not exist in the framework.`,
        );
      }
      const unknownUnits = (o.unitCodes ?? []).filter((u) => !f.unitCodes.includes(u));
      if (unknownUnits.length) {
        add(
          'error',
          'outcome_unit_unknown',
          `outcomes.${i}.unitCodes`,
          `ผลลัพธ์ข้อ ${i + 1}: ไม่พบหน่วยสมรรถนะ ${unknownUnits.join(', ')}`,
          `Outcome ${i + 1}: unknown competency units ${unknownUnits.join(', ')}.`,
        );
      }
    });
    const unknownGroups = (c.targetGroupCodes ?? []).filter((g) => !f.targetGroupCodes.includes(g));
    if (unknownGroups.length) {
      add(
        'error',
        'target_group_unknown',
        'targetGroupCodes',
        `ไม่พบกลุ่มเป้าหมาย ${unknownGroups.join(', ')}`,
        `Unknown target groups: ${unknownGroups.join(', ')}.`,
      );
    }
  }

  for (const title of input.similarTitles) {
    add(
      'warning',
      'possible_duplicate',
      'titleTh',
      `อาจซ้ำกับหลักสูตร "${title}" ของหน่วยจัดฝึกอบรมเดียวกัน`,
      `May duplicate the provider's course "${title}".`,
    );
  }
  return out;
}

export const hasBlockingErrors = (results: readonly CheckResult[]) => results.some((r) => r.severity === 'error');
