import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { frameworks, selfAssessmentStatements, skillAreas } from '../schema/index.js';

/**
 * SAMPLE behavioural statements for the self-assessment: one per skill area and level of the current
 * framework, written by the platform team from the working level labels (1 with guidance, 2 on one's own
 * in routine work, 3 adapts and guides others). No official statements were found (framework facts:
 * the 18 expected roles and behaviours were not retrieved), so every row is stored with is_sample = true
 * and shown as a sample until an assessment author or framework admin rewrites it.
 */
export const SAMPLE_STATEMENTS: Record<string, [string, string][]> = {
  DL: [
    [
      'ฉันใช้คอมพิวเตอร์ อีเมล และโปรแกรมสำนักงานพื้นฐานทำงานประจำวันได้เมื่อมีคำแนะนำ',
      'With guidance, I use a computer, e-mail and basic office software for daily work.',
    ],
    [
      'ฉันค้นหา ประเมินความน่าเชื่อถือ และจัดเก็บข้อมูลดิจิทัลในงานของตนได้ด้วยตนเอง',
      'On my own, I find, judge and file the digital information my work needs.',
    ],
    [
      'ฉันแนะนำเพื่อนร่วมงานให้เลือกใช้เครื่องมือดิจิทัลที่เหมาะกับงานและช่วยแก้ปัญหาการใช้งานได้',
      'I guide colleagues in choosing digital tools for their work and help them solve problems using them.',
    ],
  ],
  DG: [
    ['ฉันรู้ว่ากฎหมายคุ้มครองข้อมูลส่วนบุคคลและระเบียบด้านดิจิทัลใดเกี่ยวข้องกับงานของฉัน', 'I know which personal-data and digital rules apply to my work.'],
    [
      'ฉันปฏิบัติตามกฎหมายคุ้มครองข้อมูลส่วนบุคคลและมาตรฐานรัฐบาลดิจิทัลในงานประจำได้ด้วยตนเอง',
      'On my own, I follow personal-data law and digital-government standards in routine work.',
    ],
    ['ฉันวางแนวปฏิบัติด้านธรรมาภิบาลข้อมูลให้หน่วยงานและให้คำปรึกษาผู้อื่นได้', 'I set data-governance practices for my unit and advise others on them.'],
  ],
  DLD: [
    ['ฉันเข้าใจเหตุผลที่หน่วยงานต้องปรับเปลี่ยนสู่รัฐบาลดิจิทัล', 'I understand why my agency needs to move to digital government.'],
    ['ฉันเสนอและนำการปรับปรุงงานด้วยเครื่องมือดิจิทัลในทีมของฉันได้', "I propose and lead digital improvements to my team's work."],
    ['ฉันกำหนดทิศทางและขับเคลื่อนการเปลี่ยนแปลงดิจิทัลระดับหน่วยงานได้', 'I set the direction of digital change for my agency and drive it.'],
  ],
  DT: [
    ['ฉันใช้แอปพลิเคชันและบริการคลาวด์ที่หน่วยงานจัดให้ได้เมื่อมีคำแนะนำ', 'With guidance, I use the applications and cloud services my agency provides.'],
    ['ฉันเลือกและตั้งค่าเครื่องมือดิจิทัลเพื่อให้งานประจำทำได้อัตโนมัติด้วยตนเอง', 'On my own, I choose and set up digital tools to automate routine work.'],
    ['ฉันออกแบบการนำเทคโนโลยีใหม่มาใช้ในหน่วยงานและสอนผู้อื่นได้', 'I design how new technology is adopted in my unit and teach others to use it.'],
  ],
  DS: [
    ['ฉันเข้าใจว่าบริการภาครัฐดิจิทัลที่ดีต้องยึดประชาชนเป็นศูนย์กลาง', 'I understand that good digital public services are built around citizens.'],
    [
      'ฉันปรับขั้นตอนบริการในงานของฉันให้ประชาชนทำผ่านช่องทางดิจิทัลได้ด้วยตนเอง',
      'On my own, I redesign steps of my service so citizens can complete them online.',
    ],
    ['ฉันออกแบบบริการดิจิทัลใหม่ร่วมกับผู้ใช้บริการและชี้แนะทีมได้', 'I design new digital services together with their users and coach the team.'],
  ],
  DU: [
    ['ฉันอ่านตารางและกราฟข้อมูลในงานของฉันได้เมื่อมีคำแนะนำ', 'With guidance, I read the tables and charts in my work.'],
    ['ฉันวิเคราะห์ข้อมูลด้วยสเปรดชีตเพื่อประกอบการตัดสินใจได้ด้วยตนเอง', 'On my own, I analyse data in spreadsheets to support decisions.'],
    ['ฉันวางแผนการแบ่งปันและใช้ข้อมูลร่วมกันระหว่างหน่วยงานและแนะนำผู้อื่นได้', 'I plan data sharing between agencies and guide others in it.'],
  ],
  CS: [
    ['ฉันตั้งรหัสผ่านที่ปลอดภัยและสังเกตอีเมลหลอกลวงได้เมื่อมีคำแนะนำ', 'With guidance, I set safe passwords and spot phishing e-mails.'],
    [
      'ฉันปฏิบัติตามนโยบายความมั่นคงปลอดภัยไซเบอร์ของหน่วยงานและรายงานเหตุผิดปกติได้ด้วยตนเอง',
      "On my own, I follow my agency's cyber-security policy and report incidents.",
    ],
    ['ฉันประเมินความเสี่ยงไซเบอร์ของงานและสอนผู้อื่นให้ป้องกันได้', 'I assess the cyber risks of our work and teach others to prevent them.'],
  ],
};

/**
 * Puts the sample statements into the current framework if it has none yet (idempotent: a framework whose
 * statements an editor has touched is never refilled). Returns how many were added.
 */
export async function seedSampleStatements(db: Db): Promise<number> {
  const [current] = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.isCurrent, true)).limit(1);
  if (!current) return 0;
  const [existing] = await db
    .select({ id: selfAssessmentStatements.id })
    .from(selfAssessmentStatements)
    .where(eq(selfAssessmentStatements.frameworkId, current.id))
    .limit(1);
  if (existing) return 0;
  const areas = await db
    .select({ code: skillAreas.code })
    .from(skillAreas)
    .where(and(eq(skillAreas.frameworkId, current.id)));
  const rows = areas.flatMap((a) =>
    (SAMPLE_STATEMENTS[a.code] ?? []).map(([textTh, textEn], i) => ({
      frameworkId: current.id,
      skillAreaCode: a.code,
      level: i + 1,
      textTh,
      textEn,
      sortOrder: 0,
      isSample: true,
    })),
  );
  if (rows.length) await db.insert(selfAssessmentStatements).values(rows);
  return rows.length;
}
