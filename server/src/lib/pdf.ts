import { type Browser, chromium } from 'playwright-core';

/**
 * PDFs are HTML printed by Chromium: it is the renderer that places every Thai mark correctly. One
 * headless browser is shared per process and started on first use; each document gets its own context
 * with all network requests refused, so a document can only use what its HTML embeds.
 */
let browser: Promise<Browser> | null = null;

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function getBrowser(executablePath: string): Promise<Browser> {
  browser ??= chromium.launch({ executablePath, args: ARGS }).then((b) => {
    b.on('disconnected', () => {
      browser = null;
    });
    return b;
  });
  return browser;
}

export interface PdfOptions {
  executablePath: string;
  landscape?: boolean;
}

/** Prints self-contained HTML to an A4 PDF once its fonts have loaded. */
export async function htmlToPdf(html: string, opts: PdfOptions): Promise<Buffer> {
  const b = await getBrowser(opts.executablePath);
  const context = await b.newContext();
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ format: 'A4', landscape: opts.landscape ?? false, printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close();
  }
}

/** Closes the shared browser (at server shutdown). */
export async function closePdfBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b).close().catch(() => {});
}
