import { segmentWords } from '../../lib/thai-search.js';
import { hashBytes } from './hashtext.js';

/**
 * When two claims say the same thing (decision 011). Both texts are cut into words by the catalogue's
 * segmenter (`segmentWords`: whitespace first, then ICU's Thai dictionary), words that carry no claim
 * (function words, "share this", polite particles) dropped: the key stored with a claim. The database finds
 * candidate groups by the hashes of the key's word pairs (`claim_grouping_tokens`, which mirrors `features`:
 * two keys this test calls the same always share a pair, decision 016) and decides with the word test below,
 * restated in SQL (`claim_same` over the features hashed, `claim_key_hashes`) so that a claim is placed in one
 * statement. This module is the reference: the threshold is fixed by the near-duplicate test set, and
 * `grouping.test.ts` checks that the SQL agrees with it.
 */

/** Words that appear in every forwarded message whatever it claims. */
const FILLER = new Set([
  'การ',
  'ความ',
  'และ',
  'ของ',
  'ใน',
  'ที่',
  'ว่า',
  'นี้',
  'นั้น',
  'จะ',
  'ได้',
  'ให้',
  'เป็น',
  'มี',
  'ก็',
  'กับ',
  'จาก',
  'แล้ว',
  'อยู่',
  'ไป',
  'มา',
  'นะ',
  'ครับ',
  'ค่ะ',
  'คะ',
  'จ้า',
  'จ้ะ',
  'ด้วย',
  'เลย',
  'ทุก',
  'คน',
  'แชร์',
  'ด่วน',
  'ต่อ',
  'ส่ง',
  'บอก',
  'ข่าว',
  'เพื่อน',
  'ๆ',
  'the',
  'a',
  'an',
  'of',
  'to',
  'and',
  'is',
  'in',
  'share',
  'please',
]);

/** Words of a claim that say what it claims, in order. */
export function claimWords(text: string): string[] {
  return segmentWords(text).filter((w) => !FILLER.has(w));
}

/** The grouping key stored with a claim: its words, space-separated, at most 2,000 characters. */
export function textKey(text: string): string {
  return claimWords(text).join(' ').slice(0, 2000);
}

/** Overlap (Dice over words and word pairs) from which two claims are the same: see the test set. */
export const SAME_CLAIM_DICE = 0.65;
/** A claim whose words and word pairs are nearly all in the other (one quotes the other's message). */
export const SAME_CLAIM_CONTAINMENT = 0.8;
const MIN_FEATURES_FOR_CONTAINMENT = 10;

/**
 * Words and pairs of neighbouring words: pairs keep apart claims that share words but say other things.
 * `claim_features` and `claim_key_hashes` (SQL) compute the same features (the latter hashed, as `keyHashes` here),
 * and `claim_same` the same test with the same thresholds: change them together.
 */
function features(key: string): Set<string> {
  const words = key.split(' ').filter(Boolean);
  const out = new Set(words);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]}_${words[i + 1]}`);
  return out;
}

/**
 * A key's features hashed as the database hashes them (`claim_key_hashes`): the sorted, distinct `hashtext` of its
 * features, and its grouping tokens — its pairs' hashes, or all its features' when the key is too short for the
 * word test to guarantee a shared pair (0.325·features − 0.35·words − 0.325 ≤ 0, decision 016). Computed here so
 * that placing a claim does not split and hash its key again in the database.
 */
export type KeyHashes = { features: number[]; tokens: number[] };

export function keyHashes(key: string): KeyHashes {
  // Hashed from the key's UTF-8 bytes: its words are the runs between spaces (a space is one byte), a pair is
  // the two words' bytes with "_" between them.
  const bytes = Buffer.from(key, 'utf8');
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] === 0x20) {
      i++;
      continue;
    }
    starts.push(i);
    while (i < bytes.length && bytes[i] !== 0x20) i++;
    ends.push(i);
  }
  const n = starts.length;
  const hashes = new Int32Array(2 * n - (n > 0 ? 1 : 0));
  for (let i = 0; i < n; i++) hashes[i] = hashBytes(bytes, starts[i], ends[i]);
  const pair = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < n; i++) {
    const a = ends[i] - starts[i];
    pair.set(bytes.subarray(starts[i], ends[i]));
    pair[a] = 0x5f;
    pair.set(bytes.subarray(starts[i + 1], ends[i + 1]), a + 1);
    hashes[n + i] = hashBytes(pair, 0, a + 1 + ends[i + 1] - starts[i + 1]);
  }
  const distinct = (xs: Int32Array) => {
    xs.sort();
    const out: number[] = [];
    for (let i = 0; i < xs.length; i++) if (i === 0 || xs[i] !== xs[i - 1]) out.push(xs[i]);
    return out;
  };
  const features = distinct(hashes.slice());
  const pairs = distinct(hashes.subarray(n));
  // Short (0.325·features − 0.35·words − 0.325 ≤ 0, in whole numbers: 13·features − 14·words − 13 ≤ 0)? Distinct
  // hashes never outnumber distinct strings, so a key that passes with these counts is not short; otherwise count
  // the strings, as the database does.
  if (13 * features.length - 14 * n - 13 > 0) return { features, tokens: pairs };
  const words = key.split(' ').filter(Boolean);
  const strings = new Set(words);
  for (let i = 0; i + 1 < words.length; i++) strings.add(`${words[i]}_${words[i + 1]}`);
  return { features, tokens: 13 * strings.size - 14 * new Set(words).size - 13 > 0 ? pairs : features };
}

/** How alike two claims' features are: Dice, and how much of the smaller is in the larger. */
function similarity(A: Set<string>, B: Set<string>): { dice: number; containment: number; smaller: number } {
  if (A.size === 0 || B.size === 0) return { dice: 0, containment: 0, smaller: 0 };
  let common = 0;
  for (const f of A) if (B.has(f)) common++;
  const smaller = Math.min(A.size, B.size);
  return { dice: (2 * common) / (A.size + B.size), containment: common / smaller, smaller };
}

/** How alike two grouping keys are: Dice over their features, and how much of the smaller is in the larger. */
export function keySimilarity(a: string, b: string): { dice: number; containment: number; smaller: number } {
  return similarity(features(a), features(b));
}

/** Whether two grouping keys are the same claim. */
export function isSameClaim(a: string, b: string): boolean {
  return sameClaimAs(a)(b);
}

/** The word test against one key, its features computed once: for comparing a new claim with its candidates. */
export function sameClaimAs(key: string): (other: string) => boolean {
  const mine = features(key);
  return (other) => {
    const { dice, containment, smaller } = similarity(mine, features(other));
    return dice >= SAME_CLAIM_DICE || (smaller >= MIN_FEATURES_FOR_CONTAINMENT && containment >= SAME_CLAIM_CONTAINMENT);
  };
}
