import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import {
  activityRollup,
  files,
  placeDistricts,
  placeProvinces,
  placeSubdistricts,
  roleGrants,
  users,
  villages,
  volunteerActivities,
  volunteers,
} from '../../db/schema/index.js';
import { SharedReads } from '../../lib/shared-read.js';

export type VolunteerRow = typeof volunteers.$inferSelect;
export type VillageRow = typeof villages.$inferSelect;
export type ActivityRow = typeof volunteerActivities.$inferSelect;

// ---------------------------------------------------------------- places

export function listProvinces(db: Db) {
  return db.select().from(placeProvinces).orderBy(asc(placeProvinces.code));
}

export function listDistricts(db: Db, provinceCode: string) {
  return db.select().from(placeDistricts).where(eq(placeDistricts.provinceCode, provinceCode)).orderBy(asc(placeDistricts.code));
}

export function listSubdistricts(db: Db, districtCode: string) {
  return db.select().from(placeSubdistricts).where(eq(placeSubdistricts.districtCode, districtCode)).orderBy(asc(placeSubdistricts.code));
}

export async function findSubdistrict(db: Db, code: string) {
  const [row] = await db.select().from(placeSubdistricts).where(eq(placeSubdistricts.code, code));
  return row;
}

export async function findProvince(db: Db, code: string) {
  const [row] = await db.select().from(placeProvinces).where(eq(placeProvinces.code, code));
  return row;
}

export async function findDistrict(db: Db, code: string) {
  const [row] = await db.select().from(placeDistricts).where(eq(placeDistricts.code, code));
  return row;
}

export function listVillages(db: Db, subdistrictCode: string) {
  return db.select().from(villages).where(eq(villages.subdistrictCode, subdistrictCode)).orderBy(asc(villages.moo));
}

export async function findVillage(db: Db, id: string) {
  const [row] = await db.select().from(villages).where(eq(villages.id, id));
  return row;
}

export async function insertVillage(db: Db, row: typeof villages.$inferInsert) {
  const [inserted] = await db.insert(villages).values(row).returning();
  return inserted;
}

export interface PlaceNames {
  village: { id: string; moo: number; nameTh: string };
  subdistrict: { code: string; nameTh: string; nameEn: string };
  district: { code: string; nameTh: string; nameEn: string };
  province: { code: string; nameTh: string; nameEn: string };
}

/** Names of the villages' places, by village id (one query). */
export async function placeNamesOf(db: Db, villageIds: string[]): Promise<Map<string, PlaceNames>> {
  if (villageIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: villages.id,
      moo: villages.moo,
      villageName: villages.nameTh,
      sCode: placeSubdistricts.code,
      sTh: placeSubdistricts.nameTh,
      sEn: placeSubdistricts.nameEn,
      dCode: placeDistricts.code,
      dTh: placeDistricts.nameTh,
      dEn: placeDistricts.nameEn,
      pCode: placeProvinces.code,
      pTh: placeProvinces.nameTh,
      pEn: placeProvinces.nameEn,
    })
    .from(villages)
    .innerJoin(placeSubdistricts, eq(placeSubdistricts.code, villages.subdistrictCode))
    .innerJoin(placeDistricts, eq(placeDistricts.code, villages.districtCode))
    .innerJoin(placeProvinces, eq(placeProvinces.code, villages.provinceCode))
    .where(inArray(villages.id, [...new Set(villageIds)]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        village: { id: r.id, moo: r.moo, nameTh: r.villageName },
        subdistrict: { code: r.sCode, nameTh: r.sTh, nameEn: r.sEn },
        district: { code: r.dCode, nameTh: r.dTh, nameEn: r.dEn },
        province: { code: r.pCode, nameTh: r.pTh, nameEn: r.pEn },
      },
    ]),
  );
}

// ---------------------------------------------------------------- volunteers

export async function insertVolunteer(db: Db, row: typeof volunteers.$inferInsert) {
  const [inserted] = await db.insert(volunteers).values(row).returning();
  return inserted;
}

export async function findVolunteer(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(volunteers).where(eq(volunteers.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findVolunteerByUser(db: Db, userId: string) {
  const [row] = await db.select().from(volunteers).where(eq(volunteers.userId, userId));
  return row;
}

export async function findVolunteerByCitizenHash(db: Db, hash: string) {
  const [row] = await db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.citizenIdHash, hash));
  return row;
}

export async function findVolunteerByCard(db: Db, token: string) {
  const [row] = await db.select().from(volunteers).where(eq(volunteers.cardToken, token));
  return row;
}

export async function updateVolunteer(db: Db, id: string, set: Partial<typeof volunteers.$inferInsert>) {
  const [row] = await db.update(volunteers).set(set).where(eq(volunteers.id, id)).returning();
  return row;
}

export async function findActiveLeader(db: Db, districtCode: string) {
  const [row] = await db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(and(eq(volunteers.districtCode, districtCode), eq(volunteers.level, 'district_leader'), eq(volunteers.status, 'active')));
  return row;
}

/** Volunteers in the given areas (null: everywhere), newest first, with the total. */
export async function listVolunteers(
  db: Db,
  f: { provinces: string[] | null; districts: string[]; status?: string; limit: number; offset: number },
) {
  const where: SQL[] = [];
  if (f.provinces !== null) {
    const scope: SQL[] = [];
    if (f.provinces.length) scope.push(inArray(volunteers.provinceCode, f.provinces));
    if (f.districts.length) scope.push(inArray(volunteers.districtCode, f.districts));
    if (!scope.length) return { rows: [], total: 0 };
    where.push(or(...scope) as SQL);
  }
  if (f.status) where.push(eq(volunteers.status, f.status));
  const cond = where.length ? and(...where) : undefined;
  const rows = await db
    .select()
    .from(volunteers)
    .where(cond)
    .orderBy(f.status === 'pending' ? asc(volunteers.createdAt) : desc(volunteers.createdAt), asc(volunteers.id))
    .limit(f.limit)
    .offset(f.offset);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(volunteers).where(cond);
  return { rows, total: Number(n) };
}

export async function insertUserWithRole(db: Db, u: { email: string; displayName: string; passwordHash: string; grantedBy: string }) {
  const [user] = await db
    .insert(users)
    .values({ email: u.email.toLowerCase(), displayName: u.displayName, passwordHash: u.passwordHash })
    .returning({ id: users.id });
  await db.insert(roleGrants).values({ userId: user.id, role: 'volunteer', scopeType: 'self', scopeId: '', grantedBy: u.grantedBy });
  return user;
}

export async function grantVolunteerRole(db: Db, userId: string, grantedBy: string) {
  await db.insert(roleGrants).values({ userId, role: 'volunteer', scopeType: 'self', scopeId: '', grantedBy }).onConflictDoNothing();
}

export async function hasVolunteerRole(db: Db, userId: string) {
  const [row] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'volunteer')));
  return !!row;
}

// ---------------------------------------------------------------- activities

export async function findActivity(db: Db, id: string) {
  const [row] = await db.select().from(volunteerActivities).where(eq(volunteerActivities.id, id));
  return row;
}

/** Inserts unless the id exists; returns the row inserted, or undefined when it was there already. */
export async function insertActivity(db: Db, row: typeof volunteerActivities.$inferInsert) {
  const [inserted] = await db.insert(volunteerActivities).values(row).onConflictDoNothing({ target: volunteerActivities.id }).returning();
  return inserted;
}

export function listActivities(db: Db, volunteerId: string, limit: number) {
  return db
    .select()
    .from(volunteerActivities)
    .where(eq(volunteerActivities.volunteerId, volunteerId))
    .orderBy(desc(volunteerActivities.activityDate), desc(volunteerActivities.createdAt))
    .limit(limit);
}

export async function activityTotals(db: Db, volunteerId: string) {
  const [row] = await db
    .select({ activities: sql<number>`count(*)::int`, people: sql<number>`coalesce(sum(${volunteerActivities.peopleHelped}), 0)::int` })
    .from(volunteerActivities)
    .where(eq(volunteerActivities.volunteerId, volunteerId));
  return { activities: Number(row.activities), people: Number(row.people) };
}

export async function insertFile(db: Db, row: typeof files.$inferInsert) {
  const [inserted] = await db.insert(files).values(row).returning({ id: files.id });
  return inserted.id;
}

// ---------------------------------------------------------------- coverage

const coverageVersionReads = new SharedReads<number>();

/**
 * Coverage's version, bumped by a trigger whenever what the coverage views are read from changes. Requests asking
 * at once share one read, never one started before they asked (`SharedRead`).
 */
export function coverageVersion(db: Db): Promise<number> {
  return coverageVersionReads.get(db, async () => {
    const [row] = await queryRows<{ version: string }>(db, sql`select version from coverage_version where id = 1`);
    return Number(row?.version ?? 0);
  });
}

/** The nation's code in the activity roll-up (kept by its trigger beside the areas'). */
const NATION_CODE = 'TH';

export interface RollupRow {
  code: string;
  nameTh: string;
  nameEn: string;
  villages: number;
  villagesCovered: number;
  volunteers: number;
  pending: number;
  leaders: number;
  districtsCovered: number;
  districts: number;
}

const ROLLUP_COLUMNS = sql`r.code, r.villages::int, r.villages_covered::int, r.volunteers::int, r.pending::int, r.leaders::int,
  r.districts_covered::int`;

const num = (r: Record<string, unknown>): RollupRow => ({
  code: String(r.code),
  nameTh: String(r.name_th),
  nameEn: String(r.name_en),
  villages: Number(r.villages),
  villagesCovered: Number(r.villages_covered),
  volunteers: Number(r.volunteers),
  pending: Number(r.pending),
  leaders: Number(r.leaders),
  districtsCovered: Number(r.districts_covered),
  districts: Number(r.districts ?? 0),
});

/** The 77 provinces' roll-up rows, with the number of districts in each (counted in one pass). */
export async function provinceRollups(db: Db): Promise<RollupRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${ROLLUP_COLUMNS}, p.name_th, p.name_en, coalesce(d.districts, 0) as districts
        from coverage_rollup r join place_provinces p on p.code = r.code
        left join (select parent_code, count(*)::int as districts from coverage_rollup where level = 'district' group by parent_code) d
          on d.parent_code = r.code
        where r.level = 'province' order by r.code`,
  );
  return rows.map(num);
}

/** Roll-up rows of one area and of its children (districts of a province, subdistricts of a district). */
export async function areaRollups(db: Db, code: string): Promise<{ self: RollupRow | undefined; children: RollupRow[] }> {
  const names = code.length === 2 ? sql`place_districts` : sql`place_subdistricts`;
  const selfNames = code.length === 2 ? sql`place_provinces` : sql`place_districts`;
  const [self] = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${ROLLUP_COLUMNS}, n.name_th, n.name_en,
          (select count(*)::int from coverage_rollup c where c.parent_code = r.code and c.level = 'district') as districts
        from coverage_rollup r join ${selfNames} n on n.code = r.code where r.code = ${code}`,
  );
  const children = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${ROLLUP_COLUMNS}, n.name_th, n.name_en, case when r.level = 'district' then 1 else 0 end as districts
        from coverage_rollup r join ${names} n on n.code = r.code where r.parent_code = ${code} order by r.code`,
  );
  return { self: self ? num(self) : undefined, children: children.map(num) };
}

/** Activities and people per month for areas (null: the nation, whose months are kept as the area 'TH'), since `from`. */
export async function monthlyActivity(db: Db, codes: string[] | null, from: string) {
  const rows = await db
    .select({
      month: activityRollup.month,
      activities: sql<number>`sum(${activityRollup.activities})::int`,
      people: sql<number>`sum(${activityRollup.people})::int`,
    })
    .from(activityRollup)
    .where(and(inArray(activityRollup.code, codes ?? [NATION_CODE]), sql`${activityRollup.month} >= ${from}`))
    .groupBy(activityRollup.month)
    .orderBy(asc(activityRollup.month));
  return rows.map((r) => ({ month: String(r.month), activities: Number(r.activities), people: Number(r.people) }));
}

export function villagesWithoutVolunteer(db: Db, districtCode: string, limit: number) {
  return db
    .select({ id: villages.id, moo: villages.moo, nameTh: villages.nameTh, subdistrictCode: villages.subdistrictCode })
    .from(villages)
    .where(and(eq(villages.districtCode, districtCode), eq(villages.activeVolunteers, 0)))
    .orderBy(asc(villages.subdistrictCode), asc(villages.moo))
    .limit(limit);
}

/** Direct counts, for tests that compare them with the roll-up. */
export async function directCounts(db: Db, code: string) {
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(code)) throw new Error('not an area code');
  const col = code.length === 2 ? 'province_code' : code.length === 4 ? 'district_code' : 'subdistrict_code';
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql.raw(`select
      (select count(*)::int from volunteers where ${col} = '${code}' and status = 'active') as volunteers,
      (select count(*)::int from volunteers where ${col} = '${code}' and status = 'pending') as pending,
      (select count(*)::int from volunteers where ${col} = '${code}' and status = 'active' and level = 'district_leader') as leaders,
      (select count(*)::int from villages where ${col} = '${code}') as villages,
      (select count(*)::int from villages v where ${col} = '${code}'
         and exists (select 1 from volunteers x where x.village_id = v.id and x.status = 'active')) as villages_covered,
      (select count(distinct district_code)::int from volunteers where ${col} = '${code}' and status = 'active') as districts_covered,
      (select count(*)::int from volunteer_activities where ${col} = '${code}') as activities,
      (select coalesce(sum(people_helped), 0)::int from volunteer_activities where ${col} = '${code}') as people`),
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}
