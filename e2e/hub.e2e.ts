import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchBrowser, login, newPage, screenshot, type ViewportName } from './fixtures.js';

/**
 * The knowledge hub and the volunteer curriculum: the central office writes and publishes an article, a
 * citizen finds it with a Thai search written without spaces on a phone, the article joins the volunteers'
 * starter curriculum, the demo volunteer opens it from their home page, marks it read and reads it again
 * with the phone offline; the coordinator sees the area's onboarding.
 */

const PHONE = { width: 360, height: 740 };
const stamp = Date.now().toString(36);
const SLUG = `scam-calls-${stamp}`;
const TITLE = `รู้ทันมิจฉาชีพทางโทรศัพท์ ฉบับ ${stamp}`;
/** A course of the demo catalogue. */
const COURSE = 'ผู้นำการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล';

let browser: Browser;
const contexts: BrowserContext[] = [];
let articleId = '';

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function open(viewport: ViewportName = 'desktop'): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser, viewport);
  if (viewport === 'phone') await page.setViewportSize(PHONE);
  contexts.push(context);
  return { context, page };
}

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('knowledge hub', () => {
  it('the central office writes an article, is told which field is wrong, and publishes it', async () => {
    const { page } = await open();
    await login(page, 'central_monitor');
    await page.goto('/hub');
    await heading(page, 'คลังความรู้ดิจิทัล');
    await checkA11y(page, 'hub list for an editor');
    await page.getByRole('link', { name: 'เขียนบทความ' }).click();
    await heading(page, 'เขียนบทความใหม่');
    const form = page.getByRole('form', { name: 'เขียนบทความใหม่' });
    await form.getByRole('textbox', { name: 'ชื่อเรื่อง (ภาษาไทย)' }).fill(TITLE);
    await form.getByRole('textbox', { name: /ที่อยู่ของบทความ/ }).fill('Not A Slug');
    await form.getByRole('textbox', { name: 'สรุปย่อ (ภาษาไทย)' }).fill('วิธีสังเกตแก๊งคอลเซ็นเตอร์ที่อ้างเป็นเจ้าหน้าที่ และสิ่งที่ควรทำเมื่อถูกหลอก');
    await form
      .getByRole('textbox', { name: 'เนื้อหา (ภาษาไทย)' })
      .fill(
        '## สัญญาณเตือน\n\nมิจฉาชีพมักอ้างว่า**บัญชีของคุณพัวพันคดี**และให้โอนเงินเพื่อตรวจสอบ\n\n- อย่าโอนเงินให้คนที่โทรมา\n- โทรสายด่วน [1441](https://www.1441.go.th) เพื่อตรวจสอบ',
      );
    await form.getByRole('combobox', { name: 'หัวข้อ' }).selectOption('scam_awareness');
    // A catalogue course linked through the catalogue's type-ahead.
    await form.getByRole('searchbox', { name: 'หลักสูตรที่เกี่ยวข้อง' }).fill('รัฐบาลดิจิทัล');
    await form.getByRole('button', { name: `เพิ่ม: ${COURSE}` }).click();
    await form.getByRole('button', { name: `นำออก: ${COURSE}` }).waitFor();
    await form.getByRole('button', { name: 'บันทึก' }).click();
    // The address is refused by the form's own check, and the field says so.
    await expect.poll(() => form.getByRole('textbox', { name: /ที่อยู่ของบทความ/ }).getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'article editor with a field error');
    await form.getByRole('tab', { name: 'ดูตัวอย่าง' }).click();
    await form.getByRole('heading', { name: 'สัญญาณเตือน' }).waitFor();
    await form.getByRole('tab', { name: 'เขียน' }).click();
    await form.getByRole('textbox', { name: /ที่อยู่ของบทความ/ }).fill(SLUG);
    await screenshot(page, 'hub-editor-desktop');
    await form.getByRole('button', { name: 'บันทึก' }).click();
    await page.waitForURL((u) => u.pathname === `/hub/${SLUG}`);
    await heading(page, TITLE);
    await page.getByText('ฉบับร่าง').first().waitFor();
    await checkA11y(page, 'draft article');
    await page.getByRole('button', { name: 'เผยแพร่', exact: true }).click();
    await page.getByRole('button', { name: 'ยกเลิกการเผยแพร่' }).waitFor();
    await page.getByText(/^เผยแพร่เมื่อ/).waitFor();
    const res = await page.request.get(`/api/hub/articles/${SLUG}`);
    articleId = ((await res.json()) as { id: string }).id;
    expect(articleId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a citizen finds it on a phone with a Thai search written without spaces; the page carries one Article', async () => {
    const { page } = await open('phone');
    await page.goto('/');
    await page.getByRole('button', { name: 'เปิดเมนู' }).click();
    await page.getByRole('link', { name: 'คลังความรู้' }).click();
    await heading(page, 'คลังความรู้ดิจิทัล');
    await page.getByRole('searchbox', { name: 'คำค้น' }).fill('มิจฉาชีพทางโทรศัพท์');
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    const results = page.locator('section[data-ready^="มิจฉาชีพทางโทรศัพท์|"]');
    await results.waitFor();
    const link = results.getByRole('link', { name: TITLE });
    await link.waitFor();
    // The matched words are marked in the title.
    expect(await results.locator('mark').first().textContent()).toMatch(/มิจฉาชีพ|โทรศัพท์/);
    await checkA11y(page, 'hub search on a phone');
    await screenshot(page, 'hub-search-phone');
    await link.click();
    await heading(page, TITLE);
    await page.getByRole('heading', { level: 2, name: 'สัญญาณเตือน' }).waitFor();
    await page.getByRole('link', { name: '1441' }).waitFor();
    // The linked course as the catalogue's card.
    await page.getByRole('region', { name: 'หลักสูตรที่เกี่ยวข้อง' }).getByRole('heading', { name: COURSE }).waitFor();
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0])).toMatchObject({ '@type': 'Article', headline: TITLE, inLanguage: 'th' });
    // Nothing of the body is HTML: the bold part is an element the renderer made, the text is text.
    expect(await page.locator('.article-body strong').first().textContent()).toBe('บัญชีของคุณพัวพันคดี');
    await checkA11y(page, 'public article on a phone');
    await screenshot(page, 'hub-article-phone');
  });

  it('the central office adds the article to the volunteers’ starter curriculum', async () => {
    const { page } = await open();
    await login(page, 'central_monitor');
    await page.goto('/volunteers/onboarding');
    await heading(page, 'การเรียนรู้ของอาสาสมัครในพื้นที่');
    await checkA11y(page, 'onboarding page for the central office');
    const add = page.getByRole('form', { name: 'เพิ่มรายการ' });
    await add.getByRole('combobox', { name: 'ประเภท' }).selectOption('article');
    await add.getByRole('textbox', { name: /^รหัส/ }).fill(articleId);
    await add.getByRole('button', { name: 'เพิ่มรายการ' }).click();
    await page.getByRole('cell', { name: `บทความ: ${TITLE}` }).waitFor();
    await checkA11y(page, 'curriculum with the new article');
  });

  it('the volunteer opens it from their onboarding on a phone, marks it read, and reads it again offline', async () => {
    const { context, page } = await open('phone');
    await login(page, 'volunteer', { next: '/volunteer' });
    await heading(page, 'งานอาสาสมัครของฉัน');
    const onboarding = page.getByRole('region', { name: 'หลักสูตรเริ่มต้นของ อสด.' });
    const progress = onboarding.getByRole('status');
    const before = (await progress.textContent()) ?? '';
    const [, doneBefore, total] = /ทำแล้ว (\d+) จาก (\d+)/.exec(before) ?? [];
    expect(Number(total)).toBeGreaterThan(0);
    await checkA11y(page, 'volunteer home with onboarding');
    await screenshot(page, 'hub-volunteer-onboarding-phone');
    // The volunteer pages' service worker is in charge before the article is opened.
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/volunteer'))?.active?.state), {
        timeout: 20_000,
      })
      .toBe('activated');
    // A page loaded before its worker was active is taken over on its next load.
    await page.reload();
    await heading(page, 'งานอาสาสมัครของฉัน');
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await onboarding.getByRole('link', { name: TITLE }).click();
    await page.waitForURL((u) => u.pathname === `/volunteer/hub/${SLUG}`);
    await heading(page, TITLE);
    await page.getByRole('button', { name: 'อ่านจบแล้ว' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `ทำแล้ว ${Number(doneBefore) + 1} จาก ${total}` })
      .waitFor();
    await checkA11y(page, 'article read by a volunteer');

    await context.setOffline(true);
    await page.reload();
    await heading(page, TITLE);
    await page.getByRole('heading', { level: 2, name: 'สัญญาณเตือน' }).waitFor();
    await page.getByText('อย่าโอนเงินให้คนที่โทรมา').waitFor();
    await checkA11y(page, 'article offline');
    await screenshot(page, 'hub-article-offline-phone');
    await context.setOffline(false);
  });

  it('the coordinator sees the share of their approved volunteers who completed onboarding', async () => {
    const { page } = await open('phone');
    await login(page, 'coordinator');
    const api = (await (await page.request.get('/api/volunteer-onboarding')).json()) as {
      approved: number;
      completed: number;
      area: string;
    };
    expect(api.area).toBe('50');
    expect(api.approved).toBeGreaterThan(0);
    await page.goto('/volunteers/onboarding');
    await heading(page, 'การเรียนรู้ของอาสาสมัครในพื้นที่');
    const share = api.completed / api.approved;
    await expect.poll(() => page.getByTestId('onboarding-share').textContent()).toBe(`${Math.round(share * 1000) / 10}%`);
    await checkA11y(page, 'onboarding of the area on a phone');
    await screenshot(page, 'hub-onboarding-area-phone');
  });
});
