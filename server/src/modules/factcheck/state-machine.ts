import type { ClaimStatus } from '../../../../common/contracts/factcheck.js';
import { AppError } from '../../../../common/errors.js';

/**
 * The life of a claim group, as one pure function: new → assigned → in_review → published, and a
 * published verdict may be corrected (published again, with history). Anything else is a 409.
 */
export const CLAIM_EVENTS = ['assign', 'start_review', 'publish'] as const;
export type ClaimEvent = (typeof CLAIM_EVENTS)[number];

const TABLE: Record<ClaimEvent, { from: readonly ClaimStatus[]; to: ClaimStatus | 'same' }> = {
  // A published group keeps its status when its checker changes (the next step is a correction).
  assign: { from: ['new', 'assigned', 'in_review', 'published'], to: 'same' },
  start_review: { from: ['assigned'], to: 'in_review' },
  publish: { from: ['in_review', 'published'], to: 'published' },
};

export function canTransition(from: ClaimStatus, event: ClaimEvent): boolean {
  return TABLE[event].from.includes(from);
}

/** The status after `event`, or a 409 `factcheck.illegal_transition`. */
export function transition(from: ClaimStatus, event: ClaimEvent): ClaimStatus {
  if (!canTransition(from, event)) {
    throw AppError.conflict('factcheck.illegal_transition', `cannot ${event} a claim group that is ${from}`);
  }
  const to = TABLE[event].to;
  if (to !== 'same') return to;
  return from === 'new' ? 'assigned' : from;
}
