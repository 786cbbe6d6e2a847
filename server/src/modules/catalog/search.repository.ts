import { type SQL, sql } from 'drizzle-orm';
import type { FacetName, SearchCoursesQuery } from '../../../../common/contracts/catalog.js';
import { type Db, queryRows } from '../../db/client.js';
import { rankTerms as queryRankTerms } from '../../lib/rank-terms.js';
import { SharedReads } from '../../lib/shared-read.js';
import { applySimilarityThreshold, SIMILARITY_THRESHOLD, sqlIntArray, sqlTextArray } from '../../lib/text-search.js';

/** How the words of the query select courses: full-text over segmented words, or trigram similarity of titles. */
export type TextMatch = { kind: 'fulltext'; tokens: string[] } | { kind: 'similar'; q: string } | { kind: 'none' };

/** An entry as search lists it (snake_case, as the database returns it). */
export interface EntryRow {
  course_id: string;
  title_th: string;
  title_en: string;
  summary_th: string;
  summary_en: string;
  provider_id: string;
  provider_name_th: string;
  provider_name_en: string;
  accreditation_number: string | null;
  status: string;
  valid_from: string | null;
  valid_until: string | null;
  target_groups: string[];
  skill_levels: string[];
  hours: number;
  delivery: string;
  pacing: string | null;
  language: string;
  fee_baht: number;
  provinces: string[];
  is_online: boolean;
  next_run_on: string | null;
  rating_avg: number | null;
  rating_count: number;
}

/** Columns of EntryRow; numbers cast so both drivers return numbers, dates as text. */
export const ENTRY_COLUMNS = sql.raw(`e.course_id, e.title_th, e.title_en, e.summary_th, e.summary_en, e.provider_id,
  e.provider_name_th, e.provider_name_en, e.accreditation_number, e.status, e.valid_from::text as valid_from,
  e.valid_until::text as valid_until, e.target_groups, e.skill_levels, e.hours::float8 as hours, e.delivery, e.pacing,
  e.language, e.fee_baht::float8 as fee_baht, e.provinces, e.is_online, e.next_run_on::text as next_run_on,
  e.rating_avg::float8 as rating_avg, e.rating_count`);

/** `accredited` in a filter means accredited with or without conditions. */
const STATUS_VALUES: Record<string, string[]> = {
  accredited: ['accredited', 'accredited_with_conditions'],
  suspended: ['suspended'],
  expired: ['expired'],
};

const textArray = sqlTextArray;
const intArray = sqlIntArray;

function textCondition(m: TextMatch): SQL | null {
  if (m.kind === 'fulltext') return sql`e.search_vector @@ catalog_query(${textArray(m.tokens)})`;
  if (m.kind === 'similar') return sql`${m.q} <% e.search_text`;
  return null;
}

/** The filter of each facet (null when not filtered), so each facet can be counted under all the others. */
function facetConditions(f: SearchCoursesQuery): Record<FacetName, SQL | null> {
  const provinces = f.province?.filter((p) => p !== 'online') ?? [];
  const online = f.province?.includes('online');
  const levels = f.level ?? [];
  const areas = f.skillArea ?? [];
  return {
    targetGroup: f.targetGroup?.length ? sql`e.target_groups && ${textArray(f.targetGroup)}` : null,
    skillArea: areas.length ? sql`e.skill_areas && ${textArray(areas)}` : null,
    // With skill areas chosen, the level must be reached in one of those areas.
    level: levels.length
      ? areas.length
        ? sql`e.skill_levels && ${textArray(areas.flatMap((a) => levels.map((l) => `${a}:${l}`)))}`
        : sql`e.levels && ${intArray(levels)}`
      : null,
    deliveryMode: f.deliveryMode?.length ? sql`e.delivery = any(${textArray(f.deliveryMode)})` : null,
    province:
      provinces.length || online
        ? sql`(${provinces.length ? sql`e.provinces && ${textArray(provinces)}` : sql`false`}${online ? sql` or e.is_online` : sql``})`
        : null,
    fee: f.fee === 'free' ? sql`e.fee_baht = 0` : f.fee === 'paid' ? sql`e.fee_baht > 0` : null,
    language: f.language?.length ? sql`e.language = any(${textArray(f.language)})` : null,
    provider: f.provider?.length ? sql`e.provider_id = any(${sql`${`{${f.provider.join(',')}}`}::uuid[]`})` : null,
    status: sql`e.status = any(${textArray((f.status?.length ? f.status : ['accredited']).flatMap((s) => STATUS_VALUES[s]))})`,
  };
}

/** Filters that are ranges, not facets. */
function rangeConditions(f: SearchCoursesQuery): SQL[] {
  const out: SQL[] = [];
  if (f.feeMin !== undefined) out.push(sql`e.fee_baht >= ${f.feeMin}`);
  if (f.feeMax !== undefined) out.push(sql`e.fee_baht <= ${f.feeMax}`);
  if (f.hoursMin !== undefined) out.push(sql`e.hours >= ${f.hoursMin}`);
  if (f.hoursMax !== undefined) out.push(sql`e.hours <= ${f.hoursMax}`);
  if (f.startsAfter) {
    out.push(
      sql`exists (select 1 from course_runs r where r.course_id = e.course_id and not r.is_cancelled and r.starts_on >= ${f.startsAfter}::date)`,
    );
  }
  return out;
}

const and = (conds: (SQL | null)[]): SQL => {
  const present = conds.filter((c): c is SQL => c !== null);
  return present.length ? sql.join(present, sql` and `) : sql`true`;
};

/** How well each entry matches the words (computed once per match, in the gathering scan). */
function rankOf(m: TextMatch): SQL {
  // How many of the query's words are in the title (twice as much) and in the provider, units and areas,
  // then how much of the title they cover (the exact title first, before longer titles with the same
  // words); a course matching only in its description ranks after those, by popularity and date.
  if (m.kind === 'fulltext') {
    const terms = intArray(queryRankTerms(m.tokens));
    return sql`(select 2 * count(*) + count(*)::real / greatest(cardinality(e.title_terms), 1) from unnest(e.title_terms) t where t = any(${terms}))
      + (select count(*) from unnest(e.related_terms) t where t = any(${terms}))`;
  }
  if (m.kind === 'similar') return sql`word_similarity(${m.q}, e.search_text)`;
  return sql`0::real`;
}

/** The page's order over the gathered matches. */
function orderOf(f: SearchCoursesQuery, m: TextMatch): string {
  const sort = f.sort ?? (m.kind === 'none' ? 'newest' : 'relevance');
  switch (sort) {
    case 'soonest':
      return 'next_run_on asc nulls last, course_id';
    case 'rating':
      return 'rating_avg desc nulls last, rating_count desc, course_id';
    case 'relevance':
      if (m.kind !== 'none') return 'rank desc, rating_count desc, accredited_at desc nulls last, course_id';
      return 'accredited_at desc nulls last, course_id';
    default:
      return 'accredited_at desc nulls last, course_id';
  }
}

/** Unnest-able expression and value label of each facet. */
const FACET_VALUES: Record<FacetName, { from: string; value: string }> = {
  targetGroup: { from: ', unnest(m.target_groups) v', value: 'v' },
  skillArea: { from: ', unnest(m.skill_areas) v', value: 'v' },
  level: { from: ', unnest(m.levels) v', value: 'v::text' },
  deliveryMode: { from: '', value: 'm.delivery' },
  province: { from: ', unnest(m.provinces) v', value: 'v' },
  fee: { from: '', value: "case when m.fee_baht = 0 then 'free' else 'paid' end" },
  language: { from: '', value: 'm.language' },
  provider: { from: '', value: 'm.provider_id::text' },
  status: { from: '', value: "case when m.status like 'accredited%' then 'accredited' else m.status end" },
};
const FACETS = Object.keys(FACET_VALUES) as FacetName[];

export interface SearchPage {
  /** The page's course ids, in order. */
  ids: string[];
  total: number;
  facets: { facet: FacetName; value: string; n: number }[];
}

/**
 * One page, the total and every facet's counts in one statement and one scan of the matches: the entries
 * matching the words and the range filters are gathered once with their rank and a flag per facet filter;
 * the page and the total come from those passing every filter, and each facet is counted over those
 * passing all the other facets' filters (so choosing a value never hides its siblings).
 */
export async function searchPage(db: Db, f: SearchCoursesQuery, m: TextMatch): Promise<SearchPage> {
  const conds = facetConditions(f);
  const flags = sql.join(
    FACETS.map((name) => sql`${conds[name] ?? sql`true`} as ${sql.raw(`f_${name}`)}`),
    sql`, `,
  );
  const passing = (except?: FacetName) => {
    const fs = FACETS.filter((o) => o !== except && conds[o] !== null).map((o) => `m.f_${o}`);
    return fs.length ? fs.join(' and ') : 'true';
  };
  const facetParts = FACETS.map((name) => {
    const { from, value } = FACET_VALUES[name];
    const limit = name === 'provider' ? 'order by 4 desc, 3 limit 20' : '';
    return `(select 'facet' as kind, '${name}' as facet, ${value} as value, count(*)::int as n from m${from} where ${passing(name)} group by 3 ${limit})`;
  });
  facetParts.push(`(select 'facet', 'province', 'online', count(*)::int from m where m.is_online and ${passing('province')})`);
  const rows = await queryRows<{ kind: 'page' | 'total' | 'facet'; facet: FacetName | null; value: string | null; n: number }>(
    db,
    sql`with m as materialized (
          select e.course_id, ${rankOf(m)} as rank, e.rating_count, e.rating_avg, e.accredited_at, e.next_run_on,
                 e.target_groups, e.skill_areas, e.levels, e.delivery, e.provinces, e.is_online, e.fee_baht, e.language,
                 e.provider_id, e.status, ${flags}
          from catalog_entries e where ${and([textCondition(m), ...rangeConditions(f)])}
        )
        ${sql.raw(`(select 'page' as kind, null as facet, course_id::text as value, 0 as n from m where ${passing()}
          order by ${orderOf(f, m)} limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize})
        union all (select 'total', null, null, count(*)::int from m where ${passing()})
        union all ${facetParts.join(' union all ')}`)}`,
  );
  return {
    ids: rows.filter((r) => r.kind === 'page').map((r) => r.value as string),
    total: rows.find((r) => r.kind === 'total')?.n ?? 0,
    facets: rows.filter((r) => r.kind === 'facet').map((r) => ({ facet: r.facet as FacetName, value: r.value as string, n: r.n })),
  };
}

/** Entries by id, in the order of `ids`, with the columns lists show. */
export async function findEntriesByIds(db: Db, ids: string[]): Promise<EntryRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<EntryRow>(
    db,
    sql`select ${ENTRY_COLUMNS} from catalog_entries e where e.course_id = any(${sql`${`{${ids.join(',')}}`}::uuid[]`})`,
  );
  const byId = new Map(rows.map((r) => [r.course_id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Names of providers, for facet labels. */
export async function findProviderNames(db: Db, ids: string[]): Promise<{ id: string; name_th: string; name_en: string }[]> {
  if (ids.length === 0) return [];
  return queryRows(db, sql`select id, name_th, name_en from providers where id = any(${sql`${`{${ids.join(',')}}`}::uuid[]`})`);
}

/**
 * Up to `limit` course ids for type-ahead, best first. Only in-row columns are read while choosing (the
 * titles live out of line), so the candidates of a short prefix cost a narrow scan; the caller then
 * fetches the few titles.
 */
export async function suggestEntryIds(db: Db, m: TextMatch, limit: number): Promise<string[]> {
  const cond = textCondition(m);
  if (!cond) return [];
  const rank =
    m.kind === 'fulltext'
      ? sql`(select count(*) from unnest(e.title_terms) t where t = any(${intArray(queryRankTerms(m.tokens))})) desc`
      : sql`word_similarity(${(m as { q: string }).q}, e.search_text) desc`;
  const rows = await queryRows<{ course_id: string }>(
    db,
    sql`select e.course_id from catalog_entries e
        where ${cond} and e.status in ('accredited', 'accredited_with_conditions')
        order by ${rank}, e.rating_count desc, e.course_id limit ${limit}`,
  );
  return rows.map((r) => r.course_id);
}

export { applySimilarityThreshold, SIMILARITY_THRESHOLD };

const catalogVersionReads = new SharedReads<number>();

/**
 * The catalogue's version, moved by every change to the entries; search caches key on it. Requests asking at
 * once share one read, never one started before they asked (`SharedRead`).
 */
export function catalogVersion(db: Db): Promise<number> {
  return catalogVersionReads.get(db, async () => {
    const [row] = await queryRows<{ version: number }>(db, sql`select version from catalog_version where id = 1`);
    return row?.version ?? 0;
  });
}
