import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestApp, testDatabase } from '../../../test/harness.js';
import {
  assessmentAttempts,
  assessmentSkillResults,
  assessments,
  frameworks,
  selfAssessmentLevels,
  selfAssessments,
} from '../../db/schema/index.js';
import { assessedLevels, assessedLevelsHistory } from './service.js';

let database: TestApp['database'];
let frameworkId: string;
let assessmentId: string;

beforeAll(async () => {
  database = await testDatabase();
  const [fw] = await database.db.select().from(frameworks).where(eq(frameworks.isCurrent, true));
  frameworkId = fw.id;
  const [a] = await database.db
    .insert(assessments)
    .values({
      frameworkId,
      titleTh: 'แบบทดสอบ',
      titleEn: 'Test',
      blueprint: [{ skillAreaCode: 'DL', level: 1, count: 1 }],
      timeLimitMinutes: 10,
      passMarks: { '1': 60 },
      opensAt: new Date('2026-01-01'),
      closesAt: new Date('2027-01-01'),
    })
    .returning();
  assessmentId = a.id;
});

const at = (iso: string) => new Date(iso);

async function attempt(userId: string, no: number, when: string, levels: Record<string, number>) {
  const [row] = await database.db
    .insert(assessmentAttempts)
    .values({
      assessmentId,
      userId,
      attemptNo: no,
      status: 'submitted',
      seed: no,
      questionCount: 1,
      startedAt: at(when),
      deadlineAt: at(when),
      submittedAt: at(when),
    })
    .returning();
  await database.db
    .insert(assessmentSkillResults)
    .values(
      Object.entries(levels).map(([code, level]) => ({ attemptId: row.id, userId, frameworkId, skillAreaCode: code, level, at: at(when) })),
    );
  return row.id;
}

async function selfAssess(userId: string, when: string, levels: Record<string, number>) {
  const [row] = await database.db
    .insert(selfAssessments)
    .values({ userId, frameworkId, ratings: {}, submittedAt: at(when) })
    .returning();
  await database.db
    .insert(selfAssessmentLevels)
    .values(
      Object.entries(levels).map(([code, level]) => ({ selfAssessmentId: row.id, userId, skillAreaCode: code, level, at: at(when) })),
    );
  return row.id;
}

describe('assessedLevels (the contract the skill profile reads)', () => {
  it('gives the best tested level per skill area (latest attempt on ties) and the latest self-assessed level', async () => {
    const u = await buildUser(database);
    const other = await buildUser(database);
    const nobody = await buildUser(database);
    const first = await attempt(u.id, 1, '2026-03-01T03:00:00Z', { DL: 2, DG: 1 });
    const second = await attempt(u.id, 2, '2026-04-01T03:00:00Z', { DL: 1, DG: 1 });
    const third = await attempt(u.id, 3, '2026-05-01T03:00:00Z', { DL: 2 });
    await attempt(other.id, 1, '2026-03-01T03:00:00Z', { DL: 3 });
    await selfAssess(u.id, '2026-02-01T03:00:00Z', { DL: 3, DG: 2 });
    await selfAssess(u.id, '2026-06-01T03:00:00Z', { DL: 1 });

    const map = await assessedLevels(database.db, [u.id, nobody.id, u.id]);
    expect([...map.keys()].sort()).toEqual([u.id, nobody.id].sort());
    const mine = map.get(u.id);
    // DL: level 2 reached twice: the later attempt (third) wins; DG: level 1 twice, the later is the second.
    expect(mine?.tested).toEqual({
      DL: { level: 2, at: at('2026-05-01T03:00:00Z'), attemptId: third },
      DG: { level: 1, at: at('2026-04-01T03:00:00Z'), attemptId: second },
    });
    expect(mine?.tested.DL.attemptId).not.toBe(first);
    // Self: the latest self-assessment per area, even if it is lower.
    expect(mine?.selfAssessed).toEqual({
      DL: { level: 1, at: at('2026-06-01T03:00:00Z') },
      DG: { level: 2, at: at('2026-02-01T03:00:00Z') },
    });
    expect(map.get(nobody.id)).toEqual({ selfAssessed: {}, tested: {} });
    expect((await assessedLevels(database.db, [])).size).toBe(0);

    const history = await assessedLevelsHistory(database.db, u.id);
    expect(history.map((p) => `${p.at.toISOString().slice(0, 10)} ${p.source} ${p.skillAreaCode}=${p.level}`)).toEqual([
      '2026-02-01 self DG=2',
      '2026-02-01 self DL=3',
      '2026-03-01 tested DG=1',
      '2026-03-01 tested DL=2',
      '2026-04-01 tested DG=1',
      '2026-04-01 tested DL=1',
      '2026-05-01 tested DL=2',
      '2026-06-01 self DL=1',
    ]);
    expect(history.find((p) => p.source === 'tested')?.refId).toBe(first);
  });
});
