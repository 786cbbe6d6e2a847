import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskThaiId } from '../common/citizen-id.js';
import { checkA11y, launchBrowser, login, newPage, screenshot, type ViewportName } from './fixtures.js';

/**
 * Agency HR imports personnel: a file with two bad rows is checked in the background (progress, then the
 * errors by row and the downloadable report), the fixed file is committed, the new people are in the list,
 * and HR opens one and reveals their citizen ID (audit-logged). The list also works on a phone.
 */

const FIXTURES = join(new URL('.', import.meta.url).pathname, 'fixtures');
const BAD_FILE = join(FIXTURES, 'personnel-demo.csv');
const FIXED_FILE = join(FIXTURES, 'personnel-demo-fixed.csv');
const DIRECTOR_ID = '2100000000014';
const DIRECTOR = 'นายธนวัฒน์ ศรีวงศ์';

let browser: Browser;
const contexts: BrowserContext[] = [];
let hr: Page;

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

/** The number in the list's total ("พบ 54 คน") once the results on screen answer the filters in the URL. */
async function listTotal(page: Page): Promise<number> {
  const results = page.locator('section[data-ready]');
  await results.waitFor();
  const text = (await results.getByRole('status').first().textContent()) ?? '';
  expect(text).toMatch(/^พบ [\d,]+ คน$/);
  return Number(text.replace(/[^\d]/g, ''));
}

/** Chooses a file in the page's only file input and uploads it; returns on the import's own page. */
async function upload(page: Page, path: string) {
  await page.getByLabel('ไฟล์ CSV หรือ XLSX').setInputFiles(path);
  await page.getByRole('button', { name: 'อัปโหลดและตรวจไฟล์' }).click();
  await page.waitForURL(/\/people\/imports\/[0-9a-f-]{36}$/);
  await heading(page, 'ผลการตรวจไฟล์บุคลากร');
}

describe('agency HR imports personnel', () => {
  let before = 0;

  it('HR finds the import page from the navigation; it documents the columns and offers a template', async () => {
    hr = await open();
    // Records whether a progress bar was ever drawn, however short the background check is.
    await hr.addInitScript(() => {
      const w = window as unknown as { __sawProgress?: boolean };
      new MutationObserver(() => {
        if (document.querySelector('[role="progressbar"]')) w.__sawProgress = true;
      }).observe(document, { subtree: true, childList: true });
    });
    await login(hr, 'agency_admin');
    const nav = hr.getByRole('navigation', { name: 'เมนูหลัก' });
    await nav.getByRole('link', { name: 'บุคลากร', exact: true }).click();
    await heading(hr, 'บุคลากร');
    before = await listTotal(hr);
    expect(before).toBeGreaterThan(20);
    await checkA11y(hr, 'personnel list');

    await nav.getByRole('link', { name: 'นำเข้าบุคลากร' }).click();
    await heading(hr, 'นำเข้าบุคลากร');
    const columns = hr.getByRole('region', { name: 'คอลัมน์ของไฟล์' }).first();
    await columns.getByRole('rowheader', { name: /citizenId/ }).waitFor();
    await expect(columns.getByRole('rowheader').count()).resolves.toBe(16);
    const template = hr.getByRole('link', { name: 'ดาวน์โหลดแม่แบบ CSV' });
    const [download] = await Promise.all([hr.waitForEvent('download'), template.click()]);
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text.startsWith('\uFEFFcitizenId,titleTh,firstNameTh')).toBe(true);
    await checkA11y(hr, 'personnel import page');
    await screenshot(hr, 'people-import-desktop');
  });

  it('a file with two bad rows shows progress, then its errors by row; nothing is written', async () => {
    await upload(hr, BAD_FILE);
    const alert = hr.getByRole('alert').filter({ hasText: 'พบข้อผิดพลาดใน 2 แถว' });
    await alert.waitFor();
    expect(await hr.evaluate(() => (window as unknown as { __sawProgress?: boolean }).__sawProgress)).toBe(true);

    const errors = hr.getByRole('region', { name: /^ข้อผิดพลาด 2 รายการ/ });
    const rows = errors.getByRole('row');
    await expect(rows.count()).resolves.toBe(3);
    const first = await rows.nth(1).innerText();
    expect(first).toMatch(/^6\s+citizenId/);
    expect(first).toContain('เลขประจำตัวประชาชนไม่ถูกต้อง');
    const second = await rows.nth(2).innerText();
    expect(second).toMatch(/^8\s+agencyCode/);
    expect(second).toContain('ไม่พบรหัสหน่วยงานนี้');
    expect(second).toContain('unknown agency code "MOF-RD-IT"');
    await checkA11y(hr, 'import with errors');
    await screenshot(hr, 'people-import-errors');

    // The report holds every error, one per line, for the spreadsheet it came from.
    const [download] = await Promise.all([hr.waitForEvent('download'), hr.getByRole('link', { name: /ดาวน์โหลดรายงานข้อผิดพลาด/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^personnel-import-[0-9a-f]{8}-errors\.csv$/);
    const report = readFileSync((await download.path()) as string, 'utf8');
    expect(report.charCodeAt(0)).toBe(0xfeff);
    const lines = report.slice(1).trim().split(/\r\n/);
    expect(lines[0]).toBe('row,column,code,message');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^6,citizenId,citizen_id\.invalid,/);
    expect(lines[2]).toMatch(/^8,agencyCode,agency\.unknown,/);
  });

  it('the fixed file is valid; HR commits it and sees what was created and who was invited', async () => {
    await hr.getByRole('link', { name: 'อัปโหลดไฟล์ที่แก้แล้ว' }).click();
    await heading(hr, 'นำเข้าบุคลากร');
    // The failed import is listed among past imports.
    await hr.getByRole('region', { name: 'การนำเข้าที่ผ่านมา' }).first().getByText('มีข้อผิดพลาด').waitFor();
    await upload(hr, FIXED_FILE);
    await hr.getByRole('heading', { name: 'ไฟล์ถูกต้อง พร้อมนำเข้า' }).waitFor();
    const summary = await hr.getByRole('table').innerText();
    expect(summary).toMatch(/จำนวนแถว\s+8/);
    await checkA11y(hr, 'import ready to commit');

    await hr.getByRole('button', { name: 'ยืนยันการนำเข้า 8 แถว' }).click();
    await hr.getByRole('heading', { name: 'นำเข้าเรียบร้อย' }).waitFor();
    const done = (await hr.getByRole('status').filter({ hasText: 'เพิ่มบุคลากรใหม่' }).innerText()).replace(/\s+/g, ' ');
    const [, created, updated, invited] = done.match(/เพิ่มบุคลากรใหม่ (\d+) คน ปรับปรุง (\d+) คน และส่งคำเชิญ (\d+) ฉบับ/) ?? [];
    expect(Number(created) + Number(updated)).toBe(8);
    expect(Number(invited)).toBe(Number(created));
    await checkA11y(hr, 'import committed');
    await screenshot(hr, 'people-import-committed');

    await hr.getByRole('link', { name: 'ดูรายชื่อบุคลากร' }).click();
    await heading(hr, 'บุคลากร');
    expect(await listTotal(hr)).toBe(before + Number(created));
  });

  it('the imported people are in the list with masked citizen IDs; HR opens one and reveals the full ID', async () => {
    await hr.getByRole('searchbox', { name: /ค้นหาชื่อ อีเมล/ }).fill('ธนวัฒน์');
    await hr.waitForURL((url) => url.searchParams.get('q') === 'ธนวัฒน์');
    await expect(listTotal(hr)).resolves.toBeGreaterThanOrEqual(1);
    const row = hr.getByRole('row').filter({ has: hr.getByRole('link', { name: DIRECTOR }) });
    const text = await row.innerText();
    expect(text).toContain(maskThaiId(DIRECTOR_ID));
    expect(text).not.toContain(DIRECTOR_ID);
    expect(text).toContain('กลุ่มผู้อำนวยการกอง');
    await checkA11y(hr, 'personnel search');

    await row.getByRole('link', { name: DIRECTOR }).click();
    await heading(hr, DIRECTOR);
    const details = hr.getByRole('region', { name: 'รายละเอียด' });
    await details.getByText(maskThaiId(DIRECTOR_ID)).waitFor();
    await details.getByText(/ถูกบันทึกในบันทึกการตรวจสอบ/).waitFor();
    await checkA11y(hr, 'person page');
    await details.getByRole('button', { name: 'แสดงเลขเต็ม' }).click();
    await details.getByText(DIRECTOR_ID, { exact: true }).waitFor();
    await details.getByText('แสดงเลขเต็มแล้ว และบันทึกการเปิดดูครั้งนี้แล้ว').waitFor();
    // Imported from the file, not yet signed in: HR may send the invitation again.
    await hr.getByRole('button', { name: 'ส่งคำเชิญอีกครั้ง' }).waitFor();
    await checkA11y(hr, 'person page with the ID revealed');
    await screenshot(hr, 'people-person');
  });

  it('on a 360 px phone the list is one card per person, without sideways scrolling', async () => {
    const phone = await open('phone');
    await login(phone, 'agency_admin', { next: '/people' });
    await heading(phone, 'บุคลากร');
    await listTotal(phone);
    const cards = phone.getByRole('list', { name: 'รายชื่อบุคลากร' }).getByRole('listitem');
    await expect(cards.count()).resolves.toBe(20);
    await expect(phone.getByRole('table').count()).resolves.toBe(0);
    const first = await cards.first().innerText();
    expect(first).toMatch(/\d-\d{4}-xxxxx-xx-\d/);
    const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(360);
    await phone.getByRole('button', { name: 'หน้าถัดไป' }).click();
    await phone.getByText('หน้า 2').waitFor();
    await checkA11y(phone, 'personnel list on a phone');
    await screenshot(phone, 'people-list-phone');
  });
});
