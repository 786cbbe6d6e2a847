import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { CourseContent } from '../../../../common/contracts/accreditation.js';
import { todayInBangkok } from '../../lib/thai-text.js';
import { addYears, formatAccreditationNumber } from '../../modules/accreditation/numbering.js';
import { PUBLIC_STATES } from '../../modules/accreditation/state-machine.js';
import { frameworkLabels, syncCatalogEntry } from '../../modules/catalog/service.js';
import { courseRatings, courseRuns, courses, courseVersions, frameworks, learningRecords } from '../schema/index.js';
import type { DemoContext, DemoSeeder } from './demo.js';

/**
 * Demo content of the catalogue: courses said to come from the system the platform replaces (sample
 * data, not real accreditations), runs (รุ่น) of public courses, completions and ratings, so search,
 * facets and course pages have something to show on the first start.
 */

type Row = [
  titleTh: string,
  titleEn: string,
  summaryTh: string,
  provider: string,
  areas: string,
  groups: string,
  delivery: CourseContent['delivery'],
  fee: number,
  hours: number,
  province?: string,
];

// biome-ignore format: one course per line reads as a table
const IMPORTED: Row[] = [
  ['การรู้เท่าทันภัยไซเบอร์สำหรับบุคลากรภาครัฐ', 'Cyber threat awareness for government staff', 'รู้จักอีเมลหลอกลวง มัลแวร์ และการตั้งรหัสผ่านที่ปลอดภัย เพื่อป้องกันข้อมูลของหน่วยงาน', 'tdga', 'CS:1,DL:1', 'SERVICE,ACADEMIC,OTHERS', 'online', 0, 6,],
  ['การรับมือเหตุการณ์ภัยคุกคามทางไซเบอร์สำหรับเจ้าหน้าที่ไอที', 'Cyber incident response for IT staff', 'ฝึกปฏิบัติการตรวจจับ วิเคราะห์ และตอบสนองเหตุการณ์ด้านความมั่นคงปลอดภัยตามแผนรับมือของหน่วยงาน', 'kmutt', 'CS:3,DT:2', 'TECHNOLOGY', 'classroom', 12000, 24, '10',],
  ['การบริหารความเสี่ยงด้านความมั่นคงปลอดภัยสารสนเทศสำหรับผู้บริหาร', 'Information security risk management for executives', 'กำกับดูแลความเสี่ยงไซเบอร์ระดับองค์กร กำหนดนโยบาย และอ่านรายงานความเสี่ยงเพื่อการตัดสินใจ', 'demo-academy', 'CS:2,DLD:2', 'EXECUTIVE,MANAGEMENT', 'classroom', 9500, 12, '10',],
  ['กฎหมายคุ้มครองข้อมูลส่วนบุคคล (PDPA) สำหรับหน่วยงานของรัฐ', 'Personal data protection (PDPA) for public agencies', 'หลักการของพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล การขอความยินยอม และการจัดทำบันทึกรายการประมวลผล', 'tdga', 'DG:2', 'ACADEMIC,SERVICE,MANAGEMENT', 'blended', 0, 12,],
  ['ธรรมาภิบาลข้อมูลภาครัฐสำหรับผู้บริหาร', 'Government data governance for executives', 'บทบาทผู้บริหารในการกำกับดูแลข้อมูล การจัดชั้นความลับ และการแบ่งปันข้อมูลระหว่างหน่วยงาน', 'tdga', 'DG:3,DU:2', 'EXECUTIVE,MANAGEMENT', 'classroom', 0, 12, '10',],
  ['การจัดทำชุดข้อมูลเปิดภาครัฐ', 'Preparing open government datasets', 'คัดเลือก จัดเตรียม และเผยแพร่ชุดข้อมูลเปิดตามมาตรฐานของภาครัฐพร้อมคำอธิบายข้อมูล', 'cmu', 'DU:2,DG:1', 'ACADEMIC,TECHNOLOGY', 'online', 0, 9,],
  ['การวิเคราะห์ข้อมูลด้วย Excel และ Power BI', 'Data analysis with Excel and Power BI', 'ทำความสะอาดข้อมูล สร้างตารางสรุป และแดชบอร์ดเพื่อติดตามผลการดำเนินงานของหน่วยงาน', 'demo-academy', 'DU:2,DL:2', 'ACADEMIC,SERVICE', 'classroom', 4500, 12, '50',],
  ['การวิเคราะห์ข้อมูลด้วยภาษา Python ขั้นพื้นฐาน', 'Basic data analysis with Python', 'เขียนโปรแกรม Python วิเคราะห์ข้อมูลด้วย pandas และสร้างกราฟเพื่อสื่อสารผลการวิเคราะห์', 'kmutt', 'DU:2,DT:1', 'ACADEMIC,TECHNOLOGY', 'blended', 6000, 18,],
  ['การเล่าเรื่องด้วยข้อมูลสำหรับนักวิเคราะห์นโยบาย', 'Data storytelling for policy analysts', 'เลือกภาพนำเสนอข้อมูลที่เหมาะสมและเล่าเรื่องจากข้อมูลเพื่อสนับสนุนข้อเสนอเชิงนโยบาย', 'cmu', 'DU:2', 'ACADEMIC', 'online', 1500, 6,],
  ['ปัญญาประดิษฐ์และ Generative AI สำหรับผู้บริหารภาครัฐ', 'AI and generative AI for public-sector executives', 'โอกาสและความเสี่ยงของปัญญาประดิษฐ์ การใช้ Generative AI อย่างรับผิดชอบ และการวางแผนนำไปใช้ในหน่วยงาน', 'tdga', 'DLD:3,DT:1', 'EXECUTIVE,MANAGEMENT', 'classroom', 0, 12, '10',],
  ['การใช้ Generative AI เพื่อเพิ่มประสิทธิภาพงานเอกสาร', 'Generative AI for everyday paperwork', 'เขียนคำสั่งให้ AI ช่วยร่างหนังสือราชการ สรุปรายงาน และตรวจทานอย่างปลอดภัยต่อข้อมูล', 'demo-academy', 'DL:2,DT:1', 'SERVICE,ACADEMIC,OTHERS', 'online', 990, 6,],
  ['การเรียนรู้ของเครื่องสำหรับนักพัฒนาระบบภาครัฐ', 'Machine learning for government developers', 'สร้างและประเมินแบบจำลองการเรียนรู้ของเครื่องจากข้อมูลจริงของหน่วยงาน และนำไปใช้งานอย่างมีธรรมาภิบาล', 'kmutt', 'DT:3,DU:3', 'TECHNOLOGY', 'classroom', 15000, 30, '10',],
  ['ภาวะผู้นำดิจิทัลสำหรับผู้อำนวยการสำนักและกอง', 'Digital leadership for bureau directors', 'นำทีมในการเปลี่ยนแปลงสู่ดิจิทัล ตั้งเป้าหมาย และวัดผลการปรับปรุงบริการด้วยข้อมูล', 'tdga', 'DLD:2,DG:2', 'MANAGEMENT', 'classroom', 0, 18, '10',],
  ['การวางแผนการเปลี่ยนผ่านสู่องค์กรดิจิทัล', 'Planning the digital transformation of an agency', 'ประเมินความพร้อม จัดทำแผนพัฒนาดิจิทัลของหน่วยงาน และบริหารโครงการเปลี่ยนผ่าน', 'cmu', 'DLD:2,DG:2', 'EXECUTIVE,MANAGEMENT', 'blended', 3500, 15,],
  ['การออกแบบประสบการณ์ผู้ใช้ (UX) สำหรับบริการภาครัฐ', 'User experience (UX) design for government services', 'สัมภาษณ์ผู้ใช้ ทำต้นแบบ และทดสอบบริการออนไลน์ให้ประชาชนใช้งานได้ง่าย', 'demo-academy', 'DS:2,DT:1', 'SERVICE,TECHNOLOGY', 'classroom', 7500, 18, '10',],
  ['การพัฒนาบริการภาครัฐแบบเบ็ดเสร็จด้วยดิจิทัล', 'One-stop digital government services', 'ออกแบบกระบวนการบริการให้จบในจุดเดียว เชื่อมโยงข้อมูลระหว่างหน่วยงาน และลดการขอสำเนาเอกสาร', 'tdga', 'DS:2,DG:1', 'SERVICE,MANAGEMENT', 'online', 0, 9,],
  ['การให้บริการประชาชนผ่านช่องทางออนไลน์อย่างมืออาชีพ', 'Serving citizens professionally online', 'ตอบคำถามผ่านแชตและโซเชียลมีเดียอย่างสุภาพ ถูกต้อง และคุ้มครองข้อมูลของผู้รับบริการ', 'demo-foundation', 'DS:1,DL:1', 'SERVICE,OTHERS', 'online', 0, 4,],
  ['การใช้งานระบบสารบรรณอิเล็กทรอนิกส์', 'Using the electronic correspondence system (e-Saraban)', 'รับส่งหนังสือราชการ ลงนามอิเล็กทรอนิกส์ และจัดเก็บเอกสารตามระเบียบสารบรรณ', 'tdga', 'DL:1,DS:1', 'SERVICE,OTHERS,ACADEMIC', 'online', 0, 3,],
  ['ลายมือชื่ออิเล็กทรอนิกส์และเอกสารดิจิทัลตามกฎหมาย', 'Electronic signatures and digital documents under Thai law', 'พระราชบัญญัติธุรกรรมทางอิเล็กทรอนิกส์ การใช้ลายมือชื่อดิจิทัล และการเก็บรักษาเอกสารให้มีผลทางกฎหมาย', 'kmutt', 'DG:2,DL:2', 'ACADEMIC,MANAGEMENT', 'classroom', 2500, 6, '10',],
  ['การจัดซื้อจัดจ้างภาครัฐด้วยระบบอิเล็กทรอนิกส์ (e-GP)', 'Electronic government procurement (e-GP)', 'ขั้นตอนการจัดซื้อจัดจ้างผ่านระบบ e-GP การตรวจสอบ และการเปิดเผยข้อมูลเพื่อความโปร่งใส', 'demo-academy', 'DL:2,DG:1', 'ACADEMIC,SERVICE', 'classroom', 3900, 12, '30',],
  ['พื้นฐานคลาวด์คอมพิวติงสำหรับหน่วยงานภาครัฐ', 'Cloud computing fundamentals for agencies', 'เลือกบริการคลาวด์กลางภาครัฐ ประเมินต้นทุน และย้ายระบบขึ้นคลาวด์อย่างปลอดภัย', 'kmutt', 'DT:2,CS:1', 'TECHNOLOGY,MANAGEMENT', 'blended', 8000, 18,],
  ['การพัฒนาแอปพลิเคชันด้วยเครื่องมือ Low-code', 'Building applications with low-code tools', 'สร้างแบบฟอร์มและระบบงานง่าย ๆ ด้วยเครื่องมือ Low-code เพื่อลดงานเอกสารของหน่วยงาน', 'demo-academy', 'DT:2,DS:1', 'TECHNOLOGY,SERVICE,ACADEMIC', 'online', 2900, 12,],
  ['ระบบสารสนเทศภูมิศาสตร์ (GIS) เพื่อการวางแผนพื้นที่', 'Geographic information systems (GIS) for area planning', 'สร้างแผนที่จากข้อมูลของหน่วยงาน วิเคราะห์เชิงพื้นที่ และใช้ประกอบการวางแผนพัฒนาจังหวัด', 'cmu', 'DU:2,DT:2', 'ACADEMIC,TECHNOLOGY', 'classroom', 5000, 18, '50',],
  ['อินเทอร์เน็ตของสรรพสิ่ง (IoT) เพื่อการเกษตรอัจฉริยะ', 'Internet of Things (IoT) for smart farming', 'ติดตั้งเซนเซอร์วัดความชื้นและสภาพอากาศ และใช้ข้อมูลช่วยเกษตรกรตัดสินใจ', 'cmu', 'DT:2,DU:1', 'TECHNOLOGY,SERVICE', 'classroom', 3000, 15, '50',],
  ['พื้นฐานบล็อกเชนและการประยุกต์ใช้ในภาครัฐ', 'Blockchain basics and public-sector uses', 'หลักการทำงานของบล็อกเชน สัญญาอัจฉริยะ และกรณีใช้งานด้านเอกสารสำคัญและการตรวจสอบย้อนกลับ', 'kmutt', 'DT:2', 'TECHNOLOGY,ACADEMIC', 'online', 1900, 6,],
  ['การตลาดดิจิทัลสำหรับวิสาหกิจชุมชน', 'Digital marketing for community enterprises', 'ขายสินค้าชุมชนผ่านช่องทางออนไลน์ ถ่ายภาพสินค้า และสื่อสารผ่านโซเชียลมีเดียสำหรับเจ้าหน้าที่ส่งเสริม', 'demo-foundation', 'DS:1,DL:2', 'SERVICE,OTHERS', 'blended', 0, 9, '40',],
  ['ทักษะดิจิทัลพื้นฐานสำหรับผู้ปฏิบัติงานทั่วไป', 'Basic digital skills for general staff', 'ใช้คอมพิวเตอร์ อีเมล ปฏิทินออนไลน์ และไฟล์ร่วมกันบนคลาวด์ในการทำงานประจำวัน', 'demo-foundation', 'DL:1', 'OTHERS,SERVICE', 'online', 0, 6,],
  ['การรู้เท่าทันสื่อและข่าวปลอมในยุคดิจิทัล', 'Media literacy and fake news in the digital age', 'ตรวจสอบแหล่งที่มาของข่าว ภาพ และคลิป และรู้วิธีแจ้งข่าวที่น่าสงสัยให้หน่วยงานตรวจสอบ', 'demo-foundation', 'DL:2', 'OTHERS,SERVICE,ACADEMIC', 'online', 0, 3,],
  ['การประชุมออนไลน์และการทำงานร่วมกันแบบดิจิทัล', 'Online meetings and digital collaboration', 'จัดประชุมออนไลน์อย่างมีประสิทธิภาพ แบ่งปันเอกสาร และทำงานร่วมกันบนเอกสารเดียวกัน', 'demo-academy', 'DL:1', 'SERVICE,ACADEMIC,OTHERS', 'online', 590, 3,],
  ['สถาปัตยกรรมองค์กรและการเชื่อมโยงข้อมูลภาครัฐ', 'Enterprise architecture and government data exchange', 'ออกแบบสถาปัตยกรรมระบบของหน่วยงานให้เชื่อมโยงกับศูนย์แลกเปลี่ยนข้อมูลกลางภาครัฐ', 'tdga', 'DG:2,DT:2', 'TECHNOLOGY,MANAGEMENT', 'classroom', 0, 18, '10',],
  ['การบริหารโครงการดิจิทัลแบบอไจล์', 'Agile management of digital projects', 'วางแผนงานเป็นรอบสั้น จัดลำดับความสำคัญ และส่งมอบบริการดิจิทัลทีละส่วนร่วมกับผู้ใช้', 'demo-academy', 'DLD:2,DS:1', 'MANAGEMENT,TECHNOLOGY', 'classroom', 6500, 12, '10',],
  ['การตรวจสอบและทดสอบเจาะระบบเบื้องต้น', 'Introduction to security testing and penetration testing', 'ทดสอบช่องโหว่ของเว็บแอปพลิเคชันตามแนวทาง OWASP ในสภาพแวดล้อมจำลอง', 'kmutt', 'CS:3,DT:3', 'TECHNOLOGY', 'classroom', 18000, 30, '10',],
  ['ความเป็นส่วนตัวและการคุ้มครองข้อมูลในงานบริการประชาชน', 'Privacy and data protection at the service counter', 'เก็บ ใช้ และเปิดเผยข้อมูลของผู้รับบริการเท่าที่จำเป็น พร้อมกรณีศึกษาจากงานทะเบียน', 'demo-foundation', 'DG:1,DS:1', 'SERVICE,OTHERS', 'online', 0, 3,],
  ['การใช้ข้อมูลขนาดใหญ่เพื่อการวางแผนนโยบายสาธารณะ', 'Big data for public-policy planning', 'รวบรวมข้อมูลจากหลายแหล่ง วิเคราะห์แนวโน้ม และสร้างตัวชี้วัดสำหรับติดตามนโยบาย', 'cmu', 'DU:3,DLD:1', 'ACADEMIC,MANAGEMENT', 'blended', 4500, 18,],
  ['การสื่อสารองค์กรผ่านสื่อสังคมออนไลน์สำหรับหน่วยงานรัฐ', 'Social media communication for public agencies', 'วางแผนเนื้อหา ตอบข้อร้องเรียน และวัดผลการสื่อสารผ่านเพจของหน่วยงาน', 'demo-academy', 'DS:2,DL:2', 'SERVICE,ACADEMIC', 'online', 1200, 6,],
  ['การประเมินความพร้อมรัฐบาลดิจิทัลของหน่วยงาน', 'Assessing an agency’s digital-government readiness', 'ใช้เกณฑ์ประเมินรัฐบาลดิจิทัล วิเคราะห์ช่องว่าง และจัดลำดับโครงการพัฒนา', 'tdga', 'DG:2,DLD:1', 'MANAGEMENT,ACADEMIC', 'online', 0, 6,],
];

/** Upcoming runs of public courses, on-site in these provinces or online, spread over the coming months. */
const RUN_PROVINCES = ['10', '50', '40', '90', '30', '20', '65', '34'];
const DAY = 86_400_000;

const demoNumber = (i: number) => formatAccreditationNumber('สดช.', 2567, 100 + i);
const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString().slice(0, 10);

async function seedImportedCourses(ctx: DemoContext, frameworkId: string, officer: string | null): Promise<number> {
  const labels = await frameworkLabels(ctx.db, frameworkId);
  const today = todayInBangkok();
  let n = 0;
  for (const [i, [titleTh, titleEn, summaryTh, providerKey, areas, groups, delivery, fee, hours, province]] of IMPORTED.entries()) {
    const provider = ctx.providers.get(providerKey);
    if (!provider) continue;
    const pairs = areas.split(',').map((p) => p.split(':') as [string, string]);
    const content: CourseContent = {
      titleTh,
      titleEn,
      summaryTh,
      objectives: [summaryTh],
      outcomes: pairs.map(([code, level]) => ({
        textTh: `${summaryTh.split(' ')[0]} (${labels.areas.get(code)?.nameTh ?? code} ระดับ ${level})`,
        skillAreaCode: code,
        levelRank: Number(level),
        unitCodes: [],
      })),
      targetGroupCodes: groups.split(','),
      hours: { lecture: 0, workshop: 0, discussion: 0, role_play: 0, case_study: 0, e_learning: 0, on_the_job: 0, other: hours },
      delivery,
      pacing: delivery === 'online' ? 'self_paced' : 'instructor_led',
      assessmentMethod: 'แบบทดสอบหลังเรียน',
      instructors: [{ name: 'คณะวิทยากรของผู้ให้บริการ', qualifications: 'ตามที่ระบุในระบบเดิม' }],
      feeBaht: fee,
      language: 'th',
      provinceCode: province,
      frameworkId,
    };
    const validFrom = addDays(today, -(60 + i * 9));
    const [course] = await ctx.db
      .insert(courses)
      .values({
        providerId: provider.id,
        state: 'accredited',
        frameworkId,
        titleTh,
        titleEn,
        submittedAt: new Date(`${validFrom}T09:00:00+07:00`),
        accreditationNumber: demoNumber(i),
        accreditedAt: new Date(`${validFrom}T09:00:00+07:00`),
        validFrom,
        validUntil: addYears(validFrom, 2),
        stateChangedAt: new Date(`${validFrom}T09:00:00+07:00`),
        source: 'import',
        externalId: `DEMO-ONDE-${String(i + 1).padStart(3, '0')}`,
        createdBy: officer,
      })
      .returning({ id: courses.id });
    await ctx.db
      .insert(courseVersions)
      .values({ courseId: course.id, version: 1, content, submittedAt: new Date(`${validFrom}T09:00:00+07:00`) });
    n++;
  }
  return n;
}

/** Two upcoming runs for most public courses (one on-site, one online), and a finished run for the learner's course. */
async function seedRuns(ctx: DemoContext, courseIds: { id: string; titleTh: string; province: string | null }[]): Promise<number> {
  const today = todayInBangkok();
  let n = 0;
  for (const [i, c] of courseIds.entries()) {
    // Some courses have no run scheduled (the page says so): one in five, chosen by title so the same ones on every start.
    if ([...c.titleTh].reduce((sum, ch) => sum + (ch.codePointAt(0) ?? 0), 0) % 5 === 4) continue;
    const start = addDays(today, 14 + ((i * 11) % 120));
    await ctx.db.insert(courseRuns).values([
      {
        courseId: c.id,
        label: 'รุ่นที่ 1',
        startsOn: start,
        endsOn: addDays(start, 2),
        registrationDeadline: addDays(start, -7),
        mode: 'onsite',
        provinceCode: c.province ?? RUN_PROVINCES[i % RUN_PROVINCES.length],
        venue: 'ห้องฝึกอบรมของผู้ให้บริการ',
        seats: 40,
      },
      { courseId: c.id, label: 'รุ่นที่ 2 (ออนไลน์)', startsOn: addDays(start, 30), endsOn: addDays(start, 32), mode: 'online', seats: 200 },
    ]);
    n += 2;
  }
  return n;
}

/** The learner finished a run of the basic-skills course (and may rate it); other demo staff rated a few courses. */
async function seedCompletionsAndRatings(ctx: DemoContext, courseIds: { id: string; titleTh: string }[]) {
  const learner = ctx.accounts.get('learner')?.userId;
  const raters = (['supervisor', 'agency_admin', 'executive'] as const)
    .map((k) => ctx.accounts.get(k)?.userId)
    .filter((x): x is string => !!x);
  const basic = courseIds.find((c) => c.titleTh === 'ทักษะดิจิทัลพื้นฐานสำหรับงานบริการประชาชน');
  const today = todayInBangkok();
  let completions = 0;
  let ratings = 0;
  const complete = async (courseId: string, userId: string, label: string, daysAgo: number) => {
    const startsOn = addDays(today, -daysAgo);
    const [run] = await ctx.db
      .insert(courseRuns)
      .values({
        courseId,
        label,
        startsOn,
        endsOn: addDays(startsOn, 1),
        mode: 'onsite',
        provinceCode: '10',
        venue: 'กรุงเทพมหานคร',
        seats: 40,
      })
      .returning({ id: courseRuns.id });
    await ctx.db.insert(learningRecords).values({
      actorUserId: userId,
      verb: 'completed',
      objectType: 'course',
      objectId: courseId,
      runId: run.id,
      result: { completion: true },
      context: { runLabel: label },
      authority: 'provider:demo',
      occurredAt: new Date(`${addDays(startsOn, 1)}T16:00:00+07:00`),
    });
    completions++;
  };
  if (basic && learner) await complete(basic.id, learner, 'รุ่นพิเศษ (จบแล้ว)', 30);
  for (const [i, c] of courseIds.slice(0, 12).entries()) {
    for (const [j, userId] of raters.entries()) {
      if ((i + j) % 2 === 1) continue;
      await complete(c.id, userId, `รุ่นที่ผ่านมา ${j + 1}`, 60 + i);
      await ctx.db.insert(courseRatings).values({
        courseId: c.id,
        userId,
        content: 3 + ((i + j) % 3),
        instructor: 4 + ((i * j) % 2),
        usefulness: 3 + ((i + 2 * j) % 3),
        comment: j === 0 ? 'นำไปใช้ในงานได้จริง วิทยากรอธิบายชัดเจน' : null,
      });
      ratings++;
    }
  }
  return { completions, ratings };
}

export const catalogDemoSeeder: DemoSeeder = {
  name: 'catalog',
  isSeeded: async (ctx) => {
    const [row] = await ctx.db.select({ id: courses.id }).from(courses).where(like(courses.externalId, 'DEMO-ONDE-%')).limit(1);
    return !!row;
  },
  seed: async (ctx): Promise<Record<string, number>> => {
    const [framework] = await ctx.db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.isCurrent, true)).limit(1);
    if (!framework) return {};
    const officer = ctx.accounts.get('officer')?.userId ?? null;
    const imported = await seedImportedCourses(ctx, framework.id, officer);
    const publicCourses = await ctx.db
      .select({ id: courses.id, titleTh: courses.titleTh, province: sql<string | null>`${courseVersions.content}->>'provinceCode'` })
      .from(courses)
      .innerJoin(courseVersions, and(eq(courseVersions.courseId, courses.id), eq(courseVersions.version, courses.currentVersion)))
      .where(inArray(courses.state, [...PUBLIC_STATES]))
      .orderBy(courses.createdAt, courses.titleTh, courses.id);
    const runs = await seedRuns(ctx, publicCourses);
    const { completions, ratings } = await seedCompletionsAndRatings(ctx, publicCourses);
    for (const c of publicCourses) await syncCatalogEntry(ctx.db, c.id);
    return { importedCourses: imported, runs, completions, ratings };
  },
};
