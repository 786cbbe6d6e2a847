import { eq, inArray } from 'drizzle-orm';
import type { CourseDraft } from '../../../../common/contracts/accreditation.js';
import type { Db } from '../../db/client.js';
import { courses, courseVersions, providers } from '../../db/schema/index.js';

/** Which external course holds each accreditation number (null: a course made here). */
export async function findNumberHolders(db: Db, numbers: string[]): Promise<Map<string, string | null>> {
  if (numbers.length === 0) return new Map();
  const rows = await db
    .select({ number: courses.accreditationNumber, externalId: courses.externalId })
    .from(courses)
    .where(inArray(courses.accreditationNumber, numbers));
  return new Map(rows.map((r) => [r.number as string, r.externalId]));
}

/** The provider with this tax id, or a new verified one (the old system had verified it). */
export async function findOrCreateProvider(db: Db, p: { taxId: string; name: string; kind: string; officerId: string }): Promise<string> {
  const [found] = await db.select({ id: providers.id }).from(providers).where(eq(providers.taxId, p.taxId)).limit(1);
  if (found) return found.id;
  const [created] = await db
    .insert(providers)
    .values({
      nameTh: p.name,
      nameEn: p.name,
      kind: p.kind,
      taxId: p.taxId,
      status: 'verified',
      decidedAt: new Date(),
      decidedBy: p.officerId,
    })
    .returning({ id: providers.id });
  return created.id;
}

interface ImportedCourse {
  externalId: string;
  providerId: string;
  frameworkId: string;
  titleTh: string;
  titleEn: string;
  accreditationNumber: string;
  validFrom: string;
  validUntil: string;
  state: 'accredited' | 'expired';
  content: CourseDraft;
  createdBy: string;
}

/** States an import may set; a course an officer has since suspended or revoked keeps that state. */
const REFRESHABLE = ['accredited', 'accredited_with_conditions', 'expired'];

/** Creates the imported course with its one version, or updates the course with this external id. */
export async function upsertImportedCourse(db: Db, c: ImportedCourse): Promise<{ courseId: string; created: boolean }> {
  const [existing] = await db
    .select({ id: courses.id, state: courses.state })
    .from(courses)
    .where(eq(courses.externalId, c.externalId))
    .for('update')
    .limit(1);
  const fields = {
    providerId: c.providerId,
    frameworkId: c.frameworkId,
    titleTh: c.titleTh,
    titleEn: c.titleEn,
    accreditationNumber: c.accreditationNumber,
    accreditedAt: new Date(`${c.validFrom}T00:00:00+07:00`),
    validFrom: c.validFrom,
    validUntil: c.validUntil,
  };
  if (existing) {
    const state = REFRESHABLE.includes(existing.state) ? c.state : existing.state;
    await db
      .update(courses)
      .set({ ...fields, state, stateChangedAt: new Date() })
      .where(eq(courses.id, existing.id));
    await db.update(courseVersions).set({ content: c.content }).where(eq(courseVersions.courseId, existing.id));
    return { courseId: existing.id, created: false };
  }
  const now = new Date();
  const [course] = await db
    .insert(courses)
    .values({
      ...fields,
      state: c.state,
      source: 'import',
      externalId: c.externalId,
      submittedAt: now,
      stateChangedAt: now,
      createdBy: c.createdBy,
    })
    .returning({ id: courses.id });
  await db.insert(courseVersions).values({ courseId: course.id, version: 1, content: c.content, submittedAt: now });
  return { courseId: course.id, created: true };
}
