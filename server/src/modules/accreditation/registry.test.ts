import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../../common/citizen-id.js';
import { clientAs, signIn, type TestApp, testApp } from '../../../test/harness.js';
import { auditEntries, emailOutbox, notifications, providers, roleGrants, users } from '../../db/schema/index.js';

let t: TestApp;
let taxSeq = 100;
const nextTaxId = () => withCheckDigit(`0105${String(taxSeq++).padStart(8, '0')}`);
const MISSING = '00000000-0000-4000-8000-000000000000';

const registration = (over: Record<string, unknown> = {}) => ({
  nameTh: 'สถาบันพัฒนาทักษะดิจิทัล',
  nameEn: 'Digital Skills Institute',
  kind: 'company',
  taxId: nextTaxId(),
  address: '99 ถนนแจ้งวัฒนะ หลักสี่ กรุงเทพฯ',
  provinceCode: '10',
  website: 'https://dsi.example.th',
  contactName: 'สมศรี มีสุข',
  contactEmail: 'contact@dsi.example.th',
  contactPhone: '02-123-4567',
  admin: { email: `admin${taxSeq}@dsi.example.th`, displayName: 'ผู้ดูแล สถาบัน', password: 'a-long-password-1' },
  ...over,
});

async function register(over: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/providers', payload: registration(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { provider: { id: string; status: string; taxId: string }; admin: { id: string; email: string } };
}

const auditOf = (subjectId: string) =>
  t.database.db.select().from(auditEntries).where(eq(auditEntries.subjectId, subjectId)).orderBy(auditEntries.seq);

let officer: Awaited<ReturnType<typeof clientAs>>;
beforeAll(async () => {
  t = await testApp();
  officer = await clientAs(t, 'accreditation_officer');
});

describe('registerProvider', () => {
  it('creates a pending provider, its admin and the scoped grant in one step, audit-logged, and tells officers', async () => {
    const body = await register();
    expect(body.provider.status).toBe('pending');
    const [grant] = await t.database.db.select().from(roleGrants).where(eq(roleGrants.userId, body.admin.id));
    expect(grant).toMatchObject({ role: 'provider_admin', scopeType: 'provider', scopeId: body.provider.id });
    expect((await auditOf(body.provider.id)).map((a) => a.action)).toContain('provider.registered');
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, officer.userId), eq(notifications.kind, 'provider.registered')));
    expect(told.length).toBeGreaterThanOrEqual(1);
    const admin = await signIn(t.app, body.admin.email, 'a-long-password-1');
    expect(admin.userId).toBe(body.admin.id);
  });

  it('accepts a tax ID written with dashes and stores the digits', async () => {
    const taxId = nextTaxId();
    const body = await register({
      taxId: `${taxId.slice(0, 1)}-${taxId.slice(1, 5)}-${taxId.slice(5)}`,
      admin: { email: 'dash@dsi.example.th', displayName: 'D', password: 'a-long-password-1' },
    });
    expect(body.provider.taxId).toBe(taxId);
  });

  it('400: a wrong check digit, a short password, an unknown kind', async () => {
    const good = nextTaxId();
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    const r1 = await t.app.inject({ method: 'POST', url: '/api/providers', payload: registration({ taxId: bad }) });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().errors.map((e: { path: string }) => e.path)).toContain('body.taxId');
    const r2 = await t.app.inject({
      method: 'POST',
      url: '/api/providers',
      payload: registration({ admin: { email: 'x@y.th', displayName: 'x', password: 'short' } }),
    });
    expect(r2.json().errors[0].path).toBe('body.admin.password');
    const r3 = await t.app.inject({ method: 'POST', url: '/api/providers', payload: registration({ kind: 'guild' }) });
    expect(r3.statusCode).toBe(400);
    const r4 = await t.app.inject({ method: 'POST', url: '/api/providers', payload: registration({ website: 'javascript:alert(1)' }) });
    expect(r4.json().errors[0].path).toBe('body.website');
  });

  it('409 naming the field for a taken tax ID or e-mail, and nothing is half-created', async () => {
    const first = await register();
    const dupTax = await t.app.inject({ method: 'POST', url: '/api/providers', payload: registration({ taxId: first.provider.taxId }) });
    expect(dupTax.statusCode).toBe(409);
    expect(dupTax.json().errors[0].path).toBe('body.taxId');
    const taxId = nextTaxId();
    const dupEmail = await t.app.inject({
      method: 'POST',
      url: '/api/providers',
      payload: registration({ taxId, admin: { email: first.admin.email.toUpperCase(), displayName: 'x', password: 'a-long-password-1' } }),
    });
    expect(dupEmail.statusCode).toBe(409);
    expect(dupEmail.json()).toMatchObject({ code: 'user.email_taken', errors: [{ path: 'body.admin.email' }] });
    expect(await t.database.db.select().from(providers).where(eq(providers.taxId, taxId))).toEqual([]);
  });
});

describe('getProvider', () => {
  it('public sees verified providers only, without contacts; own admins and officers see pending ones; others get 404', async () => {
    const a = await register();
    const b = await register();
    const url = `/api/providers/${a.provider.id}`;
    expect((await t.app.inject({ url })).statusCode).toBe(404);
    const adminA = await signIn(t.app, a.admin.email, 'a-long-password-1');
    const adminB = await signIn(t.app, b.admin.email, 'a-long-password-1');
    const own = await adminA.request({ method: 'GET', url });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      status: 'pending',
      contactEmail: 'contact@dsi.example.th',
      abilities: { canInviteMembers: true, canVerify: false },
    });
    expect((await adminB.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await officer.request({ method: 'GET', url })).json().abilities.canVerify).toBe(true);

    await officer.request({ method: 'POST', url: `${url}/verification`, payload: { decision: 'verify' } });
    const pub = await t.app.inject({ url });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'verified', contactEmail: null, contactPhone: null });
  });

  it('404 for an unknown id, 400 for a malformed one', async () => {
    expect((await t.app.inject({ url: `/api/providers/${MISSING}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/providers/nope' })).statusCode).toBe(400);
  });
});

describe('verifyProvider', () => {
  it('401 anonymous, 403 for a provider admin, 400 a rejection without reason, 404 unknown', async () => {
    const a = await register();
    const url = `/api/providers/${a.provider.id}/verification`;
    expect((await t.app.inject({ method: 'POST', url, payload: { decision: 'verify' } })).statusCode).toBe(401);
    const adminA = await signIn(t.app, a.admin.email, 'a-long-password-1');
    expect((await adminA.request({ method: 'POST', url, payload: { decision: 'verify' } })).statusCode).toBe(403);
    const noReason = await officer.request({ method: 'POST', url, payload: { decision: 'reject' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.reason');
    expect(
      (await officer.request({ method: 'POST', url: `/api/providers/${MISSING}/verification`, payload: { decision: 'verify' } }))
        .statusCode,
    ).toBe(404);
  });

  it('verifies, notifies the admins, audit-logs, and refuses a second decision with 409', async () => {
    const a = await register();
    const url = `/api/providers/${a.provider.id}/verification`;
    const res = await officer.request({ method: 'POST', url, payload: { decision: 'verify' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('verified');
    expect((await auditOf(a.provider.id)).map((e) => e.action)).toContain('provider.verified');
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, a.admin.id), eq(notifications.kind, 'provider.verified')));
    expect(told).toHaveLength(1);
    expect((await officer.request({ method: 'POST', url, payload: { decision: 'reject', reason: 'late' } })).statusCode).toBe(409);
  });

  it('rejects with a reason the admins can read', async () => {
    const a = await register();
    const res = await officer.request({
      method: 'POST',
      url: `/api/providers/${a.provider.id}/verification`,
      payload: { decision: 'reject', reason: 'เอกสารไม่ครบ' },
    });
    expect(res.json()).toMatchObject({ status: 'rejected', rejectionReason: 'เอกสารไม่ครบ' });
    const adminA = await signIn(t.app, a.admin.email, 'a-long-password-1');
    expect((await adminA.request({ method: 'GET', url: `/api/providers/${a.provider.id}` })).json().rejectionReason).toBe('เอกสารไม่ครบ');
  });
});

describe('inviteProviderColleague', () => {
  it('adds a colleague as admin and queues an invitation e-mail that says how to get a password', async () => {
    const a = await register();
    const adminA = await signIn(t.app, a.admin.email, 'a-long-password-1');
    const url = `/api/providers/${a.provider.id}/members`;
    const res = await adminA.request({ method: 'POST', url, payload: { email: 'Colleague@DSI.example.th', displayName: 'เพื่อนร่วมงาน' } });
    expect(res.statusCode, res.body).toBe(201);
    const member = res.json();
    expect(member.email).toBe('colleague@dsi.example.th');
    const [grant] = await t.database.db.select().from(roleGrants).where(eq(roleGrants.userId, member.id));
    expect(grant).toMatchObject({ role: 'provider_admin', scopeId: a.provider.id });
    const [mail] = await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'colleague@dsi.example.th'));
    expect(mail.bodyText).toMatch(/ลืมรหัสผ่าน/);
    expect((await auditOf(a.provider.id)).map((e) => e.action)).toContain('provider.member_invited');
    const again = await adminA.request({ method: 'POST', url, payload: { email: 'colleague@dsi.example.th', displayName: 'x' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('body.email');
  });

  it('401 anonymous, 403 without the role or for another verified provider, 404 for another pending provider, 400 bad e-mail', async () => {
    const a = await register();
    const b = await register();
    const url = `/api/providers/${a.provider.id}/members`;
    const payload = { email: 'someone@x.th', displayName: 'x' };
    expect((await t.app.inject({ method: 'POST', url, payload })).statusCode).toBe(401);
    const learner = await clientAs(t, 'learner');
    expect((await learner.request({ method: 'POST', url, payload })).statusCode).toBe(403);
    const adminB = await signIn(t.app, b.admin.email, 'a-long-password-1');
    expect((await adminB.request({ method: 'POST', url, payload })).statusCode).toBe(404);
    await officer.request({ method: 'POST', url: `/api/providers/${a.provider.id}/verification`, payload: { decision: 'verify' } });
    expect((await adminB.request({ method: 'POST', url, payload })).statusCode).toBe(403);
    const adminA = await signIn(t.app, a.admin.email, 'a-long-password-1');
    expect((await adminA.request({ method: 'POST', url, payload: { email: 'not-an-email', displayName: 'x' } })).statusCode).toBe(400);
  });
});

const application = (over: Record<string, unknown> = {}) => ({
  expertise: [
    { skillAreaCode: 'DL', levelRank: 3 },
    { skillAreaCode: 'DT', levelRank: 2 },
  ],
  qualifications: 'ปริญญาเอกด้านวิทยาการคอมพิวเตอร์ ประสบการณ์ 15 ปี',
  affiliations: [{ organisationName: 'มหาวิทยาลัยทดสอบ', roleTitle: 'อาจารย์', startDate: '2015-01-01' }],
  maxConcurrent: 4,
  ...over,
});

describe('reviewer registry', () => {
  it('applyAsReviewer: 401 anonymous, 400 unknown area or level, 201 once, then 409', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/reviewers', payload: application() })).statusCode).toBe(401);
    const me = await clientAs(t, 'learner');
    const badArea = await me.request({
      method: 'POST',
      url: '/api/reviewers',
      payload: application({ expertise: [{ skillAreaCode: 'NOPE', levelRank: 1 }] }),
    });
    expect(badArea.statusCode).toBe(400);
    expect(badArea.json().errors[0].path).toBe('body.expertise.0.skillAreaCode');
    const badLevel = await me.request({
      method: 'POST',
      url: '/api/reviewers',
      payload: application({ expertise: [{ skillAreaCode: 'DL', levelRank: 9 }] }),
    });
    expect(badLevel.json().errors[0].path).toBe('body.expertise.0.levelRank');
    const badMax = await me.request({ method: 'POST', url: '/api/reviewers', payload: application({ maxConcurrent: 11 }) });
    expect(badMax.statusCode).toBe(400);
    const badProvider = await me.request({
      method: 'POST',
      url: '/api/reviewers',
      payload: application({ affiliations: [{ organisationName: 'x', providerId: MISSING }] }),
    });
    expect(badProvider.json().errors[0].path).toBe('body.affiliations.0.providerId');

    expect((await me.request({ method: 'GET', url: '/api/reviewers/me' })).statusCode).toBe(404);
    const res = await me.request({ method: 'POST', url: '/api/reviewers', payload: application() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'pending',
      maxConcurrent: 4,
      expertise: [
        { skillAreaCode: 'DL', levelRank: 3 },
        { skillAreaCode: 'DT', levelRank: 2 },
      ],
    });
    expect(res.json().affiliations[0]).toMatchObject({ organisationName: 'มหาวิทยาลัยทดสอบ', startDate: '2015-01-01', endDate: null });
    expect((await me.request({ method: 'POST', url: '/api/reviewers', payload: application() })).statusCode).toBe(409);
    expect((await me.request({ method: 'GET', url: '/api/reviewers/me' })).json().id).toBe(res.json().id);
  });

  it('getReviewer and listReviewers: officers see all; the applicant sees their own; others 404/403', async () => {
    const me = await clientAs(t, 'learner');
    const id = (
      await me.request({
        method: 'POST',
        url: '/api/reviewers',
        payload: application({ expertise: [{ skillAreaCode: 'CS', levelRank: 1 }] }),
      })
    ).json().id;
    expect((await me.request({ method: 'GET', url: `/api/reviewers/${id}` })).statusCode).toBe(200);
    const other = await clientAs(t, 'learner');
    expect((await other.request({ method: 'GET', url: `/api/reviewers/${id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/reviewers/${id}` })).statusCode).toBe(401);
    expect((await officer.request({ method: 'GET', url: `/api/reviewers/${id}` })).json().abilities.canDecide).toBe(true);
    expect((await other.request({ method: 'GET', url: '/api/reviewers' })).statusCode).toBe(403);
    const list = (await officer.request({ method: 'GET', url: '/api/reviewers?status=pending&skillAreaCode=CS' })).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await officer.request({ method: 'GET', url: '/api/reviewers?status=bogus' })).statusCode).toBe(400);
  });

  it('approveReviewer: 403 non-officer, 400 rejection without reason, 404 unknown, 200 grants the reviewer role once, 409 twice', async () => {
    const me = await clientAs(t, 'learner');
    const id = (await me.request({ method: 'POST', url: '/api/reviewers', payload: application() })).json().id;
    const url = `/api/reviewers/${id}/decision`;
    expect((await me.request({ method: 'POST', url, payload: { decision: 'approve' } })).statusCode).toBe(403);
    expect((await officer.request({ method: 'POST', url, payload: { decision: 'reject' } })).statusCode).toBe(400);
    expect(
      (await officer.request({ method: 'POST', url: `/api/reviewers/${MISSING}/decision`, payload: { decision: 'approve' } })).statusCode,
    ).toBe(404);
    const res = await officer.request({ method: 'POST', url, payload: { decision: 'approve', reason: 'ผ่านเกณฑ์' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('approved');
    const grants = await t.database.db
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, me.userId), eq(roleGrants.role, 'reviewer')));
    expect(grants).toHaveLength(1);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['reviewer.applied', 'reviewer.approved']);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, me.userId), eq(notifications.kind, 'reviewer.approved')));
    expect(told).toHaveLength(1);
    expect((await officer.request({ method: 'POST', url, payload: { decision: 'reject', reason: 'x' } })).statusCode).toBe(409);
  });

  it('rejects an application with a reason and grants nothing', async () => {
    const me = await clientAs(t, 'learner');
    const id = (await me.request({ method: 'POST', url: '/api/reviewers', payload: application() })).json().id;
    const res = await officer.request({
      method: 'POST',
      url: `/api/reviewers/${id}/decision`,
      payload: { decision: 'reject', reason: 'คุณวุฒิไม่ตรง' },
    });
    expect(res.json()).toMatchObject({ status: 'rejected', rejectionReason: 'คุณวุฒิไม่ตรง' });
    expect(
      await t.database.db
        .select()
        .from(roleGrants)
        .where(and(eq(roleGrants.userId, me.userId), eq(roleGrants.role, 'reviewer'))),
    ).toEqual([]);
  });

  it('declareConflict: 401, 403 without the reviewer role, 400 unknown provider, 201, 409 twice', async () => {
    const p = await register();
    const payload = { providerId: p.provider.id, reason: 'เคยเป็นที่ปรึกษา' };
    expect((await t.app.inject({ method: 'POST', url: '/api/reviewers/me/conflicts', payload })).statusCode).toBe(401);
    const learner = await clientAs(t, 'learner');
    expect((await learner.request({ method: 'POST', url: '/api/reviewers/me/conflicts', payload })).statusCode).toBe(403);
    const reviewerUser = await clientAs(t, 'learner');
    const id = (await reviewerUser.request({ method: 'POST', url: '/api/reviewers', payload: application() })).json().id;
    await officer.request({ method: 'POST', url: `/api/reviewers/${id}/decision`, payload: { decision: 'approve' } });
    const reviewer = await signIn(t.app, (await t.database.db.select().from(users).where(eq(users.id, reviewerUser.userId)))[0].email);
    expect(
      (await reviewer.request({ method: 'POST', url: '/api/reviewers/me/conflicts', payload: { ...payload, providerId: MISSING } }))
        .statusCode,
    ).toBe(400);
    const res = await reviewer.request({ method: 'POST', url: '/api/reviewers/me/conflicts', payload });
    expect(res.statusCode, res.body).toBe(201);
    expect((await reviewer.request({ method: 'POST', url: '/api/reviewers/me/conflicts', payload })).statusCode).toBe(409);
    expect((await reviewer.request({ method: 'GET', url: '/api/reviewers/me' })).json().conflicts[0].providerId).toBe(p.provider.id);
  });
});
