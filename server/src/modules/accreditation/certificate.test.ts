import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closePdfBrowser } from '../../lib/pdf.js';
import { certificateHtml, renderCertificatePdf } from './certificate.js';

afterAll(() => closePdfBrowser());

const data = {
  number: 'สดช.-2569-0001',
  courseTitleTh: 'การวิเคราะห์ข้อมูลเพื่อการตัดสินใจเชิงนโยบาย',
  courseTitleEn: 'Data analysis for policy decisions',
  providerNameTh: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล',
  providerNameEn: 'Thailand Digital Government Academy',
  hours: 18,
  validFrom: '2026-11-22',
  validUntil: '2028-11-21',
  conditions: 'ปรับปรุงแบบทดสอบหลังเรียนภายใน 90 วัน',
};

describe('the accreditation certificate', () => {
  it('escapes provider text in the HTML', async () => {
    const html = await certificateHtml({ ...data, courseTitleEn: '<script>x</script>' }, 'https://thaksa.example');
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('https://thaksa.example/verify/accreditation/สดช.-2569-0001');
  });

  it('prints a one-page PDF whose Thai text reads back and renders to an image', async () => {
    const pdf = await renderCertificatePdf(data, {
      baseUrl: 'https://thaksa.example',
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = join('.test-results', 'documents');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'accreditation-certificate.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Pages:\s+1/);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/); // landscape A4, in points
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const s of [
      'ใบรับรองหลักสูตรพัฒนาทักษะดิจิทัล',
      data.courseTitleTh,
      data.providerNameTh,
      'สดช.-2569-0001',
      '22 พฤศจิกายน 2569',
      '21 พฤศจิกายน 2571',
    ]) {
      expect(text).toContain(s);
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(dir, 'accreditation-certificate')]);
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).toMatch(/Sarabun/);
  }, 60_000);
});
