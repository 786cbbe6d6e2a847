import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialJsFor } from './bundle-size.js';
import { checkA11y, launchBrowser, login, newPage, screenshot, type ViewportName } from './fixtures.js';

/**
 * Journey 7, checking a suspicious claim: a citizen reports a claim on a phone without signing in, a
 * volunteer reports the same claim in other words and it joins the same group, the fact-checker publishes
 * a verdict, both are told (in-app for the volunteer, an e-mail for the citizen), and the check is found by
 * search with exactly one ClaimReview on its page.
 */

const stamp = Date.now().toString(36);
const CLAIM = `ด่วน! กระทรวงดิจิทัลแจ้งว่าโทรศัพท์ที่ไม่ลงทะเบียนซิมใหม่ภายในสิ้นเดือนนี้จะถูกตัดสัญญาณทันที ${stamp}`;
const SIMILAR = `กระทรวงดิจิทัลแจ้งว่า โทรศัพท์ที่ไม่ลงทะเบียนซิมใหม่ภายในสิ้นเดือนนี้ จะถูกตัดสัญญาณทันที แชร์ต่อด้วย ${stamp}`;
const CITIZEN_EMAIL = `citizen-${stamp}@example.com`;
const REVIEWED = `โทรศัพท์ที่ไม่ลงทะเบียนซิมใหม่จะถูกตัดสัญญาณภายในสิ้นเดือน (${stamp})`;
const BUDGET = 250 * 1024;

let browser: Browser;
const contexts: BrowserContext[] = [];
let citizenCode = '';
let volunteerCode = '';
let checkId = '';
let volunteerPage: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function open(viewport: ViewportName = 'desktop'): Promise<Page> {
  const { context, page } = await newPage(browser, viewport);
  contexts.push(context);
  return page;
}

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Fills the claim form and sends it; returns the tracking code shown. */
async function fillAndSend(page: Page, text: string, opts: { email?: string; platform: string; province: string }) {
  await page.getByRole('textbox', { name: /ข้อความหรือเนื้อหาข่าว/ }).fill(text);
  await page.getByRole('combobox', { name: /พบที่ช่องทาง/ }).selectOption({ label: opts.platform });
  await page.getByRole('combobox', { name: /จังหวัดที่พบ/ }).selectOption({ label: opts.province });
  if (opts.email) await page.getByRole('textbox', { name: /อีเมลสำหรับแจ้งผล/ }).fill(opts.email);
  await page.getByRole('button', { name: 'ส่งให้ตรวจสอบ' }).click();
  await heading(page, 'ได้รับข่าวที่คุณแจ้งแล้ว');
  const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return code;
}

describe('checking a suspicious claim', () => {
  it('a citizen on a phone reports a claim without signing in: field errors first, then a tracking code', async () => {
    const page = await open('phone');
    await page.goto('/factcheck');
    await heading(page, 'ผลการตรวจสอบข่าว');
    await checkA11y(page, 'fact-check search (phone)');
    await page.getByRole('link', { name: 'แจ้งข่าวที่น่าสงสัย' }).click();
    await heading(page, 'แจ้งข่าวที่น่าสงสัย');
    // Sending nothing names every missing field next to it.
    await page.getByRole('button', { name: 'ส่งให้ตรวจสอบ' }).click();
    await page.getByRole('alert').first().waitFor();
    const text = page.getByRole('textbox', { name: /ข้อความหรือเนื้อหาข่าว/ });
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('combobox', { name: /พบที่ช่องทาง/ }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('combobox', { name: /จังหวัดที่พบ/ }).getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'claim form with errors (phone)');
    await page.locator('[data-challenge="ready"]').waitFor({ timeout: 30_000 });
    await screenshot(page, 'factcheck-submit-phone');
    citizenCode = await fillAndSend(page, CLAIM, { email: CITIZEN_EMAIL, platform: 'LINE', province: 'กรุงเทพมหานคร' });
    await checkA11y(page, 'claim sent (phone)');
    await page.getByRole('link', { name: 'ดูสถานะ' }).click();
    await heading(page, 'ติดตามผลการตรวจสอบ');
    await page.getByText('ได้รับแล้ว รอผู้ตรวจสอบรับเรื่อง').waitFor();
    await checkA11y(page, 'tracking page (phone)');
  });

  it('a volunteer reports the same claim in other words; it joins the same group', async () => {
    volunteerPage = await open('phone');
    await login(volunteerPage, 'volunteer');
    await volunteerPage.goto('/factcheck/submit');
    await heading(volunteerPage, 'แจ้งข่าวที่น่าสงสัย');
    await volunteerPage.getByText('คุณเข้าสู่ระบบอยู่').waitFor();
    volunteerCode = await fillAndSend(volunteerPage, SIMILAR, { platform: 'Facebook', province: 'เชียงใหม่' });
    const tracked = await volunteerPage.request.get(`/api/factcheck/track/${volunteerCode}`);
    expect((await tracked.json()).requestCount).toBe(2);
  });

  it('the fact-checker sees the group with 2 requests, takes it, reviews it and publishes a verdict', async () => {
    const page = await open('desktop');
    await login(page, 'factchecker');
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'คิวตรวจสอบข่าว' }).click();
    await heading(page, 'คิวตรวจสอบข่าว');
    await page.getByRole('combobox', { name: 'เรียงตาม' }).selectOption({ label: 'แจ้งล่าสุด' });
    const row = page.getByRole('row').filter({ hasText: stamp });
    await expect.poll(() => row.getByTestId('request-count').textContent()).toBe('2');
    await checkA11y(page, 'claim queue');
    await screenshot(page, 'factcheck-queue-desktop');
    await row.getByRole('link').click();
    await heading(page, 'กลุ่มข่าวที่แจ้งเข้ามา');
    await page.getByTestId('group-requests').getByText('2 คำขอ').waitFor();
    expect(
      await page
        .getByRole('region', { name: /ข่าวในกลุ่มนี้/ })
        .getByRole('row')
        .count(),
    ).toBe(3); // header + 2 claims
    await checkA11y(page, 'claim group');
    await page.getByRole('button', { name: 'รับเรื่องนี้' }).click();
    await page.getByRole('button', { name: 'เริ่มตรวจสอบ' }).click();
    const editor = page.getByRole('form', { name: 'เขียนผลการตรวจสอบ' });
    await editor.waitFor();
    await editor.getByRole('radio', { name: 'เท็จ' }).check();
    await editor.getByRole('textbox', { name: /ข่าวที่ตรวจสอบ/ }).fill(REVIEWED);
    await editor
      .getByRole('textbox', { name: /คำอธิบาย \(ภาษาไทย\)/ })
      .fill('ไม่มีประกาศให้ลงทะเบียนซิมใหม่ ผู้ให้บริการเครือข่ายยืนยันว่าไม่มีการตัดสัญญาณตามข่าว อย่ากดลิงก์ที่แนบมากับข้อความ');
    await editor.getByRole('textbox', { name: 'ชื่อแหล่งอ้างอิงที่ 1' }).fill('สำนักงาน กสทช.');
    await editor.getByRole('textbox', { name: 'ลิงก์แหล่งอ้างอิงที่ 1' }).fill('https://www.nbtc.go.th/');
    await checkA11y(page, 'verdict editor');
    await screenshot(page, 'factcheck-group-desktop');
    await editor.getByRole('button', { name: 'เผยแพร่ผลการตรวจสอบ' }).click();
    await page.getByRole('heading', { name: 'ประวัติผลการตรวจสอบ' }).waitFor();
    const link = page.getByRole('link', { name: 'ดูหน้าผลการตรวจสอบที่เผยแพร่' });
    checkId = ((await link.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(checkId).toMatch(/^[0-9a-f-]{36}$/);
    // The anonymous citizen left an e-mail: the answer waits in the outbox for them.
    const outbox = await page.request.get(`/api/outbox?to=${encodeURIComponent(CITIZEN_EMAIL)}`);
    const mails = (await outbox.json()).items as { subject: string; bodyText: string }[];
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('เท็จ');
    expect(mails[0].bodyText).toContain(`/factcheck/checks/${checkId}`);
  });

  it('both submitters are told: the volunteer in the app, the citizen on the tracking page', async () => {
    const res = await volunteerPage.request.get('/api/notifications');
    const items = (await res.json()).items as { kind: string; link: string }[];
    expect(items.find((n) => n.kind === 'factcheck.published')?.link).toBe(`/factcheck/checks/${checkId}`);
    await volunteerPage.goto('/home');
    await volunteerPage.getByRole('button', { name: /การแจ้งเตือน/ }).click();
    await volunteerPage
      .getByText(/ผลการตรวจสอบข่าวที่คุณแจ้ง: เท็จ/)
      .first()
      .waitFor();
    await checkA11y(volunteerPage, 'volunteer notifications (phone)');

    const citizen = await open('phone');
    await citizen.goto(`/factcheck/track/${citizenCode.toLowerCase()}`);
    await citizen.getByText('เผยแพร่ผลการตรวจสอบแล้ว').first().waitFor();
    await citizen.getByRole('link', { name: 'อ่านคำอธิบายและแหล่งอ้างอิง' }).waitFor();
    await checkA11y(citizen, 'tracking page with verdict (phone)');
  });

  it('anyone finds the check by Thai words and its page carries exactly one ClaimReview', async () => {
    const page = await open('phone');
    await page.goto('/factcheck');
    await heading(page, 'ผลการตรวจสอบข่าว');
    await page.getByRole('searchbox', { name: 'คำค้น' }).fill(`ซิมตัดสัญญาณ ${stamp}`);
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    const hit = page.getByRole('link', { name: REVIEWED });
    await hit.waitFor();
    await checkA11y(page, 'fact-check search results (phone)');
    await screenshot(page, 'factcheck-search-phone');
    await hit.click();
    await heading(page, REVIEWED);
    await page.getByText('ผล:').waitFor();
    await checkA11y(page, 'fact-check page (phone)');
    await screenshot(page, 'factcheck-check-phone');
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const ld = JSON.parse(blocks[0]);
    expect(ld).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: REVIEWED,
      reviewRating: { '@type': 'Rating', alternateName: 'เท็จ', ratingValue: 1 },
      author: { '@type': 'Organization' },
      itemReviewed: { '@type': 'Claim' },
    });
    expect(ld.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("the public fact-check pages load within the catalogue's JavaScript budget", () => {
    const dist = join(new URL('..', import.meta.url).pathname, 'web/dist');
    for (const p of ['search-page.tsx', 'check-page.tsx', 'submit-page.tsx', 'track-page.tsx']) {
      const { gzipBytes } = initialJsFor(dist, `src/features/factcheck/${p}`);
      expect(gzipBytes, p).toBeLessThanOrEqual(BUDGET);
    }
  });
});
