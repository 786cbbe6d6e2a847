import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { queryRows } from '../../db/client.js';
import { buildCatalogCourse } from '../catalog/catalog.fixtures.js';

let t: TestApp;
let coordinator: Client;
let editor: Client; // central monitor
let learner: Client;
let courseId: string;

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
  'hex',
);

function article(over: Record<string, unknown> = {}) {
  return {
    slug: 'scam-calls',
    kind: 'article',
    topic: 'scam_awareness',
    tags: ['มิจฉาชีพ', 'โทรศัพท์'],
    titleTh: 'รู้ทันแก๊งคอลเซ็นเตอร์หลอกโอนเงิน',
    titleEn: 'Spotting call-centre scams',
    summaryTh: 'วิธีสังเกตมิจฉาชีพทางโทรศัพท์ที่อ้างเป็นเจ้าหน้าที่รัฐ และสิ่งที่ควรทำเมื่อถูกหลอก',
    summaryEn: 'How to recognise phone scammers who pose as officials.',
    bodyTh: '## สัญญาณเตือน\n\nมิจฉาชีพมักอ้างว่า**บัญชีของคุณพัวพันคดี**\n\n- อย่าโอนเงิน\n- โทรสายด่วน [1441](https://www.1441.go.th)',
    courseIds: [courseId],
    ...over,
  };
}

async function create(by: Client, over: Record<string, unknown> = {}) {
  const res = await by.request({ method: 'POST', url: '/api/hub/articles', payload: article(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const publish = (by: Client, id: string) => by.request({ method: 'POST', url: `/api/hub/articles/${id}/publish` });

beforeAll(async () => {
  t = await testApp();
  coordinator = await clientAs(t, { role: 'volunteer_coordinator', scopeId: '50' });
  editor = await clientAs(t, 'central_monitor');
  learner = await clientAs(t, 'learner');
  courseId = await buildCatalogCourse(t.database.db, {
    titleTh: 'ความปลอดภัยไซเบอร์สำหรับประชาชน',
    titleEn: 'Cyber safety for citizens',
    summaryTh: 'รู้ทันภัยออนไลน์',
    provider: 'สถาบันทดสอบ',
    areas: [['DL', 1]],
    groups: ['OPERATIONAL'],
  });
});

describe('writing and publishing', () => {
  it('lets coordinators write drafts that only editors publish, with the course cards and one Article JSON-LD', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/api/hub/articles', payload: article() });
    expect(anon.statusCode).toBe(401);
    expect((await learner.request({ method: 'POST', url: '/api/hub/articles', payload: article() })).statusCode).toBe(403);

    const draft = await create(coordinator);
    expect(draft).toMatchObject({ status: 'draft', version: 1, abilities: { edit: true, publish: false }, jsonLd: null });
    expect(draft.courses.map((c: { id: string }) => c.id)).toEqual([courseId]);
    // A draft is not public.
    expect((await t.app.inject({ url: '/api/hub/articles/scam-calls' })).statusCode).toBe(404);
    expect((await coordinator.request({ url: '/api/hub/articles/scam-calls' })).statusCode).toBe(200);

    expect((await publish(coordinator, draft.id)).statusCode).toBe(403);
    const published = await publish(editor, draft.id);
    expect(published.statusCode, published.body).toBe(200);

    const page = await t.app.inject({ url: '/api/hub/articles/scam-calls' });
    expect(page.statusCode).toBe(200);
    const view = page.json();
    expect(view).toMatchObject({ status: 'published', abilities: { edit: false, publish: false, unpublish: false } });
    expect(view.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'รู้ทันแก๊งคอลเซ็นเตอร์หลอกโอนเงิน',
      inLanguage: 'th',
    });
    expect(view.jsonLd.url).toMatch(/\/hub\/scam-calls$/);
    expect(view.courses[0]).toMatchObject({ id: courseId, titleTh: 'ความปลอดภัยไซเบอร์สำหรับประชาชน' });

    // The author may no longer edit it once published; an editor may, naming the current version.
    const edit = { ...article({ titleTh: 'รู้ทันแก๊งคอลเซ็นเตอร์หลอกให้โอนเงิน' }), version: 1 };
    expect((await coordinator.request({ method: 'PUT', url: `/api/hub/articles/${draft.id}`, payload: edit })).statusCode).toBe(403);
    const saved = await editor.request({ method: 'PUT', url: `/api/hub/articles/${draft.id}`, payload: edit });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, status: 'published' });
    const stale = await editor.request({ method: 'PUT', url: `/api/hub/articles/${draft.id}`, payload: edit });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('hub.version_conflict');

    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_entries where subject_type = 'hub_article' and subject_id = ${draft.id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['article.created', 'article.published', 'article.updated']);

    expect((await editor.request({ method: 'POST', url: `/api/hub/articles/${draft.id}/unpublish` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/hub/articles/scam-calls' })).statusCode).toBe(404);
    expect((await publish(editor, draft.id)).json().publishedAt).toBe(published.json().publishedAt);
  });

  it('names the field of a taken address, an unknown course and a bad cover', async () => {
    const taken = await coordinator.request({ method: 'POST', url: '/api/hub/articles', payload: article() });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'hub.slug_taken', errors: [{ path: 'body.slug' }] });

    const unknown = await coordinator.request({
      method: 'POST',
      url: '/api/hub/articles',
      payload: article({ slug: 'unknown-course', courseIds: [courseId, '00000000-0000-4000-8000-000000000000'] }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: 'body.courseIds.1', code: 'hub.unknown_course' })]);

    const invalid = await coordinator.request({
      method: 'POST',
      url: '/api/hub/articles',
      payload: article({ slug: 'Bad Slug', titleTh: 'สั้น' }),
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.slug', 'body.titleTh']);

    const fake = await coordinator.request({
      method: 'POST',
      url: '/api/hub/articles',
      payload: article({
        slug: 'fake-cover',
        cover: { contentType: 'image/png', dataBase64: Buffer.from('not a png').toString('base64') },
      }),
    });
    expect(fake.statusCode).toBe(415);
  });

  it('serves a cover publicly only once its article is published', async () => {
    const a = await create(editor, {
      slug: 'cover-news',
      kind: 'news',
      topic: 'other',
      tags: [],
      titleTh: 'ประกาศรับสมัครอาสาสมัครรุ่นใหม่',
      summaryTh: 'สำนักงานสถิติจังหวัดเปิดรับสมัครอาสาสมัครดิจิทัลเพิ่มเติม',
      bodyTh: 'ผู้สนใจสมัครได้ที่สำนักงานสถิติจังหวัดทุกแห่งภายในเดือนนี้',
      cover: { contentType: 'image/png', dataBase64: PNG.toString('base64') },
      coverAltTh: 'ภาพประกอบ',
    });
    expect(a.coverUrl).toMatch(/^\/api\/hub\/covers\//);
    expect((await t.app.inject({ url: a.coverUrl })).statusCode).toBe(404);
    await publish(editor, a.id);
    const img = await t.app.inject({ url: a.coverUrl });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(PNG)).toBe(true);
    expect((await t.app.inject({ url: '/api/hub/articles/cover-news' })).json().jsonLd['@type']).toBe('NewsArticle');
  });
});

describe('lists and search', () => {
  beforeAll(async () => {
    const specs = [
      {
        slug: 'sell-online',
        topic: 'ecommerce',
        tags: ['ขายของ'],
        titleTh: 'เริ่มขายของออนไลน์ให้ชุมชน',
        titleEn: 'Selling online for communities',
        summaryTh: 'เปิดร้านค้าออนไลน์และรับชำระเงินอย่างปลอดภัย',
      },
      {
        slug: 'smart-farming',
        topic: 'eagriculture',
        tags: ['เกษตร'],
        titleTh: 'เกษตรอัจฉริยะด้วยสมาร์ตโฟน',
        titleEn: 'Smart farming with a phone',
        summaryTh: 'ใช้แอปพลิเคชันดูสภาพอากาศและราคาพืชผล',
      },
      {
        slug: 'gov-apps',
        kind: 'news',
        topic: 'egovernment',
        tags: ['ทางรัฐ'],
        titleTh: 'แอปทางรัฐเพิ่มบริการใหม่',
        titleEn: 'New services in the Tang Rat app',
        summaryTh: 'ประชาชนยื่นคำขอบริการภาครัฐผ่านโทรศัพท์ได้มากขึ้น',
      },
    ];
    for (const s of specs) {
      const a = await create(editor, { courseIds: [], kind: 'article', bodyTh: `${s.summaryTh} อ่านรายละเอียดเพิ่มเติมได้ที่ศูนย์`, ...s });
      await publish(editor, a.id);
    }
    await create(coordinator, { slug: 'draft-only', titleTh: 'ร่างบทความเรื่องการขายของออนไลน์', courseIds: [] });
  });

  it('lists published articles by kind, topic and tag, sorted and paged; drafts only for authors', async () => {
    const all = (await t.app.inject({ url: '/api/hub/articles?pageSize=2' })).json();
    expect(all.total).toBe(5);
    expect(all.items).toHaveLength(2);
    expect(all.items.every((a: { status: string }) => a.status === 'published')).toBe(true);
    const page3 = (await t.app.inject({ url: '/api/hub/articles?pageSize=2&page=3' })).json();
    expect(page3.items).toHaveLength(1);

    expect(
      (await t.app.inject({ url: '/api/hub/articles?kind=news' }))
        .json()
        .items.map((a: { slug: string }) => a.slug)
        .sort(),
    ).toEqual(['cover-news', 'gov-apps']);
    expect(
      (await t.app.inject({ url: '/api/hub/articles?topic=ecommerce,eagriculture&sort=title' }))
        .json()
        .items.map((a: { slug: string }) => a.slug),
    ).toEqual(['smart-farming', 'sell-online']);
    expect((await t.app.inject({ url: `/api/hub/articles?tag=${encodeURIComponent('ทางรัฐ')}` })).json().items).toHaveLength(1);

    expect((await t.app.inject({ url: '/api/hub/articles?status=draft' })).statusCode).toBe(401);
    expect((await learner.request({ url: '/api/hub/articles?status=draft' })).statusCode).toBe(403);
    const drafts = (await coordinator.request({ url: '/api/hub/articles?status=draft' })).json();
    expect(drafts.items.map((a: { slug: string }) => a.slug)).toEqual(['draft-only']);
  });

  it('finds Thai written without spaces, English stems and misspellings, with the words marked', async () => {
    const thai = (await t.app.inject({ url: `/api/hub/search?q=${encodeURIComponent('ขายของออนไลน์')}` })).json();
    expect(thai.mode).toBe('fulltext');
    expect(thai.items.map((a: { slug: string }) => a.slug)).toEqual(['sell-online']); // not the draft
    expect(
      thai.items[0].titleParts
        .filter((p: { match: boolean }) => p.match)
        .map((p: { text: string }) => p.text)
        .join('|'),
    ).toContain('ขาย');

    const words = (await t.app.inject({ url: `/api/hub/search?q=${encodeURIComponent('มิจฉาชีพทางโทรศัพท์')}` })).json();
    expect(words.items.map((a: { slug: string }) => a.slug)).toEqual(['scam-calls']);

    const english = (await t.app.inject({ url: '/api/hub/search?q=farms' })).json();
    expect(english.items.map((a: { slug: string }) => a.slug)).toEqual(['smart-farming']);

    const typo = (await t.app.inject({ url: `/api/hub/search?q=${encodeURIComponent('เกษตรอัจฉริย')}` })).json();
    expect(typo.items[0]?.slug).toBe('smart-farming');

    const misspelt = (await t.app.inject({ url: '/api/hub/search?q=smrt%20farming' })).json();
    expect(misspelt.mode).toBe('similar');
    expect(misspelt.items[0]?.slug).toBe('smart-farming');

    const filtered = (await t.app.inject({ url: `/api/hub/search?q=${encodeURIComponent('ออนไลน์')}&topic=egovernment` })).json();
    expect(filtered.items).toEqual([]);
    expect((await t.app.inject({ url: '/api/hub/search?q=' })).statusCode).toBe(400);
  });
});
