import QRCode from 'qrcode';
import { htmlToPdf } from '../../lib/pdf.js';
import { escapeHtml as e, formatDateEn, formatDateTh, sarabunFontCss } from '../../lib/thai-text.js';

export interface CertificateData {
  number: string;
  courseTitleTh: string;
  courseTitleEn: string;
  providerNameTh: string;
  providerNameEn: string;
  hours: number;
  validFrom: string;
  validUntil: string;
  conditions: string | null;
}

/** The public page that confirms a certificate; its address is what the QR code holds. */
export function verificationUrl(baseUrl: string, number: string): string {
  return new URL(`/verify/accreditation/${encodeURIComponent(number)}`, baseUrl).toString();
}

/** The certificate's HTML: self-contained (embedded font and QR), landscape A4, Thai first. */
export async function certificateHtml(d: CertificateData, baseUrl: string): Promise<string> {
  const url = verificationUrl(baseUrl, d.number);
  const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 260 });
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>${e(d.number)}</title>
<style>
${sarabunFontCss()}
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Sarabun', sans-serif; color: #1b2a41; }
.sheet { width: 297mm; height: 210mm; padding: 14mm; }
.frame { height: 100%; border: 2.5mm solid #144c9d; outline: 0.6mm solid #c9a227; outline-offset: -4mm; padding: 12mm 16mm; display: flex; flex-direction: column; }
.org { font-size: 15pt; font-weight: 700; color: #144c9d; }
.org-en { font-size: 10.5pt; color: #4a5568; }
h1 { font-size: 30pt; margin: 8mm 0 0; line-height: 1.3; }
.sub { font-size: 12pt; color: #4a5568; margin: 0 0 6mm; }
.lead { font-size: 13pt; margin: 2mm 0; }
.course { font-size: 22pt; font-weight: 700; line-height: 1.35; margin: 1mm 0; }
.course-en { font-size: 13pt; color: #2d3748; margin-bottom: 4mm; }
.provider { font-size: 14pt; }
.conditions { margin-top: 3mm; font-size: 11pt; padding: 2mm 4mm; border-left: 1.2mm solid #c9a227; background: #fdf8e7; }
.foot { margin-top: auto; display: flex; justify-content: space-between; align-items: flex-end; gap: 10mm; }
.facts { flex: 1; font-size: 12pt; line-height: 1.5; border-collapse: collapse; }
.facts th { text-align: left; font-weight: 700; padding: 0.8mm 6mm 0.8mm 0; white-space: nowrap; vertical-align: baseline; }
.facts td { padding: 0.8mm 0; white-space: nowrap; vertical-align: baseline; }
.facts .en { color: #4a5568; font-size: 10.5pt; }
.number { font-size: 16pt; font-weight: 700; letter-spacing: 0.3pt; }
.qr { text-align: center; font-size: 9pt; color: #4a5568; max-width: 70mm; word-break: break-all; }
.qr img { width: 36mm; height: 36mm; display: block; margin: 0 auto 1mm; }
</style></head>
<body><div class="sheet"><div class="frame">
  <div class="org">สำนักงานคณะกรรมการดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งชาติ</div>
  <div class="org-en">Office of the National Digital Economy and Society Commission</div>
  <h1>ใบรับรองหลักสูตรพัฒนาทักษะดิจิทัล</h1>
  <p class="sub">Certificate of accreditation of a digital-skills course for civil servants and state personnel</p>
  <p class="lead">ขอรับรองว่าหลักสูตร</p>
  <div class="course">${e(d.courseTitleTh)}</div>
  <div class="course-en">${e(d.courseTitleEn)}</div>
  <div class="provider">จัดโดย ${e(d.providerNameTh)} <span class="org-en">(${e(d.providerNameEn)})</span></div>
  <p class="lead">ผ่านการรับรองตามกรอบสมรรถนะดิจิทัลสำหรับข้าราชการและบุคลากรภาครัฐ จำนวน ${d.hours} ชั่วโมง</p>
  ${d.conditions ? `<div class="conditions"><b>เงื่อนไขการรับรอง / Conditions:</b> ${e(d.conditions)}</div>` : ''}
  <div class="foot">
    <table class="facts">
      <tr><th>เลขที่การรับรอง / No.</th><td class="number">${e(d.number)}</td></tr>
      <tr><th>มีผลตั้งแต่ / Valid from</th><td>${e(formatDateTh(d.validFrom))} <span class="en">(${e(formatDateEn(d.validFrom))})</span></td></tr>
      <tr><th>สิ้นสุด / Valid until</th><td>${e(formatDateTh(d.validUntil))} <span class="en">(${e(formatDateEn(d.validUntil))})</span></td></tr>
    </table>
    <div class="qr"><img src="${qr}" alt="QR"><div>ตรวจสอบความถูกต้อง / Verify</div><div>${e(decodeURI(url))}</div></div>
  </div>
</div></div></body></html>`;
}

/** The certificate as a PDF printed by Chromium. */
export async function renderCertificatePdf(d: CertificateData, opts: { baseUrl: string; executablePath: string }): Promise<Buffer> {
  return htmlToPdf(await certificateHtml(d, opts.baseUrl), { executablePath: opts.executablePath, landscape: true });
}
