import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type Db, readTogether } from '../../db/client.js';
import { competencyUnits, frameworks, proficiencyLevels, requiredLevels, skillAreas, targetGroups } from '../../db/schema/index.js';

export type FrameworkRow = typeof frameworks.$inferSelect;
export type SkillAreaRow = typeof skillAreas.$inferSelect;
export type TargetGroupRow = typeof targetGroups.$inferSelect;
export type LevelRow = typeof proficiencyLevels.$inferSelect;
export type UnitRow = typeof competencyUnits.$inferSelect;
export type MatrixRow = typeof requiredLevels.$inferSelect;

export async function listFrameworks(db: Db, opts: { includeDrafts: boolean }) {
  return db
    .select()
    .from(frameworks)
    .where(opts.includeDrafts ? undefined : eq(frameworks.status, 'published'))
    .orderBy(desc(frameworks.isCurrent), desc(frameworks.yearBe), desc(frameworks.createdAt));
}

export async function findFramework(db: Db, id: string): Promise<FrameworkRow | undefined> {
  const [row] = await db.select().from(frameworks).where(eq(frameworks.id, id)).limit(1);
  return row;
}

export async function findCurrentFramework(db: Db): Promise<FrameworkRow | undefined> {
  const [row] = await db.select().from(frameworks).where(eq(frameworks.isCurrent, true)).limit(1);
  return row;
}

/** Locks the framework row for the rest of the transaction, so concurrent edits and publishing serialise. */
export async function lockFramework(db: Db, id: string): Promise<FrameworkRow | undefined> {
  const [row] = await db.select().from(frameworks).where(eq(frameworks.id, id)).for('update').limit(1);
  return row;
}

export async function findFrameworkContent(db: Db, id: string) {
  const [areas, groups, levels, units, matrix] = await readTogether(db, [
    () => db.select().from(skillAreas).where(eq(skillAreas.frameworkId, id)).orderBy(asc(skillAreas.sortOrder), asc(skillAreas.code)),
    () =>
      db.select().from(targetGroups).where(eq(targetGroups.frameworkId, id)).orderBy(asc(targetGroups.sortOrder), asc(targetGroups.code)),
    () => db.select().from(proficiencyLevels).where(eq(proficiencyLevels.frameworkId, id)).orderBy(asc(proficiencyLevels.rank)),
    () => db.select().from(competencyUnits).where(eq(competencyUnits.frameworkId, id)).orderBy(asc(competencyUnits.code)),
    () => db.select().from(requiredLevels).where(eq(requiredLevels.frameworkId, id)),
  ]);
  return { areas, groups, levels, units, matrix };
}

/** The version's status and the names of its skill areas and target groups (what other modules label with). */
export async function findFrameworkLabels(db: Db, id: string) {
  const [[framework], areas, groups] = await readTogether(db, [
    () => db.select({ status: frameworks.status }).from(frameworks).where(eq(frameworks.id, id)).limit(1),
    () =>
      db
        .select({ code: skillAreas.code, nameTh: skillAreas.nameTh, nameEn: skillAreas.nameEn })
        .from(skillAreas)
        .where(eq(skillAreas.frameworkId, id)),
    () =>
      db
        .select({ code: targetGroups.code, nameTh: targetGroups.nameTh, nameEn: targetGroups.nameEn })
        .from(targetGroups)
        .where(eq(targetGroups.frameworkId, id)),
  ]);
  return framework ? { status: framework.status, areas, groups } : undefined;
}

export async function insertFramework(db: Db, row: typeof frameworks.$inferInsert) {
  const [inserted] = await db.insert(frameworks).values(row).returning();
  return inserted;
}

/** Copies every item and matrix cell of one version into another, in five set-based statements. */
export async function copyFrameworkContent(db: Db, fromId: string, toId: string) {
  await db.execute(sql`
    insert into framework_skill_areas (framework_id, code, kind, name_th, name_en, description_th, description_en, is_name_th_official, sort_order, verification, sources)
    select ${toId}, code, kind, name_th, name_en, description_th, description_en, is_name_th_official, sort_order, verification, sources
    from framework_skill_areas where framework_id = ${fromId}`);
  await db.execute(sql`
    insert into framework_target_groups (framework_id, code, name_th, name_th_short, name_en, sort_order, verification, sources)
    select ${toId}, code, name_th, name_th_short, name_en, sort_order, verification, sources
    from framework_target_groups where framework_id = ${fromId}`);
  await db.execute(sql`
    insert into framework_levels (framework_id, rank, name_th, name_en, description_th, description_en, verification)
    select ${toId}, rank, name_th, name_en, description_th, description_en, verification
    from framework_levels where framework_id = ${fromId}`);
  await db.execute(sql`
    insert into framework_units (framework_id, code, title_th, title_en, standard_th, skill_area_code, is_skill_area_inferred, target_group_codes, source_url, reviewed, verification)
    select ${toId}, code, title_th, title_en, standard_th, skill_area_code, is_skill_area_inferred, target_group_codes, source_url, reviewed, verification
    from framework_units where framework_id = ${fromId}`);
  await db.execute(sql`
    insert into framework_required_levels (framework_id, target_group_code, skill_area_code, level_rank, is_sample, confirmed_by, confirmed_at)
    select ${toId}, target_group_code, skill_area_code, level_rank, is_sample, confirmed_by, confirmed_at
    from framework_required_levels where framework_id = ${fromId}`);
}

export async function upsertSkillArea(db: Db, row: typeof skillAreas.$inferInsert) {
  const { frameworkId: _f, code: _c, ...set } = row;
  await db
    .insert(skillAreas)
    .values(row)
    .onConflictDoUpdate({ target: [skillAreas.frameworkId, skillAreas.code], set });
}

export async function upsertTargetGroup(db: Db, row: typeof targetGroups.$inferInsert) {
  const { frameworkId: _f, code: _c, ...set } = row;
  await db
    .insert(targetGroups)
    .values(row)
    .onConflictDoUpdate({ target: [targetGroups.frameworkId, targetGroups.code], set });
}

export async function upsertLevel(db: Db, row: typeof proficiencyLevels.$inferInsert) {
  const { frameworkId: _f, rank: _r, ...set } = row;
  await db
    .insert(proficiencyLevels)
    .values(row)
    .onConflictDoUpdate({ target: [proficiencyLevels.frameworkId, proficiencyLevels.rank], set });
}

export async function upsertUnit(db: Db, row: typeof competencyUnits.$inferInsert) {
  const { frameworkId: _f, code: _c, ...set } = row;
  await db
    .insert(competencyUnits)
    .values(row)
    .onConflictDoUpdate({ target: [competencyUnits.frameworkId, competencyUnits.code], set });
}

export async function upsertMatrixCell(db: Db, row: typeof requiredLevels.$inferInsert) {
  const { frameworkId: _f, targetGroupCode: _t, skillAreaCode: _s, ...set } = row;
  await db
    .insert(requiredLevels)
    .values(row)
    .onConflictDoUpdate({ target: [requiredLevels.frameworkId, requiredLevels.targetGroupCode, requiredLevels.skillAreaCode], set });
}

export async function deleteItem(db: Db, frameworkId: string, kind: 'skill_area' | 'target_group' | 'level' | 'unit', code: string) {
  switch (kind) {
    case 'skill_area':
      await db.delete(requiredLevels).where(and(eq(requiredLevels.frameworkId, frameworkId), eq(requiredLevels.skillAreaCode, code)));
      await db.delete(skillAreas).where(and(eq(skillAreas.frameworkId, frameworkId), eq(skillAreas.code, code)));
      return;
    case 'target_group':
      await db.delete(requiredLevels).where(and(eq(requiredLevels.frameworkId, frameworkId), eq(requiredLevels.targetGroupCode, code)));
      await db.delete(targetGroups).where(and(eq(targetGroups.frameworkId, frameworkId), eq(targetGroups.code, code)));
      return;
    case 'level':
      await db
        .update(requiredLevels)
        .set({ levelRank: null, isSample: true, confirmedAt: null, confirmedBy: null })
        .where(and(eq(requiredLevels.frameworkId, frameworkId), eq(requiredLevels.levelRank, Number(code))));
      await db
        .delete(proficiencyLevels)
        .where(and(eq(proficiencyLevels.frameworkId, frameworkId), eq(proficiencyLevels.rank, Number(code))));
      return;
    case 'unit':
      await db.delete(competencyUnits).where(and(eq(competencyUnits.frameworkId, frameworkId), eq(competencyUnits.code, code)));
  }
}

export async function markPublished(db: Db, id: string, actorId: string, makeCurrent: boolean) {
  if (makeCurrent) await db.update(frameworks).set({ isCurrent: false }).where(eq(frameworks.isCurrent, true));
  await db
    .update(frameworks)
    .set({ status: 'published', publishedAt: sql`now()`, publishedBy: actorId, isCurrent: makeCurrent })
    .where(eq(frameworks.id, id));
}
