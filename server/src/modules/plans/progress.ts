import type { PlanTarget, TargetProgress } from '../../../../common/contracts/plans.js';
import type { Db } from '../../db/client.js';
import { fiscalYearRange } from '../accreditation/fiscal-year.js';
import { countPersonsFromRollup } from '../people/persons.repository.js';
import { learningStats } from './repository.js';

/** Metrics measured from records that exist today; the others wait for the assessment module. */
const MEASURED = new Set(['hours_per_person', 'people_trained']);

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Progress of each target, computed from records, never typed in: the population is the target group's
 * active personnel in the agency's subtree (from the people roll-up); people trained and hours come from
 * completions in learning records (cohort completions included) within the plan's fiscal year. Metrics
 * that need assessments say `not_measured` rather than show a number nobody measured.
 */
export async function computeProgress(
  db: Db,
  plan: { fiscalYear: number; targets: unknown; agency: { treeKey: string } },
): Promise<TargetProgress[]> {
  const targets = plan.targets as PlanTarget[];
  const measured = targets.filter((t) => MEASURED.has(t.metric));
  const groups = [...new Set(measured.map((t) => t.targetGroupCode))];
  const populations = new Map(
    await Promise.all(
      groups.map(
        async (g) => [g, await countPersonsFromRollup(db, { scopeKey: plan.agency.treeKey, targetGroup: g, status: 'active' })] as const,
      ),
    ),
  );
  const pairs = [
    ...new Map(
      measured.map((t) => [`${t.targetGroupCode}:${t.skillAreaCode}`, { group: t.targetGroupCode, area: t.skillAreaCode }]),
    ).values(),
  ];
  const { start, end } = fiscalYearRange(plan.fiscalYear);
  const stats = await learningStats(db, { agencyKey: plan.agency.treeKey, from: start, to: end }, pairs);
  const byPair = new Map(stats.map((s) => [`${s.target_group_code}:${s.skill_area_code}`, s]));
  return targets.map((t) => {
    if (!MEASURED.has(t.metric)) return { status: 'not_measured', actual: null, population: null, achievedPct: null };
    const population = populations.get(t.targetGroupCode) ?? 0;
    const s = byPair.get(`${t.targetGroupCode}:${t.skillAreaCode}`);
    const actual = t.metric === 'people_trained' ? (s?.people ?? 0) : population > 0 ? round1((s?.hours ?? 0) / population) : 0;
    const achievedPct = t.value > 0 ? Math.min(100, Math.round((actual / t.value) * 100)) : null;
    return { status: 'measured', actual, population, achievedPct };
  });
}
