import type { Ctx } from '../../lib/context.js';
import * as repo from './repository.js';

/** The agency tree is public information: anyone may search it (names, codes, kinds; no people). */
export async function listAgencies(ctx: Ctx, q: { q?: string; parentId?: string; page: number; pageSize: number }) {
  return repo.listAgencies(ctx.db, { q: q.q, parentId: q.parentId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}
