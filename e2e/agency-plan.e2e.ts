import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, demoEmail, launchBrowser, login, newPage, screenshot, VIEWPORTS, type ViewportName } from './fixtures.js';

/**
 * Journey 4, the agency plan: HR of the Revenue Department writes this fiscal year's plan (targets,
 * budget, 70:20:10 activities with the live mix, a course from the shortlist) and a classroom cohort
 * (the lecture ≤ 60% rule refuses a first design), enrols two people and submits; the executive approves
 * with a comment; HR records attendance on a phone and completes the cohort; the plan's progress, computed
 * from the new learning records, moves; the PDF report downloads and renders.
 */

const COURSE = 'ภาวะผู้นำดิจิทัลสำหรับผู้อำนวยการสำนักและกอง';
const DOCUMENTS = join(new URL('.', import.meta.url).pathname, 'screenshots');

let browser: Browser;
const contexts: BrowserContext[] = [];
let hr: Page;
let planPath = '';
let cohortPath = '';
let before = 0;

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

function today(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

/** The measured value of the first target (hours per person of the management group). */
async function firstTargetActual(page: Page): Promise<number> {
  const cell = page.getByTestId('progress-table').locator('tbody tr').first().locator('td').last();
  await cell.waitFor();
  const text = (await cell.textContent()) ?? '';
  const m = text.match(/^([\d.,]+)/);
  expect(m, `a measured value in "${text}"`).toBeTruthy();
  return Number(m?.[1].replace(/,/g, ''));
}

describe('an agency development plan, from draft to progress', () => {
  it('HR starts this fiscal year’s plan and fills in targets, budget, activities and a course', async () => {
    hr = await open();
    await login(hr, 'agency_admin');
    await hr.getByRole('navigation').getByRole('link', { name: 'แผนพัฒนาบุคลากร' }).first().click();
    await hr.getByRole('heading', { level: 1, name: 'แผนพัฒนาบุคลากรของหน่วยงาน' }).waitFor();
    // Last year's approved demo plan is listed.
    await hr.getByRole('cell', { name: 'อนุมัติแล้ว' }).first().waitFor();
    await checkA11y(hr, 'plans list');
    await screenshot(hr, 'plans-list');

    await hr.getByRole('button', { name: 'สร้างแผน' }).click();
    await hr.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planPath = new URL(hr.url()).pathname;
    await hr.getByRole('heading', { level: 1, name: /แผนพัฒนาบุคลากร · กรมสรรพากร/ }).waitFor();

    await hr.getByRole('textbox', { name: 'วัตถุประสงค์' }).fill('ผู้อำนวยการสำนักและกองนำการเปลี่ยนแปลงสู่ดิจิทัล\nนักวิชาการภาษีใช้ข้อมูลในการทำงาน');
    await hr.getByRole('button', { name: 'เพิ่มเป้าหมาย' }).click();
    await hr.getByRole('button', { name: 'เพิ่มเป้าหมาย' }).click();
    await hr.getByRole('combobox', { name: 'กลุ่มเป้าหมาย' }).nth(0).selectOption('MANAGEMENT');
    await hr.getByRole('combobox', { name: 'ตัวชี้วัด' }).nth(0).selectOption('hours_per_person');
    await hr.getByRole('textbox', { name: 'ค่าเป้าหมาย' }).nth(0).fill('12');
    await hr.getByRole('combobox', { name: 'ตัวชี้วัด' }).nth(1).selectOption('assessed_pct');
    await hr.getByRole('textbox', { name: 'ค่าเป้าหมาย' }).nth(1).fill('60');

    await hr.getByRole('button', { name: 'เพิ่มรายการงบประมาณ' }).click();
    await hr.getByRole('textbox', { name: /^รายการ/ }).fill('ค่าวิทยากรหลักสูตรภาวะผู้นำดิจิทัล');
    await hr.getByRole('textbox', { name: 'จำนวนเงิน (บาท)' }).fill('45000');
    await hr.getByText('งบประมาณรวม 45,000.00 บาท').waitFor();

    const activities: [string, string, string, string][] = [
      ['ผู้อำนวยการนำโครงการปรับปรุงบริการ e-Filing', 'on_the_job', '35', '10'],
      ['พี่เลี้ยงจากผู้บริหารเทคโนโลยีสารสนเทศระดับสูง', 'coaching', '10', '10'],
      ['อบรมหลักสูตรภาวะผู้นำดิจิทัล', 'formal', '5', '10'],
    ];
    for (const [i, [title, type, hours, people]] of activities.entries()) {
      await hr.getByRole('button', { name: 'เพิ่มกิจกรรม' }).click();
      await hr
        .getByRole('textbox', { name: /^กิจกรรม/ })
        .nth(i)
        .fill(title);
      await hr.getByRole('combobox', { name: 'ประเภท' }).nth(i).selectOption(type);
      await hr.getByRole('textbox', { name: 'ชั่วโมงต่อคน' }).nth(i).fill(hours);
      await hr.getByRole('textbox', { name: 'จำนวนคน' }).nth(i).fill(people);
    }
    // The live mix says 70:20:10 as planned.
    const mix = hr.getByTestId('mix-bar');
    await mix
      .getByText(/เรียนรู้จากการปฏิบัติงาน \(70\): 70%/)
      .first()
      .waitFor();
    await mix
      .getByText(/หลักสูตรอบรม \(10\): 10%/)
      .first()
      .waitFor();

    await hr.getByRole('checkbox', { name: COURSE }).check();
    await hr.getByRole('button', { name: 'บันทึกแผน' }).click();
    await hr.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).waitFor();
    await checkA11y(hr, 'plan editor');
    await screenshot(hr, 'plan-editor');
    await hr.setViewportSize(VIEWPORTS.phone);
    await screenshot(hr, 'plan-editor-phone');
    await checkA11y(hr, 'plan editor phone');
    await hr.setViewportSize(VIEWPORTS.desktop);
    // Assessment metrics say honestly that they are not measured yet.
    await hr.getByText(/ยังไม่มีข้อมูลการวัด/).waitFor();
    before = await firstTargetActual(hr);
  });

  it('HR adds a classroom cohort: the 60% lecture rule refuses the first design', async () => {
    await hr.getByRole('textbox', { name: 'ชื่อรุ่น' }).fill('รุ่นที่ 1 ผู้บริหาร');
    await hr.getByLabel(/^วันเริ่ม/).fill(today(-1));
    await hr.getByLabel(/^วันสิ้นสุด/).fill(today());
    await hr.getByRole('textbox', { name: /^สถานที่/ }).fill('ห้องประชุม 1 อาคารกรมสรรพากร');
    await hr.getByRole('textbox', { name: 'จำนวนที่รับ' }).fill('10');
    await hr.getByRole('textbox', { name: 'จำนวนครั้ง/วัน' }).fill('2');
    await hr.getByRole('textbox', { name: 'บรรยาย' }).fill('10');
    await hr.getByRole('textbox', { name: 'ฝึกปฏิบัติ' }).fill('2');
    await hr.getByText(/เกินเกณฑ์ 60%/).waitFor();
    await hr.getByRole('button', { name: 'เพิ่มรุ่น' }).click();
    await hr.getByText('การบรรยายเกิน 60% ของชั่วโมงในห้องเรียน').waitFor();

    await hr.getByRole('textbox', { name: 'บรรยาย' }).fill('6');
    await hr.getByRole('textbox', { name: 'ฝึกปฏิบัติ' }).fill('6');
    await hr.getByText(/ผ่านเกณฑ์ไม่เกิน 60%/).waitFor();
    await hr.getByRole('button', { name: 'เพิ่มรุ่น' }).click();
    await hr.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
    cohortPath = new URL(hr.url()).pathname;
    await hr.getByRole('heading', { level: 1, name: /รุ่นที่ 1 ผู้บริหาร/ }).waitFor();

    await hr
      .getByRole('textbox', { name: 'อีเมลของบุคลากร' })
      .fill(`${demoEmail('supervisor')}\n${demoEmail('learner')}\noutsider@example.com`);
    await hr.getByRole('button', { name: 'ลงทะเบียน 3 คน' }).click();
    await hr.getByText(/ไม่พบบุคลากรของหน่วยงานที่มีอีเมล: outsider@example.com/).waitFor();
    await hr.getByRole('textbox', { name: 'อีเมลของบุคลากร' }).fill(`${demoEmail('supervisor')}\n${demoEmail('learner')}`);
    await hr.getByRole('button', { name: 'ลงทะเบียน 2 คน' }).click();
    await hr.getByText('ลงทะเบียนใหม่ 2 คน (มีอยู่แล้ว 0 คน)').waitFor();
    await hr.getByTestId('participants').locator('tbody tr').nth(1).waitFor();
    await checkA11y(hr, 'cohort page');
    await screenshot(hr, 'cohort-page');

    await hr.goto(planPath);
    await hr.getByRole('button', { name: 'ส่งแผนเพื่อขออนุมัติ' }).click();
    await hr.getByText('รออนุมัติ').first().waitFor();
  });

  it('the executive approves the plan with a comment', async () => {
    const exec = await open();
    await login(exec, 'executive');
    await exec.goto('/plans');
    await exec.getByRole('link', { name: 'กรมสรรพากร' }).first().waitFor();
    await checkA11y(exec, 'plans list executive');
    await exec.goto(planPath);
    await exec.getByRole('heading', { name: 'พิจารณาแผน' }).waitFor();
    await checkA11y(exec, 'plan approval');
    await screenshot(exec, 'plan-approval');
    await exec.getByRole('textbox', { name: /^ความเห็น/ }).fill('อนุมัติ ให้รายงานผลหลังจบรุ่นที่ 1');
    await exec.getByRole('button', { name: 'อนุมัติแผน' }).click();
    await exec.getByText('อนุมัติแล้ว').first().waitFor();
    await exec.getByText(/อนุมัติเมื่อ .*25\d\d.* — อนุมัติ ให้รายงานผลหลังจบรุ่นที่ 1/).waitFor();
    await checkA11y(exec, 'plan approved');
  });

  it('HR records attendance on a phone and completes the cohort; progress moves', async () => {
    await hr.setViewportSize(VIEWPORTS.phone);
    await hr.goto(cohortPath);
    await hr.getByRole('heading', { name: 'บันทึกการเข้าร่วม' }).waitFor();
    for (const session of ['1', '2']) {
      await hr.getByRole('combobox', { name: 'ครั้งที่', exact: true }).selectOption(session);
      await hr.getByRole('button', { name: 'ทุกคนมาเข้าร่วม' }).click();
      await hr.getByRole('button', { name: `บันทึกครั้งที่ ${session}` }).click();
      await hr.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).waitFor();
    }
    await checkA11y(hr, 'attendance phone');
    await screenshot(hr, 'cohort-attendance-phone');
    await hr.getByRole('button', { name: 'ปิดรุ่นและบันทึกผล' }).click();
    await hr.getByText(/ผ่าน 2 จาก 2 คน/).waitFor();
    await checkA11y(hr, 'cohort completed phone');
    await hr.setViewportSize(VIEWPORTS.desktop);

    await hr.goto(planPath);
    await hr.getByRole('heading', { name: 'ความก้าวหน้าตามเป้าหมาย' }).waitFor();
    const after = await firstTargetActual(hr);
    expect(after).toBeGreaterThan(before);
    await hr
      .getByRole('row', { name: /รุ่นที่ 1 ผู้บริหาร/ })
      .getByRole('cell', { name: '2', exact: true })
      .waitFor();
    await checkA11y(hr, 'plan with progress');
    await screenshot(hr, 'plan-progress');
    // English is complete too; the fiscal year then reads in the common era.
    await hr.getByRole('radiogroup', { name: /ภาษา/ }).getByText('EN').click();
    await hr.getByRole('heading', { name: 'Progress against targets' }).waitFor();
    await hr.getByText(/^FY 20\d\d$/).waitFor();
    await checkA11y(hr, 'plan with progress en');
    await screenshot(hr, 'plan-progress-en');
    await hr
      .getByRole('radiogroup', { name: /Language|ภาษา/ })
      .getByText('TH')
      .click();
    await hr.getByRole('heading', { name: 'ความก้าวหน้าตามเป้าหมาย' }).waitFor();
  });

  it('the PDF report downloads, reads back in Thai and renders; the workbook downloads too', async () => {
    const [download] = await Promise.all([hr.waitForEvent('download'), hr.getByRole('link', { name: 'ดาวน์โหลดรายงาน PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^thaksa-plan-MOF-RD-25\d\d\.pdf$/);
    const pdf = readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync(DOCUMENTS, { recursive: true });
    const file = join(DOCUMENTS, 'agency-plan-report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const s of ['แผนพัฒนาทักษะดิจิทัลของบุคลากร', 'กรมสรรพากร', 'อนุมัติแล้ว', 'ค่าวิทยากรหลักสูตรภาวะผู้นำดิจิทัล', 'ภาวะผู้นำดิจิทัลสำหรับ', '2/10']) {
      expect(text).toContain(s);
    }
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, join(DOCUMENTS, 'agency-plan-report')]);
    expect(statSync(join(DOCUMENTS, 'agency-plan-report.png')).size).toBeGreaterThan(20_000);

    const xlsx = await hr.request.get(`/api${planPath}/report.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
  });
});
