import type { Db } from '../../db/client.js';
import * as levels from './levels.repository.js';
import * as repo from './repository.js';

/**
 * The assessment module's public face for other modules (development: skill profile, gap, plans;
 * credentials). Other modules call only what this file exports.
 */

export interface AssessedLevels {
  /** Skill area code → the level of the latest self-assessment. */
  selfAssessed: Record<string, { level: number; at: Date }>;
  /** Skill area code → the best level reached in a submitted attempt (the latest attempt on ties). */
  tested: Record<string, { level: number; at: Date; attemptId: string }>;
}

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/**
 * Self-assessed and tested levels of each user, by skill area code. Every user asked for is in the map
 * (with empty records when they have neither). Level 0 means the person took a test or a self-assessment
 * in the area and reached no level. No authorization: the caller's service has already decided the caller
 * may see these people.
 */
export async function assessedLevels(db: Db, userIds: string[]): Promise<Map<string, AssessedLevels>> {
  const out = new Map<string, AssessedLevels>();
  const ids = [...new Set(userIds)];
  for (const id of ids) out.set(id, { selfAssessed: {}, tested: {} });
  if (ids.length === 0) return out;
  const [tested, self] = await Promise.all([levels.bestTestedLevels(db, ids), levels.latestSelfLevels(db, ids)]);
  for (const r of tested) {
    const entry = out.get(r.user_id);
    if (entry) entry.tested[r.skill_area_code] = { level: Number(r.level), at: asDate(r.at), attemptId: r.attempt_id as string };
  }
  for (const r of self) {
    const entry = out.get(r.user_id);
    if (entry) entry.selfAssessed[r.skill_area_code] = { level: Number(r.level), at: asDate(r.at) };
  }
  return out;
}

export interface LevelPoint {
  skillAreaCode: string;
  source: 'self' | 'tested';
  level: number;
  at: Date;
  /** The self-assessment or the attempt the point comes from. */
  refId: string;
}

/** Every dated level of one user, oldest first, for the profile's history over time (self-assessed and tested apart). */
export async function assessedLevelsHistory(db: Db, userId: string): Promise<LevelPoint[]> {
  const rows = await levels.levelHistory(db, userId);
  return rows.map((r) => ({
    skillAreaCode: r.skill_area_code,
    source: r.source,
    level: Number(r.level),
    at: asDate(r.at),
    refId: r.ref_id,
  }));
}

/**
 * A new framework version drafted from another starts with its self-assessment statements, as it starts with
 * its skill areas and matrix; editors then change what the new version changes.
 */
export async function carryStatementsForward(db: Db, fromFrameworkId: string, toFrameworkId: string): Promise<void> {
  await repo.copyStatements(db, fromFrameworkId, toFrameworkId);
}
