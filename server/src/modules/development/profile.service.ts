import type { SkillProfileView } from '../../../../common/contracts/development.js';
import { AppError } from '../../../../common/errors.js';
import { type Db, readTogether } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { assessedLevels, assessedLevelsHistory } from '../assessment/service.js';
import * as agencyRepo from '../people/agencies.repository.js';
import { combineLevels, courseLevelsFor, type EvidenceItem } from './levels.js';
import { canReadHeatmap, canReadProfile } from './policy.js';
import * as repo from './repository.js';

/** Cells of the heat map with fewer people than this show no share (small groups could be identified). */
export const MIN_CELL = 5;

export async function requireFramework(db: Db) {
  const fw = await repo.currentFramework(db);
  if (!fw) throw AppError.notFound('framework');
  return fw;
}

/** The person, if the caller may read their profile (404 otherwise, so people outside the caller's reach do not reveal themselves). */
export async function loadPersonFor(ctx: Ctx, personId: string, policy = canReadProfile) {
  const actor = requireActor(ctx);
  const [person, actorPersonId] = await readTogether(ctx.db, [
    () => repo.findPerson(ctx.db, personId),
    () => repo.personIdOfUser(ctx.db, actor.userId),
  ]);
  if (!person) throw AppError.notFound('person');
  const subject = { personId: person.id, supervisorId: person.supervisor_id, agencyPath: person.agency_path, actorPersonId };
  if (!policy(actor, subject)) throw AppError.notFound('person');
  return { person, actorPersonId, subject };
}

/** The person the signed-in account is linked to (404 `person` when it is linked to none). */
export async function myPersonId(ctx: Ctx): Promise<string> {
  const actor = requireActor(ctx);
  const id = await repo.personIdOfUser(ctx.db, actor.userId);
  if (!id) throw AppError.notFound('person');
  return id;
}

interface AreaEvidence {
  items: { kind: 'course' | 'activity'; id: string; titleTh: string; titleEn: string; level: number; at: Date }[];
}

/** Evidence per skill area of one user: completed courses by their AREA:LEVEL pairs, attested activities. */
async function evidenceOf(db: Db, userId: string | null, frameworkId: string, areas: string[]): Promise<Map<string, AreaEvidence>> {
  const out = new Map<string, AreaEvidence>(areas.map((a) => [a, { items: [] }]));
  if (!userId) return out;
  const [courses, activities] = await Promise.all([
    repo.courseEvidence(db, [userId], frameworkId),
    repo.activityEvidence(db, [userId], frameworkId),
  ]);
  for (const c of courses) {
    for (const area of areas) {
      const levels = courseLevelsFor(c.skill_levels, area);
      if (levels.length === 0) continue;
      out.get(area)?.items.push({
        kind: 'course',
        id: c.course_id,
        titleTh: c.title_th,
        titleEn: c.title_en,
        level: Math.max(...levels),
        at: new Date(c.occurred_at),
      });
    }
  }
  for (const a of activities) {
    out.get(a.skill_area_code)?.items.push({
      kind: 'activity',
      id: a.id,
      titleTh: a.title,
      titleEn: a.title,
      level: a.target_level,
      at: new Date(a.attested_at),
    });
  }
  return out;
}

const personName = (p: repo.PersonRow) => ({
  nameTh: `${p.title_th}${p.first_name_th} ${p.last_name_th}`,
  nameEn: p.first_name_en ? `${p.title_en ? `${p.title_en} ` : ''}${p.first_name_en} ${p.last_name_en ?? ''}`.trim() : null,
});

/** Everything the profile shows for one person, computed from records (nothing is stored). */
export async function computeProfile(db: Db, person: repo.PersonRow): Promise<Omit<SkillProfileView, 'abilities'>> {
  const fw = await requireFramework(db);
  const areaCodes = fw.areas.map((a) => a.code);
  const required = new Map(fw.required.filter((r) => r.target_group_code === person.target_group_code).map((r) => [r.skill_area_code, r]));
  const [assessed, history, evidence] = await Promise.all([
    person.user_id ? assessedLevels(db, [person.user_id]) : Promise.resolve(new Map()),
    person.user_id ? assessedLevelsHistory(db, person.user_id) : Promise.resolve([]),
    evidenceOf(db, person.user_id, fw.framework.id, areaCodes),
  ]);
  const levels = person.user_id ? assessed.get(person.user_id) : undefined;
  const rows = fw.areas.map((area) => {
    const req = required.get(area.code);
    const requiredLevel = req?.level_rank ?? null;
    const tested = levels?.tested[area.code] ?? null;
    const self = levels?.selfAssessed[area.code] ?? null;
    const items = evidence.get(area.code)?.items ?? [];
    const combined = combineLevels({ required: requiredLevel, tested, evidence: items });
    return {
      skillAreaCode: area.code,
      nameTh: area.name_th,
      nameEn: area.name_en,
      kind: area.kind,
      requiredLevel,
      requiredIsSample: req?.is_sample ?? false,
      selfAssessed: self ? { level: self.level, at: self.at.toISOString() } : null,
      tested: tested ? { level: tested.level, at: tested.at.toISOString(), attemptId: tested.attemptId } : null,
      evidence:
        combined.evidenceLevel !== null && combined.evidenceAt
          ? {
              level: combined.evidenceLevel,
              at: combined.evidenceAt.toISOString(),
              items: items.map((i) => ({ ...i, at: i.at.toISOString() })).sort((a, b) => b.at.localeCompare(a.at)),
            }
          : null,
      currentLevel: combined.current,
      currentSource: combined.source,
      gap: combined.gap,
    };
  });

  // History: every dated level, oldest first, with the area's current level right after it.
  type Point = { at: Date; area: string; source: 'tested' | 'evidence' | 'self'; level: number };
  const points: Point[] = [
    ...history.map((h) => ({ at: h.at, area: h.skillAreaCode, source: h.source, level: h.level })),
    ...[...evidence.entries()].flatMap(([area, e]) =>
      e.items.map((i) => ({ at: i.at, area, source: 'evidence' as const, level: i.level })),
    ),
  ]
    .filter((p) => areaCodes.includes(p.area))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const state = new Map<string, { tested: { level: number; at: Date } | null; evidence: EvidenceItem[] }>();
  const historyView = points.map((p) => {
    const s = state.get(p.area) ?? { tested: null, evidence: [] };
    if (p.source === 'tested' && (!s.tested || p.level >= s.tested.level)) s.tested = { level: p.level, at: p.at };
    if (p.source === 'evidence') s.evidence.push({ level: p.level, at: p.at });
    state.set(p.area, s);
    const c = combineLevels({ required: null, tested: s.tested, evidence: s.evidence });
    return { at: p.at.toISOString(), skillAreaCode: p.area, source: p.source, level: p.level, currentLevel: c.current };
  });

  const group = fw.groups.find((g) => g.code === person.target_group_code);
  const requiredRows = rows.filter((r) => r.requiredLevel !== null);
  return {
    person: {
      id: person.id,
      ...personName(person),
      agencyNameTh: person.agency_name_th,
      agencyNameEn: person.agency_name_en,
      targetGroupCode: person.target_group_code,
      targetGroupNameTh: group?.name_th ?? person.target_group_code,
      targetGroupNameEn: group?.name_en ?? person.target_group_code,
      hasAccount: !!person.user_id,
    },
    framework: {
      id: fw.framework.id,
      code: fw.framework.code,
      titleTh: fw.framework.title_th,
      titleEn: fw.framework.title_en,
      maxLevel: Math.max(1, ...fw.levels.map((l) => l.rank)),
    },
    levels: fw.levels.map((l) => ({ rank: l.rank, nameTh: l.name_th, nameEn: l.name_en })),
    rows,
    history: historyView,
    summary: {
      required: requiredRows.length,
      met: requiredRows.filter((r) => r.gap === 0).length,
      withGap: requiredRows.filter((r) => (r.gap ?? 0) > 0).length,
      notAssessed: requiredRows.filter((r) => r.currentLevel === null).length,
    },
  };
}

/**
 * A person's skill profile: for each skill area of the current framework, the required level of their target
 * group, self-assessed and tested levels, the level shown by evidence, the current level and the gap, and
 * the history. The person, their supervisor, HR of their agency subtree and central monitors may read it.
 */
export async function getSkillProfile(ctx: Ctx, personId: string): Promise<SkillProfileView> {
  const { person, actorPersonId } = await loadPersonFor(ctx, personId);
  const profile = await computeProfile(ctx.db, person);
  return { ...profile, abilities: { draftPlan: actorPersonId === person.id && !!person.user_id } };
}

/** The signed-in person's own profile. */
export async function getMySkillProfile(ctx: Ctx): Promise<SkillProfileView> {
  return getSkillProfile(ctx, await myPersonId(ctx));
}

/**
 * The gap heat map of an agency subtree: for each target group × skill area, the active people of the group
 * and the share below the required level (current level as on the profile). Cells with fewer than 5 people
 * are suppressed. HR and executives of the subtree, central monitors nationally.
 */
export async function getGapHeatmap(ctx: Ctx, agencyId: string) {
  const actor = requireActor(ctx);
  const agency = await agencyRepo.findAgency(ctx.db, agencyId);
  if (!agency) throw AppError.notFound('agency');
  authorize(ctx, canReadHeatmap, agency);
  const fw = await requireFramework(ctx.db);
  const areaCodes = fw.areas.map((a) => a.code);
  const people = await repo.activePeopleInSubtree(ctx.db, agency.treeKey);
  const userIds = people.flatMap((p) => (p.user_id ? [p.user_id] : []));

  // Levels per user and area, in chunks so a ministry-wide map stays within a few queries.
  const current = new Map<string, Map<string, number | null>>();
  for (let i = 0; i < userIds.length; i += 5000) {
    const chunk = userIds.slice(i, i + 5000);
    const [assessed, courses, activities] = await Promise.all([
      assessedLevels(ctx.db, chunk),
      repo.courseEvidence(ctx.db, chunk, fw.framework.id),
      repo.activityEvidence(ctx.db, chunk, fw.framework.id),
    ]);
    const evidence = new Map<string, EvidenceItem[]>();
    const add = (user: string, area: string, level: number, at: Date) => {
      const key = `${user}|${area}`;
      const list = evidence.get(key) ?? [];
      list.push({ level, at });
      evidence.set(key, list);
    };
    for (const c of courses) {
      for (const area of areaCodes) {
        const levels = courseLevelsFor(c.skill_levels, area);
        if (levels.length) add(c.user_id, area, Math.max(...levels), new Date(c.occurred_at));
      }
    }
    for (const a of activities) add(a.user_id, a.skill_area_code, a.target_level, new Date(a.attested_at));
    for (const user of chunk) {
      const levels = new Map<string, number | null>();
      const tested = assessed.get(user)?.tested ?? {};
      for (const area of areaCodes) {
        levels.set(
          area,
          combineLevels({ required: null, tested: tested[area] ?? null, evidence: evidence.get(`${user}|${area}`) ?? [] }).current,
        );
      }
      current.set(user, levels);
    }
  }

  const required = new Map(fw.required.map((r) => [`${r.target_group_code}|${r.skill_area_code}`, r.level_rank]));
  const cells = [];
  const groupCounts = new Map<string, number>();
  for (const p of people) groupCounts.set(p.target_group_code, (groupCounts.get(p.target_group_code) ?? 0) + 1);
  for (const g of fw.groups) {
    const members = people.filter((p) => p.target_group_code === g.code);
    for (const area of areaCodes) {
      const req = required.get(`${g.code}|${area}`) ?? null;
      const suppressed = members.length < MIN_CELL;
      let below: number | null = null;
      if (req !== null && !suppressed) {
        below = members.filter((p) => ((p.user_id ? current.get(p.user_id)?.get(area) : null) ?? 0) < req).length;
      }
      cells.push({
        targetGroupCode: g.code,
        skillAreaCode: area,
        requiredLevel: req,
        people: suppressed ? 0 : members.length,
        below,
        belowPct: below !== null && members.length > 0 ? Math.round((below / members.length) * 1000) / 10 : null,
        suppressed,
      });
    }
  }
  const scopeIds = actor.grants
    .filter((gr) => gr.scopeType === 'agency' && ['agency_admin', 'agency_executive'].includes(gr.role))
    .map((gr) => gr.scopeId);
  const scopeAgencies = await agencyRepo.findAgenciesByIds(ctx.db, [...new Set(scopeIds)]);
  return {
    agency: { id: agency.id, code: agency.code, nameTh: agency.nameTh, nameEn: agency.nameEn },
    targetGroups: fw.groups.map((g) => ({
      code: g.code,
      nameTh: g.name_th,
      nameEn: g.name_en,
      people: (groupCounts.get(g.code) ?? 0) < MIN_CELL ? 0 : (groupCounts.get(g.code) ?? 0),
    })),
    skillAreas: fw.areas.map((a) => ({ code: a.code, nameTh: a.name_th, nameEn: a.name_en })),
    cells,
    minCell: MIN_CELL,
    agencies: scopeAgencies.map((a) => ({ id: a.id, code: a.code, nameTh: a.nameTh, nameEn: a.nameEn })),
  };
}
