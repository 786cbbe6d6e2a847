import type {
  CurriculumItemView,
  CurriculumView,
  MyOnboardingView,
  OnboardingProgressQuery,
  OnboardingProgressView,
  SetCurriculumBody,
} from '../../../../common/contracts/curriculum.js';
import { AppError } from '../../../../common/errors.js';
import type { Role } from '../../../../common/permissions.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Actor, type Ctx, requireActor } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import { catalogCourseCards } from '../catalog/service.js';
import { articleSummaries } from '../hub/service.js';
import * as repo from './curriculum.repository.js';
import { coordinatorAreas, readsAllVolunteers } from './policy.js';
import { findVolunteerByUser } from './repository.js';

/**
 * The volunteer curriculum (decision 012): one national, ordered list of catalogue courses and hub articles.
 * ONDE's central office (central monitors) and system admins edit it; everyone may read it. Each volunteer's
 * progress is computed from their reads and learning records, never stored twice.
 */
export const CURRICULUM_EDITORS: readonly Role[] = ['central_monitor', 'system_admin'];
const canEditCurriculum = (a: Actor | null) => !!a && a.grants.some((g) => CURRICULUM_EDITORS.includes(g.role));

async function itemViews(db: Db, rows: repo.CurriculumItemRow[]): Promise<CurriculumItemView[]> {
  const courses = new Map(
    (
      await catalogCourseCards(
        db,
        rows.flatMap((r) => (r.courseId ? [r.courseId] : [])),
      )
    ).map((c) => [c.id, c]),
  );
  const articles = new Map(
    (
      await articleSummaries(
        db,
        rows.flatMap((r) => (r.articleId ? [r.articleId] : [])),
      )
    ).map((a) => [a.id, a]),
  );
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    kind: r.kind as CurriculumItemView['kind'],
    course: r.courseId ? (courses.get(r.courseId) ?? null) : null,
    article: r.articleId ? (articles.get(r.articleId) ?? null) : null,
  }));
}

/** The curriculum, in order, with its courses and articles. */
export async function getCurriculum(ctx: Ctx): Promise<CurriculumView> {
  return { items: await itemViews(ctx.db, await repo.listItems(ctx.db)), abilities: { edit: canEditCurriculum(ctx.actor) } };
}

/** Replaces the curriculum (central monitors, system admins): courses of the public catalogue and published articles. */
export async function setCurriculum(ctx: Ctx, body: SetCurriculumBody): Promise<CurriculumView> {
  const actor = authorize(ctx, canEditCurriculum, undefined);
  await ctx.db.transaction(async (tx) => {
    const courseIds = body.items.filter((i) => i.kind === 'course').map((i) => i.id);
    const articleIds = body.items.filter((i) => i.kind === 'article').map((i) => i.id);
    const courses = new Set((await catalogCourseCards(tx, courseIds)).map((c) => c.id));
    const articles = new Set((await articleSummaries(tx, articleIds)).filter((a) => a.status === 'published').map((a) => a.id));
    const errors = body.items.flatMap((it, i) =>
      (it.kind === 'course' ? courses : articles).has(it.id)
        ? []
        : [
            {
              path: `body.items.${i}.id`,
              message: it.kind === 'course' ? 'not a course of the catalogue' : 'not a published article',
              code: `hub.unknown_${it.kind}`,
            },
          ],
    );
    if (errors.length) throw AppError.invalid(errors);
    const before = (await repo.listItems(tx)).map((r) => `${r.kind}:${r.courseId ?? r.articleId}`);
    await repo.replaceItems(tx, body.items, actor.userId);
    await recordAudit(tx, ctx, {
      action: 'curriculum.updated',
      subjectType: 'volunteer_curriculum',
      subjectId: 'national',
      summary: { before, after: body.items.map((i) => `${i.kind}:${i.id}`) },
    });
  });
  return getCurriculum(ctx);
}

async function onboardingOf(db: Db, v: { id: string; userId: string | null }): Promise<MyOnboardingView> {
  const [items, done] = await Promise.all([itemViews(db, await repo.listItems(db)), repo.itemsDoneBy(db, v.id, v.userId)]);
  const withDone = items.map((it) => {
    const at = done.get(it.id);
    return { ...it, done: !!at, doneAt: at ? at.toISOString() : null };
  });
  const n = withDone.filter((i) => i.done).length;
  return { items: withDone, done: n, total: items.length, complete: items.length > 0 && n === items.length };
}

async function myVolunteer(ctx: Ctx) {
  const actor = requireActor(ctx);
  const v = await findVolunteerByUser(ctx.db, actor.userId);
  if (v?.status !== 'active') throw AppError.notFound('volunteer');
  return v;
}

/** The signed-in volunteer's onboarding: each item and whether it is done. */
export async function getMyOnboarding(ctx: Ctx): Promise<MyOnboardingView> {
  return onboardingOf(ctx.db, await myVolunteer(ctx));
}

/** The volunteer has read a published article (once; again is a no-op); returns their onboarding. */
export async function markArticleRead(ctx: Ctx, articleId: string): Promise<MyOnboardingView> {
  const v = await myVolunteer(ctx);
  const [article] = await articleSummaries(ctx.db, [articleId]);
  if (article?.status !== 'published') throw AppError.notFound('article');
  await repo.markRead(ctx.db, v.id, articleId);
  return onboardingOf(ctx.db, v);
}

/** Whether a volunteer has completed onboarding (the card says so). */
export async function isOnboarded(db: Db, v: { id: string; userId: string | null }): Promise<boolean> {
  return (await onboardingOf(db, v)).complete;
}

/**
 * Onboarding in an area: how many active volunteers completed it, and a page of them with their progress
 * (the least advanced first). Coordinators read their areas; monitors and admins any area or the nation.
 */
export async function getOnboardingProgress(ctx: Ctx, q: OnboardingProgressQuery): Promise<OnboardingProgressView> {
  const actor = requireActor(ctx);
  const all = readsAllVolunteers(actor);
  const areas = coordinatorAreas(actor);
  const area = q.area ?? (all ? null : (areas[0] ?? null));
  if (!all) {
    if (area === null) throw AppError.forbidden('no area to read');
    const reachable = areas.some((a) => a === area || (a.length === 2 && area.startsWith(a)));
    if (!reachable) throw AppError.forbidden('this area is outside your scope');
  }
  const itemsTotal = await repo.countItems(ctx.db);
  const [summary, rows] = await Promise.all([
    repo.areaSummary(ctx.db, area, itemsTotal),
    repo.areaVolunteers(ctx.db, {
      area,
      itemsTotal,
      incomplete: q.incomplete ?? false,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    }),
  ]);
  return {
    area,
    approved: summary.approved,
    completed: summary.completed,
    share: summary.approved ? summary.completed / summary.approved : 0,
    itemsTotal,
    volunteers: rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      districtCode: r.district_code,
      done: r.done,
      complete: itemsTotal > 0 && r.done === itemsTotal,
    })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
