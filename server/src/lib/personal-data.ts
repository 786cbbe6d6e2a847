import { isValidThaiId, maskThaiId } from '../../../common/citizen-id.js';
import { AppError } from '../../../common/errors.js';
import { decrypt, deriveKey, encrypt, hmac } from './crypto.js';

/**
 * How a citizen ID is stored (PDPA): a keyed hash to find it, a ciphertext to show it, the check digit for display
 * hints, and the masked form every list shows (first five digits and the check digit), so lists need not decrypt.
 */
export interface ProtectedCitizenId {
  hash: string;
  cipher: string;
  last: string;
  masked: string;
}

interface Keys {
  secret: string;
  /** Hex of the derived key, because lib/crypto's hmac takes a string key; changing this form would change every stored hash. */
  hashKey: string;
  encKey: Buffer;
}

// Imports protect thousands of IDs with the same secret; deriving the keys once per secret keeps that cheap.
let cachedKeys: Keys | undefined;

function keysFor(secret: string): Keys {
  if (cachedKeys?.secret !== secret) {
    cachedKeys = {
      secret,
      hashKey: deriveKey(secret, 'citizen-id-hash').toString('hex'),
      encKey: deriveKey(secret, 'citizen-id-enc'),
    };
  }
  return cachedKeys;
}

/** Strips the spaces and dashes people type, leaving the 13 digits that are hashed and encrypted. */
export function normalizeCitizenId(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

function validated(raw: string, path: string): string {
  const id = normalizeCitizenId(raw);
  if (!isValidThaiId(id)) {
    throw AppError.invalid([{ path, message: 'not a valid 13-digit Thai citizen ID', code: 'citizen_id.invalid' }]);
  }
  return id;
}

/** Validates a citizen ID and returns the forms that may be stored; throws AppError.invalid at `path` when it is not a valid ID. */
export function protectCitizenId(secret: string, raw: string, path = 'citizenId'): ProtectedCitizenId {
  const id = validated(raw, path);
  const keys = keysFor(secret);
  return { hash: hmac(keys.hashKey, id), cipher: encrypt(keys.encKey, id), last: id[12], masked: maskThaiId(id) };
}

/** The keyed hash that finds a stored person by citizen ID without decrypting anything. */
export function citizenIdLookupHash(secret: string, raw: string, path = 'citizenId'): string {
  return hmac(keysFor(secret).hashKey, validated(raw, path));
}

/** Decrypts a stored citizen ID; throws if the ciphertext was altered or made with another secret. */
export function revealCitizenId(secret: string, cipher: string): string {
  return decrypt(keysFor(secret).encKey, cipher);
}

/** The masked form (`1-2345-xxxxx-xx-1`) shown to roles that do not need the full ID. */
export function maskedCitizenId(secret: string, cipher: string): string {
  return maskThaiId(revealCitizenId(secret, cipher));
}
