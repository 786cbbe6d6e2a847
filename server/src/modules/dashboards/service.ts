import type { DashboardQuery, DashboardView } from '../../../../common/contracts/dashboards.js';
import { AppError } from '../../../../common/errors.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { cacheIn, type ResultCache } from '../../lib/result-cache.js';
import { fiscalYearOf } from '../accreditation/fiscal-year.js';
import { findAgenciesByIds, findAgency } from '../people/agencies.repository.js';
import { getAgencyPlan } from '../plans/service.js';
import { getSetting } from '../settings/service.js';
import { developmentFigures } from './development.figures.js';
import { nationalParts } from './national.js';
import { addFacts, monitoringRows, peopleSection } from './people.figures.js';
import { canListPeople, canReadDashboard, defaultScopeId, depthOf, readsNation, viewerDepth } from './policy.js';
import { suppressor } from './privacy.js';
import { YEARS_KEPT } from './refresh.js';
import * as repo from './repository.js';

/** Rows of the monitoring table at most (a department rarely has more units than this). */
const MAX_CHILDREN = 1000;

/** The scope a request asks for, checked: the nation (null) or an agency the reader may look at. */
export async function resolveScope(ctx: Ctx, agencyId: string | undefined) {
  const actor = requireActor(ctx);
  const id = agencyId ?? defaultScopeId(actor);
  const agency = id ? await findAgency(ctx.db, id) : null;
  if (id && !agency) throw AppError.notFound('agency');
  authorize(ctx, canReadDashboard, agency ?? null);
  return agency ?? null;
}

/**
 * The executive dashboard of a scope for one fiscal year and, optionally, one target group (decision 014).
 * People figures come from the subtree roll-ups (a few rows whatever the scope), never from personnel or
 * learning records; counts of people below the reader's own agency level are suppressed when small.
 */
export async function getDashboard(ctx: Ctx, q: DashboardQuery): Promise<DashboardView> {
  const actor = requireActor(ctx);
  const db = ctx.db;
  const current = fiscalYearOf(Date.now());
  const fiscalYears = Array.from({ length: YEARS_KEPT }, (_, i) => current - i);
  const fy = q.fiscalYear ?? current;
  if (!fiscalYears.includes(fy)) {
    throw AppError.invalid([
      { path: 'querystring.fiscalYear', message: `fiscal years ${fiscalYears.at(-1)}–${current} only`, code: 'dashboard.fiscal_year' },
    ]);
  }
  const group = q.targetGroup ?? null;
  const national = nationalParts(db, fy, group);
  // The scope is checked while the small reads every page needs are on their way.
  const [agency, minCellSize, matrix, state, accreditation] = await Promise.all([
    resolveScope(ctx, q.agencyId),
    getSetting(db, 'dashboards.minCellSize'),
    national.matrix,
    repo.refreshState(db),
    national.accreditation,
  ]);
  const { byGroup, levels, children, plansByState, cohorts, ownPlanId, ancestors } = await scopeFigures(ctx, agency, fy, group, state);
  const volunteers = agency ? null : await national.volunteers;
  const scopeSuppressed = depthOf(agency) > viewerDepth(actor, agency);
  const s = suppressor(scopeSuppressed, minCellSize);
  const below = suppressor(true, minCellSize);
  const total = addFacts(byGroup);
  const order = new Map(
    agency?.path
      .split('/')
      .filter(Boolean)
      .map((id, i) => [id, i]) ?? [],
  );
  return {
    scope: {
      agency: agency ? { id: agency.id, code: agency.code, nameTh: agency.nameTh, nameEn: agency.nameEn, kind: agency.kind } : null,
      breadcrumbs: ancestors
        .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
        .map((a) => ({ id: a.id, code: a.code, nameTh: a.nameTh, nameEn: a.nameEn, canOpen: canReadDashboard(actor, a) })),
      canListPeople: agency ? canListPeople(actor, agency) : false,
      canSeeNation: readsNation(actor),
    },
    fiscalYear: fy,
    fiscalYears,
    targetGroup: group,
    asOf: state?.refreshed_at ? new Date(state.refreshed_at).toISOString() : null,
    privacy: { minCellSize, scopeSuppressed },
    people: peopleSection(byGroup, levels, matrix, group, s),
    development: {
      ...developmentFigures(total, s),
      cohorts,
      plans: { byState: plansByState, ownPlan: ownPlanId ? await ownPlanProgress(ctx, ownPlanId) : null },
    },
    accreditation,
    volunteers: volunteers
      ? volunteers.map((v) => ({
          provinceCode: v.province_code,
          nameTh: v.name_th,
          nameEn: v.name_en,
          volunteers: v.volunteers,
          villages: v.villages,
          villagesCovered: v.villages_covered,
        }))
      : null,
    children: monitoringRows(children, below),
  };
}

type Agency = NonNullable<Awaited<ReturnType<typeof findAgency>>>;
type RefreshState = Awaited<ReturnType<typeof repo.refreshState>>;
const scopeCaches = new WeakMap<object, ResultCache<Promise<Awaited<ReturnType<typeof readScope>>>>>();

/**
 * What a dashboard shows of its scope, the same for every reader: roll-up rows, the agencies below, plans and
 * cohorts. Kept under the dashboards' version, which a refresh that recomputed anything moves, as does any
 * change to agencies, plans, cohorts or the framework: readers of the same scope share one read until then, and
 * a refresh that found nothing to do keeps it.
 */
function scopeFigures(ctx: Ctx, agency: Agency | null, fy: number, group: string | null, state: RefreshState | undefined) {
  const cache = cacheIn(scopeCaches, ctx.config, ctx.config.DASHBOARD_CACHE_ENTRIES);
  const key = `${agency?.id ?? 'nation'}|${fy}|${group ?? ''}`;
  const version = state ? Number(state.version) : 0;
  const hit = cache.get(key, version);
  if (hit) return hit;
  const value = readScope(ctx.db, agency, fy, group);
  cache.set(key, version, value);
  // A failed read is not kept.
  value.catch(() => cache.delete(key));
  return value;
}

async function readScope(db: Ctx['db'], agency: Agency | null, fy: number, group: string | null) {
  const scope = agency ? { id: agency.id, treeKey: agency.treeKey } : null;
  const [byGroup, levels, children, plansByState, cohorts, ownPlanId, ancestors] = await Promise.all([
    repo.scopeFactsByGroup(db, scope, fy, group),
    repo.scopeLevels(db, scope, fy, group),
    repo.childRows(db, scope, fy, group, MAX_CHILDREN),
    repo.plansByState(db, scope, fy),
    repo.cohortFigures(db, scope, fy),
    agency ? repo.ownPlanId(db, agency.id, fy) : Promise.resolve(null),
    agency
      ? findAgenciesByIds(
          db,
          agency.path.split('/').filter((x) => x && x !== agency.id),
        )
      : Promise.resolve([]),
  ]);
  return { byGroup, levels, children, plansByState, cohorts, ownPlanId, ancestors };
}

/** The scope agency's own plan with progress per target, through the plans module (which checks the reader may see it). */
async function ownPlanProgress(ctx: Ctx, planId: string) {
  try {
    const { plan, progress } = await getAgencyPlan(ctx, planId);
    const targets = plan.targets as { targetGroupCode: string; skillAreaCode: string; metric: string; value: number }[];
    return {
      id: plan.id,
      state: plan.state,
      targets: targets.map((t, i) => ({
        targetGroupCode: t.targetGroupCode,
        skillAreaCode: t.skillAreaCode,
        metric: t.metric,
        value: t.value,
        actual: progress[i]?.actual ?? null,
        achievedPct: progress[i]?.achievedPct ?? null,
      })),
    };
  } catch (err) {
    // A plan the reader may not open (a monitor and a draft) is left out, not an error of the dashboard.
    if (err instanceof AppError && (err.status === 403 || err.status === 404)) return null;
    throw err;
  }
}
