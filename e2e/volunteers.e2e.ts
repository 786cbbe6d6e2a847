import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../common/citizen-id.js';
import { checkA11y, launchBrowser, login, newPage, screenshot } from './fixtures.js';

/**
 * The digital-volunteer network on a phone (360 × 740): a citizen registers in their village, the Chiang Mai
 * coordinator approves them as the district's leader, the volunteer logs help given while offline and it is
 * sent when the phone is back online, and the coverage pages show it.
 */

const PHONE = { width: 360, height: 740 };
const stamp = Date.now().toString(36);
const digits = String(Date.now()).slice(-8);
const CITIZEN_ID = withCheckDigit(`1509${digits}`);
const EMAIL = `vol-${stamp}@example.org`;
const PASSWORD = 'อาสาดิจิทัล-2569';
const FIRST = 'สุดา';
const LAST = `อาสาดี${stamp}`;

let browser: Browser;
const contexts: BrowserContext[] = [];
let subdistrict = { code: '', nameTh: '' };
let village = { id: '', moo: 0, nameTh: '' };
let before = { volunteers: 0, activities: 0, leaders: 0 };

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function open(): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser, 'phone');
  await page.setViewportSize(PHONE);
  contexts.push(context);
  return { context, page };
}

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Chooses in a searchable select: opens it once its list has loaded and picks the option. */
async function choose(page: Page, label: string, option: string) {
  const input = page.getByRole('combobox', { name: label, exact: true }).first();
  await expect.poll(() => input.isEnabled()).toBe(true);
  const item = page.getByRole('option', { name: option, exact: true });
  await expect
    .poll(async () => {
      if (!(await item.isVisible())) await input.click();
      return item.isVisible();
    })
    .toBe(true);
  await item.scrollIntoViewIfNeeded();
  await item.click();
  await expect.poll(() => input.inputValue()).toBe(option);
}

async function coverage(page: Page, area: string) {
  const res = await page.request.get(`/api/volunteer-coverage?area=${area}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as {
    totals: { volunteers: number; districtsWithLeader: number };
    months: { activities: number }[];
    villagesWithoutVolunteer: { id: string }[];
  };
  return { ...body, activities: body.months.reduce((s, m) => s + m.activities, 0) };
}

describe('digital volunteer network', () => {
  it('a citizen registers on a phone in their village, choosing province, district, subdistrict and village', async () => {
    const { page } = await open();
    const subs = (await (await page.request.get('/api/places?parent=5001')).json()) as { items: { code: string; nameTh: string }[] };
    subdistrict = subs.items[0];
    const villages = (await (await page.request.get(`/api/villages?subdistrict=${subdistrict.code}`)).json()) as {
      items: { id: string; moo: number; nameTh: string }[];
    };
    village = villages.items[1];
    expect(village, 'the demo data has villages in the first subdistrict of Mueang Chiang Mai').toBeTruthy();

    await page.goto('/');
    await page.getByRole('button', { name: 'เปิดเมนู' }).click();
    await page.getByRole('link', { name: 'สมัครเป็น อสด.' }).click();
    await heading(page, 'สมัครเป็นอาสาสมัครดิจิทัล (อสด.)');
    await checkA11y(page, 'volunteer registration');

    await page.getByLabel('เลขประจำตัวประชาชน', { exact: false }).first().fill(CITIZEN_ID);
    await page.getByRole('textbox', { name: 'ชื่อ', exact: true }).fill(FIRST);
    await page.getByRole('textbox', { name: 'นามสกุล', exact: true }).fill(LAST);
    await page.getByRole('textbox', { name: 'โทรศัพท์มือถือ' }).fill('089-123-4567');
    await page.getByRole('textbox', { name: 'อีเมล' }).fill(EMAIL);
    await page.getByLabel('รหัสผ่าน', { exact: false }).first().fill(PASSWORD);
    await choose(page, 'จังหวัด', 'เชียงใหม่');
    await choose(page, 'อำเภอ/เขต', 'เมืองเชียงใหม่');
    await choose(page, 'ตำบล/แขวง', subdistrict.nameTh);
    await choose(page, 'หมู่บ้าน', `หมู่ ${village.moo} ${village.nameTh}`);
    await page.getByRole('textbox', { name: 'อาชีพ' }).fill('เกษตรกร');
    await page.getByRole('textbox', { name: 'ทักษะที่สอนได้' }).fill('ขายของออนไลน์, แอปเป๋าตัง');
    await checkA11y(page, 'volunteer registration filled');

    // Without consent the server says which field is missing.
    await page.getByRole('button', { name: 'ส่งใบสมัคร' }).click();
    await page.getByRole('alert').first().waitFor();
    await page.getByRole('checkbox', { name: 'ข้าพเจ้ายินยอมตามประกาศความเป็นส่วนตัว' }).check();
    await screenshot(page, 'volunteers-register-phone');
    await page.getByRole('button', { name: 'ส่งใบสมัคร' }).click();
    await page.getByRole('status').filter({ hasText: 'ส่งใบสมัครแล้ว' }).waitFor();
    await checkA11y(page, 'volunteer registration sent');
  });

  it('the provincial coordinator approves them as the district leader from the queue on a phone', async () => {
    const { page } = await open();
    await login(page, 'coordinator');
    const cov = await coverage(page, '5001');
    before = { volunteers: cov.totals.volunteers, activities: cov.activities, leaders: cov.totals.districtsWithLeader };
    expect(cov.villagesWithoutVolunteer.map((v) => v.id)).toContain(village.id);
    await page.goto('/volunteers/queue');
    await heading(page, 'อนุมัติอาสาสมัคร');
    const card = page.getByRole('article', { name: `${FIRST} ${LAST}` });
    await card.waitFor();
    expect(await card.textContent()).toContain(`${CITIZEN_ID[0]}-${CITIZEN_ID.slice(1, 5)}-xxxxx-xx-${CITIZEN_ID[12]}`);
    expect(await card.textContent()).not.toContain(CITIZEN_ID);
    await checkA11y(page, 'coordinator queue');
    await screenshot(page, 'volunteers-queue-phone');
    await card.getByRole('combobox', { name: 'ระดับ' }).click();
    await page.getByRole('option', { name: 'แกนนำ อสด. ระดับอำเภอ' }).click();
    await card.getByRole('button', { name: `อนุมัติ ${FIRST} ${LAST}`, exact: true }).click();
    await card.waitFor({ state: 'detached' });
    await page
      .locator('label')
      .filter({ hasText: /^ปฏิบัติงาน$/ })
      .click();
    const active = page.getByRole('article', { name: `${FIRST} ${LAST}` });
    await active.waitFor();
    expect(await active.textContent()).toContain('แกนนำ อสด. ระดับอำเภอ');
    await checkA11y(page, 'coordinator active volunteers');
  });

  it('the volunteer logs help given while offline; it is sent when the phone is back online', async () => {
    const { context, page } = await open();
    await page.goto('/login?next=%2Fvolunteer');
    await page.getByRole('textbox', { name: /อีเมล/ }).fill(EMAIL);
    await page.getByLabel(/^รหัสผ่าน/).fill(PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).last().click();
    await page.waitForURL((u) => u.pathname === '/volunteer');
    await heading(page, 'งานอาสาสมัครของฉัน');
    await page.getByText(`หมู่ ${village.moo} ${village.nameTh}`, { exact: false }).first().waitFor();
    await page.getByRole('img', { name: 'คิวอาร์โค้ดบัตร อสด.' }).waitFor();
    await checkA11y(page, 'volunteer home');

    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'ออฟไลน์' }).waitFor();
    const form = page.getByRole('form', { name: 'บันทึกการช่วยเหลือประชาชน' });
    await form.getByRole('combobox', { name: 'เรื่อง' }).click();
    await page.getByRole('option', { name: 'รู้ทันภัยออนไลน์' }).click();
    await form.getByRole('textbox', { name: 'จำนวนคนที่ช่วย' }).fill('6');
    await form.getByRole('button', { name: 'บันทึกกิจกรรม' }).click();
    const item = page.getByTestId('queued-activity').filter({ hasText: 'รู้ทันภัยออนไลน์' });
    await item.getByText('รอส่ง').waitFor();
    await checkA11y(page, 'volunteer home offline with a queued activity');
    await screenshot(page, 'volunteers-home-offline-phone');
    // Still queued after a moment offline: nothing was lost or sent.
    await page.waitForTimeout(500);
    expect(await item.textContent()).toContain('รอส่ง');

    await context.setOffline(false);
    await item.getByText('ส่งแล้ว').waitFor({ timeout: 20_000 });
    await page.getByRole('cell', { name: 'รู้ทันภัยออนไลน์' }).first().waitFor();
    await checkA11y(page, 'volunteer home synced');

    // The card's QR code leads to a public page.
    const cardHref = await page.getByRole('link', { name: /บัตร อสด. ของฉัน/ }).getAttribute('href');
    const visitor = await open();
    await visitor.page.goto(new URL(cardHref as string).pathname);
    await heading(visitor.page, 'ตรวจสอบบัตรอาสาสมัครดิจิทัล');
    await visitor.page.getByText('เป็นอาสาสมัครดิจิทัล', { exact: true }).waitFor();
    await checkA11y(visitor.page, 'volunteer card check');
  });

  it('coverage shows the new volunteer, the district leader and the activity, from the map down to the district', async () => {
    const { page } = await open();
    await login(page, 'coordinator');
    const after = await coverage(page, '5001');
    expect(after.totals.volunteers).toBe(before.volunteers + 1);
    expect(after.activities).toBe(before.activities + 1);
    expect(after.totals.districtsWithLeader).toBe(1);
    expect(after.villagesWithoutVolunteer.map((v) => v.id)).not.toContain(village.id);

    await page.goto('/volunteers/coverage');
    await heading(page, 'ความครอบคลุมของอาสาสมัครดิจิทัล');
    await checkA11y(page, 'coverage nation');
    await screenshot(page, 'volunteers-coverage-phone');
    await page.getByRole('link', { name: /^เชียงใหม่: / }).click();
    await heading(page, 'ความครอบคลุม: เชียงใหม่');
    await checkA11y(page, 'coverage province');
    await page.getByRole('link', { name: 'เมืองเชียงใหม่' }).click();
    await heading(page, 'ความครอบคลุม: เมืองเชียงใหม่');
    const row = page.getByRole('row', { name: new RegExp(`^${subdistrict.nameTh}`) });
    await row.waitFor();
    await checkA11y(page, 'coverage district');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'volunteers-coverage-district-desktop');
  });
});
