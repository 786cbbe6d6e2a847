import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/src/db/seed/demo-data.js';
import { checkA11y, demoEmail, launchBrowser, login, newPage, screenshot, type ViewportName } from './fixtures.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function withPage(viewport: ViewportName, run: (page: Page) => Promise<void>) {
  const { context, page } = await newPage(browser, viewport);
  try {
    await run(page);
  } finally {
    await context.close();
  }
}

/** Waits for the page's h1 to read `name`: a lazily loaded page replaces the old one only once its chunk arrives. */
async function heading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('a public visitor', () => {
  for (const viewport of ['desktop', 'phone'] as const) {
    it(`reads the landing page and the framework matrix in Thai, then in English (${viewport})`, async () => {
      await withPage(viewport, async (page) => {
        await page.goto('/');
        await heading(page, /ทักษะดิจิทัล/);
        expect(await page.getAttribute('html', 'lang')).toBe('th');
        const fontFamily = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
        expect(fontFamily).toMatch(/^Sarabun/);
        await checkA11y(page, `landing th ${viewport}`);
        await screenshot(page, `landing-th-${viewport}`);

        if (viewport === 'phone') {
          await page.getByRole('button', { name: 'เปิดเมนู' }).click();
          await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'กรอบสมรรถนะ' }).click();
        } else {
          await page.getByRole('link', { name: 'ดูกรอบสมรรถนะดิจิทัล' }).click();
        }
        await page.waitForURL('**/framework');
        const table = page.getByRole('table', { name: /ระดับที่ต้องการ จำแนกตามกลุ่มเป้าหมาย/ });
        await table.waitFor();
        // Six target groups as row headers and seven skill areas as column headers.
        await expect(table.locator('tbody th[scope="row"]').count()).resolves.toBe(6);
        await expect(table.locator('thead th[scope="col"]').count()).resolves.toBe(8);
        // Sample values are marked in the cells themselves, and the legend says what the mark means.
        const sampleCells = table.locator('td.sample-cell');
        expect(await sampleCells.count()).toBeGreaterThan(0);
        await expect(sampleCells.first().textContent()).resolves.toContain('ตัวอย่าง – ยังไม่ยืนยัน');
        await page.getByText('ไม่ใช่ค่าทางการ', { exact: false }).first().waitFor();
        await checkA11y(page, `framework th ${viewport}`);
        await screenshot(page, `framework-th-${viewport}`);

        const url = page.url();
        await page.getByRole('radiogroup', { name: /ภาษา/ }).getByText('EN').click();
        await page.getByRole('table', { name: /Required levels by target group/ }).waitFor();
        expect(page.url()).toBe(url);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        await expect(page.locator('td.sample-cell').first().textContent()).resolves.toContain('Sample – not confirmed');
        await page.getByRole('heading', { level: 2, name: /7 skill areas/ }).waitFor();
        await checkA11y(page, `framework en ${viewport}`);
        await screenshot(page, `framework-en-${viewport}`);

        // The choice sticks across pages.
        await page.goto('/');
        await heading(page, /Digital skills/);
        await checkA11y(page, `landing en ${viewport}`);
        await screenshot(page, `landing-en-${viewport}`);
      });
    });
  }

  it('downloads the framework as CSV and JSON', async () => {
    await withPage('desktop', async (page) => {
      await page.goto('/framework');
      const csvHref = await page.getByRole('link', { name: 'ดาวน์โหลด CSV' }).getAttribute('href');
      const jsonHref = await page.getByRole('link', { name: 'ดาวน์โหลด JSON' }).getAttribute('href');
      const csv = await page.request.get(csvHref ?? '');
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
      const json = await page.request.get(jsonHref ?? '');
      expect(json.status()).toBe(200);
      expect((await json.json()).skillAreas).toHaveLength(7);
    });
  });

  it('is sent to the login page from a private page and back after signing in', async () => {
    await withPage('desktop', async (page) => {
      await page.goto('/admin/users');
      await page.waitForURL('**/login?next=%2Fadmin%2Fusers');
      await heading(page, 'เข้าสู่ระบบ');
      await checkA11y(page, 'login');
      await screenshot(page, 'login-th-desktop');
      await page.getByRole('textbox', { name: /อีเมล/ }).fill(demoEmail('sysadmin'));
      await page.getByLabel(/^รหัสผ่าน/).fill('wrong-password');
      await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).last().click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
      await checkA11y(page, 'login with error');
      await page.getByLabel(/^รหัสผ่าน/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).last().click();
      await page.waitForURL('**/admin/users');
      await heading(page, 'ผู้ใช้และบทบาท');
    });
  });

  it('sees the demo accounts on the login page and fills the form by choosing one (phone)', async () => {
    await withPage('phone', async (page) => {
      const info = await (await page.request.get('/api/info')).json();
      expect(info.demoAccounts.length).toBeGreaterThan(5);
      await page.goto('/login');
      await heading(page, 'เข้าสู่ระบบ');
      const demo = page.getByRole('region', { name: 'บัญชีทดลอง' });
      const accounts = demo.getByRole('listitem');
      await accounts.first().waitFor();
      await expect(accounts.count()).resolves.toBe(info.demoAccounts.length);
      // Role descriptions in the reader's language; the shared password printed once.
      await demo.getByText('ผู้เรียน: นักวิชาการภาษี กรมสรรพากร').waitFor();
      await expect(demo.getByText(DEMO_PASSWORD, { exact: true }).count()).resolves.toBe(1);
      await checkA11y(page, 'login with demo accounts (phone)');
      await screenshot(page, 'login-th-phone');
      // No sideways scrolling at 360 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await demo.getByRole('button', { name: new RegExp(`^${demoEmail('learner')}`) }).click();
      await expect(page.getByRole('textbox', { name: 'อีเมล' }).inputValue()).resolves.toBe(demoEmail('learner'));
      await expect(page.getByLabel(/^รหัสผ่าน/).inputValue()).resolves.toBe(DEMO_PASSWORD);
      // Focus waits on the sign-in button, so Enter signs in.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/home');
      await heading(page, /^สวัสดี /);
    });
  });
});

describe('a learner', () => {
  it('signs in and sees their home with their roles', async () => {
    await withPage('phone', async (page) => {
      await login(page, 'learner');
      await heading(page, /^สวัสดี /);
      const roles = page.getByRole('region', { name: 'บทบาทของคุณ' });
      await roles.getByRole('heading', { name: 'ผู้เรียน' }).waitFor();
      await roles.getByText('เฉพาะตนเอง').waitFor();
      await page.getByRole('heading', { name: 'กำลังพัฒนา' }).waitFor();
      // Admin pages are not offered to a learner.
      await page.getByRole('button', { name: 'เปิดเมนู' }).click();
      const nav = page.getByRole('navigation', { name: 'เมนูหลัก' });
      await expect(nav.getByRole('link', { name: 'ผู้ใช้และบทบาท' }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'ปิดเมนู' }).click();
      await checkA11y(page, 'learner home');
      await screenshot(page, 'home-learner-phone');

      // The user menu switches language in place, and the choice is saved on the account.
      await page.getByRole('button', { name: /^เมนูผู้ใช้ของ / }).click();
      await checkA11y(page, 'user menu');
      const savedEn = page.waitForResponse((r) => r.url().endsWith('/api/auth/locale') && r.request().method() === 'PUT');
      await page.getByRole('menuitem', { name: 'Switch to English' }).click();
      await heading(page, /^Hello, /);
      expect((await savedEn).status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe('/home');
      await page.getByRole('button', { name: /^User menu for / }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
      const session = await page.request.get('/api/auth/session');
      expect((await session.json()).user).toBeNull();

      // Signed out, this device goes back to Thai; signing in again brings back the account's English.
      await page
        .getByRole('radiogroup', { name: /Language/ })
        .getByText('TH')
        .click();
      await heading(page, /ทักษะดิจิทัล/);
      await login(page, 'learner');
      await heading(page, /^Hello, /);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await checkA11y(page, 'learner home in English after sign-in');

      // When saving fails the page still switches, and an alert says the account kept the old language.
      await page.route('**/api/auth/locale', (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank#internal', title: 'Internal', status: 500, code: 'internal' }),
        }),
      );
      await page
        .getByRole('radiogroup', { name: /Language/ })
        .getByText('TH')
        .click();
      await heading(page, /^สวัสดี /);
      const alert = page.getByRole('alert').filter({ hasText: 'บันทึกภาษาที่เลือกไว้ในบัญชีไม่สำเร็จ' });
      await alert.waitFor();
      await checkA11y(page, 'language save failed');
      await screenshot(page, 'language-save-failed-phone');
      await alert.getByRole('button', { name: 'ปิด' }).click();
      await expect(alert.count()).resolves.toBe(0);
      await page.unroute('**/api/auth/locale');

      // Leave the account in Thai for the journeys after this one.
      await page.getByRole('radiogroup', { name: /ภาษา/ }).getByText('EN').click();
      await heading(page, /^Hello, /);
      const savedTh = page.waitForResponse((r) => r.url().endsWith('/api/auth/locale') && r.request().method() === 'PUT');
      await page
        .getByRole('radiogroup', { name: /Language/ })
        .getByText('TH')
        .click();
      await heading(page, /^สวัสดี /);
      expect((await savedTh).status()).toBe(200);
      const after = await (await page.request.get('/api/auth/session')).json();
      expect(after.user.locale).toBe('th');
    });
  });
});

describe('a framework administrator', () => {
  it('creates a draft version, edits a skill-area label, sets a matrix cell and publishes', async () => {
    await withPage('desktop', async (page) => {
      await login(page, 'framework_admin', { next: '/admin/framework' });
      await page.getByRole('heading', { level: 2, name: 'สร้างฉบับใหม่' }).waitFor();
      await checkA11y(page, 'framework versions');

      const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
      await page.getByLabel('รหัสฉบับ').fill(code);
      await page.getByLabel('ปี พ.ศ.').fill('2570');
      await page.getByLabel('ชื่อฉบับ (ภาษาไทย)').fill('กรอบสมรรถนะทดสอบ 2570');
      await page.getByLabel('ชื่อฉบับ (ภาษาอังกฤษ)').fill('Test framework 2570');
      await page.getByRole('button', { name: 'สร้างฉบับร่าง' }).click();
      await page.waitForURL(/\/admin\/framework\/[0-9a-f-]{36}$/);
      await heading(page, 'ฉบับร่าง: กรอบสมรรถนะทดสอบ 2570');
      await checkA11y(page, 'framework editor');
      await screenshot(page, 'framework-editor-draft');

      await page.getByRole('button', { name: 'แก้ไข ความเข้าใจและใช้เทคโนโลยีดิจิทัล' }).click();
      const dialog = page.getByRole('dialog', { name: 'แก้ไขด้านทักษะ DL' });
      await dialog.waitFor();
      await checkA11y(page, 'skill-area dialog');
      await dialog.getByRole('textbox', { name: 'ชื่อภาษาไทย', exact: true }).fill('การรู้ดิจิทัล (ทดสอบ)');
      await dialog.getByRole('button', { name: 'บันทึก' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 3, name: 'การรู้ดิจิทัล (ทดสอบ)' }).waitFor();

      await page.getByRole('tab', { name: 'ระดับที่ต้องการ' }).click();
      const cell = page.locator('td[data-cell="EXECUTIVE|DL"]');
      await expect(cell.textContent()).resolves.toContain('ตัวอย่าง');
      await cell.getByRole('button').click();
      const cellDialog = page.getByRole('dialog', { name: 'กำหนดระดับที่ต้องการ' });
      await cellDialog.waitFor();
      await cellDialog.getByLabel('ระดับที่ต้องการ').selectOption('3');
      await cellDialog.getByLabel('ยังเป็นค่าตัวอย่าง').uncheck();
      await checkA11y(page, 'matrix-cell dialog');
      await cellDialog.getByRole('button', { name: 'บันทึก' }).click();
      await cellDialog.waitFor({ state: 'detached' });
      await expect(cell.textContent()).resolves.not.toContain('ตัวอย่าง');
      await expect(cell.textContent()).resolves.toContain('3');
      await expect(page.locator('td[data-cell="EXECUTIVE|DG"]').textContent()).resolves.toContain('ตัวอย่าง');
      await checkA11y(page, 'matrix editor');
      await screenshot(page, 'framework-editor-matrix');

      await page.getByRole('button', { name: 'เผยแพร่ฉบับนี้' }).click();
      const confirm = page.getByRole('dialog', { name: `เผยแพร่ ${code}?` });
      await confirm.waitFor();
      await checkA11y(page, 'publish dialog');
      await confirm.getByRole('button', { name: 'ยืนยันการเผยแพร่' }).click();
      await confirm.waitFor({ state: 'detached' });
      await page.getByText('ฉบับนี้อ่านได้อย่างเดียว').waitFor();
      await expect(page.getByRole('button', { name: 'เผยแพร่ฉบับนี้' }).count()).resolves.toBe(0);

      // The public page now shows the new version as current, with the edited label and the confirmed cell.
      await page.goto('/framework');
      await heading(page, 'กรอบสมรรถนะทดสอบ 2570');
      await page.getByRole('heading', { level: 3, name: 'การรู้ดิจิทัล (ทดสอบ)' }).waitFor();
      const publicCell = page.locator('td[data-cell="EXECUTIVE|DL"]');
      await expect(publicCell.textContent()).resolves.not.toContain('ตัวอย่าง');
      await checkA11y(page, 'framework after publish');
    });
  });
});

describe('a system administrator', () => {
  it('creates an account, grants it a role and finds the grant in the audit log', async () => {
    await withPage('desktop', async (page) => {
      await login(page, 'sysadmin', { next: '/admin/users' });
      await heading(page, 'ผู้ใช้และบทบาท');
      await page.getByRole('searchbox', { name: 'ค้นหาด้วยชื่อหรืออีเมล' }).fill('volunteer@');
      await page.locator(`tr[data-user="${demoEmail('volunteer')}"]`).waitFor();
      await checkA11y(page, 'users');
      await screenshot(page, 'users-desktop');

      const email = `e2e-${Date.now()}@example.go.th`;
      await page.getByRole('button', { name: 'สร้างบัญชี' }).click();
      const create = page.getByRole('dialog', { name: 'สร้างบัญชีใหม่' });
      await create.waitFor();
      await create.getByRole('textbox', { name: 'อีเมล' }).fill(email);
      await create.getByRole('textbox', { name: 'ชื่อที่แสดง' }).fill('ผู้ทดสอบ อัตโนมัติ');
      await create.getByLabel(/^รหัสผ่านเริ่มต้น/).fill('short');
      await create.getByRole('button', { name: 'สร้างบัญชี' }).click();
      // The error sits next to the field and is tied to it for screen readers.
      await create.getByText('สั้นหรือน้อยเกินไป').first().waitFor();
      const password = create.getByLabel(/^รหัสผ่านเริ่มต้น/);
      expect(await password.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
      const described = await page.evaluate(
        (ids) =>
          ids
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' '),
        describedBy,
      );
      expect(described).toContain('สั้นหรือน้อยเกินไป');
      await checkA11y(page, 'create-user dialog with errors');
      await create.getByLabel(/^รหัสผ่านเริ่มต้น/).fill('a-long-enough-password');
      await create.getByRole('button', { name: 'สร้างบัญชี' }).click();
      await create.waitFor({ state: 'detached' });
      await page.getByRole('status').getByText(`สร้างบัญชี ${email} แล้ว`).waitFor();

      await page.getByRole('searchbox', { name: 'ค้นหาด้วยชื่อหรืออีเมล' }).fill(email);
      const row = page.locator(`tr[data-user="${email}"]`);
      await row.getByText('ยังไม่มีบทบาท').waitFor();
      await row.getByRole('button', { name: 'เพิ่มบทบาทให้ ผู้ทดสอบ อัตโนมัติ' }).click();
      const grant = page.getByRole('dialog', { name: 'เพิ่มบทบาทให้ ผู้ทดสอบ อัตโนมัติ' });
      await grant.waitFor();
      await grant.getByLabel('บทบาท').selectOption('reviewer');
      await checkA11y(page, 'grant-role dialog');
      await grant.getByRole('button', { name: 'เพิ่มบทบาท' }).click();
      await grant.waitFor({ state: 'detached' });
      await row.getByText('ผู้ทรงคุณวุฒิพิจารณาหลักสูตร · เฉพาะตนเอง').waitFor();

      // An agency-scoped role: the agency is found by typing its Thai name, not by pasting an id.
      await row.getByRole('button', { name: 'เพิ่มบทบาทให้ ผู้ทดสอบ อัตโนมัติ' }).click();
      await grant.waitFor();
      await grant.getByLabel('บทบาท').selectOption('agency_admin');
      const agency = grant.getByRole('combobox', { name: 'หน่วยงาน' });
      await agency.waitFor();
      // Granting without choosing says what is missing, beside the field.
      await grant.getByRole('button', { name: 'เพิ่มบทบาท' }).click();
      await grant.getByText('โปรดเลือกหน่วยงานจากรายการ').waitFor();
      expect(await agency.getAttribute('aria-invalid')).toBe('true');
      await checkA11y(page, 'grant-role dialog with a scope error');

      await agency.fill('สรรพากร');
      const options = page.getByRole('listbox', { name: 'หน่วยงาน' }).getByRole('option');
      await options.filter({ hasText: 'MOF-RD ·' }).waitFor();
      expect(await agency.getAttribute('aria-expanded')).toBe('true');
      await checkA11y(page, 'grant-role dialog with agency matches');
      await screenshot(page, 'grant-role-agency-search');
      // Escape closes the list, not the dialog.
      await page.keyboard.press('Escape');
      await options.first().waitFor({ state: 'detached' });
      expect(await grant.isVisible()).toBe(true);
      // Keyboard only: arrow down reopens the list and then moves into the matches (parents first); Enter picks.
      await page.keyboard.press('ArrowDown');
      await options.first().waitFor();
      await page.keyboard.press('ArrowDown');
      const active = await agency.getAttribute('aria-activedescendant');
      expect(active).toBeTruthy();
      expect(await options.first().getAttribute('id')).toBe(active);
      await expect(options.first().textContent()).resolves.toContain('กรมสรรพากร');
      await page.keyboard.press('Enter');
      await expect(agency.inputValue()).resolves.toBe('กรมสรรพากร (MOF-RD)');
      await screenshot(page, 'grant-role-agency-chosen');
      await grant.getByRole('button', { name: 'เพิ่มบทบาท' }).click();
      await grant.waitFor({ state: 'detached' });
      await row.getByText('ผู้ดูแลงานบุคคลของหน่วยงาน · หน่วยงาน: กรมสรรพากร').waitFor();
      await checkA11y(page, 'users after agency grant');

      await page.getByRole('link', { name: 'บันทึกการตรวจสอบ' }).first().click();
      await heading(page, 'บันทึกการตรวจสอบ');
      const granted = page.locator('tr[data-action="role.granted"]').first();
      await granted.waitFor();
      await expect(granted.textContent()).resolves.toContain('เพิ่มบทบาท');
      await expect(granted.textContent()).resolves.toContain('role: agency_admin');
      await expect(granted.textContent()).resolves.toContain('scopeType: agency');
      await expect(page.locator('tr[data-action="role.granted"]').nth(1).textContent()).resolves.toContain('role: reviewer');
      await page.locator('tr[data-action="user.created"]').first().getByText(email).waitFor();
      await checkA11y(page, 'audit');
      await screenshot(page, 'audit-desktop');

      // The subject link narrows the log to that account.
      await granted.getByRole('link', { name: /^แสดงเฉพาะรายการของ user / }).click();
      await page.waitForURL(/subjectType=user&subjectId=/);
      // The unfiltered rows stay on screen until the narrowed list arrives, so wait for the list itself to change.
      await expect.poll(() => page.locator('tbody tr').count(), { timeout: 10_000 }).toBe(3);
      await expect(page.locator('tbody tr[data-action="user.created"]').textContent()).resolves.toContain(email);
    });
  });
});

describe('an account owner', () => {
  it('creates an API token, sees its secret once, revokes it and changes the password', async () => {
    await withPage('phone', async (page) => {
      await login(page, 'central_monitor', { next: '/account' });
      await heading(page, 'บัญชีของฉัน');
      await page.getByText('ยังไม่มีโทเคน').waitFor();
      await checkA11y(page, 'account');

      await page.getByRole('textbox', { name: 'ชื่อโทเคน' }).fill('รายงานกลาง');
      await page.getByRole('button', { name: 'สร้างโทเคน' }).click();
      const secret = page.getByTestId('new-token-secret');
      await expect(secret.textContent()).resolves.toMatch(/^thk_/);
      await page.getByRole('rowheader', { name: /รายงานกลาง/ }).waitFor();
      await checkA11y(page, 'account with new token');
      await screenshot(page, 'account-token-phone');
      await page.getByRole('button', { name: 'เก็บแล้ว ซ่อนรหัส' }).click();
      await expect(secret.count()).resolves.toBe(0);

      await page.getByRole('button', { name: 'ยกเลิกโทเคน รายงานกลาง' }).click();
      await page.getByText('ยกเลิกแล้ว').waitFor();

      await page.getByLabel(/^รหัสผ่านปัจจุบัน/).fill('not-my-password');
      await page.getByLabel(/^รหัสผ่านใหม่/).fill('a-brand-new-passphrase');
      await page.getByLabel(/^ยืนยันรหัสผ่านใหม่/).fill('a-brand-new-passphrase');
      await page.getByRole('button', { name: 'เปลี่ยนรหัสผ่าน' }).click();
      const current = page.getByLabel(/^รหัสผ่านปัจจุบัน/);
      await page.getByText('รหัสผ่านปัจจุบันไม่ถูกต้อง').first().waitFor();
      expect(await current.getAttribute('aria-invalid')).toBe('true');
      await current.fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'เปลี่ยนรหัสผ่าน' }).click();
      await page.getByText('เปลี่ยนรหัสผ่านแล้ว', { exact: false }).waitFor();
      await checkA11y(page, 'account after password change');

      // Back to the demo password, so the journeys after this one still sign in as this account.
      await current.fill('a-brand-new-passphrase');
      await page.getByLabel(/^รหัสผ่านใหม่/).fill(DEMO_PASSWORD);
      await page.getByLabel(/^ยืนยันรหัสผ่านใหม่/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'เปลี่ยนรหัสผ่าน' }).click();
      await expect.poll(() => current.inputValue()).toBe('');
      expect(await current.getAttribute('aria-invalid')).not.toBe('true');
    });
  });
});

describe('keyboard-only use', () => {
  it('signs in without a mouse, starting from the skip link', async () => {
    await withPage('desktop', async (page) => {
      await page.goto('/login');
      await heading(page, 'เข้าสู่ระบบ');
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => document.activeElement?.textContent);
      expect(skip).toBe('ข้ามไปยังเนื้อหาหลัก');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
      await page.keyboard.type(demoEmail('learner'));
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('current-password');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/home');
      await heading(page, /^สวัสดี /);
      await checkA11y(page, 'home after keyboard login');
    });
  });
});
