import type { CertificateVerification, CertificateView } from '../../../../common/contracts/credentials.js';
import { certificateVerifyUrl } from './document.js';
import type { CertificateRow } from './repository.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentCertificate(c: CertificateRow, baseUrl: string): CertificateView {
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    holderNameTh: c.holder_name_th,
    holderNameEn: c.holder_name_en,
    titleTh: c.title_th,
    titleEn: c.title_en,
    detailTh: c.detail_th,
    detailEn: c.detail_en,
    issuerTh: c.issuer_th,
    issuerEn: c.issuer_en,
    achievedAt: iso(c.achieved_at),
    issuedAt: iso(c.issued_at),
    revokedAt: c.revoked_at ? iso(c.revoked_at) : null,
    verifyUrl: certificateVerifyUrl(baseUrl, c.number),
  };
}

export function presentVerification(v: { cert: CertificateRow; holderName: string; isValid: boolean }): CertificateVerification {
  const c = v.cert;
  return {
    number: c.number,
    kind: c.kind,
    holderName: v.holderName,
    titleTh: c.title_th,
    titleEn: c.title_en,
    detailTh: c.detail_th,
    detailEn: c.detail_en,
    issuerTh: c.issuer_th,
    issuerEn: c.issuer_en,
    achievedAt: iso(c.achieved_at),
    issuedAt: iso(c.issued_at),
    isValid: v.isValid,
    revokedAt: c.revoked_at ? iso(c.revoked_at) : null,
    revokedReason: c.revoked_reason,
  };
}
