import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser, login, newPage, screenshot, type ViewportName } from './fixtures.js';

/**
 * Journey 5, the executive dashboard: the central monitor opens the nation's figures (refreshed by the job
 * from the demo learning history), reads a chart as a table, drills down ministry → department → division →
 * unit with breadcrumbs, switches fiscal year and target group, downloads the workbook (read back here) and
 * the Thai PDF (rendered to PNG); the Revenue Department's executive sees its own department on a phone
 * and cannot open another ministry's figures. Axe on every page.
 */

const DOCUMENTS = join(new URL('.', import.meta.url).pathname, 'screenshots');
let browser: Browser;
const contexts: BrowserContext[] = [];
let monitor: Page;

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

/** The figures appear once the jobs tick has filled the roll-ups (a few seconds after start). */
async function waitForFigures(page: Page) {
  for (let i = 0; i < 30; i++) {
    const asOf = page.getByTestId('as-of');
    await asOf.waitFor();
    if ((await asOf.textContent())?.startsWith('ข้อมูล ณ')) return;
    await page.waitForTimeout(1000);
    await page.reload();
  }
  throw new Error('the dashboard roll-ups were not filled in time');
}

/** The scope's name at the end of the breadcrumb. */
const here = (page: Page) =>
  page.getByRole('navigation', { name: 'ตำแหน่งในโครงสร้างหน่วยงาน' }).locator('[aria-current="page"]').textContent();
const kpi = async (page: Page, id: string) => ((await page.getByTestId(id).locator('p').last().textContent()) ?? '').trim();
const toNumber = (s: string) => Number(s.replace(/[^\d.]/g, ''));

describe('the executive dashboard, from the nation down to a unit', () => {
  it('the central monitor reads the nation, with a chart as a table', async () => {
    monitor = await open();
    await login(monitor, 'central_monitor');
    await monitor.getByRole('link', { name: 'แดชบอร์ดผู้บริหาร' }).first().click();
    await monitor.waitForURL(/\/dashboards/);
    await waitForFigures(monitor);
    await expect.poll(() => kpi(monitor, 'kpi-personnel')).toMatch(/^\d[\d,]*$/);
    expect(toNumber(await kpi(monitor, 'kpi-personnel'))).toBeGreaterThan(100);
    expect(toNumber(await kpi(monitor, 'kpi-learners'))).toBeGreaterThan(0);
    await expect.poll(() => monitor.getByTestId('monitoring-table').locator('tbody tr').count()).toBeGreaterThan(3);
    // Each chart is an image with a name, and its numbers are one button away as a table.
    const card = monitor.getByTestId('chart-personnel-by-group');
    await expect.poll(() => card.locator('svg[role="img"]').count()).toBe(1);
    await card.getByRole('button', { name: 'แสดงเป็นตาราง' }).click();
    await expect.poll(() => card.locator('table tbody tr').count()).toBe(6);
    await checkA11y(monitor, 'nation dashboard, one chart as a table');
    await screenshot(monitor, 'dashboards-nation-desktop');
  });

  it('drills down ministry → department → division → unit with breadcrumbs', async () => {
    for (const name of ['กระทรวงการคลัง', 'กรมสรรพากร', 'สำนักบริหารทรัพยากรบุคคล', 'กลุ่มงานพัฒนาบุคลากร']) {
      await monitor
        .getByTestId('monitoring-table')
        .getByRole('link', { name: new RegExp(`ดูหน่วยงาน ${name}`) })
        .click();
      await expect.poll(() => here(monitor)).toBe(name);
      await checkA11y(monitor, `dashboard of ${name}`);
    }
    const crumbs = monitor.getByRole('navigation', { name: 'ตำแหน่งในโครงสร้างหน่วยงาน' });
    await expect
      .poll(() => crumbs.getByRole('link').allTextContents())
      .toEqual(['ทั้งประเทศ', 'กระทรวงการคลัง', 'กรมสรรพากร', 'สำนักบริหารทรัพยากรบุคคล']);
    // A unit of a few people, below the monitor's level: small counts are withheld, and the list of people is a link away.
    await expect.poll(() => monitor.getByText('ไม่มีหน่วยงานย่อย').count()).toBe(1);
    expect(await monitor.getByRole('link', { name: 'รายชื่อบุคลากรของหน่วยงานนี้' }).getAttribute('href')).toMatch(/^\/people\?agency=/);
    await screenshot(monitor, 'dashboards-unit-desktop');
    await crumbs.getByRole('link', { name: 'กรมสรรพากร' }).click();
    await expect.poll(() => here(monitor)).toBe('กรมสรรพากร');
  });

  it('switches fiscal year and target group', async () => {
    const thisYear = toNumber(await kpi(monitor, 'kpi-learners'));
    const years = monitor.getByRole('combobox', { name: 'ปีงบประมาณ' });
    const current = await years.inputValue();
    await years.selectOption(String(Number(current) - 1));
    await monitor.waitForURL(/fiscalYear=/);
    await expect.poll(async () => monitor.getByRole('combobox', { name: 'ปีงบประมาณ' }).inputValue()).toBe(String(Number(current) - 1));
    await checkA11y(monitor, 'department dashboard, last fiscal year');
    await monitor.getByRole('combobox', { name: 'กลุ่มเป้าหมาย' }).selectOption('OTHERS');
    await monitor.waitForURL(/targetGroup=OTHERS/);
    // One target group left: one bar (or one row, as the chart was switched to its table on the first page).
    await expect.poll(() => monitor.getByTestId('chart-personnel-by-group').locator('svg g, table tbody tr').count()).toBe(1);
    await checkA11y(monitor, 'department dashboard, one target group');
    await monitor.getByRole('combobox', { name: 'กลุ่มเป้าหมาย' }).selectOption({ label: 'ทุกกลุ่มเป้าหมาย' });
    await monitor.waitForURL((url) => !url.searchParams.has('targetGroup'));
    await monitor.getByRole('combobox', { name: 'ปีงบประมาณ' }).selectOption(current);
    await expect.poll(async () => toNumber(await kpi(monitor, 'kpi-learners'))).toBe(thisYear);
  });

  it('downloads the workbook and the Thai PDF report with the same figures', async () => {
    const personnel = toNumber(await kpi(monitor, 'kpi-personnel'));
    const href = await monitor.getByRole('link', { name: 'ดาวน์โหลดรายงาน XLSX' }).getAttribute('href');
    const xlsx = await monitor.request.get(href as string);
    expect(xlsx.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const people = wb.getWorksheet('people');
    const total = people?.getRows(2, people.rowCount - 1)?.find((r) => r.getCell(1).value === 'ALL');
    expect(total?.getCell(3).value).toBe(personnel);
    expect(wb.getWorksheet('agencies')?.rowCount).toBeGreaterThan(1);

    const [download] = await Promise.all([
      monitor.waitForEvent('download'),
      monitor.getByRole('link', { name: 'ดาวน์โหลดรายงาน PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^thaksa-dashboard-MOF-RD-25\d\d\.pdf$/);
    const pdf = readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync(DOCUMENTS, { recursive: true });
    const file = join(DOCUMENTS, 'dashboard-report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const s of ['รายงานผลการพัฒนาทักษะดิจิทัลของบุคลากรภาครัฐ', 'กรมสรรพากร', 'ตารางติดตามรายหน่วยงาน', 'สำนักบริหารทรัพยากรบุคคล']) {
      expect(text).toContain(s);
    }
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, join(DOCUMENTS, 'dashboard-report')]);
    expect(statSync(join(DOCUMENTS, 'dashboard-report.png')).size).toBeGreaterThan(20_000);
  });

  it('reads in English too', async () => {
    await monitor.getByRole('radiogroup', { name: /ภาษา/ }).getByText('EN').click();
    await monitor.getByRole('heading', { level: 1, name: 'Executive dashboard' }).waitFor();
    await monitor.getByRole('heading', { level: 2, name: 'Monitoring table by agency' }).waitFor();
    await monitor.getByRole('combobox', { name: 'Fiscal year' }).waitFor();
    await checkA11y(monitor, 'department dashboard in English');
    await screenshot(monitor, 'dashboards-department-english');
    // Back to Thai: the choice is kept on the account, which other journeys sign in with.
    await monitor
      .getByRole('radiogroup', { name: /Language|ภาษา/ })
      .getByText('TH')
      .click();
    await monitor.getByRole('heading', { level: 1, name: 'แดชบอร์ดผู้บริหาร' }).waitFor();
  });

  it('the executive sees its own department on a phone and not another ministry', async () => {
    const exec = await open('phone');
    await login(exec, 'executive', { next: '/dashboards' });
    await waitForFigures(exec);
    await expect.poll(() => here(exec)).toBe('กรมสรรพากร');
    expect(await exec.getByRole('link', { name: 'ทั้งประเทศ' }).count()).toBe(0);
    // The ministry above is named, not a link the executive could not follow.
    const crumbs = exec.getByRole('navigation', { name: 'ตำแหน่งในโครงสร้างหน่วยงาน' });
    await expect.poll(() => crumbs.getByText('กระทรวงการคลัง').count()).toBe(1);
    expect(await crumbs.getByRole('link').count()).toBe(0);
    expect(toNumber(await kpi(exec, 'kpi-personnel'))).toBeGreaterThan(10);
    await checkA11y(exec, 'executive dashboard on a phone');
    await screenshot(exec, 'dashboards-executive-phone');
    // Another ministry's subtree is refused by the server.
    const other = monitor.url().match(/agency=([\w-]+)/)?.[1];
    const ministries = await monitor.request.get('/api/dashboards');
    const moph = ((await ministries.json()) as { children: { agency: { id: string; code: string } }[] }).children.find(
      (c) => c.agency.code === 'MOPH',
    );
    expect(other).toBeTruthy();
    await exec.goto(`/dashboards?agency=${moph?.agency.id}`);
    await expect.poll(() => exec.getByRole('alert').count()).toBeGreaterThan(0);
    await checkA11y(exec, 'executive refused another ministry');
    const refused = await exec.request.get(`/api/dashboards?agencyId=${moph?.agency.id}`);
    expect(refused.status()).toBe(403);
  });
});
