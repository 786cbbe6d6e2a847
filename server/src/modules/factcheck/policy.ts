import type { Actor } from '../../lib/context.js';

/** Fact-checkers (a national role) work the whole claim queue. */
export const isFactChecker = (a: Actor) => a.grants.some((g) => g.role === 'fact_checker');

export const canListClaims = (a: Actor) => isFactChecker(a);
export const canReadClaimGroup = (a: Actor) => isFactChecker(a);

/** A checker takes a group or hands it to another checker; a published group may change hands for a correction. */
export const canAssignClaim = (a: Actor) => isFactChecker(a);

/** Only the checker it is assigned to reviews and publishes (or corrects) a group's verdict. */
export const canWorkOnGroup = (a: Actor, g: { assigneeId: string | null }) => isFactChecker(a) && g.assigneeId === a.userId;

/** Groups are merged and split before a verdict fixes what the group is about. */
export const canReshapeGroup = (a: Actor, g: { status: string }) => isFactChecker(a) && g.status !== 'published';
