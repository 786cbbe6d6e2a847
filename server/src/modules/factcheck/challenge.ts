import { createHash, randomBytes } from 'node:crypto';
import { hmac, safeEqual } from '../../lib/crypto.js';

/**
 * The challenge against bots (decision 011): a proof of work issued and verified by the server alone.
 * The token is `payload.signature`, the payload a random nonce, the difficulty and the expiry, the signature
 * an HMAC keyed by the session secret, so any instance verifies it without storing anything; the nonce is
 * kept with the claim it admitted, so a token is good for one claim. The browser finds a counter such that
 * SHA-256(`token:counter`) starts with `bits` zero bits: about 2^bits hashes, well under a second for a
 * person's phone, a real cost for a bot posting thousands.
 */

const LABEL = 'thaksa-claim-challenge';
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;

export interface IssuedChallenge {
  token: string;
  bits: number;
  expiresAt: string;
}

function sign(secret: string, payload: string): string {
  return hmac(`${LABEL}\0${secret}`, payload);
}

/** A fresh challenge of `bits` difficulty, valid for ten minutes. */
export function issueChallenge(secret: string, bits: number, now = Date.now()): IssuedChallenge {
  const expires = now + CHALLENGE_TTL_MS;
  const payload = Buffer.from(JSON.stringify({ n: randomBytes(12).toString('base64url'), b: bits, e: expires })).toString('base64url');
  return { token: `${payload}.${sign(secret, payload)}`, bits, expiresAt: new Date(expires).toISOString() };
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let n = 0;
  for (const byte of digest) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}

export type ChallengeCheck = { ok: true; nonce: string } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'work' };

/** Checks the signature, the expiry and the work; returns the nonce to record with the claim. */
export function verifyChallenge(secret: string, token: string, counter: number, now = Date.now()): ChallengeCheck {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  if (!safeEqual(signature, sign(secret, payload))) return { ok: false, reason: 'signature' };
  let parsed: { n: string; b: number; e: number };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (parsed.e < now) return { ok: false, reason: 'expired' };
  const digest = createHash('sha256').update(`${token}:${counter}`).digest();
  if (leadingZeroBits(digest) < parsed.b) return { ok: false, reason: 'work' };
  return { ok: true, nonce: parsed.n };
}

/** Does the work (tests and the benchmark; the browser has its own copy with Web Crypto). */
export function solveChallenge(token: string, bits: number): number {
  for (let counter = 0; ; counter++) {
    if (leadingZeroBits(createHash('sha256').update(`${token}:${counter}`).digest()) >= bits) return counter;
  }
}
