import { describe, expect, it } from 'vitest';
import type { CourseDraft } from '../../../../common/contracts/accreditation.js';
import { type CheckInput, checkCourse, hasBlockingErrors } from './checks.js';

const framework = {
  skillAreaCodes: ['DL', 'CS'],
  levelRanks: [1, 2, 3],
  unitCodes: ['DG-LKUE-040'],
  targetGroupCodes: ['SERVICE', 'TECHNOLOGY'],
};
const complete: CourseDraft = {
  titleTh: 'ความปลอดภัยไซเบอร์สำหรับผู้ปฏิบัติงาน',
  titleEn: 'Cyber security for practitioners',
  summaryTh: 'หลักสูตรพื้นฐาน',
  objectives: ['เข้าใจภัยคุกคาม'],
  outcomes: [{ textTh: 'วิเคราะห์ภัยได้', skillAreaCode: 'CS', levelRank: 2, unitCodes: ['DG-LKUE-040'] }],
  targetGroupCodes: ['TECHNOLOGY'],
  hours: { lecture: 6, workshop: 4, discussion: 0, role_play: 0, case_study: 0, e_learning: 2, on_the_job: 0, other: 0 },
  delivery: 'blended',
  pacing: 'instructor_led',
  assessmentMethod: 'แบบทดสอบก่อนและหลังเรียน',
  instructors: [{ name: 'ดร.สมชาย ใจดี', qualifications: 'CISSP' }],
  feeBaht: 0,
  language: 'th',
  frameworkId: '00000000-0000-4000-8000-000000000000',
};
const input = (content: CourseDraft, over: Partial<CheckInput> = {}): CheckInput => ({
  content,
  hasSyllabus: true,
  framework,
  similarTitles: [],
  ...over,
});
const codes = (i: CheckInput) => checkCourse(i).map((r) => r.code);

describe('checkCourse', () => {
  it('passes a complete course with lecture at exactly 60% of classroom hours', () => {
    expect(checkCourse(input(complete))).toEqual([]);
  });

  it('names every missing required field and the syllabus', () => {
    const r = checkCourse(input({}, { hasSyllabus: false }));
    expect(r.filter((x) => x.code === 'required').map((x) => x.field)).toContain('titleTh');
    expect(r.map((x) => x.code)).toContain('syllabus_missing');
    expect(hasBlockingErrors(r)).toBe(true);
    for (const x of r) {
      expect(x.messageTh).toMatch(/[\u0E00-\u0E7F]/);
      expect(x.messageEn).toMatch(/[A-Za-z]/);
    }
  });

  it('refuses zero hours', () => {
    const zero = Object.fromEntries(Object.keys(complete.hours ?? {}).map((k) => [k, 0])) as CourseDraft['hours'];
    expect(codes(input({ ...complete, hours: zero }))).toContain('hours_zero');
  });

  it('applies the 60/40 rule to classroom and blended courses only, over classroom hours', () => {
    const heavy = { ...complete.hours!, lecture: 7, workshop: 4 };
    const r = checkCourse(input({ ...complete, hours: heavy }));
    expect(r.map((x) => x.code)).toEqual(['lecture_over_60']);
    expect(r[0].messageEn).toContain('63.6%');
    expect(r[0].field).toBe('hours.lecture');
    // E-learning hours do not count as classroom hours, so they cannot dilute the lecture share.
    expect(codes(input({ ...complete, hours: { ...heavy, e_learning: 100 } }))).toContain('lecture_over_60');
    expect(codes(input({ ...complete, delivery: 'online', hours: heavy }))).toEqual([]);
  });

  it('checks outcomes and target groups against the targeted framework version', () => {
    const r = checkCourse(
      input({
        ...complete,
        targetGroupCodes: ['NOBODY'],
        outcomes: [{ textTh: 'x', skillAreaCode: 'ZZ', levelRank: 9, unitCodes: ['NOPE-1'] }],
      }),
    );
    expect(r.map((x) => [x.code, x.field])).toEqual([
      ['outcome_area_unknown', 'outcomes.0.skillAreaCode'],
      ['outcome_level_unknown', 'outcomes.0.levelRank'],
      ['outcome_unit_unknown', 'outcomes.0.unitCodes'],
      ['target_group_unknown', 'targetGroupCodes'],
    ]);
    expect(codes(input(complete, { framework: null }))).toEqual(['framework_unknown']);
  });

  it('flags a possible duplicate as a warning that does not block', () => {
    const r = checkCourse(input(complete, { similarTitles: ['ความปลอดภัยไซเบอร์สำหรับผู้ปฏิบัติงาน รุ่น 2'] }));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ code: 'possible_duplicate', severity: 'warning' });
    expect(hasBlockingErrors(r)).toBe(false);
  });
});
