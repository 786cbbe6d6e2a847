import { OPEN_DATA_COLUMNS } from '../../../../common/catalog-columns.js';
import type { CatalogCourseSummary, CourseRunView } from '../../../../common/contracts/catalog.js';
import type { courseRuns } from '../../db/schema/index.js';
import type { EntryRow } from './search.repository.js';

/** The public fields of a catalogue entry (search lists, shortlists, provider pages). */
export function presentEntrySummary(r: EntryRow): Omit<CatalogCourseSummary, 'titleParts' | 'snippet'> {
  return {
    id: r.course_id,
    titleTh: r.title_th,
    titleEn: r.title_en,
    providerId: r.provider_id,
    providerNameTh: r.provider_name_th,
    providerNameEn: r.provider_name_en,
    accreditationNumber: r.accreditation_number,
    status: r.status,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    targetGroups: r.target_groups,
    skillAreas: r.skill_levels.map((s) => {
      const [code, level] = s.split(':');
      return { code, level: Number(level) };
    }),
    hours: Number(r.hours),
    deliveryMode: r.delivery,
    pacing: r.pacing,
    language: r.language,
    feeBaht: Number(r.fee_baht),
    provinces: r.provinces,
    isOnline: r.is_online,
    nextRunOn: r.next_run_on,
    ratingAvg: r.rating_avg === null ? null : Number(r.rating_avg),
    ratingCount: r.rating_count,
  };
}

/** A summary without highlights, where there is no query. */
export function presentPlainSummary(r: EntryRow): CatalogCourseSummary {
  return { ...presentEntrySummary(r), titleParts: [{ text: r.title_th, match: false }], snippet: [{ text: r.summary_th, match: false }] };
}

export function presentRun(r: typeof courseRuns.$inferSelect & { completions?: number }): CourseRunView {
  return {
    id: r.id,
    courseId: r.courseId,
    label: r.label,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    registrationDeadline: r.registrationDeadline,
    mode: r.mode as CourseRunView['mode'],
    provinceCode: r.provinceCode,
    venue: r.venue,
    seats: r.seats,
    isCancelled: r.isCancelled,
    completions: r.completions ?? 0,
  };
}

/** One open-data record: the data dictionary's columns, in its order, as text-friendly values. */
export function presentOpenRecord(r: EntryRow & { updated_at: string; unit_codes: string[] }, baseUrl: string) {
  const values: Record<string, string | number | boolean | null> = {
    id: r.course_id,
    accreditationNumber: r.accreditation_number,
    status: r.status,
    titleTh: r.title_th,
    titleEn: r.title_en,
    descriptionTh: r.summary_th,
    descriptionEn: r.summary_en,
    providerId: r.provider_id,
    providerName: r.provider_name_th,
    providerNameEn: r.provider_name_en,
    targetGroups: r.target_groups.join('|'),
    skillAreas: r.skill_levels.join('|'),
    unitCodes: r.unit_codes.join('|'),
    hours: Number(r.hours),
    deliveryMode: r.delivery,
    pacing: r.pacing,
    language: r.language,
    fee: Number(r.fee_baht),
    province: r.provinces[0] ?? null,
    isOnline: r.is_online,
    nextRunOn: r.next_run_on,
    accreditedFrom: r.valid_from,
    accreditedUntil: r.valid_until,
    ratingAvg: r.rating_avg === null ? null : Number(r.rating_avg),
    ratingCount: r.rating_count,
    url: `${baseUrl}/catalog/courses/${r.course_id}`,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
  return Object.fromEntries(OPEN_DATA_COLUMNS.map((c) => [c.key, values[c.key] ?? null]));
}
