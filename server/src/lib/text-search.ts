import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/**
 * SQL pieces of the Thai search shared by the catalogue (decision 007) and the knowledge hub (decision 012).
 * Words come from `thai-search.ts` (the same segmenter at index and query time); `catalog_query(tokens)`
 * (a database function) turns them into a tsquery; titles fall back to pg_trgm word similarity.
 */

/** A text[] parameter (one bind value, so a list of any length is one placeholder). */
export const sqlTextArray = (xs: readonly string[]) => sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/** An int[] parameter. */
export const sqlIntArray = (xs: readonly number[]) => sql`${`{${xs.join(',')}}`}::int[]`;

/**
 * How alike the query and a title must be for the similarity fallback (pg_trgm's word similarity, 0–1).
 * The default 0.6 misses a dropped letter in a longer word ("securty", "analitics"); 0.4 finds those without
 * bringing in unrelated titles, and ranking puts the closest first. Two letters swapped in a short word
 * ("pyhton", 0.29) stay out of reach of trigrams. Set for the caller's transaction only.
 */
export const SIMILARITY_THRESHOLD = 0.4;
export async function applySimilarityThreshold(tx: Db) {
  await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true)`);
}
