import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, sha256Words, solveChallenge } from './proof-of-work.js';

const hex = (words: Uint32Array) => [...words].map((w) => w.toString(16).padStart(8, '0')).join('');

describe('proof of work in the browser', () => {
  it('computes SHA-256 like Node for short and multi-block text', () => {
    for (const text of ['', 'abc', 'eyJuIjoiYWJjIn0.0123456789abcdef:12345', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(200)]) {
      expect(hex(sha256Words(text))).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });

  it('finds a counter the server accepts', async () => {
    const token = 'payload.signature';
    const counter = await solveChallenge(token, 10);
    const digest = createHash('sha256').update(`${token}:${counter}`).digest();
    expect(digest[0]).toBe(0);
    expect(digest[1] >> 6).toBe(0);
    expect(leadingZeroBits(new Uint32Array([0, 1]))).toBe(63);
  });
});
