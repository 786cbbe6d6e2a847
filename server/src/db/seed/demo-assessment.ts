import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ItemKind } from '../../../../common/contracts/assessment.js';
import type { Db } from '../client.js';
import { assessmentItems, assessments, frameworks } from '../schema/index.js';
import { seedSampleStatements } from './assessment-statements.js';
import type { DemoSeeder } from './demo.js';

/**
 * Demo content of the assessment module (all SAMPLE, labelled so): a small bank of active items in
 * Digital Literacy (levels 1 and 2), Digital Governance and Cyber Security (level 1), written by the
 * platform team to show every item kind, and one published assessment open for a year that the demo
 * learner may take. The self-assessment's sample statements are seeded at boot (assessment-statements.ts).
 */

interface SampleItem {
  kind: ItemKind;
  area: string;
  level: number;
  difficulty: number;
  stemTh: string;
  stemEn: string;
  caseTh?: string;
  caseEn?: string;
  options: [string, string, string][];
  key: string[];
}

export const SAMPLE_ITEMS: SampleItem[] = [
  {
    kind: 'single',
    area: 'DL',
    level: 1,
    difficulty: 1,
    stemTh: 'ไฟล์ที่มีนามสกุลใดเป็นเอกสาร PDF',
    stemEn: 'Which file extension is a PDF document?',
    options: [
      ['a', '.docx', '.docx'],
      ['b', '.pdf', '.pdf'],
      ['c', '.xlsx', '.xlsx'],
      ['d', '.pptx', '.pptx'],
    ],
    key: ['b'],
  },
  {
    kind: 'true_false',
    area: 'DL',
    level: 1,
    difficulty: 1,
    stemTh: 'การกด "ตอบกลับทั้งหมด" (Reply all) จะส่งอีเมลถึงผู้รับทุกคนในอีเมลฉบับเดิม',
    stemEn: '"Reply all" sends the e-mail to every recipient of the original message.',
    options: [
      ['t', 'ถูก', 'True'],
      ['f', 'ผิด', 'False'],
    ],
    key: ['t'],
  },
  {
    kind: 'multiple',
    area: 'DL',
    level: 1,
    difficulty: 2,
    stemTh: 'ข้อใดเป็นเว็บเบราว์เซอร์ (เลือกได้มากกว่าหนึ่งข้อ)',
    stemEn: 'Which of these are web browsers? (choose all that apply)',
    options: [
      ['a', 'Google Chrome', 'Google Chrome'],
      ['b', 'Mozilla Firefox', 'Mozilla Firefox'],
      ['c', 'Microsoft Excel', 'Microsoft Excel'],
      ['d', 'Microsoft Edge', 'Microsoft Edge'],
    ],
    key: ['a', 'b', 'd'],
  },
  {
    kind: 'single',
    area: 'DL',
    level: 1,
    difficulty: 1,
    stemTh: 'แป้นพิมพ์ลัดใดใช้คัดลอก (Copy) ข้อความในโปรแกรมบน Windows',
    stemEn: 'Which keyboard shortcut copies text in Windows programs?',
    options: [
      ['a', 'Ctrl + C', 'Ctrl + C'],
      ['b', 'Ctrl + V', 'Ctrl + V'],
      ['c', 'Ctrl + X', 'Ctrl + X'],
      ['d', 'Ctrl + Z', 'Ctrl + Z'],
    ],
    key: ['a'],
  },
  {
    kind: 'ordering',
    area: 'DL',
    level: 2,
    difficulty: 3,
    stemTh: 'เรียงขั้นตอนการตรวจสอบข่าวที่พบในสื่อสังคมออนไลน์ก่อนแชร์ จากแรกไปหลัง',
    stemEn: 'Put the steps of checking a news post seen on social media before sharing it in order, first to last.',
    options: [
      ['a', 'อ่านเนื้อหาให้ครบ ไม่ใช่เพียงหัวข้อ', 'Read the whole post, not just the headline'],
      ['b', 'ตรวจสอบว่าใครเป็นผู้เผยแพร่และแหล่งที่มา', 'Check who published it and where it comes from'],
      ['c', 'ค้นหาข่าวเดียวกันจากแหล่งข่าวอื่นที่น่าเชื่อถือ', 'Look for the same story from other reliable sources'],
      ['d', 'ตัดสินใจว่าจะแชร์หรือไม่', 'Decide whether to share it'],
    ],
    key: ['a', 'b', 'c', 'd'],
  },
  {
    kind: 'single',
    area: 'DL',
    level: 2,
    difficulty: 2,
    stemTh: 'ต้องการค้นหาเอกสารที่มีวลี งบประมาณ 2568 ตรงทั้งวลีด้วยเครื่องมือค้นหา ควรพิมพ์คำค้นอย่างไร',
    stemEn: 'To find documents with the exact phrase "budget 2568" in a search engine, what should you type?',
    options: [
      ['a', '"งบประมาณ 2568"', '"budget 2568"'],
      ['b', 'งบประมาณ OR 2568', 'budget OR 2568'],
      ['c', 'งบประมาณ -2568', 'budget -2568'],
      ['d', 'งบประมาณ*', 'budget*'],
    ],
    key: ['a'],
  },
  {
    kind: 'scenario',
    area: 'DL',
    level: 2,
    difficulty: 3,
    caseTh: 'คุณได้รับไฟล์สเปรดชีตรายชื่อผู้เข้าอบรม 500 คน มีคอลัมน์ชื่อ หน่วยงาน และจังหวัด หัวหน้าขอรายชื่อเฉพาะผู้ที่อยู่จังหวัดเชียงใหม่ภายในวันนี้',
    caseEn:
      'You have a spreadsheet of 500 trainees with columns for name, agency and province. Your head wants only those in Chiang Mai, today.',
    stemTh: 'วิธีใดเหมาะสมที่สุด',
    stemEn: 'What is the best way to do it?',
    options: [
      ['a', 'ใช้ตัวกรอง (Filter) ที่คอลัมน์จังหวัด แล้วคัดลอกผลไปไฟล์ใหม่', 'Filter the province column and copy the result to a new file'],
      ['b', 'คัดลอกทีละแถวด้วยมือ', 'Copy the rows one by one by hand'],
      ['c', 'พิมพ์ออกกระดาษแล้วขีดเลือก', 'Print it and mark the rows on paper'],
      ['d', 'ส่งไฟล์ทั้งหมดให้หัวหน้าเลือกเอง', 'Send the whole file for the head to pick from'],
    ],
    key: ['a'],
  },
  {
    kind: 'single',
    area: 'DG',
    level: 1,
    difficulty: 1,
    stemTh: 'กฎหมายใดคุ้มครองข้อมูลส่วนบุคคลของประชาชนในประเทศไทย',
    stemEn: "Which law protects people's personal data in Thailand?",
    options: [
      ['a', 'พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562', 'Personal Data Protection Act B.E. 2562 (2019)'],
      ['b', 'พระราชบัญญัติลิขสิทธิ์', 'Copyright Act'],
      ['c', 'พระราชบัญญัติจราจรทางบก', 'Land Traffic Act'],
      ['d', 'ประมวลรัษฎากร', 'Revenue Code'],
    ],
    key: ['a'],
  },
  {
    kind: 'true_false',
    area: 'DG',
    level: 1,
    difficulty: 1,
    stemTh: 'เจ้าหน้าที่นำเลขประจำตัวประชาชนของผู้มาติดต่อไปโพสต์ในกลุ่มไลน์ส่วนตัวได้ หากเป็นการสอบถามเรื่องงาน',
    stemEn: "An officer may post a visitor's citizen ID number in a private chat group if it is to ask about work.",
    options: [
      ['t', 'ถูก', 'True'],
      ['f', 'ผิด', 'False'],
    ],
    key: ['f'],
  },
  {
    kind: 'multiple',
    area: 'DG',
    level: 1,
    difficulty: 2,
    stemTh: 'ข้อใดเป็นข้อมูลส่วนบุคคล (เลือกได้มากกว่าหนึ่งข้อ)',
    stemEn: 'Which of these are personal data? (choose all that apply)',
    options: [
      ['a', 'ชื่อและนามสกุล', 'First and last name'],
      ['b', 'เลขประจำตัวประชาชน', 'Citizen ID number'],
      ['c', 'จำนวนข้าราชการทั้งกรม', "The number of the department's civil servants"],
      ['d', 'ที่อยู่อีเมลส่วนตัว', 'Personal e-mail address'],
    ],
    key: ['a', 'b', 'd'],
  },
  {
    kind: 'single',
    area: 'CS',
    level: 1,
    difficulty: 1,
    stemTh: 'รหัสผ่านใดปลอดภัยที่สุด',
    stemEn: 'Which password is the safest?',
    options: [
      ['a', '123456', '123456'],
      ['b', 'password', 'password'],
      ['c', '01012530 (วันเกิด)', '01012530 (a birth date)'],
      ['d', 'Kr@t1ong-Ban-Nam!', 'Kr@t1ong-Ban-Nam!'],
    ],
    key: ['d'],
  },
  {
    kind: 'true_false',
    area: 'CS',
    level: 1,
    difficulty: 1,
    stemTh: 'อีเมลที่เร่งให้กดลิงก์ยืนยันรหัสผ่านภายใน 24 ชั่วโมง มิฉะนั้นบัญชีจะถูกระงับ มักเป็นอีเมลหลอกลวง (ฟิชชิง)',
    stemEn: 'An e-mail urging you to click a link to confirm your password within 24 hours or lose your account is usually phishing.',
    options: [
      ['t', 'ถูก', 'True'],
      ['f', 'ผิด', 'False'],
    ],
    key: ['t'],
  },
  {
    kind: 'single',
    area: 'CS',
    level: 1,
    difficulty: 2,
    stemTh: 'เมื่อพบว่าคอมพิวเตอร์ในสำนักงานติดมัลแวร์เรียกค่าไถ่ สิ่งแรกที่ควรทำคืออะไร',
    stemEn: 'An office computer is hit by ransomware. What should you do first?',
    options: [
      ['a', 'ตัดการเชื่อมต่อเครือข่ายและแจ้งผู้ดูแลระบบทันที', 'Disconnect it from the network and tell the IT administrator at once'],
      ['b', 'จ่ายค่าไถ่เพื่อให้ได้ไฟล์คืนเร็วที่สุด', 'Pay the ransom to get the files back quickly'],
      ['c', 'ไม่บอกใครและใช้งานต่อ', 'Tell no one and keep working'],
      ['d', 'ลบไฟล์ทั้งหมดในเครื่อง', 'Delete every file on the computer'],
    ],
    key: ['a'],
  },
];

/** Inserts the sample bank as active items of a framework (authored by `authorId`); returns how many. */
export async function insertSampleItems(db: Db, frameworkId: string, authorId: string | null): Promise<number> {
  const rows = SAMPLE_ITEMS.map((s) => ({
    itemId: randomUUID(),
    version: 1,
    status: 'active',
    kind: s.kind,
    frameworkId,
    skillAreaCode: s.area,
    level: s.level,
    difficulty: s.difficulty,
    stemTh: s.stemTh,
    stemEn: s.stemEn,
    caseTh: s.caseTh ?? null,
    caseEn: s.caseEn ?? null,
    options: s.options.map(([id, textTh, textEn]) => ({ id, textTh, textEn })),
    key: s.key,
    isSample: true,
    authorId,
    reviewComment: 'ข้อสอบตัวอย่างของระบบ (sample item shipped with the demo)',
  }));
  await db.insert(assessmentItems).values(rows);
  return rows.length;
}

export const SAMPLE_ASSESSMENT_TITLE = 'แบบทดสอบตัวอย่าง: ทักษะดิจิทัลพื้นฐาน';

export const assessmentDemoSeeder: DemoSeeder = {
  name: 'assessment',
  async isSeeded(ctx) {
    const [row] = await ctx.db.select({ id: assessments.id }).from(assessments).where(eq(assessments.isSample, true)).limit(1);
    return !!row;
  },
  async seed(ctx): Promise<Record<string, number>> {
    const [fw] = await ctx.db
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(and(eq(frameworks.isCurrent, true)))
      .limit(1);
    if (!fw) return {};
    const author = ctx.accounts.get('assessment_author');
    const statements = await seedSampleStatements(ctx.db);
    const items = await insertSampleItems(ctx.db, fw.id, author?.userId ?? null);
    const now = Date.now();
    await ctx.db.insert(assessments).values({
      frameworkId: fw.id,
      titleTh: SAMPLE_ASSESSMENT_TITLE,
      titleEn: 'Sample test: basic digital skills',
      descriptionTh: 'แบบทดสอบตัวอย่างจากคลังข้อสอบตัวอย่าง ใช้สาธิตระบบเท่านั้น ไม่ใช่การทดสอบอย่างเป็นทางการ',
      descriptionEn: 'A sample test drawn from the sample item bank, for demonstration only; not an official test.',
      status: 'published',
      blueprint: [
        { skillAreaCode: 'DL', level: 1, count: 3 },
        { skillAreaCode: 'DL', level: 2, count: 2 },
        { skillAreaCode: 'DG', level: 1, count: 2 },
        { skillAreaCode: 'CS', level: 1, count: 2 },
      ],
      timeLimitMinutes: 15,
      passMarks: { '1': 60, '2': 50 },
      maxAttempts: 3,
      opensAt: new Date(now - 86_400_000),
      closesAt: new Date(now + 365 * 86_400_000),
      isSample: true,
      createdBy: author?.userId ?? null,
      updatedBy: author?.userId ?? null,
    });
    return { assessmentItems: items, assessments: 1, selfAssessmentStatements: statements };
  },
};
