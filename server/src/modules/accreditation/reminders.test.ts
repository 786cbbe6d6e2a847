import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { auditEntries, courses, notifications, providers } from '../../db/schema/index.js';
import { runAccreditationReminders } from './reminders.js';

let t: TestApp;
let providerId: string;
let adminId: string;
let officerId: string;
const NOW = new Date('2026-11-22T03:00:00Z');

async function course(state: string, validUntil: string | null, extra: Partial<typeof courses.$inferInsert> = {}) {
  const [c] = await t.database.db
    .insert(courses)
    .values({
      providerId,
      state,
      titleTh: `หลักสูตร ${state} ${validUntil}`,
      titleEn: `Course ${state}`,
      accreditationNumber: validUntil ? `สดช.-2569-${Math.floor(Math.random() * 1e6)}` : null,
      validUntil,
      ...extra,
    })
    .returning();
  return c;
}
const noticesFor = async (userId: string) => t.database.db.select().from(notifications).where(eq(notifications.userId, userId));

beforeAll(async () => {
  t = await testApp();
  const [p] = await t.database.db
    .insert(providers)
    .values({ nameTh: 'ผู้จัด', nameEn: 'Provider', kind: 'company', taxId: '0105500000018', status: 'verified' })
    .returning();
  providerId = p.id;
  adminId = (await clientAs(t, { role: 'provider_admin', scopeId: providerId })).userId;
  officerId = (await clientAs(t, 'accreditation_officer')).userId;
});

describe('runAccreditationReminders', () => {
  it('expires accreditations past their validity, once, with an audit entry and a notice', async () => {
    const old = await course('accredited', '2026-11-20');
    const suspended = await course('suspended', '2026-10-01');
    const fine = await course('accredited', '2027-11-20');
    const first = await runAccreditationReminders(t.database.db, t.config, NOW);
    expect(first.expired).toBe(2);
    const states = await t.database.db
      .select({ id: courses.id, state: courses.state })
      .from(courses)
      .where(sql`${courses.id} in ${[old.id, suspended.id, fine.id]}`);
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({
      [old.id]: 'expired',
      [suspended.id]: 'expired',
      [fine.id]: 'accredited',
    });
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'course.expired'));
    expect(audit.map((a) => a.subjectId).sort()).toEqual([old.id, suspended.id].sort());
    expect((await runAccreditationReminders(t.database.db, t.config, NOW)).expired).toBe(0);
  });

  it('reminds 90 and 30 days before expiry, each once per validity period', async () => {
    const in60 = await course('accredited', '2027-01-21');
    const in20 = await course('accredited_with_conditions', '2026-12-12');
    const before = (await noticesFor(adminId)).length;
    const r = await runAccreditationReminders(t.database.db, t.config, NOW);
    expect(r.expiryReminders).toBe(2);
    const notices = (await noticesFor(adminId)).slice(before).map((n) => n.titleEn);
    expect(notices.some((x) => x.includes('within 90 days'))).toBe(true);
    expect(notices.some((x) => x.includes('within 30 days'))).toBe(true);
    expect((await runAccreditationReminders(t.database.db, t.config, NOW)).expiryReminders).toBe(0);
    // Thirty days later the 60-day course is inside the 30-day window and gets its second reminder.
    const later = await runAccreditationReminders(t.database.db, t.config, new Date('2026-12-25T03:00:00Z'));
    expect(later.expiryReminders).toBe(1);
    const last = (await noticesFor(adminId)).at(-1);
    expect(last?.titleEn).toBe(`Accreditation expires within 30 days: ${in60.titleEn}`);
    expect(in20.state).toBe('accredited_with_conditions');
  });

  it('tells officers once about a submission past its screening due date', async () => {
    await course('submitted', null, { screeningDueAt: new Date('2026-11-10T00:00:00Z'), submittedAt: new Date('2026-11-01T00:00:00Z') });
    const before = (await noticesFor(officerId)).length;
    expect((await runAccreditationReminders(t.database.db, t.config, NOW)).overdueScreening).toBe(1);
    expect((await runAccreditationReminders(t.database.db, t.config, NOW)).overdueScreening).toBe(0);
    expect((await noticesFor(officerId)).length).toBe(before + 1);
  });
});
