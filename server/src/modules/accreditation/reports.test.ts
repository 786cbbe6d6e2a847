import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { closePdfBrowser } from '../../lib/pdf.js';
import { fiscalYearBe } from '../../lib/thai-text.js';
import { buildCourseInReview, buildProvider, reviewBody } from './courses.fixtures.js';
import { fiscalYearRange } from './dashboard.service.js';

let t: TestApp;
let p: { provider: { id: string }; admin: Client };
let other: { provider: { id: string }; admin: Client };
let officer: Client;
let accreditedId: string;
let pendingId: string;
beforeAll(async () => {
  t = await testApp();
  p = await buildProvider(t, { nameTh: 'สถาบันทดสอบใบรับรอง' });
  other = await buildProvider(t);
  officer = await clientAs(t, 'accreditation_officer');
  const round = await buildCourseInReview(t, p.admin, p.provider.id, officer);
  for (const [c, a] of [
    [round.r1, round.a1],
    [round.r2, round.a2],
  ] as const) {
    const res = await c.request({ method: 'POST', url: `/api/assignments/${a}/review`, payload: reviewBody(4) });
    if (res.statusCode !== 201) throw new Error(`submitReview ${res.statusCode} ${res.body}`);
  }
  const decided = await officer.request({
    method: 'POST',
    url: `/api/courses/${round.id}/decision`,
    payload: { outcome: 'accredit', reasons: 'ครบถ้วนตามเกณฑ์' },
  });
  if (decided.statusCode !== 200) throw new Error(`decideSubmission ${decided.statusCode} ${decided.body}`);
  accreditedId = round.id;
  pendingId = (await buildCourseInReview(t, p.admin, p.provider.id, officer)).id;
});
afterAll(() => closePdfBrowser());

describe('getAccreditationCertificate', () => {
  it('prints the certificate of an accredited course for its provider and officers only', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/courses/${accreditedId}/certificate` })).statusCode).toBe(401);
    expect((await other.admin.request({ method: 'GET', url: `/api/courses/${accreditedId}/certificate` })).statusCode).toBe(404);
    expect((await p.admin.request({ method: 'GET', url: `/api/courses/${pendingId}/certificate` })).statusCode).toBe(409);
    const res = await p.admin.request({ method: 'GET', url: `/api/courses/${accreditedId}/certificate` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = join('.test-results', 'documents');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'certificate-from-api.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    const course = (await p.admin.request({ method: 'GET', url: `/api/courses/${accreditedId}` })).json();
    expect(course.accreditationNumber).toMatch(/^สดช\.-25\d\d-0001$/);
    expect(text).toContain(course.accreditationNumber);
    expect(text).toContain('สถาบันทดสอบใบรับรอง');
    expect((await officer.request({ method: 'GET', url: `/api/courses/${accreditedId}/certificate` })).statusCode).toBe(200);
  }, 60_000);
});

describe('getAccreditationDashboard', () => {
  it('computes the fiscal year in Bangkok time', () => {
    expect(fiscalYearRange(2570)).toEqual({ start: '2026-09-30T17:00:00Z', end: '2027-09-30T17:00:00Z' });
  });

  it('counts the pipeline, this year’s accreditations against the target, stage medians and reviewer load', async () => {
    expect((await p.admin.request({ method: 'GET', url: '/api/accreditation/dashboard' })).statusCode).toBe(403);
    const res = await officer.request({ method: 'GET', url: '/api/accreditation/dashboard' });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.fiscalYearBe).toBe(fiscalYearBe());
    const count = (state: string) => d.pipeline.find((x: { state: string }) => x.state === state)?.count ?? 0;
    expect(count('accredited')).toBe(1);
    expect(count('in_review')).toBe(1);
    expect(d.accreditedThisYear).toBe(1);
    expect(d.yearlyTarget).toBe(100);
    // Each stage happened within this test, so its median is a fraction of a day, not null.
    expect(d.medianDays.screening).toBeGreaterThanOrEqual(0);
    expect(d.medianDays.review).toBeGreaterThanOrEqual(0);
    expect(d.medianDays.decision).toBeGreaterThanOrEqual(0);
    expect(d.reviewerLoad.length).toBeGreaterThanOrEqual(2);
    expect(d.reviewerLoad[0].open).toBe(1); // the pending course's reviewers still owe a review
    const lastYear = (
      await officer.request({ method: 'GET', url: `/api/accreditation/dashboard?fiscalYearBe=${fiscalYearBe() - 1}` })
    ).json();
    expect(lastYear.accreditedThisYear).toBe(0);
    expect(lastYear.medianDays).toEqual({ screening: null, review: null, decision: null });
  });
});
