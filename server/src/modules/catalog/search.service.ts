import type { CourseSuggestion, FacetName, FacetValue, SearchCoursesQuery, SearchResult } from '../../../../common/contracts/catalog.js';
import { FACET_NAMES } from '../../../../common/contracts/catalog.js';
import { findProvince } from '../../../../common/provinces.js';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { highlight, queryTokens } from '../../lib/thai-search.js';
import { getFramework } from '../framework/service.js';
import { presentEntrySummary } from './present.js';
import { cacheIn, type ResultCache } from '../../lib/result-cache.js';
import * as repo from './search.repository.js';

const searchCaches = new WeakMap<object, ResultCache<SearchResult>>();
const suggestionCaches = new WeakMap<object, ResultCache<CourseSuggestion[]>>();

/** The cache key: the query with its lists sorted, so `a,b` and `b,a` share a result. */
function cacheKey(q: SearchCoursesQuery): string {
  const norm = Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, Array.isArray(v) ? [...v].map(String).sort() : v] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(norm);
}

const STATIC_LABELS: Partial<Record<FacetName, Record<string, [string, string]>>> = {
  deliveryMode: { classroom: ['ในห้องเรียน', 'Classroom'], online: ['ออนไลน์', 'Online'], blended: ['ผสมผสาน', 'Blended'] },
  fee: { free: ['ไม่มีค่าใช้จ่าย', 'Free'], paid: ['มีค่าใช้จ่าย', 'Paid'] },
  language: { th: ['ภาษาไทย', 'Thai'], en: ['ภาษาอังกฤษ', 'English'], th_en: ['ไทยและอังกฤษ', 'Thai and English'] },
  status: { accredited: ['ได้รับการรับรอง', 'Accredited'], suspended: ['ถูกระงับ', 'Suspended'], expired: ['หมดอายุ', 'Expired'] },
};

/** Facet values with Thai and English labels, in a stable order (counts first for providers). */
async function labelFacets(ctx: Ctx, rows: repo.SearchPage['facets']) {
  const framework = await getFramework({ ...ctx, actor: null }, 'current').catch(() => null);
  const areas = new Map(framework?.areas.map((a) => [a.code, [a.nameTh, a.nameEn]]) ?? []);
  const groups = new Map(framework?.groups.map((g) => [g.code, [g.nameTh, g.nameEn]]) ?? []);
  const levels = new Map(framework?.levels.map((l) => [String(l.rank), [l.nameTh, l.nameEn]]) ?? []);
  const providers = new Map(
    (
      await repo.findProviderNames(
        ctx.db,
        rows.filter((r) => r.facet === 'provider').map((r) => r.value),
      )
    ).map((p) => [p.id, [p.name_th, p.name_en]]),
  );
  const label = (facet: FacetName, value: string): [string, string] => {
    if (facet === 'skillArea') return (areas.get(value) as [string, string]) ?? [value, value];
    if (facet === 'targetGroup') return (groups.get(value) as [string, string]) ?? [value, value];
    if (facet === 'level') return (levels.get(value) as [string, string]) ?? [`ระดับ ${value}`, `Level ${value}`];
    if (facet === 'provider') return (providers.get(value) as [string, string]) ?? [value, value];
    if (facet === 'province') {
      if (value === 'online') return ['ออนไลน์', 'Online'];
      const p = findProvince(value);
      return p ? [p.nameTh, p.nameEn] : [value, value];
    }
    return STATIC_LABELS[facet]?.[value] ?? [value, value];
  };
  const order = (facet: FacetName) => {
    if (facet === 'skillArea') return [...areas.keys()];
    if (facet === 'targetGroup') return [...groups.keys()];
    return null;
  };
  const facets = Object.fromEntries(FACET_NAMES.map((f) => [f, [] as FacetValue[]])) as Record<FacetName, FacetValue[]>;
  for (const r of rows) {
    if (r.n === 0) continue;
    const [labelTh, labelEn] = label(r.facet, r.value);
    facets[r.facet].push({ value: r.value, count: r.n, labelTh, labelEn });
  }
  for (const name of FACET_NAMES) {
    const known = order(name);
    facets[name].sort((a, b) => {
      if (known) return (known.indexOf(a.value) + 1 || 999) - (known.indexOf(b.value) + 1 || 999);
      if (name === 'provider' || name === 'province') return b.count - a.count || a.labelTh.localeCompare(b.labelTh, 'th');
      return a.value.localeCompare(b.value, 'en', { numeric: true });
    });
  }
  return facets;
}

/** The page's entries, the total and the facet counts for a text match (the similarity threshold set for this read). */
async function readMatches(db: Db, q: SearchCoursesQuery, match: repo.TextMatch) {
  return db.transaction(async (tx) => {
    if (match.kind === 'similar') await repo.applySimilarityThreshold(tx);
    const page = await repo.searchPage(tx, q, match);
    return { ...page, rows: await repo.findEntriesByIds(tx, page.ids) };
  });
}

async function runSearch(ctx: Ctx, q: SearchCoursesQuery): Promise<SearchResult> {
  const tokens = q.q ? queryTokens(q.q) : [];
  let match: repo.TextMatch = tokens.length ? { kind: 'fulltext', tokens } : { kind: 'none' };
  let found = await readMatches(ctx.db, q, match);
  // Nothing matched word for word: look for titles that look alike (typos, partial or differently cut words).
  if (found.total === 0 && q.q && match.kind === 'fulltext') {
    match = { kind: 'similar', q: q.q.normalize('NFC').toLowerCase() };
    found = await readMatches(ctx.db, q, match);
  }
  const facets = await labelFacets(ctx, found.facets);
  const marks = match.kind === 'similar' ? [match.q] : tokens;
  return {
    items: found.rows.map((r) => ({
      ...presentEntrySummary(r),
      titleParts: highlight(r.title_th, marks, 300),
      snippet: highlight(r.summary_th || r.summary_en, marks, 200),
    })),
    total: found.total,
    page: q.page,
    pageSize: q.pageSize,
    mode: match.kind === 'none' ? 'browse' : match.kind,
    facets,
  };
}

/**
 * Public search of the catalogue: Thai-aware full text (same segmenter as the index), trigram similarity
 * when nothing matches word for word, filters and facet counts, ranked or sorted; no login needed.
 */
export async function searchCourses(ctx: Ctx, q: SearchCoursesQuery): Promise<SearchResult> {
  const cache = cacheIn(searchCaches, ctx.config);
  const version = await repo.catalogVersion(ctx.db);
  const key = cacheKey(q);
  const hit = cache.get(key, version);
  if (hit) return hit;
  const result = await runSearch(ctx, q);
  cache.set(key, version, result);
  return result;
}

/** Up to 10 titles for type-ahead, from accredited courses; cached like search results (prefixes repeat). */
export async function suggestCourses(ctx: Ctx, q: string): Promise<CourseSuggestion[]> {
  const tokens = queryTokens(q);
  if (tokens.length === 0) return [];
  const cache = cacheIn(suggestionCaches, ctx.config);
  const version = await repo.catalogVersion(ctx.db);
  const key = q.normalize('NFC').toLowerCase();
  const hit = cache.get(key, version);
  if (hit) return hit;
  let ids = await repo.suggestEntryIds(ctx.db, { kind: 'fulltext', tokens }, 10);
  if (ids.length === 0) {
    ids = await ctx.db.transaction(async (tx) => {
      await repo.applySimilarityThreshold(tx);
      return repo.suggestEntryIds(tx, { kind: 'similar', q: key }, 10);
    });
  }
  const rows = await repo.findEntriesByIds(ctx.db, ids);
  const result = rows.map((r) => ({ id: r.course_id, titleTh: r.title_th, titleEn: r.title_en, providerNameTh: r.provider_name_th }));
  cache.set(key, version, result);
  return result;
}
