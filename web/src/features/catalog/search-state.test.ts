import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  clearFilters,
  effectiveSort,
  emptyState,
  nextActive,
  pageCount,
  parseSearch,
  removeFilter,
  toApiParams,
  toggleValue,
  toSearchParams,
  withFee,
} from './search-state.js';

const PROVIDER = '90f60ba0-36e9-425c-84b7-d6b47ea4d965';

describe('catalogue search state in the URL', () => {
  it('reads repeated and comma-separated lists, and drops values the API would refuse', () => {
    const s = parseSearch(
      new URLSearchParams(
        `q=ความปลอดภัยไซเบอร์&targetGroup=SERVICE&targetGroup=ACADEMIC,SERVICE&level=2&level=x&province=10,online,1&provider=${PROVIDER}&provider=nope&fee=cheap&sort=bogus&page=0&startsAfter=2027-13`,
      ),
    );
    expect(s.q).toBe('ความปลอดภัยไซเบอร์');
    expect(s.lists.targetGroup).toEqual(['SERVICE', 'ACADEMIC']);
    expect(s.lists.level).toEqual(['2']);
    expect(s.lists.province).toEqual(['10', 'online']);
    expect(s.lists.provider).toEqual([PROVIDER]);
    expect(s.fee).toBeNull();
    expect(s.sort).toBeNull();
    expect(s.page).toBe(1);
    expect(s.startsAfter).toBe('');
  });

  it('writes only what differs from the defaults, and reads back the same state', () => {
    const s = { ...emptyState(), q: ' data ', sort: 'rating' as const, page: 3 };
    s.lists.skillArea = ['DL', 'DS'];
    s.ranges.hoursMax = '20';
    const written = toSearchParams(s);
    expect(written.toString()).toBe('q=data&skillArea=DL&skillArea=DS&hoursMax=20&sort=rating&page=3');
    expect(parseSearch(written)).toEqual({ ...s, q: 'data' });
    expect(toSearchParams(emptyState()).toString()).toBe('');
  });

  it('sends lists, numbers and the page to the API', () => {
    const s = parseSearch(new URLSearchParams('q=ข้อมูล&level=1&level=2&fee=free&hoursMin=6&page=2&deliveryMode=online'));
    expect(toApiParams(s)).toEqual({ q: 'ข้อมูล', level: [1, 2], fee: 'free', hoursMin: 6, deliveryMode: ['online'], page: 2, pageSize: 20 });
  });

  it('starts again at page 1 whenever what is searched changes', () => {
    const s = { ...emptyState(), page: 4 };
    const on = toggleValue(s, 'skillArea', 'CS', true);
    expect(on.lists.skillArea).toEqual(['CS']);
    expect(on.page).toBe(1);
    expect(toggleValue({ ...on, page: 2 }, 'skillArea', 'CS', false).lists.skillArea).toEqual([]);
    expect(withFee(s, 'paid')).toMatchObject({ fee: 'paid', page: 1 });
  });

  it('lists every active filter as a chip, and removing a chip removes just that filter', () => {
    let s = toggleValue(toggleValue(emptyState(), 'targetGroup', 'SERVICE', true), 'province', 'online', true);
    s = withFee(s, 'free');
    s = { ...s, startsAfter: '2027-01-01', q: 'x' };
    const chips = activeFilters(s);
    expect(chips.map((c) => c.kind)).toEqual(['list', 'list', 'fee', 'startsAfter']);
    const without = removeFilter(s, chips[0]);
    expect(without.lists.targetGroup).toEqual([]);
    expect(without.lists.province).toEqual(['online']);
    expect(removeFilter(s, chips[3]).startsAfter).toBe('');
    expect(clearFilters(s)).toEqual({ ...emptyState(), q: 'x' });
  });

  it('ranks by relevance only when there is a query', () => {
    expect(effectiveSort(emptyState())).toBe('newest');
    expect(effectiveSort({ ...emptyState(), q: 'ai' })).toBe('relevance');
    expect(effectiveSort({ ...emptyState(), sort: 'relevance' })).toBe('newest');
    expect(effectiveSort({ ...emptyState(), q: 'ai', sort: 'soonest' })).toBe('soonest');
  });

  it('counts pages up to the API limit', () => {
    expect(pageCount(0)).toBe(0);
    expect(pageCount(41)).toBe(3);
    expect(pageCount(1_000_000)).toBe(500);
  });

  it('cycles the type-ahead highlight through the input and the options', () => {
    expect(nextActive(-1, 3, 1)).toBe(0);
    expect(nextActive(2, 3, 1)).toBe(-1);
    expect(nextActive(-1, 3, -1)).toBe(2);
    expect(nextActive(0, 3, -1)).toBe(-1);
  });
});
