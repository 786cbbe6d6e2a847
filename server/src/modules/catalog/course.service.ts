import { TEACHING_METHODS } from '../../../../common/contracts/accreditation.js';
import type { CatalogCourseView } from '../../../../common/contracts/catalog.js';
import { AppError } from '../../../../common/errors.js';
import { findProvince } from '../../../../common/provinces.js';
import type { Ctx } from '../../lib/context.js';
import { todayInBangkok } from '../../lib/thai-text.js';
import { canManageRuns, canRate, hrAgencyIds } from './policy.js';
import { presentEntrySummary, presentRun } from './present.js';
import * as repo from './repository.js';
import { cacheIn, type ResultCache } from '../../lib/result-cache.js';
import { catalogVersion } from './search.repository.js';
import { frameworkLabels } from './service.js';

const DAY_MS = 86_400_000;

/** What the signed-in caller may do on the page: rate (after completing), shortlist (agency HR), manage runs (its provider). */
async function abilitiesOf(ctx: Ctx, course: { id: string; providerId: string; state: string }) {
  const actor = ctx.actor;
  if (!actor) return { abilities: { rate: false, shortlistAgencies: [], manageRuns: false }, myRating: null };
  const [completed, rating, agencies] = await Promise.all([
    repo.hasCompleted(ctx.db, actor.userId, course.id),
    repo.findRating(ctx.db, course.id, actor.userId),
    repo.findAgencies(ctx.db, hrAgencyIds(actor)),
  ]);
  const listed = await repo.shortlistedBy(
    ctx.db,
    course.id,
    agencies.map((a) => a.id),
  );
  return {
    abilities: {
      rate: canRate(actor, { hasCompleted: completed, hasRated: !!rating }),
      shortlistAgencies: agencies.map((a) => ({ id: a.id, nameTh: a.nameTh, nameEn: a.nameEn, isShortlisted: listed.has(a.id) })),
      manageRuns: canManageRuns(actor, course),
    },
    myRating: rating
      ? { content: rating.content, instructor: rating.instructor, usefulness: rating.usefulness, comment: rating.comment ?? undefined }
      : null,
  };
}

type PublicCourseView = Omit<CatalogCourseView, 'abilities' | 'myRating'>;
const pageCaches = new WeakMap<object, ResultCache<PublicCourseView>>();

/**
 * A course's public page: everything a learner or an HR officer needs, with schema.org `Course` data;
 * anyone may read it. A course that is not in the catalogue (never accredited, or revoked) is 404. The part
 * that is the same for everyone is cached like search results; the caller's abilities are added to it.
 */
export async function getCatalogCourse(ctx: Ctx, id: string): Promise<CatalogCourseView> {
  const today = todayInBangkok();
  const cache = cacheIn(pageCaches, ctx.config);
  const version = await catalogVersion(ctx.db);
  let page = cache.get(`${id}|${today}`, version);
  if (!page) {
    page = await publicCourseView(ctx, id, today);
    cache.set(`${id}|${today}`, version, page);
  }
  return { ...page, ...(await abilitiesOf(ctx, { id, providerId: page.providerId, state: page.status })) };
}

async function publicCourseView(ctx: Ctx, id: string, today: string): Promise<PublicCourseView> {
  const row = await repo.findEntryWithContent(ctx.db, id);
  if (!row) throw AppError.notFound('course');
  const c = row.content;
  const labels = await frameworkLabels(ctx.db, row.framework_id);
  const [runs, rating, provider] = await Promise.all([
    repo.listRuns(ctx.db, id, { all: false, today }),
    repo.ratingSummary(ctx.db, id),
    repo.findProvider(ctx.db, row.provider_id),
  ]);
  const summary = presentEntrySummary(row);
  const runViews = runs.map((r) => presentRun({ ...r.run, completions: r.completions }));
  const view: Omit<PublicCourseView, 'jsonLd'> = {
    ...summary,
    summaryTh: row.summary_th,
    summaryEn: row.summary_en,
    objectives: c.objectives ?? [],
    outcomes: (c.outcomes ?? []).map((o) => ({
      ...o,
      unitCodes: o.unitCodes ?? [],
      skillAreaNameTh: labels.areas.get(o.skillAreaCode)?.nameTh ?? o.skillAreaCode,
      skillAreaNameEn: labels.areas.get(o.skillAreaCode)?.nameEn ?? o.skillAreaCode,
    })),
    targetGroupNames: summary.targetGroups.map((code) => ({
      code,
      nameTh: labels.groups.get(code)?.nameTh ?? code,
      nameEn: labels.groups.get(code)?.nameEn ?? code,
    })),
    prerequisites: c.prerequisites ?? null,
    hoursByMethod: row.is_imported
      ? null
      : (Object.fromEntries(TEACHING_METHODS.map((m) => [m, Number(c.hours?.[m] ?? 0)])) as CatalogCourseView['hoursByMethod']),
    assessmentMethod: c.assessmentMethod ?? null,
    instructors: c.instructors ?? [],
    capacity: c.capacity ?? null,
    conditions: row.conditions,
    daysUntilExpiry: row.valid_until ? Math.round((Date.parse(row.valid_until) - Date.parse(today)) / DAY_MS) : null,
    provider: {
      id: provider.id,
      nameTh: provider.nameTh,
      nameEn: provider.nameEn,
      kind: provider.kind,
      provinceCode: provider.provinceCode,
    },
    runs: runViews,
    rating,
  };
  return { ...view, jsonLd: courseJsonLd(view, ctx.config.BASE_URL) };
}

/** schema.org `Course` with its runs as `CourseInstance`s and its fee as an `Offer` (https://schema.org/Course). */
export function courseJsonLd(v: Omit<PublicCourseView, 'jsonLd'>, baseUrl: string): Record<string, unknown> {
  const url = `${baseUrl}/catalog/courses/${v.id}`;
  const mode = (m: string) => (m === 'online' ? 'online' : m === 'blended' ? 'blended' : 'onsite');
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    '@id': url,
    url,
    name: v.titleTh,
    alternateName: v.titleEn || undefined,
    description: v.summaryTh,
    inLanguage: v.language === 'th_en' ? ['th', 'en'] : v.language,
    courseCode: v.accreditationNumber ?? undefined,
    provider: { '@type': 'Organization', name: v.provider.nameTh, alternateName: v.provider.nameEn || undefined },
    educationalCredentialAwarded: v.accreditationNumber ? `หลักสูตรที่ได้รับการรับรอง ${v.accreditationNumber}` : undefined,
    teaches: v.outcomes.map((o) => o.textTh),
    timeRequired: `PT${v.hours}H`,
    ...(v.rating.count > 0 && v.rating.average !== null
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: v.rating.average,
            ratingCount: v.rating.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
    offers: {
      '@type': 'Offer',
      category: v.feeBaht === 0 ? 'Free' : 'Paid',
      price: v.feeBaht,
      priceCurrency: 'THB',
      url,
    },
    hasCourseInstance:
      v.runs.length > 0
        ? v.runs.map((r) => ({
            '@type': 'CourseInstance',
            name: r.label,
            courseMode: mode(r.mode),
            startDate: r.startsOn,
            endDate: r.endsOn,
            ...(r.mode === 'onsite' && r.provinceCode
              ? {
                  location: {
                    '@type': 'Place',
                    name: r.venue ?? findProvince(r.provinceCode)?.nameTh,
                    address: findProvince(r.provinceCode)?.nameTh,
                  },
                }
              : {}),
            courseWorkload: `PT${v.hours}H`,
          }))
        : [{ '@type': 'CourseInstance', courseMode: mode(v.deliveryMode), courseWorkload: `PT${v.hours}H` }],
  };
}

/** A provider's public page: who they are and how many accredited courses they offer (the list comes from search). */
export async function getCatalogProvider(ctx: Ctx, id: string) {
  const provider = await repo.findProvider(ctx.db, id);
  if (provider?.status !== 'verified') throw AppError.notFound('provider');
  return {
    id: provider.id,
    nameTh: provider.nameTh,
    nameEn: provider.nameEn,
    kind: provider.kind,
    provinceCode: provider.provinceCode,
    website: provider.website,
    courseCount: await repo.countProviderEntries(ctx.db, id),
  };
}
