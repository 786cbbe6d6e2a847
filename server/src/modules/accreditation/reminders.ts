import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { remindersSent } from '../../db/schema/index.js';
import { formatDateEn, formatDateTh } from '../../lib/thai-text.js';
import { recordAudit } from '../audit/service.js';
import { syncCatalogEntry } from '../catalog/service.js';
import { notifyUsers } from '../notifications/service.js';
import { officerIds, providerAdminIds } from './recipients.js';
import { type CourseState, transition } from './state-machine.js';

const BATCH = 500;
const SYSTEM = { actor: null, requestId: 'job:accreditation-reminders' } as const;

/** Claims a reminder; false when it was already sent (by this or another instance). */
async function claim(tx: Db, subjectId: string, kind: string, occasion: string): Promise<boolean> {
  const rows = await tx
    .insert(remindersSent)
    .values({ subjectType: 'course', subjectId, kind, occasion })
    .onConflictDoNothing()
    .returning({ kind: remindersSent.kind });
  return rows.length > 0;
}

interface Row {
  id: string;
  provider_id: string;
  state: CourseState;
  title_th: string;
  title_en: string;
  accreditation_number: string | null;
  valid_until: string | null;
  screening_due_at: string | null;
}

const rowsOf = (tx: Db, query: SQL) => queryRows<Row>(tx, query);

/**
 * The accreditation module's periodic work, safe to run on several instances at once and as often as
 * wanted: expires accreditations past their validity, reminds providers 90 and 30 days before expiry, and
 * tells officers about submissions past their screening due date. Each notice goes out once per occasion.
 */
export async function runAccreditationReminders(db: Db, config: { BASE_URL: string }, now: Date = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const counts = { expired: 0, expiryReminders: 0, overdueScreening: 0 };
  await db.transaction(async (tx) => {
    const toExpire = await rowsOf(
      tx,
      sql`select id, provider_id, state, title_th, title_en, accreditation_number, valid_until::text, screening_due_at::text from courses
          where state in ('accredited', 'accredited_with_conditions', 'suspended') and valid_until < ${today}::date
          order by valid_until limit ${BATCH} for update skip locked`,
    );
    for (const c of toExpire) {
      const t = transition(c.state, 'expire');
      if (!t.ok) continue;
      await tx.execute(sql`update courses set state = ${t.to}, state_changed_at = now() where id = ${c.id}`);
      await syncCatalogEntry(tx, c.id);
      await recordAudit(tx, SYSTEM, {
        action: 'course.expired',
        subjectType: 'course',
        subjectId: c.id,
        summary: { from: c.state, validUntil: c.valid_until },
      });
      await notifyUsers(tx, config, await providerAdminIds(tx, c.provider_id), {
        kind: 'accreditation.expired',
        titleTh: `การรับรองหลักสูตรหมดอายุ: ${c.title_th}`,
        titleEn: `Accreditation expired: ${c.title_en}`,
        bodyTh: `การรับรองเลขที่ ${c.accreditation_number} สิ้นสุดเมื่อ ${formatDateTh(c.valid_until as string)} ยื่นขอต่ออายุได้จากหน้าหลักสูตร`,
        bodyEn: `Accreditation ${c.accreditation_number} ended on ${formatDateEn(c.valid_until as string)}. You can apply for renewal from the course page.`,
        link: `/provider/courses/${c.id}`,
      });
      counts.expired++;
    }

    for (const days of [30, 90]) {
      const due = await rowsOf(
        tx,
        sql`select id, provider_id, state, title_th, title_en, accreditation_number, valid_until::text, screening_due_at::text from courses
            where state in ('accredited', 'accredited_with_conditions') and valid_until >= ${today}::date
              and valid_until <= ${today}::date + ${days}::int
            order by valid_until limit ${BATCH}`,
      );
      for (const c of due) {
        // Inside 30 days only the 30-day reminder goes out, even if the 90-day one never did.
        const kind = `expiry_${days}`;
        if (days === 90 && !isMoreThan30DaysAway(c.valid_until as string, today)) continue;
        if (!(await claim(tx, c.id, kind, c.valid_until as string))) continue;
        await notifyUsers(tx, config, await providerAdminIds(tx, c.provider_id), {
          kind: 'accreditation.expiring',
          titleTh: `การรับรองจะหมดอายุภายใน ${days} วัน: ${c.title_th}`,
          titleEn: `Accreditation expires within ${days} days: ${c.title_en}`,
          bodyTh: `การรับรองเลขที่ ${c.accreditation_number} สิ้นสุดวันที่ ${formatDateTh(c.valid_until as string)} โปรดยื่นขอต่ออายุก่อนวันดังกล่าว`,
          bodyEn: `Accreditation ${c.accreditation_number} ends on ${formatDateEn(c.valid_until as string)}. Please apply for renewal before then.`,
          link: `/provider/courses/${c.id}`,
        });
        counts.expiryReminders++;
      }
    }

    const late = await rowsOf(
      tx,
      sql`select id, provider_id, state, title_th, title_en, accreditation_number, valid_until::text, screening_due_at::text from courses
          where state in ('submitted', 'screening') and screening_due_at < ${now.toISOString()}::timestamptz
          order by screening_due_at limit ${BATCH}`,
    );
    const officers = late.length ? await officerIds(tx) : [];
    for (const c of late) {
      if (!(await claim(tx, c.id, 'screening_overdue', c.screening_due_at as string))) continue;
      await notifyUsers(tx, config, officers, {
        kind: 'accreditation.screening_overdue',
        titleTh: `เกินกำหนดตรวจสอบเบื้องต้น: ${c.title_th}`,
        titleEn: `Screening overdue: ${c.title_en}`,
        bodyTh: `คำขอนี้ควรได้รับการตรวจสอบเบื้องต้นภายใน ${formatDateTh(c.screening_due_at as string)}`,
        bodyEn: `This submission was due for screening by ${formatDateEn(c.screening_due_at as string)}.`,
        link: `/officer/courses/${c.id}`,
      });
      counts.overdueScreening++;
    }
  });
  return counts;
}

function isMoreThan30DaysAway(validUntil: string, today: string): boolean {
  return (Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000 > 30;
}
