import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../common/contracts/catalog.js';
import { type TestApp, testApp } from '../../../test/harness.js';
import { buildCatalogCourse } from './catalog.fixtures.js';

let t: TestApp;
const ids: Record<string, string> = {};

async function search(query: string): Promise<SearchResult> {
  const res = await t.app.inject({ method: 'GET', url: `/api/catalog/courses?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const titles = (r: SearchResult) => r.items.map((i) => i.titleTh);

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  ids.cyber = await buildCatalogCourse(db, {
    titleTh: 'ความปลอดภัยไซเบอร์สำหรับผู้บริหารภาครัฐ',
    titleEn: 'Cyber security for public-sector executives',
    summaryTh: 'รู้เท่าทันภัยคุกคามทางไซเบอร์ การบริหารความเสี่ยง และการรับมือเหตุการณ์',
    summaryEn: 'Threats, risk management and incident response for executives',
    provider: 'สถาบันทดสอบความมั่นคงปลอดภัย',
    areas: [['CS', 2]],
    groups: ['EXECUTIVE'],
    units: ['CS-TEST-001'],
    feeBaht: 4500,
    provinceCode: '10',
  });
  ids.data = await buildCatalogCourse(db, {
    titleTh: 'การวิเคราะห์ข้อมูลด้วยภาษา Python',
    titleEn: 'Data analysis with Python',
    summaryTh: 'ฝึกวิเคราะห์ข้อมูลภาครัฐด้วย Python และการนำเสนอข้อมูลด้วยภาพ',
    summaryEn: 'Analysing government data with Python and visualising it',
    provider: 'มหาวิทยาลัยทดสอบ',
    areas: [
      ['DU', 2],
      ['DT', 1],
    ],
    groups: ['ACADEMIC', 'TECHNOLOGY'],
    delivery: 'online',
  });
  ids.literacy = await buildCatalogCourse(db, {
    titleTh: 'การรู้ดิจิทัลสำหรับผู้ปฏิบัติงานบริการ',
    titleEn: 'Digital literacy for service staff',
    summaryTh: 'การใช้เครื่องมือดิจิทัลในงานบริการประชาชน',
    provider: 'สถาบันทดสอบความมั่นคงปลอดภัย',
    areas: [['DL', 1]],
    groups: ['SERVICE', 'OTHERS'],
    feeBaht: 0,
    provinceCode: '50',
  });
  ids.suspended = await buildCatalogCourse(db, {
    titleTh: 'ความปลอดภัยไซเบอร์ขั้นพื้นฐาน',
    titleEn: 'Cyber security basics',
    summaryTh: 'พื้นฐานความปลอดภัยไซเบอร์',
    provider: 'มหาวิทยาลัยทดสอบ',
    areas: [['CS', 1]],
    groups: ['OTHERS'],
    state: 'suspended',
  });
});

describe('searchCourses', () => {
  it('finds Thai written without spaces and marks the matched words', async () => {
    const r = await search(`q=${encodeURIComponent('ความปลอดภัยไซเบอร์')}`);
    expect(r.mode).toBe('fulltext');
    expect(titles(r)).toEqual(['ความปลอดภัยไซเบอร์สำหรับผู้บริหารภาครัฐ']);
    expect(r.items[0].titleParts.some((p) => p.match && p.text.includes('ปลอดภัย'))).toBe(true);
    expect(r.items[0].accreditationNumber).toMatch(/^ทดสอบ-2569-/);
  });

  it('falls back to trigram similarity for a partial word', async () => {
    const r = await search(`q=${encodeURIComponent('ความปลอดภัยไซเบอ')}`);
    expect(r.mode).toBe('similar');
    expect(titles(r)[0]).toBe('ความปลอดภัยไซเบอร์สำหรับผู้บริหารภาครัฐ');
  });

  it('stems English and matches a misspelling by similarity', async () => {
    expect(titles(await search('q=analyses'))).toEqual(['การวิเคราะห์ข้อมูลด้วยภาษา Python']);
    const typo = await search('q=securty');
    expect(typo.mode).toBe('similar');
    expect(titles(typo)).toEqual(['ความปลอดภัยไซเบอร์สำหรับผู้บริหารภาครัฐ']);
  });

  it('matches provider names and TPQI unit codes', async () => {
    expect(titles(await search(`q=${encodeURIComponent('มหาวิทยาลัยทดสอบ')}`))).toEqual(['การวิเคราะห์ข้อมูลด้วยภาษา Python']);
    expect(titles(await search('q=CS-TEST-001'))).toEqual(['ความปลอดภัยไซเบอร์สำหรับผู้บริหารภาครัฐ']);
  });

  it('shows accredited courses by default, suspended ones on request', async () => {
    const r = await search('');
    expect(r.mode).toBe('browse');
    expect(r.total).toBe(3);
    expect(r.facets.status).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 'accredited', count: 3 }),
        expect.objectContaining({ value: 'suspended', count: 1 }),
      ]),
    );
    const both = await search('status=accredited,suspended');
    expect(both.total).toBe(4);
  });

  it('filters by target group, skill area, level, mode, province, fee and hours, with facet counts under the other filters', async () => {
    const r = await search('targetGroup=SERVICE');
    expect(titles(r)).toEqual(['การรู้ดิจิทัลสำหรับผู้ปฏิบัติงานบริการ']);
    // The target-group facet still counts every group (its own filter is not applied to it).
    expect(r.facets.targetGroup.map((f) => f.value)).toEqual(expect.arrayContaining(['EXECUTIVE', 'ACADEMIC', 'SERVICE']));
    expect(r.facets.skillArea).toEqual([expect.objectContaining({ value: 'DL', count: 1 })]);
    expect(titles(await search('skillArea=DU&level=2'))).toEqual(['การวิเคราะห์ข้อมูลด้วยภาษา Python']);
    expect(titles(await search('skillArea=DU&level=1'))).toEqual([]);
    expect(titles(await search('province=online'))).toEqual(['การวิเคราะห์ข้อมูลด้วยภาษา Python']);
    expect(titles(await search('province=50'))).toEqual(['การรู้ดิจิทัลสำหรับผู้ปฏิบัติงานบริการ']);
    expect((await search('fee=paid')).total).toBe(1);
    expect((await search('feeMax=0')).total).toBe(2);
    expect((await search('hoursMin=100')).total).toBe(0);
    expect((await search('deliveryMode=online')).items[0].deliveryMode).toBe('online');
  });

  it('pages through results and says how many there are', async () => {
    const first = await search('pageSize=2&sort=newest');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(3);
    const last = await search('pageSize=2&page=2&sort=newest');
    expect(last.items).toHaveLength(1);
    const past = await search('pageSize=2&page=5');
    expect(past.items).toHaveLength(0);
    expect(past.total).toBe(3);
  });

  it('answers 400 naming a bad filter', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/courses?deliveryMode=teleport' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toContain('deliveryMode');
  });
});

describe('suggestCourses', () => {
  it('suggests titles for a partial query', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/catalog/suggestions?q=${encodeURIComponent('วิเคราะห์ข้อ')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { titleTh: string }) => i.titleTh)).toEqual(['การวิเคราะห์ข้อมูลด้วยภาษา Python']);
  });
});
