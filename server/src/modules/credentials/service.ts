import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { fiscalYearBe, todayInBangkok } from '../../lib/thai-text.js';
import { recordAudit } from '../audit/service.js';
import { renderCertificatePdf } from './document.js';
import { maskName } from './numbering.js';
import { canReadCertificate, canRevokeCertificate } from './policy.js';
import * as repo from './repository.js';

export type { CertificateRow } from './repository.js';

/**
 * Issues, inside the caller's transaction, the certificates that these learning records earn (a passed
 * assessment, a completed accredited course, a completed development plan) and do not have yet. Idempotent:
 * one certificate per record. Numbers are THK-<fiscal year of issue>-<sequence>, gap-free. Returns how many
 * were issued. Other modules call this after writing learning records.
 */
export async function issueCertificatesForRecords(tx: Db, recordIds: string[], now = new Date()): Promise<number> {
  return repo.issueForRecords(tx, [...new Set(recordIds)], fiscalYearBe(now));
}

/**
 * Issues what the user's records earn and lacks a certificate: records written by modules that do not issue
 * (cohort completions, a provider's run page, assessment attempts) get theirs when the learner looks.
 */
export async function issueMissingCertificates(ctx: Ctx, userId: string): Promise<number> {
  const missing = await repo.uncertifiedRecordIds(ctx.db, userId);
  if (missing.length === 0) return 0;
  return ctx.db.transaction(async (tx) => {
    const issued = await repo.issueForRecords(tx, missing, fiscalYearBe());
    if (issued > 0) {
      await recordAudit(tx, ctx, { action: 'certificate.issued', subjectType: 'user', subjectId: userId, summary: { issued } });
    }
    return issued;
  });
}

/** The signed-in learner's certificates, newest first (issuing any their records earned since they last looked). */
export async function listMyCertificates(ctx: Ctx, q: { page: number; pageSize: number }) {
  const actor = requireActor(ctx);
  await issueMissingCertificates(ctx, actor.userId);
  const { rows, total } = await repo.listForUser(ctx.db, actor.userId, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { rows, total, page: q.page, pageSize: q.pageSize };
}

/** One certificate, for its holder or HR of the holder's agency subtree (404 for anyone else). */
export async function getCertificate(ctx: Ctx, id: string) {
  requireActor(ctx);
  const cert = await repo.findById(ctx.db, id);
  if (!cert) throw AppError.notFound('certificate');
  try {
    authorize(ctx, canReadCertificate, cert);
  } catch {
    throw AppError.notFound('certificate');
  }
  return cert;
}

/** The certificate as a Thai PDF with a QR code to its public verification page, printed on demand. */
export async function getCertificatePdf(ctx: Ctx, id: string): Promise<{ pdf: Buffer; number: string }> {
  const c = await getCertificate(ctx, id);
  const pdf = await renderCertificatePdf(
    {
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
      achievedAt: c.achieved_at,
      issuedAt: c.issued_at,
    },
    { baseUrl: ctx.config.BASE_URL, executablePath: ctx.config.CHROMIUM_PATH },
  );
  return { pdf, number: c.number };
}

/** Public: what a certificate number certifies, whether it is valid, the holder's name partly masked. */
export async function verifyCertificate(ctx: Ctx, number: string) {
  const c = await repo.findByNumber(ctx.db, number.trim().toUpperCase());
  if (!c) throw AppError.notFound('certificate');
  return { cert: c, holderName: maskName(c.holder_name_th), isValid: !c.revoked_at };
}

/** A system admin revokes a certificate issued in error (the record stays; verification then says revoked). */
export async function revokeCertificate(ctx: Ctx, id: string, reason: string) {
  authorize(ctx, canRevokeCertificate, undefined);
  return ctx.db.transaction(async (tx) => {
    const cert = await repo.findById(tx, id, { forUpdate: true });
    if (!cert) throw AppError.notFound('certificate');
    if (cert.revoked_at) throw AppError.conflict('conflict', 'the certificate is already revoked');
    await repo.revoke(tx, id, reason);
    await recordAudit(tx, ctx, {
      action: 'certificate.revoked',
      subjectType: 'certificate',
      subjectId: id,
      summary: { number: cert.number, reason, on: todayInBangkok() },
    });
  });
}

/** The certificate a learning record earned, if any (for the learning-records list). */
export const certificateOfRecord = (db: Db, recordId: string) => repo.findByRecord(db, recordId);
