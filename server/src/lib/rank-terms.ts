/**
 * Ranking terms: the words (as segmented for the search document, or a query's tokens) of a course's title (and, separately, of its provider, units and skill areas)
 * as 32-bit hashes, so the scan that ranks thousands of matches reads a few dozen bytes per course
 * instead of a Thai text vector of a kilobyte. English words lose a plural or -ing ending so "courses"
 * ranks a "course" title; the same function runs at index and at query time.
 */
export function rankTerms(words: readonly string[], opts: { prefixes?: boolean } = {}): number[] {
  const terms = words.filter(Boolean).map(normalizeTerm);
  // A title also ranks for the beginnings of its English words ("secur" while typing "security").
  if (opts.prefixes) {
    for (const w of words) if (/^[a-z]{5,}$/.test(w)) for (let n = 4; n < w.length; n++) terms.push(w.slice(0, n));
  }
  return [...new Set(terms.map(termHash))];
}

function normalizeTerm(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 4) return word;
  return word.replace(/(ing|es|s)$/, '');
}

/** FNV-1a over the UTF-16 code units, as a signed 32-bit integer (PostgreSQL's int4). */
export function termHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
