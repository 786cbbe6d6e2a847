import { describe, expect, it } from 'vitest';
import { decrypt, deriveKey, encrypt, randomToken, secureRandomBytes } from './crypto.js';

describe('secureRandomBytes (pooled)', () => {
  it('gives the length asked for, across many refills of the pool, never the same bytes twice', () => {
    const seen = new Set<string>();
    // 3,000 × 12 bytes and 3,000 × 32 bytes: the 4 KB pool is refilled about 32 times, often mid-request.
    for (let i = 0; i < 3000; i++) {
      for (const n of [12, 32]) {
        const b = secureRandomBytes(n);
        expect(b.length).toBe(n);
        seen.add(b.toString('hex'));
      }
    }
    expect(seen.size).toBe(6000);
  });

  it('hands out copies: changing one does not change what comes next', () => {
    const a = secureRandomBytes(16);
    a.fill(0);
    const b = secureRandomBytes(16);
    expect(b.equals(Buffer.alloc(16))).toBe(false);
    const kept = Buffer.from(b);
    secureRandomBytes(16).fill(1);
    expect(b.equals(kept)).toBe(true);
  });

  it('serves large requests straight from the generator', () => {
    const big = secureRandomBytes(10_000);
    expect(big.length).toBe(10_000);
    // 10,000 random bytes are not all one value.
    expect(new Set(big).size).toBeGreaterThan(200);
  });

  it('is spread over all byte values (no byte fixed by the pool)', () => {
    const counts = new Array(256).fill(0);
    for (let i = 0; i < 4000; i++) for (const byte of secureRandomBytes(16)) counts[byte]++;
    // 64,000 bytes: 250 expected per value; a fixed or missing value would show as 0 or thousands.
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeLessThan(370);
  });
});

describe('encrypt and randomToken use the pool', () => {
  it('encrypts with a fresh IV each time and decrypts back', () => {
    const key = deriveKey('test-secret-that-is-at-least-32-characters-long', 'label');
    const a = encrypt(key, '1101200004318');
    const b = encrypt(key, '1101200004318');
    expect(a.split('.')[0]).not.toBe(b.split('.')[0]);
    expect(decrypt(key, a)).toBe('1101200004318');
    expect(decrypt(key, b)).toBe('1101200004318');
  });

  it('makes 32-byte URL-safe tokens, all different', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => randomToken()));
    expect(tokens.size).toBe(1000);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
