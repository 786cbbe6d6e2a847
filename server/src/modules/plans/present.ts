import type {
  AgencyPlanSummary,
  AgencyPlanView,
  AttendanceStatus,
  BudgetLine,
  CohortView,
  PlanActivity,
  PlannedCourseView,
  PlanState,
  PlanTarget,
} from '../../../../common/contracts/plans.js';
import { computePlanMix } from '../../../../common/contracts/plans.js';
import type { Actor } from '../../lib/context.js';
import type { EntryRow } from '../catalog/search.repository.js';
import type { CohortBundle } from './cohorts.service.js';
import { cohortDesignCheck } from './cohorts.service.js';
import { canDecidePlan, canEditPlan, canManageCohorts } from './policy.js';
import type { PlanListRow } from './repository.js';
import type { PlanBundle } from './service.js';
import { nextPlanState } from './state-machine.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function presentCourse(e: EntryRow): PlannedCourseView {
  return {
    id: e.course_id,
    titleTh: e.title_th,
    titleEn: e.title_en,
    providerNameTh: e.provider_name_th,
    providerNameEn: e.provider_name_en,
    hours: Number(e.hours),
  };
}

export function presentPlan(b: PlanBundle, actor: Actor | null): AgencyPlanView {
  const p = b.plan;
  const state = p.state as PlanState;
  const budgetLines = p.budgetLines as BudgetLine[];
  const activities = p.activities as PlanActivity[];
  const canEdit = !!actor && canEditPlan(actor, p);
  const canDecide = !!actor && canDecidePlan(actor, p);
  return {
    id: p.id,
    agency: { id: p.agency.id, code: p.agency.code, nameTh: p.agency.nameTh, nameEn: p.agency.nameEn },
    fiscalYear: p.fiscalYear,
    state,
    version: p.version,
    phase: p.phase,
    phases: b.phases,
    objectives: p.objectives as string[],
    targets: (p.targets as PlanTarget[]).map((t, i) => ({ ...t, progress: b.progress[i] })),
    budgetLines,
    budgetTotal: budgetLines.reduce((s, l) => s + l.amountBaht, 0),
    activities,
    mix: computePlanMix(activities),
    plannedCourses: b.courses.map(presentCourse),
    cohorts: b.cohorts.map((c) => ({
      id: c.id,
      title: c.title,
      courseId: c.course_id,
      courseTitleTh: c.course_title_th,
      courseTitleEn: c.course_title_en,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      mode: c.mode,
      capacity: c.capacity,
      enrolled: c.enrolled,
      completed: c.completed,
      state: c.state as 'open' | 'completed',
    })),
    events: b.events.map((e) => ({
      action: e.action as 'submit' | 'approve' | 'return',
      comment: e.comment,
      actorName: e.actorName,
      at: iso(e.at) as string,
    })),
    submittedAt: iso(p.submittedAt),
    decidedAt: iso(p.decidedAt),
    updatedAt: iso(p.updatedAt) as string,
    abilities: {
      edit: canEdit && !!nextPlanState(state, 'edit'),
      submit: canEdit && !!nextPlanState(state, 'submit'),
      approve: canDecide && !!nextPlanState(state, 'approve'),
      return: canDecide && !!nextPlanState(state, 'return'),
      manageCohorts: !!actor && canManageCohorts(actor, p),
    },
  };
}

export function presentPlanSummary(r: PlanListRow): AgencyPlanSummary {
  return {
    id: r.id,
    agency: { id: r.agency_id, code: r.agency_code, nameTh: r.agency_name_th, nameEn: r.agency_name_en },
    fiscalYear: r.fiscal_year,
    state: r.state as PlanState,
    phase: r.phase,
    targetCount: r.target_count,
    budgetTotal: Number(r.budget_total),
    cohortCount: r.cohort_count,
    updatedAt: iso(r.updated_at) as string,
  };
}

export function presentCohort(b: CohortBundle, actor: Actor | null): CohortView {
  const c = b.cohort;
  const marks = new Map<string, (AttendanceStatus | null)[]>();
  for (const a of b.attendance) {
    const row = marks.get(a.personId) ?? Array.from({ length: c.sessionCount }, () => null);
    if (a.session <= c.sessionCount) row[a.session - 1] = a.status as AttendanceStatus;
    marks.set(a.personId, row);
  }
  return {
    id: c.id,
    planId: c.planId,
    agency: { id: b.plan.agency.id, code: b.plan.agency.code, nameTh: b.plan.agency.nameTh, nameEn: b.plan.agency.nameEn },
    fiscalYear: b.plan.fiscalYear,
    course: b.course
      ? presentCourse(b.course)
      : { id: c.courseId, titleTh: '', titleEn: '', providerNameTh: '', providerNameEn: '', hours: 0 },
    title: c.title,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    mode: c.mode as CohortView['mode'],
    venue: c.venue,
    meetingUrl: c.meetingUrl,
    capacity: c.capacity,
    sessionCount: c.sessionCount,
    attendanceThreshold: c.attendanceThreshold,
    hours: c.hours as Record<string, number>,
    designCheck: cohortDesignCheck(c),
    state: c.state as 'open' | 'completed',
    completedOn: c.completedOn,
    participants: b.participants.map((p) => {
      const attendance = marks.get(p.person_id) ?? Array.from({ length: c.sessionCount }, () => null);
      return {
        personId: p.person_id,
        nameTh: `${p.title_th}${p.first_name_th} ${p.last_name_th}`,
        nameEn: p.first_name_en ? `${p.first_name_en} ${p.last_name_en ?? ''}`.trim() : null,
        email: p.email,
        targetGroupCode: p.target_group_code,
        attendance,
        present: attendance.filter((s) => s === 'present').length,
        completed: p.completed,
        hasAccount: !!p.user_id,
      };
    }),
    abilities: { manage: !!actor && canManageCohorts(actor, b.plan) && c.state === 'open' },
  };
}
