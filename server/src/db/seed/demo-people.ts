import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { personHistory, persons } from '../schema/index.js';
import type { DemoSeeder } from './demo.js';

/**
 * What HR has done in the demo Revenue Department, so its pages have a history to show: a target group
 * set by HR against the suggestion, a transfer into the staff-development group and a study leave. All
 * by the demo `agency_admin`. Sample data, like the people themselves.
 */
export const peopleDemoSeeder: DemoSeeder = {
  name: 'people',
  async isSeeded(ctx) {
    const hr = ctx.accounts.get('agency_admin');
    if (!hr) return true;
    const [row] = await ctx.db.select({ id: personHistory.id }).from(personHistory).where(eq(personHistory.actorId, hr.userId)).limit(1);
    return !!row;
  },
  async seed(ctx): Promise<Record<string, number>> {
    const hr = ctx.accounts.get('agency_admin');
    const rd = ctx.agencies.get('MOF-RD');
    if (!hr || !rd) return {};
    const linked = new Set([...ctx.accounts.values()].map((a) => a.personId).filter((id): id is string => !!id));
    const staff = (
      await ctx.db
        .select({ id: persons.id, positionTh: persons.positionTh, targetGroupCode: persons.targetGroupCode })
        .from(persons)
        .where(and(eq(persons.agencyId, rd.id), like(persons.positionTh, 'นักวิชาการภาษี%')))
        .orderBy(persons.sortName, persons.id)
    ).filter((p) => !linked.has(p.id));
    if (staff.length < 3) return {};
    const [override, mover, onLeave] = staff;
    const history: (typeof personHistory.$inferInsert)[] = [];
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);

    await ctx.db.update(persons).set({ targetGroupCode: 'TECHNOLOGY', targetGroupSource: 'hr' }).where(eq(persons.id, override.id));
    history.push({
      personId: override.id,
      kind: 'target_group',
      fromValue: override.targetGroupCode,
      toValue: 'TECHNOLOGY',
      reason: 'ดูแลระบบยื่นแบบภาษีออนไลน์ (e-Filing) ของกรม',
      source: 'manual',
      actorId: hr.userId,
      at: at(40),
    });

    const unit = ctx.agencies.get('MOF-RD-HR-DEV');
    if (unit) {
      await ctx.db.update(persons).set({ agencyId: unit.id, supervisorId: null }).where(eq(persons.id, mover.id));
      history.push({
        personId: mover.id,
        kind: 'transfer',
        fromValue: rd.id,
        toValue: unit.id,
        reason: 'คำสั่งกรมสรรพากร ที่ 215/2569 ย้ายไปช่วยงานพัฒนาบุคลากรด้านดิจิทัล',
        source: 'manual',
        actorId: hr.userId,
        at: at(25),
      });
    }

    await ctx.db.update(persons).set({ employmentStatus: 'on_leave' }).where(eq(persons.id, onLeave.id));
    history.push({
      personId: onLeave.id,
      kind: 'employment_status',
      fromValue: 'active',
      toValue: 'on_leave',
      reason: 'ลาศึกษาต่อปริญญาโท ด้านวิทยาการข้อมูล',
      source: 'manual',
      actorId: hr.userId,
      at: at(10),
    });
    await ctx.db.insert(personHistory).values(history);
    const [{ n }] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(personHistory)
      .where(
        inArray(
          personHistory.personId,
          history.map((h) => h.personId),
        ),
      );
    return { historyEntries: n };
  },
};
