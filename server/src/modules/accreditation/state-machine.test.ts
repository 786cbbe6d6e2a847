import { describe, expect, it } from 'vitest';
import { allowedEvents, COURSE_EVENTS, COURSE_STATES, type CourseEvent, type CourseState, transition } from './state-machine.js';

/** The complete table of legal moves; every pair not listed here must be refused. */
const LEGAL: [CourseState, CourseEvent, CourseState][] = [
  ['draft', 'submit', 'submitted'],
  ['submitted', 'start_screening', 'screening'],
  ['submitted', 'return_for_completion', 'draft'],
  ['screening', 'return_for_completion', 'draft'],
  ['submitted', 'send_to_review', 'in_review'],
  ['screening', 'send_to_review', 'in_review'],
  ['in_review', 'reviews_complete', 'decision_pending'],
  ['decision_pending', 'reopen_review', 'in_review'],
  ['decision_pending', 'accredit', 'accredited'],
  ['decision_pending', 'accredit_with_conditions', 'accredited_with_conditions'],
  ['decision_pending', 'request_revision', 'revision_requested'],
  ['decision_pending', 'reject', 'rejected'],
  ['revision_requested', 'resubmit', 'submitted'],
  ['accredited', 'suspend', 'suspended'],
  ['accredited_with_conditions', 'suspend', 'suspended'],
  ['suspended', 'reinstate', 'accredited'],
  ['accredited', 'revoke', 'revoked'],
  ['accredited_with_conditions', 'revoke', 'revoked'],
  ['suspended', 'revoke', 'revoked'],
  ['accredited', 'expire', 'expired'],
  ['accredited_with_conditions', 'expire', 'expired'],
  ['suspended', 'expire', 'expired'],
  ['accredited', 'renew', 'accredited'],
  ['accredited_with_conditions', 'renew', 'accredited_with_conditions'],
  ['expired', 'renew', 'accredited'],
];

describe('transition', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, to });
  });

  it('refuses every other state × event pair', () => {
    const legal = new Set(LEGAL.map(([f, e]) => `${f}|${e}`));
    let refused = 0;
    for (const from of COURSE_STATES) {
      for (const event of COURSE_EVENTS) {
        if (legal.has(`${from}|${event}`)) continue;
        const r = transition(from, event);
        expect(r.ok, `${from} --${event}`).toBe(false);
        refused++;
      }
    }
    expect(refused).toBe(COURSE_STATES.length * COURSE_EVENTS.length - LEGAL.length);
  });

  it('rejected and revoked are final', () => {
    expect(allowedEvents('rejected')).toEqual([]);
    expect(allowedEvents('revoked')).toEqual([]);
  });
});
