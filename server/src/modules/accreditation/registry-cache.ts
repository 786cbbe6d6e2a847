import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { loadReviewerRegistry } from './assignments.repository.js';
import { type PreparedReviewers, prepareReviewers } from './matching.js';

/**
 * The reviewer registry as matching reads it, kept per database handle and reloaded only when
 * `reviewer_registry_version` has moved. Every suggestion reads that version (one tiny row, with the
 * course), so a registry changed through any instance is seen by every instance on its next suggestion:
 * nothing here is older than the database at the moment of the request.
 */
interface Loaded {
  version: number;
  reviewers: PreparedReviewers;
}

const loaded = new WeakMap<Db, Loaded>();
/** One reload at a time per handle: requests arriving while it runs share it instead of each loading. */
const loading = new WeakMap<Db, Promise<Loaded>>();

function reload(db: Db): Promise<Loaded> {
  let pending = loading.get(db);
  if (!pending) {
    pending = loadReviewerRegistry(db)
      .then(({ version, reviewers }) => {
        const fresh = { version, reviewers: prepareReviewers(reviewers) };
        // Reloads never overlap, so each one read a later snapshot than the one before.
        loaded.set(db, fresh);
        return fresh;
      })
      .finally(() => loading.delete(db));
    loading.set(db, pending);
  }
  return pending;
}

/**
 * The registry prepared for matching, as of `version` or later. `version` is `reviewer_registry_version` as
 * the caller just read it (with the course, in one round trip), so the registry is never older than the
 * database was during this request. `db` must be the pool, never a transaction.
 */
export async function reviewerRegistry(db: Db, version: number): Promise<PreparedReviewers> {
  // A transaction may see its own uncommitted changes under a version another transaction will also
  // reach; a registry read there must never be shared.
  if (db instanceof PgTransaction) throw new Error('the reviewer registry cache is read outside transactions only');
  const cached = loaded.get(db);
  if (cached?.version === version) return cached.reviewers;
  let fresh = await reload(db);
  // A reload already under way may have read its snapshot before `version` was committed: read once more,
  // which starts after the caller read the version and so is at least as new.
  if (fresh.version < version) fresh = await reload(db);
  return fresh.reviewers;
}
