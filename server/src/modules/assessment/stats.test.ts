import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type Client, clientAs, type TestApp, testApp } from '../../../test/harness.js';
import {
  assessmentAnswers,
  assessmentAttemptQuestions,
  assessmentAttempts,
  assessmentItems,
  assessments,
  frameworks,
} from '../../db/schema/index.js';

/**
 * Item statistics on a response set small enough to compute by hand. Five candidates, four items:
 *
 *            A  B  C  D   total
 *   c1       1  1  1  1   4
 *   c2       1  1  0  1   3
 *   c3       1  0  0  1   2     (B: chose c)
 *   c4       0  1  0  1   2     (A: chose b)
 *   c5       0  0  0  1   1     (A: no answer; B: chose c)
 *
 * A: p = 3/5 = 0.6; item scores (1,1,1,0,0) against the rest of the test (3,2,1,2,1) minus D's constant 1,
 *    i.e. (2,1,0,1,0) → Σdxdy = 0.6, Σdx² = 1.2, Σdy² = 2.8 → r = 0.6 / √3.36 = 0.327.
 * B: p = 0.6, scores (1,1,0,1,0) against (2,1,1,0,0) → r = 0.327.
 * C: p = 0.2, scores (1,0,0,0,0) against (2,2,1,1,0) → Σdxdy = 0.8, Σdx² = 0.8, Σdy² = 2.8 → r = 0.535.
 * D: p = 1.0, no variance → r undefined (null): flagged too easy and not discriminating once n ≥ minN.
 */

let t: TestApp;
let author: Client;
const ids: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };

beforeAll(async () => {
  t = await testApp();
  author = await clientAs(t, 'assessment_author');
  const db = t.database.db;
  const [fw] = await db.select().from(frameworks).where(eq(frameworks.isCurrent, true));
  const options = [
    { id: 'a', textTh: 'ก', textEn: 'A' },
    { id: 'b', textTh: 'ข', textEn: 'B' },
    { id: 'c', textTh: 'ค', textEn: 'C' },
  ];
  for (const name of ['A', 'B', 'C', 'D'] as const) {
    const [row] = await db
      .insert(assessmentItems)
      .values({
        itemId: randomUUID(),
        version: 1,
        status: 'active',
        kind: 'single',
        frameworkId: fw.id,
        skillAreaCode: 'DL',
        level: 1,
        difficulty: 2,
        stemTh: `ข้อ ${name}`,
        options,
        key: ['a'],
      })
      .returning();
    ids[name] = row.id;
  }
  const [a] = await db
    .insert(assessments)
    .values({
      frameworkId: fw.id,
      titleTh: 'สถิติ',
      titleEn: 'Stats',
      status: 'published',
      blueprint: [{ skillAreaCode: 'DL', level: 1, count: 4 }],
      timeLimitMinutes: 10,
      passMarks: { '1': 50 },
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  // Each candidate's responses to A, B, C, D (null: no answer).
  const sheets: (string | null)[][] = [
    ['a', 'a', 'a', 'a'],
    ['a', 'a', 'b', 'a'],
    ['a', 'c', 'b', 'a'],
    ['b', 'a', 'c', 'a'],
    [null, 'c', 'b', 'a'],
  ];
  const names = ['A', 'B', 'C', 'D'] as const;
  for (const sheet of sheets) {
    const user = await buildUser(t.database);
    const total = sheet.filter((r) => r === 'a').length;
    const now = new Date();
    const [attempt] = await db
      .insert(assessmentAttempts)
      .values({
        assessmentId: a.id,
        userId: user.id,
        attemptNo: 1,
        status: 'submitted',
        seed: 1,
        questionCount: 4,
        startedAt: now,
        deadlineAt: now,
        submittedAt: now,
        submittedBy: 'learner',
        scoreRaw: total,
        scoreMax: 4,
        passed: true,
        results: { skillAreas: [], questions: [] },
      })
      .returning();
    await db.insert(assessmentAttemptQuestions).values(
      names.map((n, i) => ({
        attemptId: attempt.id,
        position: i + 1,
        itemVersionId: ids[n],
        kind: 'single',
        optionIds: ['a', 'b', 'c'],
      })),
    );
    const answered = sheet.flatMap((r, i) =>
      r === null ? [] : [{ attemptId: attempt.id, position: i + 1, response: [r], savedAt: now, score: r === 'a' ? 1 : 0 }],
    );
    await db.insert(assessmentAnswers).values(answered);
  }
  // A draft nobody took has no statistics.
  await db.insert(assessmentItems).values({
    itemId: randomUUID(),
    version: 1,
    kind: 'single',
    frameworkId: fw.id,
    skillAreaCode: 'DL',
    level: 1,
    difficulty: 1,
    stemTh: 'ยังไม่มีใครตอบ',
    options,
    key: ['a'],
  });
});

type Row = {
  id: string;
  n: number;
  facility: number;
  discrimination: number | null;
  flags: string[];
  unanswered: number;
  options: { id: string; chosen: number; isKey: boolean }[];
};

describe('item statistics', () => {
  it('gives facility, corrected point-biserial discrimination and option counts with known values', async () => {
    const res = await author.request({ url: '/api/assessment/item-stats?pageSize=100' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    const by = (id: string) => body.items.find((r: Row) => r.id === id) as Row;
    expect(by(ids.A)).toMatchObject({ n: 5, facility: 0.6, discrimination: 0.327, unanswered: 1, flags: [] });
    expect(by(ids.B)).toMatchObject({ n: 5, facility: 0.6, discrimination: 0.327, unanswered: 0 });
    expect(by(ids.C)).toMatchObject({ n: 5, facility: 0.2, discrimination: 0.535 });
    expect(by(ids.D)).toMatchObject({ n: 5, facility: 1, discrimination: null });
    expect(by(ids.A).options).toEqual([
      { id: 'a', textTh: 'ก', chosen: 3, isKey: true },
      { id: 'b', textTh: 'ข', chosen: 1, isKey: false },
      { id: 'c', textTh: 'ค', chosen: 0, isKey: false },
    ]);
    expect(by(ids.B).options.map((o) => o.chosen)).toEqual([3, 0, 2]);
    // Five candidates are too few to flag anything at the default minimum of 30.
    expect(body.items.every((r: Row) => r.flags.length === 0)).toBe(true);
    expect(body.thresholds).toEqual({ minN: 30, minFacility: 0.2, maxFacility: 0.95, minDiscrimination: 0.15 });
  });

  it('flags items that behave badly once enough candidates had them, flagged first', async () => {
    const body = (await author.request({ url: '/api/assessment/item-stats?minN=5&flaggedOnly=true' })).json();
    expect(body.items.map((r: Row) => [r.id, r.flags])).toEqual([[ids.D, ['too_easy', 'low_discrimination']]]);
    const all = (await author.request({ url: '/api/assessment/item-stats?minN=5&pageSize=2' })).json();
    expect(all.total).toBe(4);
    expect(all.items[0].id).toBe(ids.D);
  });

  it('is for assessment authors only', async () => {
    expect((await t.app.inject({ url: '/api/assessment/item-stats' })).statusCode).toBe(401);
    const learner = await clientAs(t, 'learner');
    expect((await learner.request({ url: '/api/assessment/item-stats' })).statusCode).toBe(403);
  });
});
