/** Start (inclusive) and end (exclusive) of a Thai fiscal year, 1 October to 1 October, midnight in Bangkok. */
export function fiscalYearRange(fyBe: number): { start: string; end: string } {
  const endCe = fyBe - 543;
  return { start: `${endCe - 1}-09-30T17:00:00Z`, end: `${endCe}-09-30T17:00:00Z` };
}

/** The fiscal year an instant (epoch milliseconds) falls in, by the same boundaries as `fiscalYearRange`. */
export function fiscalYearOf(atMs: number): number {
  // The fiscal year starting in the instant's UTC calendar year is the one ending the next year.
  const startingThisYear = new Date(atMs).getUTCFullYear() + 544;
  return atMs >= Date.parse(fiscalYearRange(startingThisYear).start) ? startingThisYear : startingThisYear - 1;
}
