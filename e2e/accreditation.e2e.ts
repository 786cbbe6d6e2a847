import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../common/citizen-id.js';
import { checkA11y, demoEmail, launchBrowser, login, newPage, screenshot, VIEWPORTS } from './fixtures.js';

/**
 * Journey 1 of the product: a new provider registers and is verified, submits a course that first breaks the
 * 60/40 rule, two reviewers review it, the officer asks for a revision, the provider answers and resubmits,
 * a second round follows, the officer accredits, the certificate downloads and the public page says valid.
 */

const DOCUMENTS = join(new URL('..', import.meta.url).pathname, '.test-results', 'documents');
const stamp = Date.now().toString(36);
const providerNameTh = `สถาบันทดสอบอัตโนมัติ ${stamp}`;
const adminEmail = `provider-${stamp}@example.test`;
const adminPassword = 'provider-pass-123';
const courseTitle = `ความมั่นคงปลอดภัยข้อมูลสำหรับข้าราชการ ${stamp}`;
const requiredChange = 'เพิ่มการฝึกปฏิบัติการรับมือเหตุการณ์';
// A minimal, well-formed PDF with one empty page.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let browser: Browser;
const contexts: BrowserContext[] = [];
let provider: Page;
let officer: Page;
let courseId = '';
let accreditationNumber = '';

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function open(): Promise<Page> {
  const { context, page } = await newPage(browser, 'desktop');
  contexts.push(context);
  return page;
}

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Picks an option in a Mantine Select by its label. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

async function signIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByRole('textbox', { name: /อีเมล|E-mail/ }).fill(email);
  await page.getByLabel(/^(รหัสผ่าน|Password)/).fill(password);
  await page
    .getByRole('button', { name: /^(เข้าสู่ระบบ|Sign in)$/ })
    .last()
    .click();
  await page.waitForURL((url) => url.pathname === next);
}

async function reviewerNames(): Promise<Record<string, string>> {
  const res = await officer.request.get('/api/reviewers?status=approved&pageSize=100');
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { items: { email: string; displayName: string }[] };
  return Object.fromEntries(body.items.map((r) => [r.email, r.displayName]));
}

async function openOfficerCourse() {
  await officer.goto(`/officer/courses/${courseId}`);
  await heading(officer, courseTitle);
}

async function sendToReviewAndAssign(label: string) {
  await openOfficerCourse();
  await officer.getByRole('button', { name: 'ส่งให้ผู้ทรงคุณวุฒิพิจารณา' }).click();
  await officer.getByRole('heading', { name: 'ผู้ที่ระบบแนะนำ' }).waitFor();
  const names = await reviewerNames();
  for (const account of ['reviewer1', 'reviewer2'] as const) {
    const name = names[demoEmail(account)];
    expect(name, `${account} is an approved reviewer`).toBeTruthy();
    await officer.getByRole('button', { name: `มอบหมาย ${name}` }).click();
    await officer.getByRole('table', { name: 'การมอบหมายในหน้านี้' }).getByRole('rowheader', { name }).waitFor();
  }
  await checkA11y(officer, `officer course ${label}`);
  await screenshot(officer, `accreditation-officer-${label}`);
}

async function review(account: 'reviewer1' | 'reviewer2', recommendation: RegExp, round: string) {
  const { context, page } = await newPage(browser, 'desktop');
  try {
    await login(page, account, { next: '/reviewer' });
    await heading(page, 'งานพิจารณาหลักสูตรของฉัน');
    await page.getByRole('button', { name: `ตอบรับ ${courseTitle}` }).waitFor();
    await checkA11y(page, `reviewer inbox ${account} ${round}`);
    await page.getByRole('button', { name: `ตอบรับ ${courseTitle}` }).click();
    await page.getByRole('link', { name: `ประเมิน ${courseTitle}` }).click();
    await heading(page, `ประเมินหลักสูตร ${courseTitle}`);
    const groups = page.locator('form').getByRole('radiogroup');
    await groups.first().waitFor();
    const count = await groups.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio', { name: /^4/ }).check();
    await choose(page, /^ข้อเสนอ/, recommendation);
    await page.getByRole('textbox', { name: /^ความเห็นถึงผู้จัด/ }).fill(`ความเห็นรอบ ${round} จาก ${account}`);
    await page.getByRole('textbox', { name: /^ความเห็นเฉพาะเจ้าหน้าที่/ }).fill('ไม่มีข้อกังวลเพิ่มเติม');
    await checkA11y(page, `review form ${account} ${round}`);
    await page.getByRole('button', { name: 'ส่งผลการประเมิน' }).click();
    await page.getByText('ส่งผลการประเมินแล้ว ขอบคุณ').waitFor();
    await checkA11y(page, `review sent ${account} ${round}`);
  } finally {
    await context.close();
  }
}

async function decide(outcome: string, reasons: string, change?: string) {
  await openOfficerCourse();
  await officer.getByRole('heading', { name: 'ผลการประเมินของผู้ทรงคุณวุฒิ' }).waitFor();
  // "Accredit" is the form's default outcome.
  if (outcome !== 'รับรอง') await choose(officer, /^ผล$/, new RegExp(`^${outcome}$`));
  else expect(await officer.getByRole('combobox', { name: /^ผล$/ }).inputValue()).toBe('รับรอง');
  await officer.getByRole('textbox', { name: /^เหตุผล/ }).fill(reasons);
  if (change) await officer.getByRole('textbox', { name: /^สิ่งที่ต้องแก้ไขข้อ 1/ }).fill(change);
  await checkA11y(officer, `decision ${outcome}`);
  await officer.getByRole('button', { name: 'บันทึกผลการพิจารณา' }).click();
}

describe('course accreditation, journey 1', () => {
  it('a new provider registers; the officer verifies it', async () => {
    const page = await open();
    await page.goto('/provider/register');
    await heading(page, 'ลงทะเบียนผู้จัดอบรม');
    await checkA11y(page, 'provider register');
    await page.getByRole('textbox', { name: /^ชื่อหน่วยงาน \(ภาษาไทย\)/ }).fill(providerNameTh);
    await page.getByRole('textbox', { name: /^ชื่อหน่วยงาน \(ภาษาอังกฤษ\)/ }).fill(`Automated Test Institute ${stamp}`);
    // A wrong check digit is caught before anything is sent.
    const taxId = withCheckDigit(`0${String(Date.now()).slice(-11)}`);
    const wrong = `${taxId.slice(0, 12)}${(Number(taxId[12]) + 1) % 10}`;
    const taxField = page.getByRole('textbox', { name: /^เลขประจำตัวผู้เสียภาษี/ });
    await taxField.fill(wrong);
    await taxField.blur();
    await page.getByText('เลขประจำตัวผู้เสียภาษีต้องมี 13 หลักและหลักตรวจสอบถูกต้อง').waitFor();
    await taxField.fill(taxId);
    await page.getByRole('textbox', { name: /^ที่อยู่/ }).fill('99 ถนนแจ้งวัฒนะ แขวงทุ่งสองห้อง เขตหลักสี่ กรุงเทพมหานคร 10210');
    await page.getByRole('textbox', { name: /^รหัสจังหวัด/ }).fill('10');
    await page.getByRole('textbox', { name: /^เว็บไซต์/ }).fill('https://example.test');
    await page.getByRole('textbox', { name: /^ชื่อผู้ประสานงาน/ }).fill('สมหญิง ทดสอบ');
    await page.getByRole('textbox', { name: /^อีเมลผู้ประสานงาน/ }).fill(`contact-${stamp}@example.test`);
    await page.getByRole('textbox', { name: /^โทรศัพท์/ }).fill('02-123-4567');
    await page.getByRole('textbox', { name: /^ชื่อที่แสดง/ }).fill('ผู้ดูแล ทดสอบ');
    await page.getByRole('textbox', { name: /^อีเมลสำหรับเข้าสู่ระบบ/ }).fill(adminEmail);
    await page.getByLabel(/^รหัสผ่าน/).fill(adminPassword);
    await page.getByRole('button', { name: 'ลงทะเบียน', exact: true }).click();
    await heading(page, 'ลงทะเบียนเรียบร้อย');
    await page.getByText('เจ้าหน้าที่จะตรวจสอบข้อมูลหน่วยงาน', { exact: false }).waitFor();
    await checkA11y(page, 'provider registered');

    officer = await open();
    await login(officer, 'officer', { next: '/officer/providers' });
    await heading(officer, 'ผู้จัดอบรมที่รอตรวจสอบ');
    await checkA11y(officer, 'officer providers');
    await officer.getByRole('button', { name: `ยืนยันตัวตน ${providerNameTh}` }).click();
    await officer.getByRole('heading', { name: providerNameTh }).waitFor({ state: 'detached' });
  });

  it('the provider drafts a course, sees the 60/40 check, fixes it, attaches the syllabus and submits', async () => {
    provider = await open();
    await signIn(provider, adminEmail, adminPassword, '/provider');
    await heading(provider, 'หลักสูตรของหน่วยงาน');
    await checkA11y(provider, 'provider home empty');
    await provider.getByRole('link', { name: 'สร้างหลักสูตรใหม่' }).click();
    await heading(provider, 'สร้างหลักสูตรใหม่');

    await provider.getByRole('textbox', { name: /^ชื่อหลักสูตร \(ภาษาไทย\)/ }).fill(courseTitle);
    await provider.getByRole('textbox', { name: /^ชื่อหลักสูตร \(ภาษาอังกฤษ\)/ }).fill(`Information security for civil servants ${stamp}`);
    await provider.getByRole('textbox', { name: /^คำอธิบายหลักสูตร \(ภาษาไทย\)/ }).fill('หลักสูตรพื้นฐานด้านความมั่นคงปลอดภัยข้อมูลสำหรับการทำงานภาครัฐ');
    await provider.getByRole('textbox', { name: 'วัตถุประสงค์ข้อ 1' }).fill('เข้าใจภัยคุกคามทางไซเบอร์ที่พบบ่อย');
    await provider.getByRole('textbox', { name: 'ผลลัพธ์การเรียนรู้ข้อ 1' }).fill('ใช้เครื่องมือดิจิทัลได้อย่างปลอดภัย');
    await choose(provider, 'ด้านทักษะ', /^DL —/);
    await choose(provider, 'ระดับ', /^2 —/);
    await provider.getByRole('group', { name: /กลุ่มเป้าหมาย/ }).getByRole('checkbox').first().check();
    await provider.getByRole('textbox', { name: 'บรรยาย', exact: true }).fill('10');
    await provider.getByRole('textbox', { name: 'ฝึกปฏิบัติ', exact: true }).fill('2');
    // The live indicator says the lecture share is over the limit before anything is saved.
    await provider.getByText(/สัดส่วนการบรรยาย 83.3% เกินเกณฑ์ 60%/).waitFor();
    await choose(provider, /^รูปแบบการจัด/, 'ห้องเรียน');
    await choose(provider, /^ลักษณะการเรียน/, 'มีผู้สอนนำ');
    await choose(provider, /^ภาษาที่ใช้สอน/, /^ไทย$/);
    await provider.getByRole('textbox', { name: /^วิธีการประเมินผล/ }).fill('แบบทดสอบก่อนและหลังเรียน และงานปฏิบัติ');
    await provider.getByRole('textbox', { name: /^ค่าลงทะเบียน/ }).fill('0');
    await provider.getByRole('textbox', { name: 'ชื่อวิทยากรคนที่ 1' }).fill('อาจารย์ ทดสอบ');
    await provider.getByRole('textbox', { name: 'คุณวุฒิวิทยากรคนที่ 1' }).fill('CISSP ประสบการณ์ 10 ปี');
    await checkA11y(provider, 'course editor new');
    await provider.getByRole('button', { name: 'สร้างฉบับร่าง' }).click();
    await provider.waitForURL(/\/provider\/courses\/[0-9a-f-]{36}$/);
    courseId = provider.url().split('/').pop() as string;

    // The server's checks: lecture over 60% and the syllabus missing; submitting is not possible yet.
    await provider.getByText(/เกินเกณฑ์ 60%/).first().waitFor();
    await provider.getByText('ต้องแนบไฟล์เค้าโครงหลักสูตร (PDF)').waitFor();
    expect(await provider.getByRole('button', { name: 'ยื่นขอรับรอง' }).isDisabled()).toBe(true);
    await checkA11y(provider, 'course editor with checks');

    await provider.getByRole('textbox', { name: 'ฝึกปฏิบัติ', exact: true }).fill('8');
    await provider.getByText(/สัดส่วนการบรรยาย 55.6% ของชั่วโมงในห้องเรียน/).waitFor();
    await provider.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await provider.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).waitFor();
    await provider.locator('#syllabus-file').setInputFiles({ name: 'syllabus.pdf', mimeType: 'application/pdf', buffer: PDF });
    await provider.getByText('อัปโหลดแล้ว').waitFor();
    await provider.getByText('ผ่านการตรวจอัตโนมัติทุกข้อ').waitFor();
    await provider.getByRole('link', { name: /เปิดไฟล์เค้าโครงหลักสูตร/ }).waitFor();
    await checkA11y(provider, 'course editor complete');
    await provider.setViewportSize(VIEWPORTS.phone);
    await screenshot(provider, 'accreditation-course-editor-phone');
    await provider.setViewportSize(VIEWPORTS.desktop);
    await provider.getByRole('button', { name: 'ยื่นขอรับรอง' }).click();
    await provider.getByText('ยื่นเรียบร้อย เจ้าหน้าที่จะตรวจเบื้องต้น').waitFor();
  });

  it('the officer sends it to review and assigns reviewer 1 and 2 from the suggestions', async () => {
    await officer.goto('/officer');
    await heading(officer, 'งานรับรองหลักสูตร');
    await officer.getByRole('link', { name: courseTitle }).waitFor();
    await checkA11y(officer, 'officer queue');
    await sendToReviewAndAssign('round1');
  });

  it('both reviewers accept and review independently', async () => {
    await review('reviewer1', /^ขอให้แก้ไข$/, '1');
    await review('reviewer2', /^ขอให้แก้ไข$/, '1');
  });

  it('the officer asks for a revision with a required change', async () => {
    await decide('ขอให้แก้ไข', 'ควรเพิ่มสัดส่วนการฝึกปฏิบัติ', requiredChange);
    await officer.getByText('ขอให้แก้ไข').first().waitFor();
    await officer.getByRole('heading', { name: 'ผลการพิจารณาที่ผ่านมา' }).waitFor();
  });

  it('the provider answers the change and resubmits; the diff shows what changed', async () => {
    await provider.goto(`/provider/courses/${courseId}`);
    await heading(provider, courseTitle);
    const answer = provider.getByRole('textbox', { name: new RegExp(`^ข้อ 1: ${requiredChange}`) });
    await answer.fill('เพิ่มการฝึกปฏิบัติ 4 ชั่วโมง');
    await provider.getByRole('textbox', { name: 'ฝึกปฏิบัติ', exact: true }).fill('12');
    await provider.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await provider.getByRole('table', { name: /การเปลี่ยนแปลงจากฉบับที่ 1/ }).waitFor();
    await checkA11y(provider, 'course editor revision');
    await provider.getByRole('button', { name: 'ยื่นฉบับแก้ไข' }).click();
    await provider.getByText('ยื่นเรียบร้อย เจ้าหน้าที่จะตรวจเบื้องต้น').waitFor();
  });

  it('a second round: the officer sends it to review again and both reviewers recommend accreditation', async () => {
    await sendToReviewAndAssign('round2');
    await officer.getByRole('table', { name: /การเปลี่ยนแปลงจากฉบับที่ 1/ }).waitFor();
    await review('reviewer1', /^รับรอง$/, '2');
    await review('reviewer2', /^รับรอง$/, '2');
  });

  it('the officer accredits; the certificate downloads and the public page says valid', async () => {
    await decide('รับรอง', 'ผ่านเกณฑ์ทุกข้อ');
    const link = officer.getByRole('table').getByRole('link', { name: /^สดช\./ });
    await link.waitFor();
    accreditationNumber = (await link.textContent())?.trim() ?? '';
    expect(accreditationNumber).toMatch(/^สดช\.-\d{4}-\d{4}$/);
    await checkA11y(officer, 'officer course accredited');
    await screenshot(officer, 'accreditation-officer-accredited');

    const res = await officer.request.get(`/api/courses/${courseId}/certificate`);
    expect(res.status()).toBe(200);
    const pdf = await res.body();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync(DOCUMENTS, { recursive: true });
    writeFileSync(join(DOCUMENTS, `certificate-${accreditationNumber}.pdf`), pdf);

    const visitor = await open();
    await visitor.goto(`/verify/accreditation/${encodeURIComponent(accreditationNumber)}`);
    await heading(visitor, 'ตรวจสอบการรับรองหลักสูตร');
    await visitor.getByText('การรับรองนี้ใช้ได้').waitFor();
    await visitor.getByRole('cell', { name: courseTitle }).waitFor();
    await visitor.getByRole('cell', { name: providerNameTh }).waitFor();
    // Validity in Buddhist-era dates.
    await visitor.getByRole('cell', { name: /25\d\d.*ถึง.*25\d\d/ }).waitFor();
    await checkA11y(visitor, 'verify valid');
    await screenshot(visitor, 'accreditation-verify-valid');
    await visitor.setViewportSize(VIEWPORTS.phone);
    await screenshot(visitor, 'accreditation-verify-valid-phone');
    await visitor.setViewportSize(VIEWPORTS.desktop);
    // English is complete too; the validity then reads in the common era.
    await visitor.getByRole('radiogroup', { name: /ภาษา/ }).getByText('EN').click();
    await visitor.getByText('This accreditation is valid').waitFor();
    await visitor.getByRole('cell', { name: /20\d\d to .*20\d\d/ }).waitFor();
    await checkA11y(visitor, 'verify valid en');
    await visitor.getByRole('radiogroup', { name: /Language|ภาษา/ }).getByText('TH').click();
    await visitor.getByText('การรับรองนี้ใช้ได้').waitFor();

    await provider.goto(`/provider/courses/${courseId}`);
    await provider.getByText(`ได้รับการรับรอง เลขที่ ${accreditationNumber}`).waitFor();
    await provider.getByRole('link', { name: /ดาวน์โหลดใบรับรอง/ }).waitFor();
    await checkA11y(provider, 'course editor accredited');

    await visitor.goto('/verify');
    await heading(visitor, 'ตรวจสอบการรับรองหลักสูตร');
    await visitor.getByRole('textbox', { name: /^เลขที่การรับรอง/ }).fill('สดช.-2500-9999');
    await visitor.getByRole('button', { name: 'ตรวจสอบ', exact: true }).click();
    await visitor.getByText('ไม่พบเลขที่การรับรองนี้').waitFor();
    await checkA11y(visitor, 'verify not found');
  });

  it('the officer dashboard, reviewer applications and outbox, and the reviewer application form are accessible', async () => {
    await officer.goto('/officer/dashboard');
    await heading(officer, 'ภาพรวมการรับรองหลักสูตร');
    await officer.getByRole('table', { name: 'จำนวนหลักสูตรตามสถานะ' }).waitFor();
    await checkA11y(officer, 'officer dashboard');
    await screenshot(officer, 'accreditation-dashboard');
    await officer.goto('/officer/reviewers');
    await heading(officer, 'ใบสมัครผู้ทรงคุณวุฒิ');
    await checkA11y(officer, 'officer reviewers');
    await officer.goto('/outbox');
    await heading(officer, 'อีเมลที่ระบบส่ง');
    await checkA11y(officer, 'outbox');
    await officer.getByRole('button', { name: /^การแจ้งเตือน/ }).click();
    await officer.getByRole('dialog').getByText('การแจ้งเตือน', { exact: true }).waitFor();
    await checkA11y(officer, 'notifications open');

    const { context, page } = await newPage(browser, 'phone');
    contexts.push(context);
    await login(page, 'reviewer3', { next: '/reviewer/apply' });
    await heading(page, 'สมัครเป็นผู้ทรงคุณวุฒิ');
    await page.getByRole('combobox').first().waitFor();
    await checkA11y(page, 'reviewer apply');
  });
});
