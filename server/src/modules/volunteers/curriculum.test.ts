import { beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../../common/citizen-id.js';
import { VOLUNTEER_PRIVACY_NOTICE_VERSION } from '../../../../common/contracts/volunteers.js';
import { type Client, clientAs, signIn, type TestApp, testApp } from '../../../test/harness.js';
import { learningRecords } from '../../db/schema/index.js';
import { buildCatalogCourse } from '../catalog/catalog.fixtures.js';

let t: TestApp;
let coordinator: Client; // Chiang Mai (50)
let bangkok: Client; // coordinator of Bangkok (10)
let monitor: Client;
let courseId: string;
let articleId: string;
let draftId: string;
const volunteers: { id: string; client: Client }[] = [];
let seq = 300000000000;

async function volunteerIn(villageId: string, firstName: string) {
  const n = ++seq;
  const body = {
    citizenId: withCheckDigit(String(n).padStart(12, '3')),
    firstName,
    lastName: `ทดสอบ${n}`,
    phone: '081-234-5678',
    email: `onboard${n}@test.thaksa.local`,
    password: 'volunteer-pass-123',
    villageId,
    occupation: 'ครู',
    skills: [],
    consent: { accepted: true, version: VOLUNTEER_PRIVACY_NOTICE_VERSION },
  };
  const res = await t.app.inject({ method: 'POST', url: '/api/volunteers', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const ok = await coordinator.request({
    method: 'POST',
    url: `/api/volunteers/${id}/decision`,
    payload: { decision: 'approve', level: 'village' },
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return { id, client: await signIn(t.app, body.email, body.password) };
}

async function article(by: Client, slug: string, publish: boolean) {
  const res = await by.request({
    method: 'POST',
    url: '/api/hub/articles',
    payload: {
      slug,
      kind: 'article',
      topic: 'digital_literacy',
      titleTh: `บทเรียนแรกของอาสาสมัคร ${slug}`,
      summaryTh: 'สิ่งที่อาสาสมัครดิจิทัลควรรู้ก่อนเริ่มช่วยเหลือชุมชน',
      bodyTh: 'อาสาสมัครดิจิทัลช่วยให้ประชาชนใช้บริการออนไลน์ได้อย่างปลอดภัย',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  if (publish) expect((await by.request({ method: 'POST', url: `/api/hub/articles/${res.json().id}/publish` })).statusCode).toBe(200);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await testApp({ VOLUNTEER_REGISTER_RATE_PER_MINUTE: '10000' });
  coordinator = await clientAs(t, { role: 'volunteer_coordinator', scopeId: '50' });
  bangkok = await clientAs(t, { role: 'volunteer_coordinator', scopeId: '10' });
  monitor = await clientAs(t, 'central_monitor');
  courseId = await buildCatalogCourse(t.database.db, {
    titleTh: 'พลเมืองดิจิทัลเบื้องต้น',
    titleEn: 'Digital citizenship basics',
    summaryTh: 'ทักษะดิจิทัลพื้นฐาน',
    provider: 'สถาบันอาสา',
    areas: [['DL', 1]],
    groups: ['OPERATIONAL'],
  });
  articleId = await article(monitor, 'first-lesson', true);
  draftId = await article(monitor, 'draft-lesson', false);
  const subs = (await t.app.inject({ url: '/api/places?parent=5001' })).json().items;
  const village = await coordinator.request({
    method: 'POST',
    url: '/api/villages',
    payload: { subdistrictCode: subs[0].code, moo: 3, nameTh: 'บ้านเรียนรู้' },
  });
  for (const name of ['กมล', 'ขวัญ', 'คณิน']) volunteers.push(await volunteerIn(village.json().id, name));
});

describe('the volunteer curriculum', () => {
  it('is edited by the central office only, from catalogue courses and published articles, and audited', async () => {
    const items = [
      { kind: 'course', id: courseId },
      { kind: 'article', id: articleId },
    ];
    expect((await coordinator.request({ method: 'PUT', url: '/api/volunteer-curriculum', payload: { items } })).statusCode).toBe(403);
    const bad = await monitor.request({
      method: 'PUT',
      url: '/api/volunteer-curriculum',
      payload: { items: [...items, { kind: 'article', id: draftId }, { kind: 'course', id: articleId }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([
      'body.items.2.id:hub.unknown_article',
      'body.items.3.id:hub.unknown_course',
    ]);
    const twice = await monitor.request({ method: 'PUT', url: '/api/volunteer-curriculum', payload: { items: [items[0], items[0]] } });
    expect(twice.statusCode).toBe(400);

    const res = await monitor.request({ method: 'PUT', url: '/api/volunteer-curriculum', payload: { items } });
    expect(res.statusCode, res.body).toBe(200);
    const view = (await t.app.inject({ url: '/api/volunteer-curriculum' })).json();
    expect(view.abilities.edit).toBe(false);
    expect(
      view.items.map((i: { position: number; kind: string; course: { id: string } | null; article: { slug: string } | null }) => [
        i.position,
        i.kind,
        i.course?.id ?? i.article?.slug,
      ]),
    ).toEqual([
      [1, 'course', courseId],
      [2, 'article', 'first-lesson'],
    ]);
  });

  it('tracks each volunteer: articles read, courses completed in learning records; the card says when onboarding is complete', async () => {
    const [first, second] = volunteers;
    const start = (await first.client.request({ url: '/api/volunteers/me/onboarding' })).json();
    expect(start).toMatchObject({ done: 0, total: 2, complete: false });

    // Only published articles can be marked read; marking twice is a no-op.
    expect((await first.client.request({ method: 'PUT', url: `/api/volunteers/me/article-reads/${draftId}` })).statusCode).toBe(404);
    const read = await first.client.request({ method: 'PUT', url: `/api/volunteers/me/article-reads/${articleId}` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ done: 1, complete: false });
    expect(read.json().items[1]).toMatchObject({ kind: 'article', done: true });
    expect((await first.client.request({ method: 'PUT', url: `/api/volunteers/me/article-reads/${articleId}` })).json().done).toBe(1);
    expect((await coordinator.request({ url: '/api/volunteers/me/onboarding' })).statusCode).toBe(403);

    // The course is done when the volunteer's account has a completion of it.
    await t.database.db.insert(learningRecords).values({
      actorUserId: first.client.userId,
      verb: 'completed',
      objectType: 'course',
      objectId: courseId,
      authority: 'provider:test',
      occurredAt: new Date('2026-11-01T03:00:00Z'),
    });
    const done = (await first.client.request({ url: '/api/volunteers/me/onboarding' })).json();
    expect(done).toMatchObject({ done: 2, total: 2, complete: true });
    expect(done.items[0]).toMatchObject({ kind: 'course', done: true, doneAt: '2026-11-01T03:00:00.000Z' });

    const cardUrl = async (c: Client) => new URL((await c.request({ url: '/api/volunteers/me' })).json().volunteer.cardUrl).pathname;
    const token = (await cardUrl(first.client)).split('/').pop();
    expect((await t.app.inject({ url: `/api/volunteer-cards/${token}` })).json().onboardingComplete).toBe(true);
    const otherToken = (await cardUrl(second.client)).split('/').pop();
    expect((await t.app.inject({ url: `/api/volunteer-cards/${otherToken}` })).json().onboardingComplete).toBe(false);
  });

  it('shows coordinators the share of approved volunteers in their area who completed it, least advanced first', async () => {
    await volunteers[1].client.request({ method: 'PUT', url: `/api/volunteers/me/article-reads/${articleId}` });
    const area = (await coordinator.request({ url: '/api/volunteer-onboarding' })).json();
    expect(area).toMatchObject({ area: '50', approved: 3, completed: 1, itemsTotal: 2, total: 3 });
    expect(area.share).toBeCloseTo(1 / 3);
    expect(area.volunteers.map((v: { firstName: string; done: number; complete: boolean }) => [v.firstName, v.done, v.complete])).toEqual([
      ['คณิน', 0, false],
      ['ขวัญ', 1, false],
      ['กมล', 2, true],
    ]);
    const incomplete = (await coordinator.request({ url: '/api/volunteer-onboarding?area=5001&incomplete=true&pageSize=1' })).json();
    expect(incomplete).toMatchObject({ total: 2, approved: 3 });
    expect(incomplete.volunteers).toHaveLength(1);

    expect((await bangkok.request({ url: '/api/volunteer-onboarding?area=50' })).statusCode).toBe(403);
    expect((await bangkok.request({ url: '/api/volunteer-onboarding' })).json()).toMatchObject({ area: '10', approved: 0, share: 0 });
    expect((await monitor.request({ url: '/api/volunteer-onboarding' })).json()).toMatchObject({ area: null, approved: 3, completed: 1 });
    expect((await t.app.inject({ url: '/api/volunteer-onboarding' })).statusCode).toBe(401);
  });
});
