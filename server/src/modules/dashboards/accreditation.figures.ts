import type { DashboardView } from '../../../../common/contracts/dashboards.js';
import type { Db } from '../../db/client.js';
import { findDashboardFigures } from '../accreditation/dashboard.repository.js';
import { fiscalYearRange } from '../accreditation/fiscal-year.js';
import { stageMedians } from '../accreditation/stage-durations.js';
import { getSetting } from '../settings/service.js';
import { catalogueCells } from './repository.js';

/**
 * Accreditation is national (courses and providers belong to no agency): the pipeline by state, accredited
 * this fiscal year against the target setting, median days per stage, reviewer load, and the catalogue of
 * accredited courses by skill area × target group with every cell of the matrix (gaps included).
 */
export async function accreditationFigures(
  db: Db,
  fy: number,
  matrix: { areas: { code: string }[]; groups: { code: string }[] },
  group: string | null,
): Promise<DashboardView['accreditation']> {
  const [figures, medianDays, yearlyTarget, gapBelow, cells] = await Promise.all([
    findDashboardFigures(db, fiscalYearRange(fy)),
    stageMedians(db, fy),
    getSetting(db, 'accreditation.yearlyTarget'),
    getSetting(db, 'dashboards.catalogueGapBelow'),
    catalogueCells(db),
  ]);
  const count = new Map(cells.map((c) => [`${c.skill_area_code}:${c.target_group_code}`, c.courses]));
  const groups = group ? [group] : matrix.groups.map((g) => g.code);
  return {
    pipeline: figures.pipeline,
    accreditedThisYear: figures.accredited,
    yearlyTarget,
    medianDays,
    reviewerLoad: figures.reviewerLoad.map((r) => ({ name: r.name, open: r.open, maxConcurrent: r.maxConcurrent, overdue: r.overdue })),
    catalogue: matrix.areas.flatMap((a) =>
      groups.map((g) => ({ skillAreaCode: a.code, targetGroupCode: g, courses: count.get(`${a.code}:${g}`) ?? 0 })),
    ),
    gapBelow,
  };
}
