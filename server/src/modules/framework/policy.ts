import type { Policy } from '../../lib/authorize.js';
import type { Actor } from '../../lib/context.js';
import type { FrameworkRow } from './repository.js';

const isFrameworkAdmin = (a: Actor | null) => !!a && a.grants.some((g) => g.role === 'framework_admin');

/** Published versions are public; drafts are seen by framework admins only. */
export const canView = (a: Actor | null, f: FrameworkRow) => f.status === 'published' || isFrameworkAdmin(a);
export const canCreateVersion: Policy = (a) => isFrameworkAdmin(a);
/** Only drafts change; a published version is immutable (the service answers 409 for those). */
export const canEdit: Policy<FrameworkRow> = (a) => isFrameworkAdmin(a);
export const canPublish: Policy<FrameworkRow> = (a) => isFrameworkAdmin(a);
export const includesDrafts = isFrameworkAdmin;
