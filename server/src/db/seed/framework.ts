import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { competencyUnits, frameworks, proficiencyLevels, requiredLevels, skillAreas, targetGroups } from '../schema/index.js';

/**
 * The reference facts (shared/reference/framework.json, copied beside this file so the project installs from
 * its own files). Each seeded item keeps its verification label; nothing unconfirmed is presented as official.
 */
interface Reference {
  sources: { id: string; url: string; title: string }[];
  targetGroups: { code: string; nameTh: string; nameThShort: string; nameEn: string; verified: boolean; sourceIds: string[] }[];
  skillGroups: {
    code: string;
    type: 'core' | 'optional';
    nameEn: string;
    descriptionEn: string;
    nameThWorking: string;
    sourceIds: string[];
  }[];
  tpqi: {
    units: {
      code: string;
      titleTh: string;
      titleEn: string;
      groups: string[] | null;
      standard: string;
      areaInferred: string | null;
      reviewed: string | null;
      sourceUrl: string;
    }[];
  };
}

const here = dirname(fileURLToPath(import.meta.url));
export const reference: Reference = JSON.parse(readFileSync(join(here, 'framework-reference.json'), 'utf8'));

export const CURRENT_CODE = 'OCSC-TPQI-2567';
export const LEGACY_CODE = 'OCSC-2560';

/** Working Thai descriptions of the 2567 areas (restated from the English source, not official text). */
const DESCRIPTION_TH: Record<string, string> = {
  DL: 'เข้าใจและใช้เทคโนโลยีดิจิทัลในการทำงาน',
  DG: 'ปฏิบัติตามและประยุกต์ใช้กฎหมายและระเบียบด้านดิจิทัล',
  DLD: 'นำการเปลี่ยนแปลงสู่องค์กรดิจิทัล',
  DT: 'ใช้เทคโนโลยีเพื่อปรับปรุงการทำงานของตน',
  DS: 'สร้างนวัตกรรมเพื่อยกระดับบริการภาครัฐ',
  DU: 'ใช้และแบ่งปันข้อมูลเพื่อประโยชน์ขององค์กร',
  CS: 'ความมั่นคงปลอดภัยและความยืดหยุ่นทางไซเบอร์',
};

const AREA_BY_NAME: Record<string, string> = {
  'Digital Literacy': 'DL',
  'Digital Literacy (IT-user)': 'DL',
  'Digital Governance': 'DG',
  'Digital Leadership': 'DLD',
  'Digital Technology': 'DT',
  'Digital Service': 'DS',
  'Data Utilization and Sharing': 'DU',
  'Cyber Security': 'CS',
};

/**
 * Sample levels: TPQI's IT-user standard runs in three levels (a partial fact); their names and
 * descriptions here are the platform's working labels, to be confirmed by a framework admin.
 */
const LEVELS = [
  { rank: 1, nameTh: 'พื้นฐาน', nameEn: 'Basic', descriptionTh: 'ใช้งานได้ตามคำแนะนำ', descriptionEn: 'Applies the skill with guidance' },
  {
    rank: 2,
    nameTh: 'กลาง',
    nameEn: 'Intermediate',
    descriptionTh: 'ใช้งานได้ด้วยตนเองในงานประจำ',
    descriptionEn: 'Applies the skill independently in routine work',
  },
  {
    rank: 3,
    nameTh: 'สูง',
    nameEn: 'Advanced',
    descriptionTh: 'ประยุกต์และถ่ายทอดให้ผู้อื่นได้',
    descriptionEn: 'Adapts the skill and guides others',
  },
];

/**
 * SAMPLE required levels (no official target group × skill area table was found). Core areas apply to
 * every group; optional areas are set for the groups whose work obviously calls for them. Every cell is
 * stored with is_sample = true until an admin confirms it in a new version.
 */
const SAMPLE_MATRIX: Record<string, Record<string, number | null>> = {
  EXECUTIVE: { DL: 2, DG: 3, DLD: 3, DT: null, DS: 2, DU: 2, CS: 1 },
  MANAGEMENT: { DL: 2, DG: 2, DLD: 3, DT: null, DS: 2, DU: 2, CS: 1 },
  ACADEMIC: { DL: 2, DG: 2, DLD: 1, DT: 1, DS: null, DU: 2, CS: null },
  SERVICE: { DL: 2, DG: 1, DLD: 1, DT: null, DS: 2, DU: null, CS: null },
  TECHNOLOGY: { DL: 3, DG: 2, DLD: 1, DT: 3, DS: 2, DU: 2, CS: 3 },
  OTHERS: { DL: 1, DG: 1, DLD: 1, DT: null, DS: null, DU: null, CS: null },
};

const CURRENT_UNIT_PREFIXES = ['DG-', 'CEC-ITC-', 'CEC-NRUZ-'];

function targetGroupRows(frameworkId: string) {
  return reference.targetGroups.map((g, i) => ({
    frameworkId,
    code: g.code,
    nameTh: g.nameTh,
    nameThShort: g.nameThShort,
    nameEn: g.nameEn,
    sortOrder: i + 1,
    verification: g.verified ? 'verified' : 'unverified',
    sources: g.sourceIds,
  }));
}

function unitRows(frameworkId: string, pick: (code: string) => boolean) {
  return reference.tpqi.units
    .filter((u) => pick(u.code))
    .map((u) => ({
      frameworkId,
      code: u.code,
      titleTh: u.titleTh,
      titleEn: u.titleEn,
      standardTh: u.standard,
      skillAreaCode: u.areaInferred ? (AREA_BY_NAME[u.areaInferred] ?? null) : null,
      isSkillAreaInferred: true,
      targetGroupCodes: u.groups,
      sourceUrl: u.sourceUrl,
      reviewed: u.reviewed,
      verification: 'verified',
    }));
}

/**
 * Loads the framework versions once (idempotent): the current 2567 framework, published, and the 2560
 * (2017) guideline as a draft, because its own seven skill groups were not confirmed by any source and
 * must be completed by an admin before it can be published.
 */
export async function seedFramework(db: Db): Promise<void> {
  const [existing] = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.code, CURRENT_CODE)).limit(1);
  if (existing) return;
  await db.transaction(async (tx) => {
    const [current] = await tx
      .insert(frameworks)
      .values({
        code: CURRENT_CODE,
        titleTh: 'สมรรถนะสนับสนุนการทำงานด้านดิจิทัลสำหรับข้าราชการและบุคลากรภาครัฐ (พ.ศ. 2567)',
        titleEn: 'Digital Government supporting competency for civil servants and state personnel (2024)',
        yearBe: 2567,
        status: 'published',
        isCurrent: true,
        publishedAt: new Date('2024-11-18T00:00:00Z'),
        sourceNoteTh:
          'ด้านทักษะ 7 ด้าน (ด้านหลัก 3 ด้าน ด้านเลือก 4 ด้าน) ตามหน้าเว็บ สคช. (18/11/2567) และแนวทางการพัฒนาบุคลากรภาครัฐ พ.ศ. 2566–2570 ชื่อภาษาไทยของด้านทักษะเป็นชื่อใช้งานชั่วคราว ระดับและตารางระดับที่ต้องการเป็นค่าตัวอย่างจนกว่าจะได้รับการยืนยัน',
        sourceNoteEn:
          'Seven skill areas (3 core, 4 optional) from TPQI (18/11/2567) and the CSC guidelines 2023–2027. Thai area names are working labels; levels and the required-level matrix are samples until confirmed.',
      })
      .returning();
    await tx.insert(skillAreas).values(
      reference.skillGroups.map((s, i) => ({
        frameworkId: current.id,
        code: s.code,
        kind: s.type,
        nameTh: s.nameThWorking,
        nameEn: s.nameEn,
        descriptionTh: DESCRIPTION_TH[s.code] ?? null,
        descriptionEn: s.descriptionEn,
        isNameThOfficial: false,
        sortOrder: i + 1,
        verification: 'verified',
        sources: s.sourceIds,
      })),
    );
    await tx.insert(targetGroups).values(targetGroupRows(current.id));
    await tx.insert(proficiencyLevels).values(LEVELS.map((l) => ({ ...l, frameworkId: current.id, verification: 'sample' })));
    await tx.insert(competencyUnits).values(unitRows(current.id, (c) => CURRENT_UNIT_PREFIXES.some((p) => c.startsWith(p))));
    await tx.insert(requiredLevels).values(
      Object.entries(SAMPLE_MATRIX).flatMap(([group, row]) =>
        Object.entries(row).map(([area, level]) => ({
          frameworkId: current.id,
          targetGroupCode: group,
          skillAreaCode: area,
          levelRank: level,
          isSample: true,
        })),
      ),
    );

    const [legacy] = await tx
      .insert(frameworks)
      .values({
        code: LEGACY_CODE,
        titleTh: 'แนวทางการพัฒนาทักษะด้านดิจิทัลของข้าราชการและบุคลากรภาครัฐ (มติ ครม. 26 ก.ย. 2560)',
        titleEn: 'OCSC guideline on the digital skills of civil servants and state personnel (cabinet resolution 26 Sep 2017)',
        yearBe: 2560,
        status: 'draft',
        isCurrent: false,
        sourceNoteTh:
          'กลุ่มเป้าหมาย 6 กลุ่มและหน่วยสมรรถนะของ สคช. ที่ระบุกลุ่มเป้าหมายได้รับการยืนยันแล้ว ส่วนกลุ่มทักษะ 7 กลุ่มของแนวทางฉบับนี้ยังไม่พบในแหล่งข้อมูลที่ตรวจสอบได้ จึงยังไม่ได้บรรจุไว้ ผู้ดูแลกรอบสมรรถนะต้องเพิ่มจากเอกสารแนวทางก่อนเผยแพร่',
        sourceNoteEn:
          'The six target groups and the TPQI units mapped to them are confirmed. The guideline’s own seven skill groups were not found in any retrievable source, so none are seeded: add them from the guideline before publishing.',
      })
      .returning();
    await tx.insert(targetGroups).values(targetGroupRows(legacy.id));
    await tx.insert(proficiencyLevels).values(LEVELS.map((l) => ({ ...l, frameworkId: legacy.id, verification: 'sample' })));
    await tx.insert(competencyUnits).values(unitRows(legacy.id, (c) => !c.startsWith('DG-')));
  });
}
