import type { FactCheckSearchResult, FactCheckView, SearchFactChecksQuery, Verdict } from '../../../../common/contracts/factcheck.js';
import { AppError } from '../../../../common/errors.js';
import { actorHasRole } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { queryTokens } from '../../lib/thai-search.js';
import { getMyVolunteer } from '../volunteers/volunteers.service.js';
import { claimReviewJsonLd } from './present.js';
import * as repo from './repository.js';

/** Word similarity for the fallback on typos, as the catalogue's (decision 007). */
const SIMILARITY_THRESHOLD = 0.4;

function excerpt(text: string, max = 220): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * Whose province comes first: the one asked for; for a volunteer, their home village's province in the
 * volunteer registry (or, before they are registered, the province they last reported a claim from).
 */
async function nearProvinceFor(ctx: Ctx, q: SearchFactChecksQuery): Promise<string | null> {
  if (q.nearProvince) return q.nearProvince;
  if (!ctx.actor || !actorHasRole(ctx.actor, 'volunteer')) return null;
  const { volunteer } = await getMyVolunteer(ctx);
  return volunteer?.provinceCode ?? repo.lastClaimProvinceOf(ctx.db, ctx.actor.userId);
}

/**
 * Public search of published fact-checks, Thai-aware as the catalogue's (same segmenter and `catalog_query`,
 * trigram similarity of the claim when nothing matches word for word), filtered by verdict, province and
 * platform; without words, the newest first — those seen in the volunteer's province before the rest.
 */
export async function searchFactChecks(ctx: Ctx, q: SearchFactChecksQuery): Promise<FactCheckSearchResult> {
  const nearProvince = await nearProvinceFor(ctx, q);
  const f = { ...q, nearProvince: nearProvince ?? undefined };
  const tokens = q.q ? queryTokens(q.q) : [];
  let mode: FactCheckSearchResult['mode'] = tokens.length ? 'fulltext' : 'browse';
  let rows = await repo.searchChecks(ctx.db, f, tokens.length ? { kind: 'fulltext', tokens } : { kind: 'none' });
  if (rows.length === 0 && q.q && tokens.length) {
    const similar = q.q.normalize('NFC').toLowerCase();
    rows = await ctx.db.transaction(async (tx) => {
      await repo.applyWordSimilarityThreshold(tx, SIMILARITY_THRESHOLD);
      return repo.searchChecks(tx, f, { kind: 'similar', q: similar });
    });
    mode = 'similar';
  }
  return {
    items: rows.map((r) => ({
      id: r.id,
      claimReviewed: r.claim_reviewed,
      verdict: r.verdict as Verdict,
      explanationExcerpt: excerpt(r.explanation_th),
      publishedAt: new Date(r.published_at).toISOString(),
      requestCount: r.request_count,
      provinces: r.provinces,
      platforms: r.platforms,
      isNear: r.is_near,
    })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    mode,
    nearProvince,
  };
}

/** A published check's public page, with its one schema.org ClaimReview; anything unpublished is 404. */
export async function getFactCheck(ctx: Ctx, id: string): Promise<FactCheckView> {
  const group = await repo.findGroup(ctx.db, id);
  if (group?.status !== 'published' || !group.verdict) throw AppError.notFound('fact-check');
  const [verdicts, appearances] = await Promise.all([repo.listVerdicts(ctx.db, id), repo.groupAppearances(ctx.db, id)]);
  const view: Omit<FactCheckView, 'jsonLd'> = {
    id: group.id,
    claimReviewed: group.claimReviewed ?? group.sampleText,
    verdict: group.verdict as Verdict,
    explanationTh: group.explanationTh ?? '',
    explanationEn: group.explanationEn,
    sources: group.sources ?? [],
    publishedAt: new Date(group.publishedAt as Date).toISOString(),
    firstPublishedAt: new Date(group.firstPublishedAt as Date).toISOString(),
    version: group.verdictVersion,
    corrections: verdicts
      .filter(({ v }) => v.version > 1)
      .map(({ v }) => ({ version: v.version, publishedAt: new Date(v.publishedAt).toISOString(), correctionNote: v.correctionNote })),
    requestCount: group.requestCount,
    provinces: group.provinces,
    platforms: group.platforms,
    firstSeenAt: new Date(group.firstSeenAt).toISOString(),
    appearances,
  };
  return { ...view, jsonLd: claimReviewJsonLd(view, ctx.config.BASE_URL) };
}
