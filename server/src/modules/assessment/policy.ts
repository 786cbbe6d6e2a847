import type { Role } from '../../../../common/permissions.js';
import type { Actor } from '../../lib/context.js';

/**
 * Who may do what in assessment. Assessment authors hold a national grant:
 *
 * - an author writes items (as drafts), edits them (an active item gets a new draft version), imports and
 *   exports the bank, builds blueprints and reads item statistics;
 * - a draft becomes active only when a SECOND author reviews it: the author of a version never reviews it;
 * - authors and framework admins edit the self-assessment's behavioural statements;
 * - a learner takes the assessments they are eligible for and sees only their own attempts and results;
 *   nobody else reads an attempt's answers through the taking API.
 */

const holds = (a: Actor | null, ...roles: Role[]) => !!a && a.grants.some((g) => roles.includes(g.role));

export const isAuthor = (a: Actor | null) => holds(a, 'assessment_author');

export const canEditItem = (a: Actor, item: { status: string }) => isAuthor(a) && item.status !== 'retired' && item.status !== 'superseded';
export const canReviewItem = (a: Actor, item: { status: string; authorId: string | null }) =>
  isAuthor(a) && item.status === 'draft' && item.authorId !== a.userId;
export const canRetireItem = (a: Actor, item: { status: string }) => isAuthor(a) && (item.status === 'active' || item.status === 'draft');

export const canManageAssessments = (a: Actor | null) => isAuthor(a);
export const canEditStatements = (a: Actor | null) => holds(a, 'assessment_author', 'framework_admin');

/** An attempt belongs to its candidate alone. */
export const ownsAttempt = (a: Actor, attempt: { userId: string }) => attempt.userId === a.userId;

/** Route gates; record-level checks above decide per record. */
export const AUTHORS: readonly Role[] = ['assessment_author'];
export const STATEMENT_EDITORS: readonly Role[] = ['assessment_author', 'framework_admin'];
export const CANDIDATES: readonly Role[] = ['learner'];
