import QRCode from 'qrcode';
import { htmlToPdf } from '../../lib/pdf.js';
import { escapeHtml as e, formatDateEn, formatDateTh, sarabunFontCss } from '../../lib/thai-text.js';

export interface CertificateDocument {
  number: string;
  kind: 'assessment' | 'course' | 'development_plan';
  holderNameTh: string;
  holderNameEn: string | null;
  titleTh: string;
  titleEn: string;
  detailTh: string | null;
  detailEn: string | null;
  issuerTh: string | null;
  issuerEn: string | null;
  achievedAt: Date | string;
  issuedAt: Date | string;
}

/** The public page that confirms a certificate; its address is what the QR code holds. */
export function certificateVerifyUrl(baseUrl: string, number: string): string {
  return new URL(`/verify/certificate/${encodeURIComponent(number)}`, baseUrl).toString();
}

const LEAD: Record<CertificateDocument['kind'], [string, string]> = {
  course: ['ได้ผ่านการอบรมหลักสูตรที่ได้รับการรับรอง', 'has completed the accredited course'],
  assessment: ['ได้ผ่านการทดสอบทักษะดิจิทัล', 'has passed the digital skills assessment'],
  development_plan: ['ได้ดำเนินการตามแผนพัฒนารายบุคคลครบถ้วน', 'has completed the individual development plan'],
};

/** The certificate's HTML: self-contained (embedded Sarabun and QR code), landscape A4, Thai first. */
export async function certificateHtml(d: CertificateDocument, baseUrl: string): Promise<string> {
  const url = certificateVerifyUrl(baseUrl, d.number);
  const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 260 });
  const [leadTh, leadEn] = LEAD[d.kind];
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>${e(d.number)}</title>
<style>
${sarabunFontCss()}
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Sarabun', sans-serif; color: #1b2a41; }
.sheet { width: 297mm; height: 210mm; padding: 12mm; }
.frame { height: 100%; border: 2.2mm solid #0f5132; outline: 0.6mm solid #c9a227; outline-offset: -4mm; padding: 11mm 16mm; display: flex; flex-direction: column; text-align: center; }
.org { font-size: 14pt; font-weight: 700; color: #0f5132; }
.org-en { font-size: 10pt; color: #4a5568; }
h1 { font-size: 30pt; margin: 5mm 0 0; line-height: 1.3; }
.sub { font-size: 12pt; color: #4a5568; margin: 0 0 4mm; }
.lead { font-size: 13pt; margin: 1.5mm 0; }
.name { font-size: 26pt; font-weight: 700; line-height: 1.35; margin: 1mm 0 0; }
.name-en { font-size: 13pt; color: #2d3748; }
.title { font-size: 20pt; font-weight: 700; line-height: 1.4; margin: 2mm 0 0; }
.title-en { font-size: 12pt; color: #2d3748; }
.detail { font-size: 12pt; margin-top: 2mm; }
.foot { margin-top: auto; display: flex; justify-content: space-between; align-items: flex-end; gap: 10mm; text-align: left; }
.facts { flex: 1; font-size: 11.5pt; line-height: 1.5; border-collapse: collapse; }
.facts th { text-align: left; font-weight: 700; padding: 0.6mm 6mm 0.6mm 0; white-space: nowrap; vertical-align: baseline; }
.facts td { padding: 0.6mm 0; vertical-align: baseline; }
.facts .en { color: #4a5568; font-size: 10pt; }
.number { font-size: 15pt; font-weight: 700; letter-spacing: 0.3pt; }
.qr { text-align: center; font-size: 9pt; color: #4a5568; max-width: 72mm; word-break: break-all; }
.qr img { width: 34mm; height: 34mm; display: block; margin: 0 auto 1mm; }
</style></head>
<body><div class="sheet"><div class="frame">
  <div class="org">แพลตฟอร์มพัฒนาทักษะดิจิทัลของข้าราชการและบุคลากรภาครัฐ (ทักษะ)</div>
  <div class="org-en">Thaksa — the national platform for the digital skills of civil servants and state personnel</div>
  <h1>ประกาศนียบัตร</h1>
  <p class="sub">Certificate</p>
  <p class="lead">ขอมอบประกาศนียบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า</p>
  <div class="name">${e(d.holderNameTh)}</div>
  ${d.holderNameEn ? `<div class="name-en">${e(d.holderNameEn)}</div>` : ''}
  <p class="lead">${e(leadTh)} <span class="org-en">(${e(leadEn)})</span></p>
  <div class="title">${e(d.titleTh)}</div>
  <div class="title-en">${e(d.titleEn)}</div>
  ${d.detailTh ? `<div class="detail">${e(d.detailTh)}${d.detailEn ? ` <span class="org-en">(${e(d.detailEn)})</span>` : ''}</div>` : ''}
  <div class="foot">
    <table class="facts">
      <tr><th>เลขที่ / No.</th><td class="number">${e(d.number)}</td></tr>
      ${d.issuerTh ? `<tr><th>รับรองโดย / Issued on the record of</th><td>${e(d.issuerTh)}${d.issuerEn && d.issuerEn !== d.issuerTh ? ` <span class="en">(${e(d.issuerEn)})</span>` : ''}</td></tr>` : ''}
      <tr><th>สำเร็จเมื่อ / Achieved</th><td>${e(formatDateTh(d.achievedAt))} <span class="en">(${e(formatDateEn(d.achievedAt))})</span></td></tr>
      <tr><th>ออกให้เมื่อ / Issued</th><td>${e(formatDateTh(d.issuedAt))} <span class="en">(${e(formatDateEn(d.issuedAt))})</span></td></tr>
    </table>
    <div class="qr"><img src="${qr}" alt="QR"><div>ตรวจสอบความถูกต้อง / Verify</div><div>${e(decodeURI(url))}</div></div>
  </div>
</div></div></body></html>`;
}

export async function renderCertificatePdf(d: CertificateDocument, opts: { baseUrl: string; executablePath: string }): Promise<Buffer> {
  return htmlToPdf(await certificateHtml(d, opts.baseUrl), { executablePath: opts.executablePath, landscape: true });
}
