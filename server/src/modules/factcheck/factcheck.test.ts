import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientAs, dbErrorOf, type TestApp, testApp } from '../../../test/harness.js';
import { auditEntries, claims, emailOutbox, notifications } from '../../db/schema/index.js';
import { solveChallenge } from './challenge.js';

const BITS = '6';
let t: TestApp;
let checker: Client;
let otherChecker: Client;
let volunteer: Client;

const LEMON = 'ดื่มน้ำมะนาวผสมโซดาทุกเช้าช่วยรักษามะเร็งได้ หมอญี่ปุ่นยืนยันแล้ว';
const LEMON_AGAIN = 'แชร์ด่วน!! ดื่มน้ำมะนาวผสมโซดาทุกเช้า ช่วยรักษามะเร็งได้ หมอญี่ปุ่นยืนยัน';
const POWER = 'การไฟฟ้าจะตัดไฟทั่วประเทศ 3 วัน ตั้งแต่วันที่ 1 ถึง 3 เดือนหน้า เตรียมตัวด้วย';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6c1a50000000049454e44ae426082',
  'hex',
);

beforeAll(async () => {
  t = await testApp({ CLAIM_CHALLENGE_BITS: BITS, CLAIM_RATE_PER_MINUTE: '1000' });
  checker = await clientAs(t, 'fact_checker');
  otherChecker = await clientAs(t, 'fact_checker');
  volunteer = await clientAs(t, 'volunteer');
});

async function challenge(app = t.app) {
  const res = await app.inject({ method: 'GET', url: '/api/factcheck/challenge' });
  expect(res.statusCode).toBe(200);
  const c = res.json() as { token: string; bits: number };
  return { token: c.token, counter: solveChallenge(c.token, c.bits) };
}

async function submitAnonymously(body: Record<string, unknown>, app = t.app) {
  return app.inject({
    method: 'POST',
    url: '/api/factcheck/claims',
    payload: { platform: 'line', provinceCode: '10', challenge: await challenge(app), ...body },
  });
}

describe('submitClaim', () => {
  it('takes an anonymous claim that answered the challenge and gives a tracking code; the claim row is the record, not the audit chain', async () => {
    const res = await submitAnonymously({
      text: LEMON,
      contactEmail: 'citizen@example.com',
      link: 'https://www.facebook.com/permalink/987/?fbclid=zz',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ requestCount: 1, status: 'new' });
    expect(body.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const [row] = await t.database.db.select().from(claims).where(eq(claims.trackingCode, body.trackingCode));
    expect(row).toMatchObject({ linkKey: 'facebook.com/permalink/987', contactEmail: 'citizen@example.com', submitterUserId: null });
    // Submissions do not queue on the audit chain's lock; the claim's facts cannot be changed instead.
    expect(await t.database.db.select().from(auditEntries).where(eq(auditEntries.subjectId, row.id))).toEqual([]);
    expect(await dbErrorOf(t.database.db.update(claims).set({ text: 'changed' }).where(eq(claims.id, row.id)))).toContain(
      'a submitted claim cannot be changed',
    );
    await t.database.db.update(claims).set({ contactPhone: null }).where(eq(claims.id, row.id));

    const tracked = await t.app.inject({ method: 'GET', url: `/api/factcheck/track/${body.trackingCode.toLowerCase()}` });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ status: 'new', requestCount: 1, verdict: null, text: LEMON });
  });

  it('refuses an anonymous claim without a solved challenge, a challenge used twice, and a filled honeypot', async () => {
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/factcheck/claims',
      payload: { text: POWER, platform: 'sms', provinceCode: '50' },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'claim.challenge_failed', errors: [{ path: 'body.challenge' }] });

    const c = await challenge();
    const unsolved = await t.app.inject({
      method: 'POST',
      url: '/api/factcheck/claims',
      payload: { text: POWER, platform: 'sms', provinceCode: '50', challenge: { token: c.token, counter: c.counter + 1 } },
    });
    // counter + 1 may solve it by chance (1 in 64): only a wrong answer must fail.
    if (unsolved.statusCode !== 201) expect(unsolved.json()).toMatchObject({ code: 'claim.challenge_failed' });

    const used = await challenge();
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/factcheck/claims',
      payload: { text: POWER, platform: 'sms', provinceCode: '50', challenge: used },
    });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/factcheck/claims',
      payload: { text: POWER, platform: 'sms', provinceCode: '50', challenge: used },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('claim.challenge_used');

    const bot = await submitAnonymously({ text: POWER, homepage: 'http://spam.example' });
    expect(bot.statusCode).toBe(400);
    expect(bot.json().code).toBe('claim.rejected');
  });

  it('names each bad field, and checks the image by its bytes and size', async () => {
    const bad = await submitAnonymously({
      text: 'สั้น',
      platform: 'pigeon',
      provinceCode: '99',
      link: 'javascript:alert(1)',
      contactEmail: 'no',
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['body.contactEmail', 'body.link', 'body.platform', 'body.provinceCode', 'body.text']));

    const notPng = await submitAnonymously({
      text: POWER,
      image: { contentType: 'image/png', dataBase64: Buffer.from('%PDF-1.4 not an image').toString('base64') },
    });
    expect(notPng.statusCode).toBe(415);
    const gif = await submitAnonymously({ text: POWER, image: { contentType: 'image/gif', dataBase64: 'R0lGOD' } });
    expect(gif.statusCode).toBe(400);
    const huge = await submitAnonymously({
      text: POWER,
      image: { contentType: 'image/png', dataBase64: Buffer.alloc(2 * 1024 * 1024 + 10).toString('base64') },
    });
    expect(huge.statusCode).toBe(400);
  });

  it('groups a similar claim from a signed-in volunteer (no challenge needed) and a claim with the same link', async () => {
    const v = await volunteer.request({
      method: 'POST',
      url: '/api/factcheck/claims',
      payload: {
        text: LEMON_AGAIN,
        platform: 'facebook',
        provinceCode: '50',
        image: { contentType: 'image/png', dataBase64: PNG.toString('base64') },
      },
    });
    expect(v.statusCode).toBe(201);
    expect(v.json()).toMatchObject({ requestCount: 2 });
    const byLink = await submitAnonymously({
      text: 'โพสต์นี้จริงไหมคะ ช่วยดูให้หน่อย',
      link: 'https://m.facebook.com/permalink/987?utm_source=share',
    });
    expect(byLink.json()).toMatchObject({ groupId: v.json().groupId, requestCount: 3 });
    const other = await submitAnonymously({ text: 'ดื่มน้ำมะนาวทุกเช้าช่วยลดน้ำหนักได้เร็วภายในหนึ่งสัปดาห์' });
    expect(other.json().groupId).not.toBe(v.json().groupId);
  });

  it('puts near-identical claims submitted at the same instant in one group', async () => {
    // Without the grouping locks, PostgreSQL opens several groups here (PGlite runs one transaction at a time).
    const claims = [
      'ธนาคารแห่งประเทศไทยแจกเงินดิจิทัลคนละ 5000 บาท กดลิงก์ลงทะเบียนด่วนภายในวันนี้',
      'กรมอุตุนิยมวิทยาเตือนพายุใหญ่ถล่มภาคใต้คืนนี้ ให้ชาวประมงนำเรือเข้าฝั่งทันที',
      'โรงพยาบาลศิริราชแจกวัคซีนไข้หวัดใหญ่ฟรีให้ผู้สูงอายุทุกวันเสาร์ เดือนนี้เท่านั้น',
    ];
    const forwards = [(c: string) => c, (c: string) => `แชร์ด่วน ${c}`, (c: string) => `${c} จริงไหม`, (c: string) => `ด่วน!! ${c} นะคะ`];
    for (const claim of claims) {
      const texts = [...forwards, ...forwards].map((f) => f(claim));
      const bodies = await Promise.all(
        texts.map(async (text) => ({ text, platform: 'facebook', provinceCode: '30', challenge: await challenge() })),
      );
      const results = await Promise.all(bodies.map((payload) => t.app.inject({ method: 'POST', url: '/api/factcheck/claims', payload })));
      for (const r of results) expect(r.statusCode, r.body).toBe(201);
      const groups = new Set(results.map((r) => r.json().groupId));
      expect(groups.size).toBe(1);
      expect(Math.max(...results.map((r) => r.json().requestCount))).toBe(texts.length);
    }
  });

  it('limits claims per address per minute', async () => {
    const limited = await testApp({ CLAIM_CHALLENGE_BITS: '1', CLAIM_RATE_PER_MINUTE: '2' });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await submitAnonymously({ text: `${POWER} ครั้งที่ ${i}` }, limited.app)).statusCode);
    expect(codes).toEqual([201, 201, 429]);
  });
});

async function lemonGroupId(): Promise<string> {
  const res = await checker.request({ method: 'GET', url: '/api/factcheck/groups?sort=count' });
  expect(res.statusCode).toBe(200);
  const group = (res.json().items as { id: string; sampleText: string }[]).find((g) => g.sampleText === LEMON);
  expect(group).toBeTruthy();
  return group?.id as string;
}

const VERDICT = {
  verdict: 'false',
  claimReviewed: 'ดื่มน้ำมะนาวผสมโซดาทุกเช้ารักษามะเร็งได้',
  explanationTh: 'ไม่มีงานวิจัยใดยืนยันว่าน้ำมะนาวผสมโซดารักษามะเร็งได้ ผู้ป่วยควรรักษาตามคำแนะนำของแพทย์',
  explanationEn: 'No study shows that lemon with soda water cures cancer.',
  sources: [{ url: 'https://www.nci.go.th/', title: 'สถาบันมะเร็งแห่งชาติ' }],
};

describe("the fact-checkers' queue", () => {
  it('is for fact-checkers only, counts requests and filters', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/factcheck/groups' })).statusCode).toBe(401);
    expect((await volunteer.request({ method: 'GET', url: '/api/factcheck/groups' })).statusCode).toBe(403);
    const id = await lemonGroupId();
    const list = await checker.request({ method: 'GET', url: '/api/factcheck/groups?status=new&province=50&platform=facebook' });
    const found = (list.json().items as { id: string; requestCount: number; provinces: string[] }[]).find((g) => g.id === id);
    expect(found).toMatchObject({ requestCount: 3 });
    expect(found?.provinces.sort()).toEqual(['10', '50']);
    const none = await checker.request({ method: 'GET', url: '/api/factcheck/groups?province=96' });
    expect(none.json().total).toBe(0);
    const page = await checker.request({ method: 'GET', url: `/api/factcheck/groups/${id}` });
    expect(page.json().claims).toHaveLength(3);
    expect(
      page
        .json()
        .claims.map((c: { submitter: string }) => c.submitter)
        .sort(),
    ).toEqual(['anonymous', 'anonymous_contact', 'user']);
    expect(page.body).not.toContain('citizen@example.com');
    const withImage = (page.json().claims as { id: string; hasImage: boolean }[]).find((c) => c.hasImage);
    const image = await checker.request({ method: 'GET', url: `/api/factcheck/claims/${withImage?.id}/image` });
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(PNG)).toBe(true);
  });

  it('walks new → assigned → in_review → published, refusing steps out of order with 409 and others with 403', async () => {
    const id = await lemonGroupId();
    const url = `/api/factcheck/groups/${id}`;
    expect((await checker.request({ method: 'POST', url: `${url}/verdict`, payload: VERDICT })).statusCode).toBe(403); // not assigned to anyone
    const assigned = await checker.request({ method: 'POST', url: `${url}/assignment`, payload: { assigneeId: checker.userId } });
    expect(assigned.json()).toMatchObject({ status: 'assigned', abilities: { startReview: true, publish: false } });
    const early = await checker.request({ method: 'POST', url: `${url}/verdict`, payload: VERDICT });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('factcheck.illegal_transition');
    expect((await otherChecker.request({ method: 'POST', url: `${url}/review` })).statusCode).toBe(403);
    expect(
      (await checker.request({ method: 'POST', url: `${url}/assignment`, payload: { assigneeId: volunteer.userId } })).statusCode,
    ).toBe(400);
    expect((await checker.request({ method: 'POST', url: `${url}/review` })).json()).toMatchObject({ status: 'in_review' });
    expect((await checker.request({ method: 'POST', url: `${url}/review` })).statusCode).toBe(409);

    const published = await checker.request({ method: 'POST', url: `${url}/verdict`, payload: VERDICT });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      verdict: 'false',
      current: { version: 1 },
      abilities: { merge: true, split: false },
    });
    const actions = await t.database.db.select({ action: auditEntries.action }).from(auditEntries).where(eq(auditEntries.subjectId, id));
    expect(actions.map((a) => a.action)).toEqual(['claim_group.assigned', 'claim_group.review_started', 'claim_group.verdict_published']);
  });

  it('tells every submitter: in-app for the volunteer, an e-mail for the anonymous one who left an address', async () => {
    const mine = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, volunteer.userId), eq(notifications.kind, 'factcheck.published')));
    expect(mine).toHaveLength(1);
    expect(mine[0].titleTh).toContain('เท็จ');
    const mails = await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'citizen@example.com'));
    expect(mails).toHaveLength(1);
    expect(mails[0].bodyText).toContain('/factcheck/checks/');
    const tracked = await t.app.inject({
      method: 'GET',
      url: `/api/factcheck/track/${(await t.database.db.select().from(claims).where(eq(claims.contactEmail, 'citizen@example.com')))[0].trackingCode}`,
    });
    expect(tracked.json()).toMatchObject({ status: 'published', verdict: { verdict: 'false', version: 1 } });
  });

  it('corrects a published verdict only with a note, keeps the history and tells everyone again', async () => {
    const id = await lemonGroupId();
    const url = `/api/factcheck/groups/${id}/verdict`;
    const noNote = await checker.request({ method: 'POST', url, payload: { ...VERDICT, verdict: 'misleading' } });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].path).toBe('body.correctionNote');
    const fixed = await checker.request({
      method: 'POST',
      url,
      payload: { ...VERDICT, verdict: 'misleading', correctionNote: 'ปรับผลเป็นบิดเบือน' },
    });
    expect(fixed.json()).toMatchObject({ verdict: 'misleading', current: { version: 2, correctionNote: 'ปรับผลเป็นบิดเบือน' } });
    expect(fixed.json().history.map((h: { verdict: string }) => h.verdict)).toEqual(['false', 'misleading']);
    const mine = await t.database.db.select().from(notifications).where(eq(notifications.userId, volunteer.userId));
    expect(mine.filter((n) => n.kind === 'factcheck.published')).toHaveLength(2);
  });

  it('merges and splits unpublished groups, recounting both', async () => {
    const a = (await submitAnonymously({ text: POWER, provinceCode: '30' })).json();
    const b = (await submitAnonymously({ text: 'ค่าไฟเดือนหน้าจะขึ้นเป็นหน่วยละ 8 บาท การไฟฟ้าประกาศแล้ว' })).json();
    expect(a.groupId).not.toBe(b.groupId);
    const merged = await checker.request({
      method: 'POST',
      url: `/api/factcheck/groups/${a.groupId}/merge`,
      payload: { sourceGroupId: b.groupId },
    });
    expect(merged.statusCode).toBe(200);
    const count = merged.json().requestCount;
    expect(count).toBeGreaterThanOrEqual(3);
    expect((await checker.request({ method: 'GET', url: `/api/factcheck/groups/${b.groupId}` })).statusCode).toBe(404);
    const ours = (merged.json().claims as { id: string; text: string }[]).filter((c) => c.text.startsWith('ค่าไฟ'));
    const split = await checker.request({
      method: 'POST',
      url: `/api/factcheck/groups/${a.groupId}/split`,
      payload: { claimIds: ours.map((c) => c.id) },
    });
    expect(split.statusCode).toBe(200);
    expect(split.json().from.requestCount).toBe(count - 1);
    expect(split.json().created).toMatchObject({ requestCount: 1, status: 'new' });
    const all = (split.json().from.claims as { id: string }[]).map((c) => c.id);
    const everything = await checker.request({
      method: 'POST',
      url: `/api/factcheck/groups/${a.groupId}/split`,
      payload: { claimIds: all },
    });
    expect(everything.statusCode).toBe(400);
    const lemon = await lemonGroupId();
    const intoPublished = await checker.request({
      method: 'POST',
      url: `/api/factcheck/groups/${a.groupId}/merge`,
      payload: { sourceGroupId: lemon },
    });
    expect(intoPublished.statusCode).toBe(403);

    // Merged into a group already answered: the newcomers are told its verdict at once (and nobody else again).
    const late = (await submitAnonymously({ text: 'น้ำมะนาวโซดารักษาโรคได้ทุกโรค ดื่มก่อนนอนทุกคืน', contactEmail: 'late@example.com' })).json();
    expect(late.groupId).not.toBe(lemon);
    const before = (await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'citizen@example.com'))).length;
    const joined = await checker.request({
      method: 'POST',
      url: `/api/factcheck/groups/${lemon}/merge`,
      payload: { sourceGroupId: late.groupId },
    });
    expect(joined.json()).toMatchObject({ status: 'published', requestCount: 4 });
    expect(await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'late@example.com'))).toHaveLength(1);
    expect(await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'citizen@example.com'))).toHaveLength(before);
  });
});

describe('published checks', () => {
  it('are found by Thai words, typos and filters; unpublished groups have no page', async () => {
    const id = await lemonGroupId();
    const search = (q: string) => t.app.inject({ method: 'GET', url: `/api/factcheck/checks?${q}` });
    const words = await search(`q=${encodeURIComponent('น้ำมะนาวรักษามะเร็ง')}`);
    expect(words.json()).toMatchObject({ mode: 'fulltext', total: 1, items: [{ id, verdict: 'misleading' }] });
    const typo = await search(`q=${encodeURIComponent('มะนาวโซดา')}`);
    expect(typo.json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await search('verdict=true')).json().total).toBe(0);
    expect((await search('verdict=misleading&province=50')).json().total).toBe(1);
    expect((await search('platform=sms')).json().total).toBe(0);
    const near = await search('nearProvince=50');
    expect(near.json().items[0]).toMatchObject({ id, isNear: true });
    const byVolunteer = await volunteer.request({ method: 'GET', url: '/api/factcheck/checks' });
    expect(byVolunteer.json().nearProvince).toBe('50');

    const other = (await checker.request({ method: 'GET', url: '/api/factcheck/groups?status=new' })).json().items[0].id;
    expect((await t.app.inject({ method: 'GET', url: `/api/factcheck/checks/${other}` })).statusCode).toBe(404);
  });

  it('have a page with exactly one ClaimReview', async () => {
    const id = await lemonGroupId();
    const page = await t.app.inject({ method: 'GET', url: `/api/factcheck/checks/${id}` });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body).toMatchObject({ version: 2, corrections: [{ version: 2 }], appearances: ['facebook.com/permalink/987'] });
    expect(body.jsonLd).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: VERDICT.claimReviewed,
      reviewRating: { ratingValue: 2, alternateName: 'บิดเบือน' },
      itemReviewed: { '@type': 'Claim', firstAppearance: { url: 'https://facebook.com/permalink/987' } },
    });
    expect(page.body).not.toContain('citizen@example.com');
  });
});
