import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';

export interface LevelRow {
  user_id: string;
  skill_area_code: string;
  level: number;
  at: Date | string;
  attempt_id?: string;
}

/** Per user and skill area, the best level reached in a submitted attempt (the latest attempt on ties). */
export function bestTestedLevels(db: Db, userIds: string[]): Promise<LevelRow[]> {
  return queryRows<LevelRow>(
    db,
    sql`select distinct on (user_id, skill_area_code) user_id, skill_area_code, level, at, attempt_id
        from assessment_skill_results
        where user_id = any(${sql.param(userIds)}::uuid[])
        order by user_id, skill_area_code, level desc, at desc`,
  );
}

/** Per user and skill area, the level of the latest self-assessment. */
export function latestSelfLevels(db: Db, userIds: string[]): Promise<LevelRow[]> {
  return queryRows<LevelRow>(
    db,
    sql`select distinct on (user_id, skill_area_code) user_id, skill_area_code, level, at
        from self_assessment_levels
        where user_id = any(${sql.param(userIds)}::uuid[])
        order by user_id, skill_area_code, at desc`,
  );
}

export interface HistoryRow {
  source: 'self' | 'tested';
  skill_area_code: string;
  level: number;
  at: Date | string;
  ref_id: string;
}

/** Every dated level of one user, oldest first: self-assessments and submitted attempts. */
export function levelHistory(db: Db, userId: string): Promise<HistoryRow[]> {
  return queryRows<HistoryRow>(
    db,
    sql`select 'self' as source, skill_area_code, level, at, self_assessment_id as ref_id
          from self_assessment_levels where user_id = ${userId}
        union all
        select 'tested', skill_area_code, level, at, attempt_id
          from assessment_skill_results where user_id = ${userId}
        order by at, source, skill_area_code`,
  );
}
