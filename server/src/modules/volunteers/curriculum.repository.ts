import { asc, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { volunteerCurriculumItems } from '../../db/schema/index.js';

export type CurriculumItemRow = typeof volunteerCurriculumItems.$inferSelect;

export async function listItems(db: Db): Promise<CurriculumItemRow[]> {
  return db.select().from(volunteerCurriculumItems).orderBy(asc(volunteerCurriculumItems.position));
}

/** Replaces the curriculum with `items`, in order. */
export async function replaceItems(tx: Db, items: { kind: 'course' | 'article'; id: string }[], addedBy: string) {
  await tx.delete(volunteerCurriculumItems);
  if (items.length === 0) return;
  await tx.insert(volunteerCurriculumItems).values(
    items.map((it, i) => ({
      position: i + 1,
      kind: it.kind,
      courseId: it.kind === 'course' ? it.id : null,
      articleId: it.kind === 'article' ? it.id : null,
      addedBy,
    })),
  );
}

export async function markRead(tx: Db, volunteerId: string, articleId: string) {
  await tx.execute(
    sql`insert into volunteer_article_reads (volunteer_id, article_id) values (${volunteerId}, ${articleId}) on conflict do nothing`,
  );
}

/**
 * When each curriculum item was done by one volunteer: an article when they marked it read, a course by
 * the first learning record `completed` of it for their account.
 */
export async function itemsDoneBy(db: Db, volunteerId: string, userId: string | null): Promise<Map<string, Date>> {
  const rows = await queryRows<{ item_id: string; done_at: Date | string | null }>(
    db,
    sql`select i.id as item_id,
          case when i.kind = 'article'
            then (select r.read_at from volunteer_article_reads r where r.volunteer_id = ${volunteerId} and r.article_id = i.article_id)
            else (select min(l.occurred_at) from learning_records l where l.actor_user_id = ${userId}::uuid and l.verb = 'completed'
                    and l.object_type = 'course' and l.object_id = i.course_id)
          end as done_at
        from volunteer_curriculum_items i`,
  );
  return new Map(rows.filter((r) => r.done_at !== null).map((r) => [r.item_id, new Date(r.done_at as string)]));
}

/** Items done by a volunteer `v` (alias), as a correlated count over the curriculum. */
const DONE_COUNT = sql.raw(`(select count(*) from volunteer_curriculum_items i where
  (i.kind = 'article' and exists (select 1 from volunteer_article_reads r where r.volunteer_id = v.id and r.article_id = i.article_id))
  or (i.kind = 'course' and exists (select 1 from learning_records l where l.actor_user_id = v.user_id and l.verb = 'completed'
      and l.object_type = 'course' and l.object_id = i.course_id)))::int`);

export async function countItems(db: Db): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from volunteer_curriculum_items`);
  return r.n;
}

function areaCondition(area: string | null): SQL {
  if (area === null) return sql`true`;
  return area.length === 2 ? sql`v.province_code = ${area}` : sql`v.district_code = ${area}`;
}

/** Active volunteers of an area and how many have done every item (none when there are no items). */
export async function areaSummary(db: Db, area: string | null, itemsTotal: number) {
  const [r] = await queryRows<{ approved: number; completed: number }>(
    db,
    sql`select count(*)::int as approved, count(*) filter (where ${itemsTotal} > 0 and ${DONE_COUNT} = ${itemsTotal})::int as completed
        from volunteers v where v.status = 'active' and ${areaCondition(area)}`,
  );
  return r;
}

/** One page of an area's active volunteers with the number of items each has done, the least advanced first. */
export async function areaVolunteers(
  db: Db,
  f: { area: string | null; itemsTotal: number; incomplete: boolean; limit: number; offset: number },
) {
  return queryRows<{ id: string; first_name: string; last_name: string; district_code: string; done: number; total: number }>(
    db,
    sql`select s.*, count(*) over ()::int as total from (
          select v.id, v.first_name, v.last_name, v.district_code, ${DONE_COUNT} as done
          from volunteers v where v.status = 'active' and ${areaCondition(f.area)}
        ) s ${f.incomplete ? sql`where s.done < ${f.itemsTotal}` : sql``}
        order by s.done, s.first_name, s.id limit ${f.limit} offset ${f.offset}`,
  );
}
