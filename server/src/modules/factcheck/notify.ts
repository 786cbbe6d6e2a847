import type { Verdict } from '../../../../common/contracts/factcheck.js';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { notifyUsers, queueEmails } from '../notifications/service.js';
import { VERDICT_LABELS } from './present.js';
import * as repo from './repository.js';

/**
 * The SMS hook (decision 011). A gateway is a contract with a Thai operator the platform does not have yet:
 * whatever sends SMS implements this interface; until then the logging sender records that a message would
 * have gone (to a masked number) and sends nothing. Messages are sent after the transaction commits.
 */
export interface SmsSender {
  send(to: string, text: string): Promise<void>;
}

export function loggingSmsSender(log: Ctx['log']): SmsSender {
  return {
    async send(to, text) {
      log.info({ to: `${to.slice(0, 3)}xxxx${to.slice(-3)}`, chars: text.length }, 'SMS not sent: no SMS gateway is configured');
    },
  };
}

export interface PendingSms {
  to: string;
  text: string;
}

/**
 * Tells everyone who asked about a group that its verdict is out, in the caller's transaction: an in-app
 * notification (and e-mail) for signed-in submitters, an e-mail in the outbox for anonymous ones who left an
 * address; returns the SMS to send after commit to those who left a mobile number.
 */
export async function notifySubmitters(
  tx: Db,
  ctx: Ctx,
  group: { id: string; claimReviewed: string; verdict: Verdict; isCorrection: boolean },
  /** Only these claims' submitters (claims merged into a group already answered). */
  onlyClaimIds?: readonly string[],
): Promise<{ users: number; emails: number; sms: PendingSms[] }> {
  const submitters = await repo.submittersOf(tx, group.id, onlyClaimIds);
  const label = VERDICT_LABELS[group.verdict];
  const link = `/factcheck/checks/${group.id}`;
  const claim = group.claimReviewed.length > 120 ? `${group.claimReviewed.slice(0, 119)}…` : group.claimReviewed;
  const titleTh = group.isCorrection ? `แก้ไขผลการตรวจสอบข่าว: ${label.th}` : `ผลการตรวจสอบข่าวที่คุณแจ้ง: ${label.th}`;
  const titleEn = group.isCorrection ? `Fact-check corrected: ${label.en}` : `The claim you sent was checked: ${label.en}`;
  const userIds = [...new Set(submitters.map((s) => s.userId).filter((id): id is string => !!id))];
  await notifyUsers(tx, ctx.config, userIds, {
    kind: 'factcheck.published',
    titleTh,
    titleEn,
    bodyTh: `ข่าว "${claim}" ได้รับการตรวจสอบแล้ว ผลคือ ${label.th} อ่านคำอธิบายและแหล่งอ้างอิงได้ที่หน้าผลการตรวจสอบ`,
    bodyEn: `"${claim}" has been checked: ${label.en}. The explanation and sources are on the fact-check page.`,
    link,
  });
  const anonymous = submitters.filter((s) => !s.userId);
  const emails = anonymous
    .filter((s) => s.email)
    .map((s) => ({
      toEmail: s.email as string,
      subject: `[Thaksa] ${titleTh} / ${titleEn}`,
      bodyText:
        `ข่าว "${claim}" ที่คุณแจ้งไว้ (รหัสติดตาม ${s.trackingCode}) ได้รับการตรวจสอบแล้ว ผลคือ ${label.th}\n` +
        `อ่านคำอธิบายและแหล่งอ้างอิง: ${new URL(link, ctx.config.BASE_URL)}\n\n` +
        `"${claim}" (tracking code ${s.trackingCode}) has been checked: ${label.en}.\n` +
        `${new URL(`/factcheck/track/${s.trackingCode}`, ctx.config.BASE_URL)}\n\n— ทักษะ / Thaksa`,
    }));
  await queueEmails(tx, emails);
  const sms = anonymous
    .filter((s) => s.phone)
    .map((s) => ({
      to: s.phone as string,
      text: `ทักษะ: ข่าวที่คุณแจ้ง (${s.trackingCode}) ตรวจสอบแล้ว ผล: ${label.th} ${new URL(link, ctx.config.BASE_URL)}`,
    }));
  return { users: userIds.length, emails: emails.length, sms };
}
