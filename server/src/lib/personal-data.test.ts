import { describe, expect, it } from 'vitest';
import { isValidThaiId, maskThaiId, withCheckDigit } from '../../../common/citizen-id.js';
import { AppError } from '../../../common/errors.js';
import { hmac } from './crypto.js';
import { citizenIdLookupHash, maskedCitizenId, normalizeCitizenId, protectCitizenId, revealCitizenId } from './personal-data.js';

const SECRET = 'test-secret-that-is-at-least-32-characters-long';
const OTHER_SECRET = 'another-secret-that-is-at-least-32-characters';

/** The rule as product.md states it, written out independently of common/citizen-id.ts. */
function checkDigitByHand(first12: string): number {
  const weights = [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first12[i]), 0);
  return (11 - (sum % 11)) % 10;
}

describe('Thai citizen ID checksum', () => {
  it('follows weights 13…2 and check = (11 − sum mod 11) mod 10', () => {
    // 1·13+1·12+0·11+1·10+2·9+0·8+0·7+0·6+0·5+4·4+3·3+1·2 = 80; 80 mod 11 = 3; (11 − 3) mod 10 = 8
    expect(checkDigitByHand('110120000431')).toBe(8);
    expect(withCheckDigit('110120000431')).toBe('1101200004318');
    expect(isValidThaiId('1101200004318')).toBe(true);
    expect(isValidThaiId('1101200004317')).toBe(false);
  });

  it('maps a remainder of 0 to check digit 1 and a remainder of 1 to check digit 0', () => {
    // sum 0 → 11 mod 10 = 1; sum 13·1 = 13, 13 mod 11 = 2 → 9
    expect(withCheckDigit('000000000000')).toBe('0000000000001');
    expect(withCheckDigit('100000000000')).toBe('1000000000009');
    // 1·2 = 2 at the last weight plus 1·10 = 12 → 12 mod 11 = 1 → (11 − 1) mod 10 = 0
    expect(checkDigitByHand('000100000001')).toBe(0);
    expect(withCheckDigit('000100000001')).toBe('0001000000010');
  });

  it('agrees with the hand-written rule on many generated numbers', () => {
    for (let n = 0; n < 2000; n++) {
      const first12 = String(100000000000 + n * 449_999_777)
        .padStart(12, '0')
        .slice(-12);
      const full = withCheckDigit(first12);
      expect(Number(full[12])).toBe(checkDigitByHand(first12));
      expect(isValidThaiId(full)).toBe(true);
      const wrong = first12 + String((Number(full[12]) + 1) % 10);
      expect(isValidThaiId(wrong)).toBe(false);
    }
  });

  it('accepts the dashed and spaced forms people type', () => {
    expect(isValidThaiId('1-1012-00004-31-8')).toBe(true);
    expect(isValidThaiId('1 1012 00004 31 8')).toBe(true);
    expect(normalizeCitizenId('1-1012-00004-31-8')).toBe('1101200004318');
  });

  it('masks all but the first five digits and the check digit', () => {
    expect(maskThaiId('1234567890121')).toBe('1-2345-xxxxx-xx-1');
    expect(maskThaiId('1-1012-00004-31-8')).toBe('1-1012-xxxxx-xx-8');
  });
});

describe('protectCitizenId', () => {
  const id = withCheckDigit('310050123456');

  it('returns a lookup hash, a ciphertext and the last digit, and never the ID in clear', () => {
    const p = protectCitizenId(SECRET, id);
    expect(p.last).toBe(id[12]);
    expect(p.masked).toBe(`${id[0]}-${id.slice(1, 5)}-xxxxx-xx-${id[12]}`);
    expect(p.masked).toBe(maskedCitizenId(SECRET, p.cipher));
    expect(p.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(p.hash).toBe(citizenIdLookupHash(SECRET, id));
    expect(p.cipher).not.toContain(id);
    expect(p.hash).not.toContain(id);
    expect(revealCitizenId(SECRET, p.cipher)).toBe(id);
  });

  it('hashes the same ID the same way however it is typed, and encrypts it differently each time', () => {
    const dashed = `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;
    const a = protectCitizenId(SECRET, id);
    const b = protectCitizenId(SECRET, dashed);
    expect(b.hash).toBe(a.hash);
    expect(b.cipher).not.toBe(a.cipher);
    expect(revealCitizenId(SECRET, b.cipher)).toBe(id);
  });

  it('keys the hash and the cipher with the secret', () => {
    const a = protectCitizenId(SECRET, id);
    expect(citizenIdLookupHash(OTHER_SECRET, id)).not.toBe(a.hash);
    expect(() => revealCitizenId(OTHER_SECRET, a.cipher)).toThrow();
    // A different secret between calls must not reuse the other secret's keys.
    expect(citizenIdLookupHash(SECRET, id)).toBe(a.hash);
  });

  it('derives the hash key from the secret rather than using the session secret itself', () => {
    expect(protectCitizenId(SECRET, id).hash).not.toBe(hmac(SECRET, id));
  });

  it('rejects a tampered ciphertext', () => {
    const { cipher } = protectCitizenId(SECRET, id);
    const [iv, tag, data] = cipher.split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => revealCitizenId(SECRET, [iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });

  it('shows the stored ID masked', () => {
    const { cipher } = protectCitizenId(SECRET, '1234567890121');
    expect(maskedCitizenId(SECRET, cipher)).toBe('1-2345-xxxxx-xx-1');
  });

  it.each([
    ['a wrong check digit', '1234567890122'],
    ['too few digits', '123456789012'],
    ['letters', '12345678901a1'],
    ['an empty string', ''],
  ])('throws a validation error at the given path for %s', (_label, bad) => {
    let caught: unknown;
    try {
      protectCitizenId(SECRET, bad, 'rows.4.citizenId');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.code).toBe('validation_failed');
    expect(err.status).toBe(400);
    expect(err.errors).toEqual([expect.objectContaining({ path: 'rows.4.citizenId', code: 'citizen_id.invalid' })]);
    expect(() => citizenIdLookupHash(SECRET, bad)).toThrow(AppError);
  });

  it('does not echo the rejected ID in the error', () => {
    const err = (() => {
      try {
        protectCitizenId(SECRET, '1234567890122');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(JSON.stringify({ message: err?.message, errors: err?.errors })).not.toContain('1234567890122');
  });
});
