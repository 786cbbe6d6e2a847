import type { DashboardView } from '../../../../common/contracts/dashboards.js';
import type { Suppressor } from './privacy.js';
import type { Facts } from './repository.js';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** IDPs, learners, completions, hours and the actual 70:20:10 mix of the scope (plans and cohorts are added by the service). */
export function developmentFigures(total: Facts, s: Suppressor): Omit<DashboardView['development'], 'cohorts' | 'plans'> {
  const learners = s.count(total.learners);
  const hidden = learners === null;
  const hours = { formal: total.hours_formal, on_the_job: total.hours_on_the_job, coaching: total.hours_coaching };
  const sum = hours.formal + hours.on_the_job + hours.coaching;
  const pct = (n: number) => round1((n / sum) * 100);
  return {
    idps: { all: s.count(total.idps), approved: s.count(total.idps_approved), completed: s.count(total.idps_completed) },
    learners,
    completions: hidden ? null : total.completions,
    hours: hidden
      ? { formal: null, on_the_job: null, coaching: null }
      : { formal: round1(hours.formal), on_the_job: round1(hours.on_the_job), coaching: round1(hours.coaching) },
    hoursPerPerson: hidden || total.personnel === 0 || s.count(total.personnel) === null ? null : round1(sum / total.personnel),
    mix: hidden || sum <= 0 ? null : { on_the_job: pct(hours.on_the_job), coaching: pct(hours.coaching), formal: pct(hours.formal) },
  };
}
