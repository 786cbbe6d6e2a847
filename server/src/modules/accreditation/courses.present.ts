import type { CheckResult, CourseDraft } from '../../../../common/contracts/accreditation.js';
import type { CourseSummary, CourseView, Outcome } from '../../../../common/contracts/accreditation-courses.js';
import { hasBlockingErrors } from './checks.js';
import type { CourseAccess } from './courses.policy.js';
import type { CourseWithProvider } from './courses.repository.js';
import type { getCourse } from './courses.service.js';
import { diffContent } from './diff.js';
import { allowedEvents, type CourseState } from './state-machine.js';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The service-level due date of the course's current step, if the step has one. */
export function dueDateOf(c: Pick<CourseWithProvider, 'state' | 'screeningDueAt' | 'reviewDueAt'>): Date | null {
  if (c.state === 'submitted' || c.state === 'screening') return c.screeningDueAt;
  if (c.state === 'in_review') return c.reviewDueAt;
  return null;
}

export const isOverdue = (c: Pick<CourseWithProvider, 'state' | 'screeningDueAt' | 'reviewDueAt'>, now = new Date()) => {
  const due = dueDateOf(c);
  return !!due && new Date(due).getTime() < now.getTime();
};

/**
 * What the actor may do next with the course, from the state machine, the actor's relation to it and the
 * last automatic checks (a course with a blocking error cannot be submitted).
 */
export function courseAbilities(state: CourseState, access: CourseAccess, checks: readonly CheckResult[]): CourseView['abilities'] {
  const events = allowedEvents(state);
  const officer = (e: (typeof events)[number]) => access.isOfficer && events.includes(e);
  const editable = access.isProvider && (state === 'draft' || state === 'revision_requested');
  return {
    edit: editable,
    uploadSyllabus: editable,
    submit: access.isProvider && (events.includes('submit') || events.includes('resubmit')) && !hasBlockingErrors(checks),
    screen: officer('send_to_review'),
    decide: officer('accredit'),
    renew: officer('renew'),
    suspend: officer('suspend'),
    reinstate: officer('reinstate'),
    revoke: officer('revoke'),
    viewReviews: access.isOfficer || access.isReviewer,
  };
}

export function presentCourseSummary(c: CourseWithProvider): CourseSummary {
  return {
    id: c.id,
    providerId: c.providerId,
    providerName: c.providerName,
    state: c.state as CourseState,
    version: c.currentVersion,
    titleTh: c.titleTh,
    titleEn: c.titleEn,
    submittedAt: iso(c.submittedAt),
    dueAt: iso(dueDateOf(c)),
    isOverdue: isOverdue(c),
    accreditationNumber: c.accreditationNumber,
  };
}

/** The course view; reviewer identities and confidential comments are never part of it. */
export function presentCourse(d: Awaited<ReturnType<typeof getCourse>>): CourseView {
  const { course: c, version: v, previous } = d;
  const content = v.content as CourseDraft;
  return {
    ...presentCourseSummary(c),
    content,
    checks: v.checks as CheckResult[],
    hasSyllabus: !!v.syllabusFileId,
    responses: (v.responses as Record<string, string> | null) ?? null,
    diff: previous && previous.version !== v.version ? diffContent(previous.content, content) : [],
    diffAgainstVersion: previous?.version ?? null,
    decisions: d.decisions.map((x) => ({
      version: x.version,
      outcome: x.outcome as Outcome,
      reasons: x.reasons,
      requiredChanges: x.requiredChanges as { text: string }[],
      conditions: x.conditions,
      decidedAt: x.decidedAt.toISOString(),
    })),
    reviewComments: d.reviewComments,
    screeningDueAt: iso(c.screeningDueAt),
    reviewDueAt: iso(c.reviewDueAt),
    accreditedAt: iso(c.accreditedAt),
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    conditions: c.conditions,
    abilities: courseAbilities(c.state as CourseState, d.access, v.checks as CheckResult[]),
  };
}
