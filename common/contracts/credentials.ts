import { z } from 'zod';
import { PageQuery } from './shared.js';

export const CERTIFICATE_KINDS = ['assessment', 'course', 'development_plan'] as const;
export const CertificateKind = z.enum(CERTIFICATE_KINDS);
export type CertificateKind = z.infer<typeof CertificateKind>;

/** THK-<Buddhist-era fiscal year>-<six digits>. */
export const CERTIFICATE_NUMBER = /^THK-\d{4}-\d{6}$/;

export const CertificateView = z.object({
  id: z.string(),
  number: z.string(),
  kind: CertificateKind,
  holderNameTh: z.string(),
  holderNameEn: z.string().nullable(),
  titleTh: z.string(),
  titleEn: z.string(),
  detailTh: z.string().nullable(),
  detailEn: z.string().nullable(),
  issuerTh: z.string().nullable(),
  issuerEn: z.string().nullable(),
  achievedAt: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  verifyUrl: z.string(),
});
export type CertificateView = z.infer<typeof CertificateView>;

export const CertificateList = z.object({
  items: z.array(CertificateView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CertificateList = z.infer<typeof CertificateList>;

export const CertificateListQuery = PageQuery;

export const CertificateNumberParams = z.object({ number: z.string().trim().min(1).max(40) });

/** What the public verification page shows: the holder's name partly masked. */
export const CertificateVerification = z.object({
  number: z.string(),
  kind: CertificateKind,
  holderName: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  detailTh: z.string().nullable(),
  detailEn: z.string().nullable(),
  issuerTh: z.string().nullable(),
  issuerEn: z.string().nullable(),
  achievedAt: z.string(),
  issuedAt: z.string(),
  isValid: z.boolean(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
export type CertificateVerification = z.infer<typeof CertificateVerification>;

export const RevokeCertificateBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
