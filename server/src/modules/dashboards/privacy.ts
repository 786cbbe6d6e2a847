/**
 * Small-cell suppression (decision 014). In a view of people below the reader's own agency level, a count
 * between 1 and `min − 1` is withheld (null), and so is anything computed from it. Where a breakdown is shown
 * with its total, a single withheld cell would be the total minus the others: then the next smallest non-zero
 * cell is withheld as well (secondary suppression).
 */
export interface Suppressor {
  active: boolean;
  min: number;
  /** The count, or null when withheld. */
  count(n: number): number | null;
  /** A percentage of `part` in `whole` (one decimal), null when either is withheld or whole is 0. */
  pct(part: number, whole: number): number | null;
  /** Counts of one breakdown whose total is shown: primary, then secondary suppression. */
  breakdown(values: number[]): (number | null)[];
}

export const isSmall = (n: number, min: number) => n > 0 && n < min;

export function suppressor(active: boolean, min: number): Suppressor {
  const small = (n: number) => active && isSmall(n, min);
  return {
    active,
    min,
    count: (n) => (small(n) ? null : n),
    pct: (part, whole) => (small(part) || small(whole) || whole <= 0 ? null : Math.round((part / whole) * 1000) / 10),
    breakdown: (values) => secondarySuppress(values, active ? min : 0),
  };
}

/** Primary suppression of each value, then, if exactly one was withheld, the smallest other non-zero value too. */
export function secondarySuppress(values: number[], min: number): (number | null)[] {
  const out: (number | null)[] = values.map((v) => (isSmall(v, min) ? null : v));
  const withheld = out.filter((v) => v === null).length;
  if (withheld === 1) {
    let pick = -1;
    for (let i = 0; i < values.length; i++) {
      if (out[i] === null || values[i] === 0) continue;
      if (pick < 0 || values[i] < values[pick]) pick = i;
    }
    if (pick >= 0) out[pick] = null;
  }
  return out;
}
