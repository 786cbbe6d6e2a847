import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser, login, newPage, screenshot, type ViewportName } from './fixtures.js';

/**
 * Journey 3, close a skill gap: the demo learner (a tax officer, academic target group) sees the levels the
 * group requires, rates themself, takes the timed test (a reload mid-test resumes it where it was), sees the
 * gap, drafts a plan whose courses are real accredited catalogue courses with runs soon, submits it; the
 * supervisor approves it and attests an on-the-job assignment; the learner's profile shows that area met;
 * the learner downloads a certificate (rendered to PNG) and the public page verifies it. HR reads the gap
 * heat map. Axe on every page, phone and desktop pictures.
 */

const DOCUMENTS = join(new URL('.', import.meta.url).pathname, 'screenshots');

let browser: Browser;
const contexts: BrowserContext[] = [];
let learner: Page;
let planPath = '';
let attestedArea = '';
/** Axe findings on the assessment module's pages, asserted in the last test so the journey goes on. */
const assessmentPageFindings: string[] = [];

async function checkA11yOfAssessmentPage(page: Page, label: string) {
  try {
    await checkA11y(page, label);
  } catch (e) {
    assessmentPageFindings.push((e as Error).message);
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  learner = await open();
  await login(learner, 'learner');
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

async function gapText(page: Page, area: string): Promise<string> {
  return ((await page.getByTestId(`gap-${area}`).textContent()) ?? '').trim();
}

describe('a learner closes a skill gap', () => {
  it('shows the learner the levels their target group requires, as a chart and a table', async () => {
    await learner.getByRole('navigation').getByRole('link', { name: 'ทักษะของฉัน' }).first().click();
    await learner.getByRole('heading', { level: 1, name: 'โปรไฟล์ทักษะดิจิทัลของฉัน' }).waitFor();
    await learner.getByTestId('skill-chart').waitFor();
    const table = learner.getByTestId('skill-table');
    // Academics need level 2 in Digital Literacy (the sample matrix, marked as such).
    await expect(table.locator('tr[data-area="DL"] td').first().textContent()).resolves.toMatch(/^2/);
    await table.getByText('ค่าตัวอย่าง').first().waitFor();
    await checkA11y(learner, 'skill profile');
    await screenshot(learner, 'learner-profile-desktop');
  });

  it('takes the self-assessment', async () => {
    await learner.goto('/self-assessment');
    await learner.getByRole('heading', { level: 1, name: 'แบบประเมินตนเอง' }).waitFor();
    const threes = learner.getByRole('radio', { name: '3 ทำได้ด้วยตนเอง' });
    // The statements arrive after the heading.
    await threes.first().waitFor();
    const n = await threes.count();
    expect(n).toBeGreaterThan(3);
    for (let i = 0; i < n; i++) await threes.nth(i).check();
    await checkA11yOfAssessmentPage(learner, 'self-assessment');
    await learner.getByRole('button', { name: 'บันทึกผลประเมินตนเอง' }).click();
    await learner.getByText('บันทึกผลประเมินตนเองแล้ว').waitFor();
  });

  it('takes the timed test; a reload in the middle resumes it with the answer kept', async () => {
    await learner.goto('/assessments');
    await learner.getByRole('heading', { level: 1, name: 'แบบทดสอบของฉัน' }).waitFor();
    await checkA11yOfAssessmentPage(learner, 'my assessments');
    await learner.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).first().click();
    await learner.waitForURL(/\/attempts\/[0-9a-f-]{36}$/);
    await learner.getByText(/ตอบแล้ว 0 จาก \d+ ข้อ/).waitFor();
    await checkA11yOfAssessmentPage(learner, 'test');

    const answerCurrent = async () => {
      const section = learner.locator('section[aria-labelledby="question-heading"]');
      const keep = section.getByRole('button', { name: 'ยืนยันลำดับนี้' });
      if (await keep.count()) await keep.click();
      else {
        const radio = section.getByRole('radio');
        if (await radio.count()) await radio.first().check();
        else await section.getByRole('checkbox').first().check();
      }
      await learner
        .getByTestId('save-status')
        .getByText(/บันทึกคำตอบแล้ว/)
        .waitFor();
    };
    await answerCurrent();
    const total = Number(((await learner.getByText(/ตอบแล้ว \d+ จาก \d+ ข้อ/).textContent()) ?? '').match(/จาก (\d+)/)?.[1]);
    expect(total).toBeGreaterThan(1);

    await learner.reload();
    await learner.getByText(`ตอบแล้ว 1 จาก ${total} ข้อ`).waitFor();
    await learner.getByRole('button', { name: 'ไปข้อ 1 (ตอบแล้ว)' }).waitFor();

    for (let n = 2; n <= total; n++) {
      await learner.getByRole('button', { name: `ไปข้อ ${n} (ยังไม่ตอบ)` }).click();
      await answerCurrent();
    }
    await learner.getByText(`ตอบแล้ว ${total} จาก ${total} ข้อ`).waitFor();
    await learner.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await learner.getByRole('button', { name: 'ยืนยันส่งคำตอบ' }).click();
    await learner.waitForURL(/\/attempts\/[0-9a-f-]{36}\/result$/);
    await learner.getByRole('heading', { level: 1, name: 'ผลการทดสอบ' }).waitFor();
    await checkA11yOfAssessmentPage(learner, 'test result');
  });

  it('shows the gap, with the tested and self-assessed levels side by side', async () => {
    await learner.goto('/me/skills');
    const table = learner.getByTestId('skill-table');
    await table.waitFor();
    // Tested and self-assessed columns are filled for Digital Literacy.
    const cells = table.locator('tr[data-area="DL"] td');
    await expect(cells.nth(1).textContent()).resolves.toMatch(/^\d$/);
    await expect(cells.nth(2).textContent()).resolves.toMatch(/^\d$/);
    const gaps = await Promise.all(['DL', 'DG', 'DLD', 'DT', 'DU'].map((a) => gapText(learner, a)));
    expect(gaps.some((g) => g.startsWith('ขาดอีก'))).toBe(true);
    await learner.getByTestId('skill-history').waitFor();
    await checkA11y(learner, 'skill profile after the test');
  });

  it('drafts a plan from the gaps with real accredited courses that start soon, and submits it', async () => {
    await learner.getByRole('navigation').getByRole('link', { name: 'แผนพัฒนาของฉัน' }).first().click();
    await learner.getByRole('heading', { level: 1, name: 'แผนพัฒนารายบุคคลของฉัน' }).waitFor();
    await checkA11y(learner, 'plan, none yet');
    await learner.getByRole('button', { name: 'ร่างแผนจากช่องว่างทักษะของฉัน' }).click();
    await learner.getByRole('heading', { level: 2, name: /^กิจกรรม \(\d+\)$/ }).waitFor();
    const formal = learner.locator('[data-testid="activity"][data-type="formal"]');
    expect(await formal.count()).toBeGreaterThan(0);
    expect(await learner.locator('[data-testid="activity"][data-type="on_the_job"]').count()).toBeGreaterThan(0);
    expect(await learner.locator('[data-testid="activity"][data-type="coaching"]').count()).toBeGreaterThan(0);
    await formal
      .first()
      .getByText(/รุ่นถัดไป/)
      .waitFor();
    await learner.getByTestId('mix-planned').getByText('70%').waitFor();
    await checkA11y(learner, 'drafted plan');
    await screenshot(learner, 'learner-plan-desktop');

    // The first recommended course is a real accredited course of the public catalogue.
    const link = formal.first().getByRole('link').first();
    const title = ((await link.textContent()) ?? '').trim();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/catalog\/courses\/[0-9a-f-]{36}$/);
    const catalog = await open();
    await catalog.goto(href);
    await catalog.getByRole('heading', { level: 1, name: title }).waitFor();
    await catalog
      .getByText(/สดช\.-\d{4}-\d{4}|ได้รับการรับรอง/)
      .first()
      .waitFor();

    // The learner edits the draft: a goal and one more on-the-job assignment of their own.
    await learner.getByRole('button', { name: 'แก้ไขกิจกรรม' }).click();
    await learner.getByTestId('plan-editor').waitFor();
    await learner.getByRole('textbox', { name: 'เป้าหมายของแผน' }).fill('ใช้ข้อมูลและเครื่องมือดิจิทัลในงานภาษีได้ด้วยตนเอง');
    await learner.getByRole('button', { name: 'เพิ่มเรียนรู้จากการปฏิบัติงาน (70)' }).click();
    const add = learner.locator('form[aria-labelledby="add-heading"]');
    await add.getByRole('textbox', { name: /ชื่อกิจกรรม/ }).fill('สอนเพื่อนร่วมทีมใช้แบบฟอร์มออนไลน์ของกรม');
    await checkA11y(learner, 'plan editor');
    await add.getByRole('button', { name: 'เพิ่มลงในแผน' }).click();
    await learner.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
    await learner.getByText('สอนเพื่อนร่วมทีมใช้แบบฟอร์มออนไลน์ของกรม').waitFor();
    await learner.getByText('เป้าหมาย: ใช้ข้อมูลและเครื่องมือดิจิทัลในงานภาษีได้ด้วยตนเอง').waitFor();

    planPath = '/me/development-plan';
    await learner.getByRole('button', { name: 'ส่งแผนให้ผู้บังคับบัญชาอนุมัติ' }).click();
    await learner.getByText('รออนุมัติ').first().waitFor();
    await checkA11y(learner, 'submitted plan');
  });

  it('lets the supervisor approve the plan and attest an on-the-job assignment', async () => {
    const sup = await open('phone');
    await login(sup, 'supervisor');
    await sup.goto('/supervisor');
    await sup.getByRole('heading', { level: 1, name: 'งานของผู้บังคับบัญชา' }).waitFor();
    await checkA11y(sup, 'supervisor queue');
    await screenshot(sup, 'supervisor-queue-phone');
    const row = sup.getByRole('row').filter({ hasText: 'ปีงบประมาณ' }).last();
    // The learner's plan: the most recently submitted one.
    await row.getByRole('link').click();
    await sup.waitForURL(/\/development\/plans\/[0-9a-f-]{36}$/);
    await sup.getByRole('heading', { level: 2, name: 'พิจารณาแผน' }).waitFor();
    await checkA11y(sup, 'plan to decide');
    await sup.getByRole('textbox', { name: 'ความเห็น' }).fill('เห็นชอบ ขอให้รายงานความคืบหน้าทุกไตรมาส');
    await sup.getByRole('button', { name: 'อนุมัติแผน' }).click();
    await sup.getByText('อนุมัติแล้ว').first().waitFor();

    const ojt = sup.locator('[data-testid="activity"][data-type="on_the_job"][data-state="planned"]').first();
    const label = ((await ojt.locator('p').first().textContent()) ?? '').trim();
    attestedArea = (label.match(/^([A-Z]+) ·/) ?? [])[1] ?? '';
    expect(attestedArea).not.toBe('');
    await ojt.getByRole('button', { name: 'รับรองกิจกรรมนี้' }).click();
    await ojt.getByRole('textbox', { name: 'บันทึกการรับรอง' }).fill('นำเสนอผลงานต่อที่ประชุมสำนัก ใช้ทักษะได้ตามระดับ');
    await checkA11y(sup, 'attestation form');
    await ojt.getByRole('button', { name: 'ยืนยันการรับรอง' }).click();
    await sup.locator('[data-testid="activity"][data-type="on_the_job"][data-state="completed"]').first().waitFor();
    await sup.getByTestId('mix-actual').getByText('100%').waitFor();
    await screenshot(sup, 'supervisor-plan-phone');
  });

  it('updates the learner’s profile: the attested area reaches the required level', async () => {
    await learner.goto('/me/skills');
    await learner.getByTestId('skill-table').waitFor();
    await expect(gapText(learner, attestedArea)).resolves.toBe('ถึงระดับแล้ว');
    await learner.getByText('กิจกรรมที่ผู้บังคับบัญชารับรอง', { exact: false }).first().waitFor();
    const phone = await open('phone');
    await login(phone, 'learner');
    await phone.goto('/me/skills');
    await phone.getByTestId('skill-chart').waitFor();
    await checkA11y(phone, 'skill profile on a phone');
    await screenshot(phone, 'learner-profile-phone');
    await phone.goto(planPath);
    await phone.getByTestId('plan-progress').waitFor();
    await checkA11y(phone, 'plan on a phone');
    await screenshot(phone, 'learner-plan-phone');
  });

  it('lists the learning records and downloads a certificate that the public page verifies', async () => {
    await learner.getByRole('link', { name: 'บันทึกการเรียนรู้ของฉัน' }).click();
    await learner.getByTestId('records-table').waitFor();
    await checkA11y(learner, 'learning records');

    await learner.goto('/me/skills');
    await learner.getByRole('link', { name: 'ประกาศนียบัตรของฉัน' }).click();
    await learner.getByRole('heading', { level: 1, name: 'ประกาศนียบัตรของฉัน' }).waitFor();
    const card = learner.getByTestId('certificate').first();
    await card.waitFor();
    await checkA11y(learner, 'my certificates');
    await screenshot(learner, 'learner-certificates-desktop');
    const number = (await card.getAttribute('data-number')) ?? '';
    expect(number).toMatch(/^THK-\d{4}-\d{6}$/);
    const [download] = await Promise.all([learner.waitForEvent('download'), card.getByRole('link', { name: /ดาวน์โหลด PDF/ }).click()]);
    mkdirSync(DOCUMENTS, { recursive: true });
    const pdf = join(DOCUMENTS, 'learner-certificate.pdf');
    await download.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, join(DOCUMENTS, 'learner-certificate')]);
    expect(statSync(join(DOCUMENTS, 'learner-certificate.png')).size).toBeGreaterThan(20_000);
    expect(execFileSync('pdftotext', [pdf, '-']).toString()).toContain(number);

    const visitor = await open('phone');
    await visitor.goto(`/verify/certificate/${number}`);
    await visitor.getByTestId('verification-status').getByText('ประกาศนียบัตรนี้ใช้ได้').waitFor();
    const holder = ((await visitor.getByTestId('holder').textContent()) ?? '').trim();
    expect(holder).toMatch(/ .\.$/);
    await checkA11y(visitor, 'certificate verification');
    await screenshot(visitor, 'certificate-verify-phone');
  });

  it('reads in English too', async () => {
    const en = await open();
    await login(en, 'learner', { next: '/me/skills' });
    await en.goto('/me/skills?lang=en');
    await en.getByRole('heading', { level: 1, name: 'My digital skills profile' }).waitFor();
    await checkA11y(en, 'skill profile in English');
  });

  it('shows HR the gap heat map of the agency, small groups withheld', async () => {
    const hr = await open();
    await login(hr, 'agency_admin');
    await hr.getByRole('navigation').getByRole('link', { name: 'ช่องว่างทักษะ' }).first().click();
    await hr.getByRole('heading', { level: 1, name: 'แผนที่ช่องว่างทักษะของหน่วยงาน' }).waitFor();
    await hr.getByTestId('heatmap').waitFor();
    await hr.getByTestId('heatmap').locator('td[data-cell]').first().waitFor();
    await checkA11y(hr, 'gap heat map');
    await screenshot(hr, 'hr-heatmap-desktop');
    // Down to one unit of the department, and back.
    const agencyHeading = hr.getByRole('heading', { level: 2 }).first();
    const department = ((await agencyHeading.textContent()) ?? '').trim();
    await hr.getByRole('combobox', { name: 'ดูหน่วยงานย่อย' }).selectOption({ index: 1 });
    await hr.getByRole('button', { name: 'กลับไปหน่วยงานหลัก' }).waitFor();
    await expect(agencyHeading.textContent()).resolves.not.toBe(department);
    await checkA11y(hr, 'gap heat map of a unit');
    await hr.getByRole('button', { name: 'กลับไปหน่วยงานหลัก' }).click();
    await hr.getByRole('heading', { level: 2, name: department }).waitFor();
  });

  it('finds no accessibility violation on the assessment pages the journey went through', () => {
    expect(assessmentPageFindings).toEqual([]);
  });
});
