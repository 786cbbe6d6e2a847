import type { DashboardView } from '../../../../common/contracts/dashboards.js';
import type { Db } from '../../db/client.js';
import { accreditationFigures } from './accreditation.figures.js';
import { currentMatrix, provinceCoverage } from './repository.js';

/** How long the national parts of a dashboard are reused by this process (they are the same for every reader). */
const TTL_MS = 30_000;

type Matrix = Awaited<ReturnType<typeof currentMatrix>>;
type Coverage = Awaited<ReturnType<typeof provinceCoverage>>;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { at: Date.now(), value });
  // A failed load is not kept.
  value.catch(() => cache.delete(key));
  return value;
}

/**
 * The parts of every dashboard that belong to no agency: the framework's matrix, accreditation and the
 * catalogue, volunteers by province. Read once per 30 s per process (like the roll-ups, they are "as of"
 * a moment), so 20 readers at once do not each repeat the same national queries.
 */
export function nationalParts(db: Db, fy: number, group: string | null) {
  const matrix = cached<Matrix>('matrix', () => currentMatrix(db));
  const accreditation = cached<DashboardView['accreditation']>(`acc:${fy}:${group ?? ''}`, async () =>
    accreditationFigures(db, fy, await matrix, group),
  );
  const volunteers = cached<Coverage>('volunteers', () => provinceCoverage(db));
  return { matrix, accreditation, volunteers };
}

/** Forgets the cached parts (tests that change the framework or accreditation mid-file). */
export function forgetNationalParts() {
  cache.clear();
}
