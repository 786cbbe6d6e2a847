/**
 * The life of a course submission, as one pure function. Every state change in the accreditation
 * module goes through `transition`; anything it refuses is a 409 for the caller.
 */
export const COURSE_STATES = [
  'draft',
  'submitted',
  'screening',
  'in_review',
  'decision_pending',
  'accredited',
  'accredited_with_conditions',
  'revision_requested',
  'rejected',
  'suspended',
  'revoked',
  'expired',
] as const;
export type CourseState = (typeof COURSE_STATES)[number];

export const COURSE_EVENTS = [
  'submit',
  'start_screening',
  'return_for_completion',
  'send_to_review',
  'reviews_complete',
  'reopen_review',
  'accredit',
  'accredit_with_conditions',
  'request_revision',
  'reject',
  'resubmit',
  'suspend',
  'reinstate',
  'revoke',
  'expire',
  'renew',
] as const;
export type CourseEvent = (typeof COURSE_EVENTS)[number];

const ACCREDITED: CourseState[] = ['accredited', 'accredited_with_conditions'];

/** For each event, the states it may start from and the state it leads to. */
const TABLE: Record<CourseEvent, { from: readonly CourseState[]; to: CourseState | 'same' }> = {
  submit: { from: ['draft'], to: 'submitted' },
  start_screening: { from: ['submitted'], to: 'screening' },
  return_for_completion: { from: ['submitted', 'screening'], to: 'draft' },
  send_to_review: { from: ['submitted', 'screening'], to: 'in_review' },
  reviews_complete: { from: ['in_review'], to: 'decision_pending' },
  reopen_review: { from: ['decision_pending'], to: 'in_review' },
  accredit: { from: ['decision_pending'], to: 'accredited' },
  accredit_with_conditions: { from: ['decision_pending'], to: 'accredited_with_conditions' },
  request_revision: { from: ['decision_pending'], to: 'revision_requested' },
  reject: { from: ['decision_pending'], to: 'rejected' },
  resubmit: { from: ['revision_requested'], to: 'submitted' },
  suspend: { from: ACCREDITED, to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'accredited' },
  revoke: { from: [...ACCREDITED, 'suspended'], to: 'revoked' },
  expire: { from: [...ACCREDITED, 'suspended'], to: 'expired' },
  renew: { from: [...ACCREDITED, 'expired'], to: 'same' },
};

export type TransitionResult = { ok: true; to: CourseState } | { ok: false; reason: string };

/** The state after `event`, or why the event is not allowed from `from`. Renewal keeps an accredited state and turns expired into accredited. */
export function transition(from: CourseState, event: CourseEvent): TransitionResult {
  const rule = TABLE[event];
  if (!rule.from.includes(from)) return { ok: false, reason: `cannot ${event} a course that is ${from}` };
  if (rule.to === 'same') return { ok: true, to: from === 'expired' ? 'accredited' : from };
  return { ok: true, to: rule.to };
}

/** Events allowed from a state, for `abilities` and for the officer's buttons. */
export function allowedEvents(from: CourseState): CourseEvent[] {
  return COURSE_EVENTS.filter((e) => TABLE[e].from.includes(from));
}

export function isAccredited(state: CourseState): boolean {
  return ACCREDITED.includes(state);
}

/** States in which a course shows in the public catalogue (suspended ones are shown as suspended). */
export const PUBLIC_STATES: readonly CourseState[] = [...ACCREDITED, 'suspended', 'expired'];
