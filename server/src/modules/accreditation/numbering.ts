import type { Db } from '../../db/client.js';
import { todayInBangkok } from '../../lib/thai-text.js';
import { advanceCounter } from './courses.repository.js';

export { todayInBangkok };

/** A YYYY-MM-DD date plus whole years (29 February becomes 28 February in a common year). */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

export const buddhistYear = (isoDate: string) => Number(isoDate.slice(0, 4)) + 543;

export const formatAccreditationNumber = (prefix: string, yearBe: number, seq: number) =>
  `${prefix}-${yearBe}-${String(seq).padStart(4, '0')}`;

/**
 * The next accreditation number of the Buddhist-era year, e.g. สดช.-2569-0001. It advances the year's
 * counter row inside the caller's transaction, so the row stays locked until commit (numbers are issued
 * one decision at a time) and a rollback gives the number back: the sequence has no gaps.
 */
export async function nextAccreditationNumber(tx: Db, prefix: string, today = todayInBangkok()): Promise<string> {
  const yearBe = buddhistYear(today);
  return formatAccreditationNumber(prefix, yearBe, await advanceCounter(tx, yearBe));
}
