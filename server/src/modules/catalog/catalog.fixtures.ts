import { eq } from 'drizzle-orm';
import { withCheckDigit } from '../../../../common/citizen-id.js';
import type { CourseContent } from '../../../../common/contracts/accreditation.js';
import type { Db } from '../../db/client.js';
import { courses, courseVersions, frameworks, providers } from '../../db/schema/index.js';
import { syncCatalogEntry } from './service.js';

/** A course as the catalogue tests describe it: only what matters for search, the rest filled in. */
export interface CatalogCourseSpec {
  titleTh: string;
  titleEn: string;
  summaryTh: string;
  summaryEn?: string;
  provider: string;
  providerEn?: string;
  /** Skill area code and the level the course raises. */
  areas: [string, number][];
  groups: string[];
  units?: string[];
  delivery?: CourseContent['delivery'];
  language?: CourseContent['language'];
  feeBaht?: number;
  hours?: number;
  provinceCode?: string;
  state?: 'accredited' | 'accredited_with_conditions' | 'suspended' | 'expired' | 'revoked';
  accreditedDaysAgo?: number;
  objectives?: string[];
  /** A unique test number unless given. */
  accreditationNumber?: string;
}

const providerIds = new WeakMap<Db, Map<string, string>>();
let seq = 0;

async function currentFramework(db: Db): Promise<string> {
  const [f] = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.isCurrent, true)).limit(1);
  return f.id;
}

/** The provider named `name` (verified), created on first use for this database. */
export async function catalogProvider(db: Db, name: string, nameEn = name): Promise<string> {
  const byName = providerIds.get(db) ?? new Map<string, string>();
  providerIds.set(db, byName);
  const known = byName.get(name);
  if (known) return known;
  seq++;
  const [p] = await db
    .insert(providers)
    .values({
      nameTh: name,
      nameEn,
      kind: 'government',
      taxId: withCheckDigit(`0${String(Date.now() % 1e6).padStart(6, '0')}${String(seq).padStart(5, '0')}`),
      status: 'verified',
      provinceCode: '10',
    })
    .returning({ id: providers.id });
  byName.set(name, p.id);
  return p.id;
}

/** Inserts an accredited (or other public-state) course with its version and builds its catalogue entry. */
export async function buildCatalogCourse(db: Db, spec: CatalogCourseSpec): Promise<string> {
  seq++;
  const frameworkId = await currentFramework(db);
  const providerId = await catalogProvider(db, spec.provider, spec.providerEn);
  const hours = spec.hours ?? 12;
  const content: CourseContent = {
    titleTh: spec.titleTh,
    titleEn: spec.titleEn,
    summaryTh: spec.summaryTh,
    summaryEn: spec.summaryEn,
    objectives: spec.objectives ?? [`ผู้เรียนนำความรู้เรื่อง${spec.titleTh}ไปใช้ในงานได้`],
    outcomes: spec.areas.map(([code, level]) => ({
      textTh: `ประยุกต์ใช้ ${spec.titleTh} ในงาน`,
      skillAreaCode: code,
      levelRank: level,
      unitCodes: spec.units ?? [],
    })),
    targetGroupCodes: spec.groups,
    hours: { lecture: hours / 2, workshop: hours / 2, discussion: 0, role_play: 0, case_study: 0, e_learning: 0, on_the_job: 0, other: 0 },
    delivery: spec.delivery ?? 'classroom',
    pacing: 'instructor_led',
    assessmentMethod: 'แบบทดสอบหลังเรียนและงานมอบหมาย',
    instructors: [{ name: 'ดร.วิทยากร ตัวอย่าง', qualifications: 'ปริญญาเอก' }],
    feeBaht: spec.feeBaht ?? 0,
    language: spec.language ?? 'th',
    provinceCode: spec.provinceCode,
    frameworkId,
  };
  const accreditedAt = new Date(Date.now() - (spec.accreditedDaysAgo ?? seq) * 86_400_000);
  const validFrom = accreditedAt.toISOString().slice(0, 10);
  const validUntil =
    spec.state === 'expired'
      ? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
      : `${accreditedAt.getUTCFullYear() + 2}${validFrom.slice(4)}`;
  const [course] = await db
    .insert(courses)
    .values({
      providerId,
      state: spec.state ?? 'accredited',
      frameworkId,
      titleTh: spec.titleTh,
      titleEn: spec.titleEn,
      submittedAt: accreditedAt,
      accreditationNumber:
        spec.accreditationNumber ?? `ทดสอบ-2569-${String(seq).padStart(4, '0')}-${Math.random().toString(36).slice(2, 6)}`,
      accreditedAt,
      validFrom,
      validUntil,
    })
    .returning({ id: courses.id });
  await db.insert(courseVersions).values({ courseId: course.id, version: 1, content, submittedAt: accreditedAt });
  await syncCatalogEntry(db, course.id);
  return course.id;
}
