import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { FACET_NAMES } from '../../../../common/contracts/catalog.js';
import en from '../../../../common/i18n/en.json' with { type: 'json' };
import th from '../../../../common/i18n/th.json' with { type: 'json' };
import { countdownText, facetLabels, feeText, filterLabel, skillText } from './labels.js';
import { LIST_FILTERS, RANGE_FILTERS, SORTS } from './search-state.js';

type Tree = { [key: string]: string | Tree };

/** A tiny t() over one catalogue: nested keys, {{x}} values and i18next's _one/_other for English counts. */
function tOf(catalogue: Tree) {
  return ((key: string, opts: Record<string, unknown> = {}) => {
    const find = (k: string) => {
      let node: unknown = catalogue;
      for (const part of k.split('.')) node = typeof node === 'object' && node ? (node as Tree)[part] : undefined;
      return typeof node === 'string' ? node : undefined;
    };
    const count = opts.count as number | undefined;
    const text = (count !== undefined ? find(`${key}_${count === 1 ? 'one' : 'other'}`) : undefined) ?? find(key);
    if (text === undefined) return (opts.defaultValue as string | undefined) ?? `MISSING:${key}`;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(opts[name] ?? ''));
  }) as unknown as TFunction;
}

const thT = tOf(th as Tree);
const enT = tOf(en as Tree);

describe('catalogue labels', () => {
  it('name every facet, status, delivery mode, sort, range chip and run phase in both languages', () => {
    const keys = [
      ...FACET_NAMES.map((f) => `catalog.facets.${f}`),
      ...['accredited', 'accredited_with_conditions', 'suspended', 'expired'].map((s) => `catalog.status.${s}`),
      ...['classroom', 'online', 'blended'].map((d) => `catalog.delivery.${d}`),
      ...SORTS.map((s) => `catalog.sort.${s}`),
      ...RANGE_FILTERS.map((r) => `catalog.chips.${r}`),
      ...['upcoming', 'ongoing', 'finished', 'cancelled'].map((p) => `catalog.runs.phase.${p}`),
      ...['text', 'number', 'date', 'boolean', 'list'].map((k) => `catalog.data.types.${k}`),
      ...['content', 'instructor', 'usefulness'].map((k) => `catalog.rating.${k}`),
      'catalog.course.suspendedText',
      'catalog.course.expiredText',
      ...['ends_before_start', 'deadline_after_start', 'province_required', 'unknown_province', 'in_past', 'completed_before_start'].map(
        (c) => `validation.run.${c}`,
      ),
      'validation.completion.unknown_learner',
    ];
    expect(LIST_FILTERS.every((f) => (FACET_NAMES as readonly string[]).includes(f))).toBe(true);
    for (const t of [thT, enT]) expect(keys.filter((k) => t(k).startsWith('MISSING:'))).toEqual([]);
  });

  it('labels filter values from the facets, or from what the app knows when the facets lack them', () => {
    const labels = facetLabels({
      targetGroup: [{ value: 'SERVICE', count: 3, labelTh: 'กลุ่มงานบริการ', labelEn: 'Service' }],
      skillArea: [{ value: 'DL', count: 2, labelTh: 'ความเข้าใจและใช้เทคโนโลยีดิจิทัล', labelEn: 'Digital Literacy' }],
      level: [{ value: '1', count: 2, labelTh: 'พื้นฐาน', labelEn: 'Basic' }],
    } as never);
    expect(filterLabel('targetGroup', 'SERVICE', labels, 'th', thT)).toBe('กลุ่มงานบริการ');
    expect(filterLabel('targetGroup', 'SERVICE', labels, 'en', enT)).toBe('Service');
    expect(filterLabel('province', '50', labels, 'th', thT)).toBe('เชียงใหม่');
    expect(filterLabel('province', 'online', labels, 'en', enT)).toBe('Online');
    expect(filterLabel('level', '3', labels, 'th', thT)).toBe('ระดับ 3');
    expect(skillText('DL', 1, labels, 'en', enT)).toBe('Digital Literacy (level 1, Basic)');
    expect(skillText('CS', 2, labels, 'th', thT)).toBe('CS (ระดับ 2)');
  });

  it('says the fee and the time left as readers would', () => {
    expect(feeText(0, 'th', thT)).toBe('ไม่มีค่าใช้จ่าย');
    expect(feeText(4500, 'en', enT)).toBe('4,500 baht');
    expect(countdownText(701, thT)).toBe('เหลืออีก 701 วัน');
    expect(countdownText(1, enT)).toBe('1 day left');
    expect(countdownText(0, enT)).toBe('Ends today');
    expect(countdownText(-5, enT)).toBe('Expired 5 days ago');
    expect(countdownText(null, enT)).toBe('');
  });
});
