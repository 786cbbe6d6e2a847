/**
 * PostgreSQL's `hashtext` (src/common/hashfn.c, `hash_bytes`: Bob Jenkins' lookup3 over the UTF-8 bytes, as
 * PostgreSQL computes it on a little-endian machine for a deterministic collation), so that the application can
 * hash a grouping key's features itself and hand the database the same integers its triggers compute
 * (`claim_key_hashes`). `grouping.test.ts` compares the two on keys of every length.
 */

function rot(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** `hashtext` of the string whose UTF-8 bytes are `k[from, to)`, as the signed 32-bit integer PostgreSQL returns. */
export function hashBytes(k: Uint8Array, from = 0, to = k.length): number {
  let len = to - from;
  let a = (0x9e3779b9 + len + 3923095) | 0;
  let b = a;
  let c = a;
  let i = from;
  while (len >= 12) {
    a = (a + (k[i] | (k[i + 1] << 8) | (k[i + 2] << 16) | (k[i + 3] << 24))) | 0;
    b = (b + (k[i + 4] | (k[i + 5] << 8) | (k[i + 6] << 16) | (k[i + 7] << 24))) | 0;
    c = (c + (k[i + 8] | (k[i + 9] << 8) | (k[i + 10] << 16) | (k[i + 11] << 24))) | 0;
    // mix(a, b, c)
    a = (a - c) ^ rot(c, 4);
    c = (c + b) | 0;
    b = (b - a) ^ rot(a, 6);
    a = (a + c) | 0;
    c = (c - b) ^ rot(b, 8);
    b = (b + a) | 0;
    a = (a - c) ^ rot(c, 16);
    c = (c + b) | 0;
    b = (b - a) ^ rot(a, 19);
    a = (a + c) | 0;
    c = (c - b) ^ rot(b, 4);
    b = (b + a) | 0;
    i += 12;
    len -= 12;
  }
  // The last 11 bytes (C falls through from case len down to case 1); the lowest byte of c is left for the length.
  if (len >= 11) c = (c + (k[i + 10] << 24)) | 0;
  if (len >= 10) c = (c + (k[i + 9] << 16)) | 0;
  if (len >= 9) c = (c + (k[i + 8] << 8)) | 0;
  if (len >= 8) b = (b + (k[i + 7] << 24)) | 0;
  if (len >= 7) b = (b + (k[i + 6] << 16)) | 0;
  if (len >= 6) b = (b + (k[i + 5] << 8)) | 0;
  if (len >= 5) b = (b + k[i + 4]) | 0;
  if (len >= 4) a = (a + (k[i + 3] << 24)) | 0;
  if (len >= 3) a = (a + (k[i + 2] << 16)) | 0;
  if (len >= 2) a = (a + (k[i + 1] << 8)) | 0;
  if (len >= 1) a = (a + k[i]) | 0;
  // final(a, b, c)
  c = (c ^ b) - rot(b, 14);
  a = (a ^ c) - rot(c, 11);
  b = (b ^ a) - rot(a, 25);
  c = (c ^ b) - rot(b, 16);
  a = (a ^ c) - rot(c, 4);
  b = (b ^ a) - rot(a, 14);
  c = (c ^ b) - rot(b, 24);
  return c | 0;
}

/** `hashtext(s)` as PostgreSQL computes it. */
export function hashText(s: string): number {
  return hashBytes(Buffer.from(s, 'utf8'));
}
