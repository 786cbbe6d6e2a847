/**
 * How names are stored for listing and search. Thai dictionary order puts a leading vowel (เ แ โ ใ ไ)
 * after the consonant it is written before and treats tone marks as secondary, so the sort key moves
 * leading vowels behind their consonant and drops tone and other marks; ties fall back to the person's id.
 * The key compares correctly byte by byte (COLLATE "C"), on PGlite and PostgreSQL alike, with no ICU.
 * The migration that added the column computes the same key in SQL for rows that existed then.
 */

const LEADING_VOWEL = /([\u0E40-\u0E44])([\u0E01-\u0E2E])/g;
const MARKS = /[\u0E47-\u0E4E]/g;

/** The byte-comparable Thai dictionary key of a name ("เกียรติศักดิ์ ใจดี" → "กเียรติศักดิ จใดี"). */
export function thaiSortKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase().replace(LEADING_VOWEL, '$2$1').replace(MARKS, '');
}

/** The key people are listed by: Thai first name, then surname, as Thai directories sort them. */
export const personSortKey = (p: { firstNameTh: string; lastNameTh: string }) => thaiSortKey(`${p.firstNameTh} ${p.lastNameTh}`);

/** What a search box matches (trigram index): Thai and English names and the e-mail, lower-cased. */
export function personSearchText(p: {
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn?: string | null;
  lastNameEn?: string | null;
  email?: string | null;
}): string {
  return [p.firstNameTh, p.lastNameTh, p.firstNameEn, p.lastNameEn, p.email]
    .filter((x): x is string => !!x)
    .join(' ')
    .toLowerCase();
}

/** "นายสมชาย ใจดี": the Thai title is written joined to the first name. */
export const fullNameTh = (p: { titleTh: string; firstNameTh: string; lastNameTh: string }) =>
  `${p.titleTh}${p.firstNameTh} ${p.lastNameTh}`;
