import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { getSetting } from '../settings/service.js';
import { canReadDashboard } from './courses.policy.js';
import { findDashboardFigures } from './dashboard.repository.js';
import { fiscalYearOf, fiscalYearRange } from './fiscal-year.js';
import { stageMedians } from './stage-durations.js';

export { fiscalYearRange };

/**
 * The officer's overview: the pipeline now, overdue work now, and for the fiscal year the accreditations
 * against the target and the median days each stage took (from the audit trail of state changes).
 */
export async function getAccreditationDashboard(ctx: Ctx, q: { fiscalYearBe?: number }) {
  authorize(ctx, canReadDashboard, undefined);
  const fy = q.fiscalYearBe ?? fiscalYearOf(Date.now());
  const db = ctx.db;
  const [figures, medianDays, yearlyTarget, screeningDays, reviewDays] = await Promise.all([
    findDashboardFigures(db, fiscalYearRange(fy)),
    stageMedians(db, fy),
    getSetting(db, 'accreditation.yearlyTarget'),
    getSetting(db, 'accreditation.screeningDays'),
    getSetting(db, 'accreditation.reviewDays'),
  ]);
  return {
    fiscalYearBe: fy,
    asOf: new Date().toISOString(),
    pipeline: figures.pipeline,
    overdue: { screening: figures.overdueScreening, reviews: figures.overdueReviews },
    accreditedThisYear: figures.accredited,
    yearlyTarget,
    medianDays,
    reviewerLoad: figures.reviewerLoad,
    serviceLevels: { screeningDays, reviewDays },
  };
}
