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
    await hr.getByRole('region', { name: 'การนำเข้าที่ผ่านมา' }).first().getByRole('table').getByText('มีข้อผิดพลาด').waitFor();
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

  it('HR corrects the record: a wrong e-mail is named, a chosen target group and a transfer go to the history', async () => {
    await hr.getByRole('button', { name: 'แก้ไขข้อมูล' }).click();
    const edit = hr.getByRole('dialog', { name: 'แก้ไขข้อมูลบุคลากร' });
    await edit.getByRole('textbox', { name: 'อีเมล' }).fill('not-an-email');
    await edit.getByRole('combobox', { name: 'กลุ่มเป้าหมาย' }).selectOption('TECHNOLOGY');
    await edit.getByRole('button', { name: 'บันทึก' }).click();
    await edit.getByRole('alert').getByText('อีเมล: รูปแบบไม่ถูกต้อง').waitFor();
    await checkA11y(hr, 'person edit with an error');
    await edit.getByRole('textbox', { name: 'อีเมล' }).fill('thanawat.s@rd.demo.thaksa.local');
    await edit.getByRole('textbox', { name: 'เหตุผลของการเปลี่ยนแปลง' }).fill('ดูแลงานระบบสารสนเทศ');
    await edit.getByRole('button', { name: 'บันทึก' }).click();
    await edit.waitFor({ state: 'detached' });
    const details = hr.getByRole('region', { name: 'รายละเอียด' });
    await details.getByText('ฝ่ายบุคคลกำหนด').waitFor();
    await details.getByText('ระบบเสนอ: กลุ่มผู้อำนวยการกอง').waitFor();
    const history = hr.getByRole('region', { name: 'ประวัติการเปลี่ยนแปลง' });
    await history.getByText('จาก กลุ่มผู้อำนวยการกอง เป็น กลุ่มเทคโนโลยีดิจิทัล').waitFor();
    await history.getByText('เหตุผล: ดูแลงานระบบสารสนเทศ').waitFor();

    // Back to the suggestion: the group follows the position again.
    await hr.getByRole('button', { name: 'แก้ไขข้อมูล' }).click();
    await edit.getByRole('button', { name: 'กลับไปใช้กลุ่มที่ระบบเสนอ' }).click();
    // And a supervisor, found by typing part of a name.
    await edit.getByRole('combobox', { name: 'ผู้บังคับบัญชา' }).fill('วราภรณ์');
    await hr.getByRole('option', { name: /^นางวราภรณ์ ปานทอง/ }).click();
    await checkA11y(hr, 'person edit choosing a supervisor');
    await edit.getByRole('button', { name: 'บันทึก' }).click();
    await edit.waitFor({ state: 'detached' });
    await details.getByText('ระบบเสนอจากตำแหน่ง').waitFor();
    await details.getByRole('link', { name: 'นางวราภรณ์ ปานทอง' }).waitFor();

    await hr.getByRole('button', { name: 'ย้ายหน่วยงาน' }).click();
    const transfer = hr.getByRole('dialog', { name: 'ย้ายหน่วยงาน' });
    await transfer.getByRole('combobox', { name: 'หน่วยงานใหม่' }).fill('MOF-RD-HR');
    await hr.getByRole('option', { name: 'สำนักบริหารทรัพยากรบุคคล (MOF-RD-HR)' }).click();
    await transfer.getByRole('textbox', { name: 'เหตุผลของการย้าย' }).fill('ปรับโครงสร้างงานบุคคล');
    await checkA11y(hr, 'transfer dialog');
    await transfer.getByRole('button', { name: 'ย้าย', exact: true }).click();
    await transfer.waitFor({ state: 'detached' });
    await history.getByText('จาก กรมสรรพากร เป็น สำนักบริหารทรัพยากรบุคคล').waitFor();
    await details.getByText('สำนักบริหารทรัพยากรบุคคล (MOF-RD-HR)').waitFor();
    await checkA11y(hr, 'person page after changes');
  });

  it('the imported person accepts the invitation on a phone, sees their own record and downloads their data', async () => {
    const res = await hr.request.get('/api/outbox?to=thanawat.s@rd.demo.thaksa.local&limit=1');
    expect(res.ok()).toBe(true);
    const [mail] = ((await res.json()) as { items: { bodyText: string }[] }).items;
    const link = new URL(mail.bodyText.match(/https?:\/\/\S+\/invitation#\S+/)?.[0] ?? '');
    const phone = await open('phone');
    await phone.goto(`${link.pathname}${link.hash}`);
    await heading(phone, 'ตั้งรหัสผ่านเพื่อเริ่มใช้งาน');
    await phone.getByText(/thanawat\.s@rd\.demo\.thaksa\.local/).waitFor();
    // The token is read once and leaves the address bar.
    expect(new URL(phone.url()).hash).toBe('');
    await checkA11y(phone, 'invitation page');
    await phone.getByLabel(/^รหัสผ่านใหม่/).fill('ภาษีดิจิทัล-2569');
    await phone.getByLabel(/^ยืนยันรหัสผ่านใหม่/).fill('ภาษีดิจิทัล-2569');
    await phone.getByRole('button', { name: 'ตั้งรหัสผ่านและเข้าสู่ระบบ' }).click();
    await phone.waitForURL((url) => url.pathname === '/home');

    await phone.goto('/me/data');
    await heading(phone, 'ข้อมูลของฉัน');
    await phone.getByText(DIRECTOR_ID, { exact: true }).waitFor();
    await phone.getByRole('region', { name: 'ประวัติการเปลี่ยนแปลง' }).getByText('ย้ายหน่วยงาน').waitFor();
    await checkA11y(phone, 'my data');
    await screenshot(phone, 'people-my-data-phone');
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByRole('link', { name: 'ดาวน์โหลดข้อมูลของฉัน (JSON)' }).click(),
    ]);
    const data = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as { auditTrail: { action: string }[] };
    expect(JSON.stringify(data)).toContain(DIRECTOR_ID);
    // HR's reveal of the ID is part of what the person is told.
    expect(data.auditTrail.map((e) => e.action)).toContain('person.citizen_id_revealed');
  });

  it('HR looks after the agency tree: adds a unit, is told a move under it is a loop, and imports agencies by parent code', async () => {
    await hr.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'หน่วยงาน', exact: true }).click();
    await heading(hr, 'หน่วยงาน');
    const tree = hr.getByRole('region', { name: 'ผังหน่วยงาน' });
    await tree.getByRole('button', { name: /^สำนักบริหารทรัพยากรบุคคล MOF-RD-HR/ }).click();
    await hr.getByRole('heading', { level: 2, name: 'สำนักบริหารทรัพยากรบุคคล' }).waitFor();
    await checkA11y(hr, 'agencies page');

    await hr.getByRole('button', { name: 'เพิ่มหน่วยงานย่อย' }).click();
    const add = hr.getByRole('dialog');
    await add.getByRole('textbox', { name: 'รหัสหน่วยงาน' }).fill('MOF-RD-HR-E2E');
    await add.getByRole('textbox', { name: 'ชื่อภาษาไทย' }).fill('กลุ่มงานสรรหาบุคลากร');
    await add.getByRole('textbox', { name: 'ชื่อภาษาอังกฤษ' }).fill('Recruitment Group');
    await checkA11y(hr, 'add agency dialog');
    await add.getByRole('button', { name: 'บันทึก' }).click();
    await hr.getByRole('heading', { level: 2, name: 'กลุ่มงานสรรหาบุคลากร' }).waitFor();

    await tree.getByRole('button', { name: /^สำนักบริหารทรัพยากรบุคคล MOF-RD-HR/ }).click();
    await hr.getByRole('button', { name: 'ย้ายหน่วยงาน' }).click();
    const move = hr.getByRole('dialog');
    await move.getByRole('combobox', { name: 'หน่วยงานต้นสังกัดใหม่' }).fill('MOF-RD-HR-E2E');
    await hr.getByRole('option', { name: 'กลุ่มงานสรรหาบุคลากร (MOF-RD-HR-E2E)' }).click();
    await move.getByRole('button', { name: 'ย้ายหน่วยงาน' }).click();
    await move.getByRole('alert').getByText('ย้ายหน่วยงานไปอยู่ใต้ตัวเองหรือใต้หน่วยงานย่อยของตัวเองไม่ได้').waitFor();
    await checkA11y(hr, 'move refused');
    await move.getByRole('button', { name: 'ยกเลิก' }).click();

    await tree.getByRole('searchbox', { name: 'ค้นหาหน่วยงาน' }).fill('สรรหา');
    await tree.getByRole('status').getByText('พบ 1 หน่วยงาน').waitFor();

    const imports = hr.getByRole('region', { name: 'นำเข้าหน่วยงานจากไฟล์' });
    const file = (rows: string) => ({
      name: 'agencies.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`code,parentCode,nameTh,nameEn,kind\n${rows}`),
    });
    await imports
      .getByLabel('ไฟล์ CSV หรือ XLSX')
      .setInputFiles(
        file(
          'MOF-RD-HR-E2E-1,MOF-RD-HR-E2E-2,งานทะเบียนประวัติ,Records Unit,unit\nMOF-RD-HR-E2E-2,NO-SUCH-CODE,งานอัตรากำลัง,Manpower Unit,unit\n',
        ),
      );
    await imports.getByRole('button', { name: 'ตรวจไฟล์' }).click();
    await imports
      .getByRole('alert')
      .getByText(/^พบข้อผิดพลาด \d+ รายการ$/)
      .waitFor();
    const errorRows = await imports.getByRole('row').allInnerTexts();
    expect(errorRows.some((r) => /^3\s+parentCode\s+.*NO-SUCH-CODE/.test(r))).toBe(true);
    await checkA11y(hr, 'agency import with an error');
    await imports
      .getByLabel('ไฟล์ CSV หรือ XLSX')
      .setInputFiles(
        file(
          'MOF-RD-HR-E2E-1,MOF-RD-HR-E2E-2,งานทะเบียนประวัติ,Records Unit,unit\nMOF-RD-HR-E2E-2,MOF-RD-HR-E2E,งานอัตรากำลัง,Manpower Unit,unit\n',
        ),
      );
    await imports.getByRole('button', { name: 'นำเข้า', exact: true }).click();
    await imports.getByRole('status').getByText('นำเข้าแล้ว: เพิ่ม 2 และปรับปรุง 0 หน่วยงาน').waitFor();
    await tree.getByRole('searchbox', { name: 'ค้นหาหน่วยงาน' }).fill('MOF-RD-HR-E2E-1');
    await tree.getByRole('button', { name: /^งานทะเบียนประวัติ/ }).click();
    await hr.getByRole('heading', { level: 2, name: 'งานทะเบียนประวัติ' }).waitFor();
    const crumbs = await hr.getByRole('navigation', { name: 'หน่วยงานต้นสังกัด' }).innerText();
    expect(crumbs.replace(/\s+/g, ' ')).toContain('สำนักบริหารทรัพยากรบุคคล › กลุ่มงานสรรหาบุคลากร › งานอัตรากำลัง');
    await screenshot(hr, 'people-agencies');

    // In English, the page and the rest of the app switch together.
    await hr.getByRole('radiogroup', { name: /ภาษา/ }).getByText('EN').click();
    await heading(hr, 'Agencies');
    await hr.getByRole('heading', { level: 2, name: 'Agency tree' }).waitFor();
    await hr.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Import personnel' }).click();
    await heading(hr, 'Import personnel');
    await hr.getByRole('region', { name: 'Past imports' }).first().getByRole('table').getByText('Committed').waitFor();
    await checkA11y(hr, 'personnel import page in English');
    // Back to Thai: the choice is kept on the account, and the phone below signs in as the same HR.
    await hr
      .getByRole('radiogroup', { name: /Language|ภาษา/ })
      .getByText('TH')
      .click();
    await heading(hr, 'นำเข้าบุคลากร');
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
