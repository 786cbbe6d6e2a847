/**
 * Thai-aware text for search. Thai is written without spaces between words, so both the index and the
 * query are cut into words by the same segmenter (ICU's dictionary, through `Intl.Segmenter`); text is
 * split on whitespace first because the segmenter slows badly on long strings.
 */

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const PLAIN_WORD = /^[a-z0-9]+$/;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const COMBINING_MARK = /\p{M}/u;

/** Lower-cased, NFC-normalised words of `text`, in order (Thai segmented, punctuation dropped). */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const chunk of text.normalize('NFC').toLowerCase().split(/\s+/)) {
    if (!chunk) continue;
    if (PLAIN_WORD.test(chunk)) {
      words.push(chunk);
      continue;
    }
    for (const s of segmenter.segment(chunk)) {
      if (s.isWordLike && HAS_WORD_CHAR.test(s.segment)) words.push(s.segment);
    }
  }
  return words;
}

/**
 * `text` as space-separated words, the form `to_tsvector('simple', …)` indexes, followed by the joined forms
 * of its English compounds (see `compoundForms`), so a query finds it whichever way it writes a compound.
 * The joined forms come last, so the words keep their positions (ranking looks at how close they are).
 */
export function searchDocument(...parts: (string | null | undefined)[]): string {
  const present = parts.filter((p): p is string => !!p);
  const compounds = [...new Set(present.flatMap(compoundForms))];
  return [...segmentWords(present.join(' ')), ...compounds].join(' ');
}

/**
 * Words that carry no meaning on their own in a query, so a course need not contain them: Thai function
 * words ("การ", "ความ" nominalise; "และ", "ของ" join) and words that only say the query is about a course
 * ("หลักสูตร", "อบรม", "คอร์ส"). They stay in the index; a query drops them unless nothing else is left.
 */
const THAI_QUERY_STOPWORDS = new Set([
  'หลักสูตร',
  'อบรม',
  'ฝึก',
  'คอร์ส',
  'เกี่ยว',
  'การ',
  'ความ',
  'และ',
  'ของ',
  'ใน',
  'ที่',
  'สำหรับ',
  'ด้วย',
  'เพื่อ',
  'กับ',
  'จาก',
  'โดย',
  'ให้',
  'เป็น',
  'แก่',
  'หรือ',
  'ซึ่ง',
  'อย่าง',
  'เรื่อง',
]);

/**
 * English words a query drops for the same reasons ("AI for executives", "data analysis in Python",
 * "cyber security course"). Not "it": that is information technology.
 */
const ENGLISH_QUERY_STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'in',
  'on',
  'with',
  'to',
  'and',
  'or',
  'by',
  'at',
  'from',
  'about',
  'into',
  'course',
  'courses',
  'training',
]);

const HYPHENATED = /[a-z0-9]+(?:-[a-z0-9]+)+/g;
const WORD_PAIR = /(?<![a-z0-9])(?=([a-z]{2,}) ([a-z]{2,})(?![a-z0-9]))/g;

/**
 * Compounds that English writes in more than one way, joined into one word: hyphenated words ("e-GP" → egp,
 * "low-code" → lowcode) and two words in a row ("cyber security" → cybersecurity, "power bi" → powerbi),
 * except pairs with a function word. The index keeps the separate words as well, so "e-GP", "egp", "cyber
 * security" and "cybersecurity" all find what they should; a query is never joined.
 */
export function compoundForms(text: string): string[] {
  const lower = text.normalize('NFC').toLowerCase();
  const out = new Set<string>();
  for (const m of lower.matchAll(HYPHENATED)) out.add(m[0].replaceAll('-', ''));
  for (const m of lower.matchAll(WORD_PAIR)) {
    if (!ENGLISH_QUERY_STOPWORDS.has(m[1]) && !ENGLISH_QUERY_STOPWORDS.has(m[2])) out.add(m[1] + m[2]);
  }
  return [...out];
}

/** Words of a search query, at most 12, without function words (unless the query is only those). */
export function queryTokens(q: string): string[] {
  const words = segmentWords(q);
  const meaningful = words.filter((w) => !THAI_QUERY_STOPWORDS.has(w) && !ENGLISH_QUERY_STOPWORDS.has(w));
  return [...new Set(meaningful.length ? meaningful : words)].slice(0, 12);
}

export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * A short excerpt of `text` around the first place a query word occurs, cut into plain and matching parts
 * (the web app marks the matches; no HTML travels). Without a match, the start of the text. A query word
 * matches only where a word of the text starts (as the index cut it), so "บาล" of "ธรรมาภิบาล" does not mark
 * the middle of "รัฐบาล", nor "ai" the middle of "maintain"; it may end inside a word (a prefix), but not
 * between a letter and its marks.
 */
export function highlight(text: string, tokens: readonly string[], maxLength = 180): TextPart[] {
  const lower = text.normalize('NFC').toLowerCase();
  const source = text.normalize('NFC');
  const starts = wordStarts(source);
  const ranges: [number, number][] = [];
  for (const t of tokens) {
    if (t.length < 2 && !/\d/.test(t)) continue;
    for (let from = lower.indexOf(t); from >= 0; from = lower.indexOf(t, from + 1)) {
      if (!starts.has(from)) continue;
      // A prefix may stop before a mark of its last letter ("ไซเบอร" in "ไซเบอร์"): keep the mark with it.
      let to = from + t.length;
      while (to < source.length && COMBINING_MARK.test(source[to])) to++;
      ranges.push([from, to]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  let start = 0;
  if (merged.length && merged[0][0] > maxLength / 3) start = Math.max(0, merged[0][0] - Math.floor(maxLength / 3));
  // Never cut a Thai syllable's marks off their base character: move the cut to a word boundary.
  if (start > 0) {
    const space = source.lastIndexOf(' ', start);
    start = space >= 0 && start - space < 40 ? space + 1 : wordStart(source, start);
  }
  let end = Math.min(source.length, start + maxLength);
  if (end < source.length) end = wordStart(source, end);
  const parts: TextPart[] = [];
  let at = start;
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    if (from > at) parts.push({ text: source.slice(at, from), match: false });
    parts.push({ text: source.slice(from, to), match: true });
    at = to;
  }
  if (at < end) parts.push({ text: source.slice(at, end), match: false });
  if (start > 0) parts.unshift({ text: '…', match: false });
  if (end < source.length) parts.push({ text: '…', match: false });
  return parts;
}

/** Where each word of `text` starts, cut the way `segmentWords` cuts it (whitespace first, then the segmenter). */
function wordStarts(text: string): Set<number> {
  const starts = new Set<number>();
  for (const chunk of text.matchAll(/\S+/g)) {
    for (const s of segmenter.segment(chunk[0])) if (s.isWordLike) starts.add(chunk.index + s.index);
  }
  return starts;
}

/** The start of the word that contains position `i` (segmenter boundaries), so excerpts end between words. */
function wordStart(text: string, i: number): number {
  let best = 0;
  for (const s of segmenter.segment(text.slice(Math.max(0, i - 60), i + 1))) {
    const abs = Math.max(0, i - 60) + s.index;
    if (abs <= i) best = abs;
  }
  return best;
}
