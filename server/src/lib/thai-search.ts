/**
 * Thai-aware text for search. Thai is written without spaces between words, so both the index and the
 * query are cut into words by the same segmenter (ICU's dictionary, through `Intl.Segmenter`); text is
 * split on whitespace first because the segmenter slows badly on long strings.
 */

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const PLAIN_WORD = /^[a-z0-9]+$/;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

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

/** `text` as space-separated words, the form `to_tsvector('simple', …)` indexes. */
export function searchDocument(...parts: (string | null | undefined)[]): string {
  return segmentWords(parts.filter(Boolean).join(' ')).join(' ');
}

/**
 * Thai function words that carry no meaning on their own in a query ("การ", "ความ" nominalise; "และ",
 * "ของ" join). They stay in the index; a query drops them unless nothing else is left.
 */
const THAI_QUERY_STOPWORDS = new Set([
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

/** Words of a search query, at most 12, without Thai function words (unless the query is only those). */
export function queryTokens(q: string): string[] {
  const words = segmentWords(q);
  const meaningful = words.filter((w) => !THAI_QUERY_STOPWORDS.has(w));
  return [...new Set(meaningful.length ? meaningful : words)].slice(0, 12);
}

export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * A short excerpt of `text` around the first place a query word occurs, cut into plain and matching parts
 * (the web app marks the matches; no HTML travels). Without a match, the start of the text.
 */
export function highlight(text: string, tokens: readonly string[], maxLength = 180): TextPart[] {
  const lower = text.normalize('NFC').toLowerCase();
  const source = text.normalize('NFC');
  const ranges: [number, number][] = [];
  for (const t of tokens) {
    if (t.length < 2 && !/\d/.test(t)) continue;
    for (let from = lower.indexOf(t); from >= 0; from = lower.indexOf(t, from + t.length)) ranges.push([from, from + t.length]);
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

/** The start of the word that contains position `i` (segmenter boundaries), so excerpts end between words. */
function wordStart(text: string, i: number): number {
  let best = 0;
  for (const s of segmenter.segment(text.slice(Math.max(0, i - 60), i + 1))) {
    const abs = Math.max(0, i - 60) + s.index;
    if (abs <= i) best = abs;
  }
  return best;
}
