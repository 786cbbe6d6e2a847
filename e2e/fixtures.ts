import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, type DemoAccountKey } from '../server/src/db/seed/demo-data.js';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(new URL('.', import.meta.url).pathname, 'screenshots');

export const VIEWPORTS = {
  phone: { width: 360, height: 780 },
  desktop: { width: 1280, height: 900 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** Debian's Chromium only; the tests never download a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/** A fresh context (no cookies, no stored language) so each journey starts as a new visitor. */
export async function newPage(browser: Browser, viewport: ViewportName = 'desktop'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: VIEWPORTS[viewport],
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

export function demoEmail(account: DemoAccountKey): string {
  return `${account}@${DEMO_EMAIL_DOMAIN}`;
}

/** Signs in through the login form, as a person would, and waits for the landing page after it. */
export async function login(page: Page, account: DemoAccountKey, opts: { next?: string } = {}) {
  await page.goto(opts.next ? `/login?next=${encodeURIComponent(opts.next)}` : '/login');
  await page.getByRole('textbox', { name: /อีเมล|E-mail/ }).fill(demoEmail(account));
  await page.getByLabel(/^(รหัสผ่าน|Password)/).fill(DEMO_PASSWORD);
  await page
    .getByRole('button', { name: /^(เข้าสู่ระบบ|Sign in)$/ })
    .last()
    .click();
  await page.waitForURL((url) => url.pathname === (opts.next ?? '/home'));
}

/** Runs axe on the page as it is now and fails on any serious or critical violation, listing each. */
export async function checkA11y(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const lines = bad.map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
    );
    throw new Error(`accessibility violations on ${label} (${page.url()}):\n${lines.join('\n')}`);
  }
}

/** A full-page PNG in e2e/screenshots/ (git-ignored) for people to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Web fonts load after first paint; wait so the picture shows Sarabun, not the fallback.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
