import type { SearchParams } from '../../api/catalog.js';

/**
 * The catalogue search lives in the URL query string, so the back button, reloads and shared links all
 * give the same page. This module reads and writes it; invalid values in a hand-edited link are dropped
 * rather than failing the whole search.
 */

export const LIST_FILTERS = ['targetGroup', 'skillArea', 'level', 'deliveryMode', 'province', 'language', 'provider', 'status'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];
export const RANGE_FILTERS = ['hoursMin', 'hoursMax', 'feeMin', 'feeMax'] as const;
export type RangeFilter = (typeof RANGE_FILTERS)[number];
export const SORTS = ['relevance', 'newest', 'soonest', 'rating'] as const;
export type Sort = (typeof SORTS)[number];
export type Fee = 'free' | 'paid';

export const PAGE_SIZE = 20;
/** The API's last page (page ≤ 500). */
export const MAX_PAGE = 500;

export interface SearchState {
  q: string;
  lists: Record<ListFilter, string[]>;
  fee: Fee | null;
  ranges: Record<RangeFilter, string>;
  startsAfter: string;
  sort: Sort | null;
  page: number;
}

const VALID: Record<ListFilter, RegExp> = {
  targetGroup: /^[A-Za-z0-9_-]{1,40}$/,
  skillArea: /^[A-Za-z0-9_-]{1,40}$/,
  level: /^(10|[1-9])$/,
  deliveryMode: /^(classroom|online|blended)$/,
  province: /^(\d{2}|online)$/,
  language: /^(th|en|th_en)$/,
  provider: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  status: /^(accredited|suspended|expired)$/,
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^\d+(\.\d+)?$/;

export function emptyState(): SearchState {
  return {
    q: '',
    lists: Object.fromEntries(LIST_FILTERS.map((k) => [k, []])) as unknown as Record<ListFilter, string[]>,
    fee: null,
    ranges: Object.fromEntries(RANGE_FILTERS.map((k) => [k, ''])) as Record<RangeFilter, string>,
    startsAfter: '',
    sort: null,
    page: 1,
  };
}

/** Reads the state from a query string; lists may repeat (`a=1&a=2`) or be comma-separated (`a=1,2`). */
export function parseSearch(params: URLSearchParams): SearchState {
  const s = emptyState();
  s.q = (params.get('q') ?? '').slice(0, 200);
  for (const key of LIST_FILTERS) {
    const values = params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => VALID[key].test(v));
    s.lists[key] = [...new Set(values)].slice(0, 20);
  }
  const fee = params.get('fee');
  s.fee = fee === 'free' || fee === 'paid' ? fee : null;
  for (const key of RANGE_FILTERS) {
    const v = (params.get(key) ?? '').trim();
    s.ranges[key] = NUMBER.test(v) ? v : '';
  }
  const startsAfter = params.get('startsAfter') ?? '';
  s.startsAfter = ISO_DATE.test(startsAfter) ? startsAfter : '';
  const sort = params.get('sort');
  s.sort = (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : null;
  const page = Number(params.get('page') ?? '1');
  s.page = Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
  return s;
}

/** Writes the state as a query string: only what differs from the defaults, lists as repeated keys. */
export function toSearchParams(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  for (const key of LIST_FILTERS) for (const v of s.lists[key]) p.append(key, v);
  if (s.fee) p.set('fee', s.fee);
  for (const key of RANGE_FILTERS) if (s.ranges[key]) p.set(key, s.ranges[key]);
  if (s.startsAfter) p.set('startsAfter', s.startsAfter);
  if (s.sort) p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  return p;
}

/** The API query for this state. */
export function toApiParams(s: SearchState, pageSize = PAGE_SIZE): SearchParams {
  const p: SearchParams = { page: s.page, pageSize };
  if (s.q.trim()) p.q = s.q.trim();
  for (const key of LIST_FILTERS) {
    if (!s.lists[key].length) continue;
    if (key === 'level') p.level = s.lists.level.map(Number);
    else (p as Record<string, unknown>)[key] = s.lists[key];
  }
  if (s.fee) p.fee = s.fee;
  for (const key of RANGE_FILTERS) if (s.ranges[key]) p[key] = Number(s.ranges[key]);
  if (s.startsAfter) p.startsAfter = s.startsAfter;
  if (s.sort) p.sort = s.sort;
  return p;
}

/** The sort in effect: the API ranks by relevance when there is a query and lists the newest otherwise. */
export function effectiveSort(s: SearchState): Sort {
  if (s.sort && !(s.sort === 'relevance' && !s.q.trim())) return s.sort;
  return s.q.trim() ? 'relevance' : 'newest';
}

/** Any change of what is searched starts again at page 1. */
export function toggleValue(s: SearchState, key: ListFilter, value: string, on: boolean): SearchState {
  const current = s.lists[key].filter((v) => v !== value);
  return { ...s, lists: { ...s.lists, [key]: on ? [...current, value] : current }, page: 1 };
}

export function withFee(s: SearchState, fee: Fee | null): SearchState {
  return { ...s, fee, page: 1 };
}

export function withRanges(s: SearchState, ranges: Partial<Record<RangeFilter, string>>, startsAfter?: string): SearchState {
  return { ...s, ranges: { ...s.ranges, ...ranges }, startsAfter: startsAfter ?? s.startsAfter, page: 1 };
}

/** One removable chip per active filter (the query itself is in the search box, not a chip). */
export type ActiveFilter =
  | { kind: 'list'; key: ListFilter; value: string }
  | { kind: 'fee'; value: Fee }
  | { kind: 'range'; key: RangeFilter; value: string }
  | { kind: 'startsAfter'; value: string };

export function activeFilters(s: SearchState): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  for (const key of LIST_FILTERS) for (const value of s.lists[key]) out.push({ kind: 'list', key, value });
  if (s.fee) out.push({ kind: 'fee', value: s.fee });
  for (const key of RANGE_FILTERS) if (s.ranges[key]) out.push({ kind: 'range', key, value: s.ranges[key] });
  if (s.startsAfter) out.push({ kind: 'startsAfter', value: s.startsAfter });
  return out;
}

export function removeFilter(s: SearchState, f: ActiveFilter): SearchState {
  switch (f.kind) {
    case 'list':
      return toggleValue(s, f.key, f.value, false);
    case 'fee':
      return withFee(s, null);
    case 'range':
      return withRanges(s, { [f.key]: '' });
    case 'startsAfter':
      return withRanges(s, {}, '');
  }
}

/** Keeps the query and the sort, drops every filter. */
export function clearFilters(s: SearchState): SearchState {
  return { ...emptyState(), q: s.q, sort: s.sort };
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.min(Math.ceil(total / pageSize), MAX_PAGE);
}

/** The next highlighted suggestion; -1 is the input itself, so the arrow keys cycle input → options → input. */
export function nextActive(current: number, count: number, step: 1 | -1): number {
  const positions = count + 1;
  return ((current + 1 + step + positions) % positions) - 1;
}
