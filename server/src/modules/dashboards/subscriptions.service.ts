import { and, eq, sql } from 'drizzle-orm';
import type { SubscriptionBody } from '../../../../common/contracts/dashboards.js';
import { AppError } from '../../../../common/errors.js';
import type { Role, ScopeType } from '../../../../common/permissions.js';
import type { Config } from '../../config.js';
import { type Db, queryRows } from '../../db/client.js';
import { dashboardSubscriptions } from '../../db/schema/index.js';
import { authorize } from '../../lib/authorize.js';
import { type Actor, type Ctx, requireActor, silentLog } from '../../lib/context.js';
import { formatDateEn, formatDateTh } from '../../lib/thai-text.js';
import { recordAudit } from '../audit/service.js';
import { findGrantsWithLabels } from '../auth/repository.js';
import { queueEmails } from '../notifications/service.js';
import { findAgency } from '../people/agencies.repository.js';
import { canSubscribe } from './policy.js';
import { getDashboard } from './service.js';

interface SubscriptionRow {
  id: string;
  agency_id: string | null;
  agency_code: string | null;
  agency_name_th: string | null;
  agency_name_en: string | null;
  target_group_code: string | null;
  language: string;
  last_sent_month: string | null;
  created_at: string | Date;
}

export function presentSubscription(r: SubscriptionRow) {
  return {
    id: r.id,
    agency: r.agency_id
      ? { id: r.agency_id, code: r.agency_code ?? '', nameTh: r.agency_name_th ?? '', nameEn: r.agency_name_en ?? '' }
      : null,
    targetGroup: r.target_group_code,
    language: r.language,
    lastSentMonth: r.last_sent_month,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

const listRows = (db: Db, userId: string) =>
  queryRows<SubscriptionRow>(
    db,
    sql`select s.id, s.agency_id, a.code as agency_code, a.name_th as agency_name_th, a.name_en as agency_name_en,
               s.target_group_code, s.language, s.last_sent_month, s.created_at
        from dashboard_subscriptions s left join agencies a on a.id = s.agency_id
        where s.user_id = ${userId} order by s.created_at`,
  );

/** The caller's monthly report subscriptions. */
export async function listMySubscriptions(ctx: Ctx) {
  const actor = requireActor(ctx);
  return (await listRows(ctx.db, actor.userId)).map(presentSubscription);
}

/** Subscribes the caller to the monthly report of a scope they may read (the same scope twice is one subscription). */
export async function subscribe(ctx: Ctx, body: SubscriptionBody) {
  const agency = body.agencyId ? await findAgency(ctx.db, body.agencyId) : null;
  if (body.agencyId && !agency) throw AppError.notFound('agency');
  const actor = authorize(ctx, canSubscribe, agency ?? null);
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(dashboardSubscriptions)
      .values({ userId: actor.userId, agencyId: agency?.id ?? null, targetGroupCode: body.targetGroup, language: body.language })
      .onConflictDoNothing()
      .returning({ id: dashboardSubscriptions.id });
    if (inserted[0]) {
      await recordAudit(tx, ctx, {
        action: 'dashboard.subscribed',
        subjectType: 'dashboard_subscription',
        subjectId: inserted[0].id,
        summary: { agencyId: agency?.id ?? null, targetGroup: body.targetGroup },
      });
    }
  });
  return listMySubscriptions(ctx);
}

export async function unsubscribe(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(dashboardSubscriptions)
      .where(and(eq(dashboardSubscriptions.id, id), eq(dashboardSubscriptions.userId, actor.userId)))
      .returning({ id: dashboardSubscriptions.id });
    if (!deleted[0]) throw AppError.notFound('subscription');
    await recordAudit(tx, ctx, { action: 'dashboard.unsubscribed', subjectType: 'dashboard_subscription', subjectId: id });
  });
}

/** YYYY-MM of an instant in Bangkok. */
export const monthInBangkok = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);

const fmt = (n: number | null, lang: string, min: number) =>
  n === null ? `<${min}` : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'th-TH', { maximumFractionDigits: 1 }).format(n);

/**
 * Queues this month's report e-mail for every subscription that has not had it (run by the jobs tick; a
 * month is queued once per subscription, so ticks and instances may repeat it safely). The figures are
 * those the subscriber would see now, with their own rights; a subscriber who lost the right gets nothing.
 */
export async function queueMonthlyReports(db: Db, config: Config, now = new Date()): Promise<number> {
  const month = monthInBangkok(now);
  const due = await queryRows<{
    id: string;
    user_id: string;
    email: string;
    display_name: string;
    agency_id: string | null;
    target_group_code: string | null;
    language: string;
  }>(
    db,
    sql`select s.id, s.user_id, u.email, u.display_name, s.agency_id, s.target_group_code, s.language
        from dashboard_subscriptions s join users u on u.id = s.user_id
        where s.last_sent_month is null or s.last_sent_month < ${month}
        order by s.id for update of s skip locked`,
  );
  let queued = 0;
  for (const s of due) {
    const grants = await findGrantsWithLabels(db, [s.user_id]);
    const actor: Actor = {
      userId: s.user_id,
      email: s.email,
      displayName: s.display_name,
      grants: grants.map((g) => ({ id: g.id, role: g.role as Role, scopeType: g.scopeType as ScopeType, scopeId: g.scopeId })),
      via: 'session',
    };
    const ctx: Ctx = { actor, db, config, requestId: `dashboard-report-${month}`, log: silentLog };
    try {
      const v = await getDashboard(ctx, { agencyId: s.agency_id ?? undefined, targetGroup: (s.target_group_code ?? undefined) as never });
      const en = s.language === 'en';
      const min = v.privacy.minCellSize;
      const scope = v.scope.agency ? (en ? v.scope.agency.nameEn : v.scope.agency.nameTh) : en ? 'Nation' : 'ทั้งประเทศ';
      const params = new URLSearchParams({ fiscalYear: String(v.fiscalYear) });
      if (s.agency_id) params.set('agency', s.agency_id);
      if (s.target_group_code) params.set('targetGroup', s.target_group_code);
      const link = `${config.BASE_URL}/dashboards?${params}`;
      const asOf = v.asOf ? (en ? formatDateEn(v.asOf) : formatDateTh(v.asOf)) : '–';
      const t = v.people.total;
      const d = v.development;
      const lines = en
        ? [
            `Monthly digital skills report ${month}: ${scope}, FY ${v.fiscalYear - 543} (as of ${asOf})`,
            '',
            `Personnel: ${fmt(t.personnel, 'en', min)}`,
            `Self-assessed: ${fmt(t.selfAssessed, 'en', min)} (${t.selfAssessedPct ?? '–'}%) · tested: ${fmt(t.tested, 'en', min)} (${t.testedPct ?? '–'}%)`,
            `Learners: ${fmt(d.learners, 'en', min)} · hours per person: ${fmt(d.hoursPerPerson, 'en', min)}`,
            `IDPs: ${fmt(d.idps.all, 'en', min)} (approved ${fmt(d.idps.approved, 'en', min)}, completed ${fmt(d.idps.completed, 'en', min)})`,
            `Courses accredited this fiscal year: ${v.accreditation.accreditedThisYear} of a target of ${v.accreditation.yearlyTarget}`,
            '',
            `Dashboard and reports (PDF, XLSX): ${link}`,
          ]
        : [
            `รายงานทักษะดิจิทัลประจำเดือน ${month}: ${scope} ปีงบประมาณ พ.ศ. ${v.fiscalYear} (ข้อมูล ณ ${asOf})`,
            '',
            `บุคลากร: ${fmt(t.personnel, 'th', min)} คน`,
            `ประเมินตนเอง: ${fmt(t.selfAssessed, 'th', min)} คน (${t.selfAssessedPct ?? '–'}%) · ทำแบบทดสอบ: ${fmt(t.tested, 'th', min)} คน (${t.testedPct ?? '–'}%)`,
            `ผู้ได้รับการพัฒนา: ${fmt(d.learners, 'th', min)} คน · ชั่วโมงต่อคน: ${fmt(d.hoursPerPerson, 'th', min)}`,
            `แผนพัฒนารายบุคคล: ${fmt(d.idps.all, 'th', min)} (อนุมัติ ${fmt(d.idps.approved, 'th', min)}, สำเร็จ ${fmt(d.idps.completed, 'th', min)})`,
            `หลักสูตรที่รับรองในปีงบประมาณนี้: ${v.accreditation.accreditedThisYear} จากเป้าหมาย ${v.accreditation.yearlyTarget}`,
            '',
            `แดชบอร์ดและรายงาน (PDF, XLSX): ${link}`,
          ];
      await queueEmails(db, [
        {
          toEmail: s.email,
          subject: en ? `Thaksa monthly report ${month}: ${scope}` : `รายงานประจำเดือน ${month} ทักษะ: ${scope}`,
          bodyText: lines.join('\n'),
        },
      ]);
      queued++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // No longer allowed to read that scope (or it is gone): nothing is sent, and the month counts as done.
    }
    await db.update(dashboardSubscriptions).set({ lastSentMonth: month }).where(eq(dashboardSubscriptions.id, s.id));
  }
  return queued;
}

