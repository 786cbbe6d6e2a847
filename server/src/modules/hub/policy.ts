import type { Role } from '../../../../common/permissions.js';
import type { Actor } from '../../lib/context.js';

/**
 * Who writes the knowledge hub (decision 012), with the roles the volunteer network already has (no new role):
 *
 * - volunteer_coordinator (a province or district office): writes articles and edits its own drafts; a
 *   central editor publishes them.
 * - central_monitor (ONDE's central office) and system_admin: write, edit any article, publish and unpublish.
 * - everyone else, signed in or not: reads published articles.
 */

const holds = (a: Actor | null, ...roles: Role[]) => !!a && a.grants.some((g) => roles.includes(g.role));

export const HUB_AUTHORS: readonly Role[] = ['volunteer_coordinator', 'central_monitor', 'system_admin'];
export const HUB_EDITORS: readonly Role[] = ['central_monitor', 'system_admin'];

export const canAuthor = (a: Actor | null) => holds(a, ...HUB_AUTHORS);
export const isEditor = (a: Actor | null) => holds(a, ...HUB_EDITORS);

/** Editors edit any article; an author edits their own article while it is a draft. */
export const canEditArticle = (a: Actor | null, article: { authorId: string; status: string }) =>
  isEditor(a) || (canAuthor(a) && !!a && article.authorId === a.userId && article.status === 'draft');

export const canPublish = (a: Actor | null) => isEditor(a);

/** Drafts are read by those who write the hub. */
export const canReadArticle = (a: Actor | null, article: { status: string }) => article.status === 'published' || canAuthor(a);
