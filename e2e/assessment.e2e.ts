import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, demoEmail, launchBrowser, login, newPage, screenshot, VIEWPORTS, type ViewportName } from './fixtures.js';

/**
 * Journey 3, assessment: an assessment author writes an item (the editor checks the key as it is typed)
 * that a second author approves from the review queue; the learner rates themselves against the sample
 * behavioural statements, starts the sample timed test, answers, reloads mid-test and resumes with the
 * answers and the server's countdown intact, submits and reads the result per skill area. Axe runs on
 * every page; pages are photographed on a phone and a desktop.
 */

const STEM = 'ข้อใดคือการสำรองข้อมูลที่ดีที่สุดสำหรับไฟล์งานสำคัญ';

let browser: Browser;
const contexts: BrowserContext[] = [];
let itemPath = '';

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

/** Both viewports of the page as it is now. */
async function photograph(page: Page, name: string) {
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(VIEWPORTS.phone);
  await screenshot(page, `${name}-phone`);
  // Nothing pushes the page sideways on a phone (wide tables scroll in their own region).
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits 360 px`).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  await checkA11y(page, `${name} (phone)`);
  await page.setViewportSize(VIEWPORTS.desktop);
}

describe('assessment, from the item bank to a result per skill area', () => {
  it('an author writes an item; the editor names the missing key before anything is sent', async () => {
    const author = await open();
    await login(author, 'assessment_author');
    await author.getByRole('navigation').getByRole('link', { name: 'คลังข้อสอบ' }).first().click();
    await author.getByRole('heading', { level: 1, name: 'คลังข้อสอบ' }).waitFor();
    // The demo bank is there and says it is sample content.
    await author.getByText('ตัวอย่าง').first().waitFor();
    await checkA11y(author, 'item bank');
    await photograph(author, 'assessment-item-bank');

    await author.getByRole('link', { name: 'เขียนข้อสอบใหม่' }).click();
    await author.getByRole('heading', { level: 1, name: 'เขียนข้อสอบใหม่' }).waitFor();
    await author.getByRole('combobox', { name: 'ด้านทักษะ' }).selectOption('CS');
    await author.getByRole('textbox', { name: 'คำถาม (ไทย)' }).fill(STEM);
    await author.getByRole('textbox', { name: 'คำถาม (อังกฤษ)' }).fill('What is the best backup for important work files?');
    const options = [
      ['เก็บสำเนาไว้ในสื่ออื่นและนอกสถานที่อย่างสม่ำเสมอ', 'Keep regular copies on other media and off-site'],
      ['เก็บไว้ในเครื่องเดียวก็พอ', 'Keep it on one computer only'],
      ['ส่งอีเมลถึงตนเองปีละครั้ง', 'E-mail it to yourself once a year'],
      ['พิมพ์ออกมาทุกไฟล์', 'Print every file'],
    ];
    for (const [i, [th, en]] of options.entries()) {
      await author.getByRole('textbox', { name: `ตัวเลือก ${i + 1} (ไทย)` }).fill(th);
      await author.getByRole('textbox', { name: `ตัวเลือก ${i + 1} (อังกฤษ)` }).fill(en);
    }
    // No right answer marked yet: the rule shared with the server says so next to the options.
    await expect.poll(() => author.getByTestId('key-error').textContent()).toContain('เลือกคำตอบที่ถูกหนึ่งข้อ');
    await checkA11y(author, 'item editor with a live error');
    await author.getByRole('radio', { name: 'ตัวเลือก 1 เป็นคำตอบที่ถูก' }).check();
    await expect.poll(() => author.getByTestId('key-error').count()).toBe(0);
    await photograph(author, 'assessment-item-editor');
    await author.getByRole('button', { name: 'บันทึกเป็นฉบับร่าง' }).click();
    await author.waitForURL(/\/assessment\/items\/[0-9a-f-]{36}$/);
    itemPath = new URL(author.url()).pathname;
    await author.getByText('ฉบับร่างนี้รอผู้ออกข้อสอบคนอื่นทบทวน').waitFor();
    // The author has no review buttons on their own draft.
    expect(await author.getByRole('button', { name: 'อนุมัติให้ใช้งาน' }).count()).toBe(0);
    await checkA11y(author, 'own draft');

    await author.getByRole('link', { name: 'แบบทดสอบ' }).first().click();
    await author.getByRole('heading', { level: 1, name: 'แบบทดสอบ' }).waitFor();
    await checkA11y(author, 'assessments');
    await author.getByRole('link', { name: /แบบทดสอบตัวอย่าง/ }).click();
    await author.getByRole('heading', { level: 1, name: 'แก้ไขแบบทดสอบ' }).waitFor();
    await author.getByRole('textbox', { name: 'จำนวนข้อ แถว 1' }).waitFor();
    await checkA11y(author, 'blueprint editor');
    await photograph(author, 'assessment-blueprint');
    await author.getByRole('link', { name: 'สถิติข้อสอบ' }).first().click();
    await author.getByRole('heading', { level: 1, name: 'สถิติข้อสอบ' }).waitFor();
    // No statistics yet, or a table of them when another journey already took the sample test.
    await author.getByText('ยังไม่มีสถิติ').or(author.getByRole('table')).first().waitFor();
    await checkA11y(author, 'item statistics');
  });

  it('a second author approves it from the review queue', async () => {
    // The system admin makes the framework admin an assessment author too.
    const admin = await open();
    await login(admin, 'sysadmin');
    const { csrfToken } = await (await admin.request.get('/api/auth/session')).json();
    const users = await (await admin.request.get(`/api/users?q=${encodeURIComponent(demoEmail('framework_admin'))}`)).json();
    const reviewerId = users.items[0].id;
    const grant = await admin.request.post(`/api/users/${reviewerId}/roles`, {
      data: { role: 'assessment_author', scopeType: 'national', scopeId: '' },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(grant.status(), await grant.text()).toBe(201);

    const reviewer = await open();
    await login(reviewer, 'framework_admin');
    await reviewer.goto('/assessment/items?view=queue');
    await reviewer.getByRole('link', { name: STEM }).waitFor();
    await checkA11y(reviewer, 'review queue');
    await reviewer.getByRole('link', { name: STEM }).click();
    await reviewer.waitForURL((url) => url.pathname === itemPath);
    await reviewer.getByRole('button', { name: 'อนุมัติให้ใช้งาน' }).click();
    await reviewer.getByText('ใช้งาน', { exact: true }).first().waitFor();
    await checkA11y(reviewer, 'approved item');
  });

  it('the learner rates themselves against the sample statements and sees levels per skill area', async () => {
    const learner = await open();
    await login(learner, 'learner');
    await learner.getByRole('navigation').getByRole('link', { name: 'แบบทดสอบของฉัน' }).first().click();
    await learner.getByRole('heading', { level: 1, name: 'แบบทดสอบของฉัน' }).waitFor();
    await learner.getByRole('heading', { name: /แบบทดสอบตัวอย่าง/ }).waitFor();
    await checkA11y(learner, 'my assessments');
    await photograph(learner, 'assessment-my');

    await learner.getByRole('link', { name: 'ทำแบบประเมินตนเอง' }).click();
    await learner.getByRole('heading', { level: 1, name: 'แบบประเมินตนเอง' }).waitFor();
    await learner.getByText('ข้อความตัวอย่าง', { exact: true }).waitFor();
    await checkA11y(learner, 'self-assessment');
    // Submitting with nothing rated names what is missing (unless an earlier journey's ratings fill the form).
    if ((await learner.getByRole('radio', { checked: true }).count()) === 0) {
      await learner.getByRole('button', { name: 'บันทึกผลประเมินตนเอง' }).click();
      await learner.getByText(/ยังไม่ได้ให้คะแนน 21 ข้อ/).waitFor();
    }
    const onMyOwn = learner.getByRole('radio', { name: '3 ทำได้ด้วยตนเอง' });
    const count = await onMyOwn.count();
    expect(count).toBe(21);
    for (let i = 0; i < count; i++) await onMyOwn.nth(i).check();
    await learner.getByRole('button', { name: 'บันทึกผลประเมินตนเอง' }).click();
    await learner.getByText('บันทึกผลประเมินตนเองแล้ว').waitFor();
    const table = learner.getByTestId('self-levels');
    await table.waitFor();
    // Rating every statement "on my own" reaches level 3 in every area; nothing is tested yet.
    expect(await table.locator('tbody tr').count()).toBe(7);
    // Seven areas, none tested yet, or four when the sample test (three areas) was taken by an earlier journey.
    expect([4, 7]).toContain(await table.getByRole('cell', { name: 'ยังไม่ได้ทดสอบ' }).count());
    await checkA11y(learner, 'self-assessment with levels');
    await photograph(learner, 'assessment-self');
  });

  it('the learner takes the timed test, reloads mid-test, resumes, submits and reads the result per skill area', async () => {
    const learner = await open();
    await login(learner, 'learner', { next: '/assessments' });
    // Attempts already used (another journey of the same learner may have taken the sample test).
    const start = learner.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' });
    await start.waitFor();
    const usedText = learner.getByText(/ทำแล้ว \d+ จาก 3 ครั้ง/);
    const used = (await usedText.count()) ? Number(((await usedText.first().textContent()) ?? '').match(/ทำแล้ว (\d+)/)?.[1]) : 0;
    await start.click();
    await learner.waitForURL(/\/attempts\/[0-9a-f-]{36}$/);
    const attemptPath = new URL(learner.url()).pathname;
    await learner.getByRole('timer').waitFor();
    await learner.getByRole('heading', { name: 'ข้อ 1 จาก 9' }).waitFor();
    await checkA11y(learner, 'taking a test');

    /** Answers the question on screen with its first option (or keeps the shown order) and waits for the save. */
    const answerCurrent = async () => {
      const question = learner.locator('section[aria-labelledby="question-heading"]');
      const keep = question.getByRole('button', { name: 'ยืนยันลำดับนี้' });
      if (await keep.count()) await keep.click();
      else if (await question.getByRole('checkbox').count()) await question.getByRole('checkbox').first().check();
      else await question.getByRole('radio').first().check();
      await expect.poll(() => learner.getByTestId('save-status').textContent()).toContain('บันทึกคำตอบแล้ว');
    };
    await answerCurrent();
    await learner.getByRole('button', { name: 'ข้อถัดไป' }).click();
    await learner.getByRole('heading', { name: 'ข้อ 2 จาก 9' }).waitFor();
    await answerCurrent();
    await photograph(learner, 'assessment-take');

    // A reload mid-test (a lost connection) comes back to the same attempt, the answers and the clock.
    const timeBefore = (await learner.getByRole('timer').textContent()) ?? '';
    await learner.reload();
    await learner.getByRole('timer').waitFor();
    expect(new URL(learner.url()).pathname).toBe(attemptPath);
    // The first unanswered question opens; the two answered ones say so in the navigation.
    await learner.getByRole('heading', { name: 'ข้อ 3 จาก 9' }).waitFor();
    await learner.getByRole('button', { name: 'ไปข้อ 1 (ตอบแล้ว)' }).waitFor();
    await learner.getByRole('button', { name: 'ไปข้อ 2 (ตอบแล้ว)' }).click();
    await learner.getByText(/บันทึกคำตอบแล้ว/).waitFor();
    const timeAfter = (await learner.getByRole('timer').textContent()) ?? '';
    expect(timeAfter).toMatch(/\d\d:\d\d/);
    expect(timeAfter <= timeBefore || timeAfter.startsWith(timeBefore.slice(0, -1))).toBe(true);
    await checkA11y(learner, 'resumed test');

    for (let n = 3; n <= 9; n++) {
      await learner.getByRole('button', { name: `ไปข้อ ${n} (ยังไม่ตอบ)` }).click();
      await learner.getByRole('heading', { name: `ข้อ ${n} จาก 9` }).waitFor();
      await answerCurrent();
    }
    await learner.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await learner.getByRole('dialog', { name: 'ส่งคำตอบเลยหรือไม่' }).waitFor();
    await learner.getByText('ตอบครบทุกข้อแล้ว').waitFor();
    await checkA11y(learner, 'confirm submit');
    await learner.getByRole('button', { name: 'ยืนยันส่งคำตอบ' }).click();
    await learner.waitForURL((url) => url.pathname === `${attemptPath}/result`);
    await learner.getByRole('heading', { level: 1, name: 'ผลการทดสอบ' }).waitFor();
    await learner.getByTestId('score').waitFor();
    expect(await learner.getByTestId('score').textContent()).toMatch(/ได้ \d จาก 9 ข้อ/);
    for (const area of ['DL', 'DG', 'CS']) {
      const level = await learner.getByTestId(`level-${area}`).textContent();
      expect(level, area).toMatch(/ได้ระดับ \d|ยังไม่ถึงระดับ 1/);
    }
    await checkA11y(learner, 'result');
    await photograph(learner, 'assessment-result');

    // The learner's list now offers the result and the attempts left; the self-assessment shows tested levels beside it.
    await learner.getByRole('link', { name: 'กลับไปที่แบบทดสอบของฉัน' }).click();
    await learner.getByText(`ทำแล้ว ${used + 1} จาก 3 ครั้ง`, { exact: false }).waitFor();
    await learner.getByRole('link', { name: 'ดูผล' }).waitFor();
    await learner.goto('/self-assessment');
    await learner.getByTestId('self-levels').waitFor();
    expect(await learner.getByTestId('self-levels').getByRole('cell', { name: 'ยังไม่ได้ทดสอบ' }).count()).toBe(4);
    await checkA11y(learner, 'self-assessment beside tested levels');

    // English reads the same result.
    await learner.goto(`${attemptPath}/result?lang=en`);
    await learner.getByRole('heading', { level: 1, name: 'Test result' }).waitFor();
    await learner.getByText('Level reached in each skill area').waitFor();
    await checkA11y(learner, 'result in English');
  });
});
