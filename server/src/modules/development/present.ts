import {
  DEVELOPMENT_ACTIVITY_TYPES,
  DEVELOPMENT_MIX_TARGET,
  type DevelopmentActivityType,
  type DevelopmentPlanState,
  type DevelopmentPlanView,
  type LearningRecordView,
  type MixValues,
  type SupervisorQueueView,
} from '../../../../common/contracts/development.js';
import type { Actor } from '../../lib/context.js';
import type { DevelopmentPlanBundle, getSupervisorQueue } from './plans.service.js';
import { canAttestActivity, canDecideDevelopmentPlan, canWriteOwnPlan } from './policy.js';
import type { RecordListRow } from './repository.js';
import { nextDevelopmentPlanState } from './state-machine.js';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const zero = (): MixValues => ({ on_the_job: 0, coaching: 0, formal: 0 });

/** Shares of hours in percent (one decimal), or null without hours. */
export function mixShares(hours: MixValues): MixValues | null {
  const total = DEVELOPMENT_ACTIVITY_TYPES.reduce((s, k) => s + hours[k], 0);
  if (total <= 0) return null;
  const pct = (n: number) => Math.round((n / total) * 1000) / 10;
  return { on_the_job: pct(hours.on_the_job), coaching: pct(hours.coaching), formal: pct(hours.formal) };
}

export function presentDevelopmentPlan(b: DevelopmentPlanBundle, actor: Actor): DevelopmentPlanView {
  const p = b.plan;
  const state = p.state as DevelopmentPlanState;
  const planned = zero();
  const actual = zero();
  const filesByActivity = new Map(b.files.map((f) => [f.activityId, f]));
  const activities = b.activities.map((a) => {
    const type = a.type as DevelopmentActivityType;
    const doneAt = b.states.get(a.id) ?? null;
    const hours = Number(a.plannedHours);
    planned[type] += hours;
    if (doneAt) actual[type] += hours;
    const course = a.courseId ? b.courses.get(a.courseId) : undefined;
    const file = filesByActivity.get(a.id);
    return {
      id: a.id,
      position: a.position,
      type,
      title: a.title,
      description: a.description,
      skillAreaCode: a.skillAreaCode,
      targetLevel: a.targetLevel,
      course: course
        ? {
            id: course.course_id,
            titleTh: course.title_th,
            titleEn: course.title_en,
            providerNameTh: course.provider_name_th,
            providerNameEn: course.provider_name_en,
            hours: Number(course.hours),
            nextRunOn: course.next_run_on,
          }
        : null,
      runId: a.runId,
      plannedHours: hours,
      dueOn: a.dueOn,
      coach: a.coach,
      state: doneAt ? ('completed' as const) : ('planned' as const),
      completedAt: iso(doneAt),
      evidence: doneAt
        ? type === 'formal'
          ? { kind: 'learning_record' as const, note: null, by: null, file: null }
          : {
              kind: 'attestation' as const,
              note: a.attestationNote,
              by: a.attestedBy ? (b.names.get(a.attestedBy) ?? null) : null,
              file: file ? { id: file.id, name: file.fileName, contentType: file.contentType, byteSize: file.byteSize } : null,
            }
        : null,
      abilities: { attest: type !== 'formal' && !doneAt && state === 'approved' && canAttestActivity(actor, b.subject) },
    };
  });
  const done = activities.filter((a) => a.state === 'completed').length;
  const canEdit = canWriteOwnPlan(actor, b.subject);
  const canDecide = canDecideDevelopmentPlan(actor, b.subject);
  const person = b.person;
  return {
    id: p.id,
    person: {
      id: person.id,
      nameTh: `${person.title_th}${person.first_name_th} ${person.last_name_th}`,
      nameEn: person.first_name_en ? `${person.first_name_en} ${person.last_name_en ?? ''}`.trim() : null,
      targetGroupCode: p.targetGroupCode,
    },
    fiscalYear: p.fiscalYear,
    state,
    version: p.version,
    goal: p.goal,
    activities,
    suggestions: b.suggestions.map((s) => ({ ...s, courses: s.courses.map(({ runId: _r, ...c }) => c) })),
    mix: {
      plannedHours: planned,
      actualHours: actual,
      planned: mixShares(planned),
      actual: mixShares(actual),
      target: DEVELOPMENT_MIX_TARGET,
    },
    progress: { done, total: activities.length, pct: activities.length ? Math.round((done / activities.length) * 100) : 0 },
    events: b.events.map((e) => ({ action: e.action, comment: e.comment, actorName: e.actorName, at: iso(e.at) as string })),
    submittedAt: iso(p.submittedAt),
    decidedAt: iso(p.decidedAt),
    completedAt: iso(p.completedAt),
    updatedAt: iso(p.updatedAt) as string,
    abilities: {
      edit: canEdit && !!nextDevelopmentPlanState(state, 'edit'),
      submit: canEdit && !!nextDevelopmentPlanState(state, 'submit'),
      approve: canDecide && !!nextDevelopmentPlanState(state, 'approve'),
      return: canDecide && !!nextDevelopmentPlanState(state, 'return'),
    },
  };
}

type Queue = Awaited<ReturnType<typeof getSupervisorQueue>>;

const nameTh = (r: { title_th: string; first_name_th: string; last_name_th: string }) =>
  `${r.title_th}${r.first_name_th} ${r.last_name_th}`;
const nameEn = (r: { first_name_en: string | null; last_name_en: string | null }) =>
  r.first_name_en ? `${r.first_name_en} ${r.last_name_en ?? ''}`.trim() : null;

export function presentQueue(q: Queue): SupervisorQueueView {
  return {
    plans: q.plans.map((p) => ({
      id: p.id,
      personNameTh: nameTh(p),
      personNameEn: nameEn(p),
      fiscalYear: p.fiscal_year,
      state: p.state as DevelopmentPlanState,
      submittedAt: iso(p.submitted_at),
      activities: p.activities,
    })),
    activities: q.activities.map((a) => ({
      id: a.id,
      planId: a.plan_id,
      personNameTh: nameTh(a),
      personNameEn: nameEn(a),
      type: a.type as DevelopmentActivityType,
      title: a.title,
      skillAreaCode: a.skill_area_code,
      targetLevel: a.target_level,
      plannedHours: Number(a.planned_hours),
      dueOn: a.due_on,
    })),
    reports: q.reports.map((r) => ({ personId: r.id, nameTh: nameTh(r), nameEn: nameEn(r), targetGroupCode: r.target_group_code })),
  };
}

export function presentRecord(r: RecordListRow): LearningRecordView {
  return {
    id: r.id,
    verb: r.verb,
    objectType: r.object_type,
    objectId: r.object_id,
    titleTh: r.title_th ?? r.object_type,
    titleEn: r.title_en ?? r.object_type,
    authority: r.authority,
    authorityNameTh: r.authority_name_th,
    authorityNameEn: r.authority_name_en,
    result: r.result,
    occurredAt: iso(r.occurred_at) as string,
    certificateNumber: r.certificate_number,
  };
}
