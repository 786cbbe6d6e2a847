import { createHash, randomInt } from 'node:crypto';
import {
  CLAIM_IMAGE_MAX_BYTES,
  type ClaimChallenge,
  type ClaimStatus,
  type SubmitClaimBody,
} from '../../../../common/contracts/factcheck.js';
import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { issueChallenge, verifyChallenge } from './challenge.js';
import { linkKey } from './links.js';
import { presentVerdict } from './present.js';
import * as repo from './repository.js';
import { type KeyHashes, keyHashes, textKey } from './similarity.js';

/** Proof-of-work difficulty: about 65,000 hashes, a fraction of a second on a phone. */
export const CHALLENGE_BITS = 16;

/** A fresh anti-bot challenge for the claim form; stateless, valid ten minutes, good for one claim. */
export function issueClaimChallenge(ctx: Ctx, bits = CHALLENGE_BITS): ClaimChallenge {
  return issueChallenge(ctx.config.sessionSecret, bits);
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford's base32: no I, L, O, U

/** A tracking code such as `K7Q2-M9XD-4HPT` (60 random bits). */
export function newTrackingCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(32)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** A code as a person may type it (lower case, without dashes, O for 0) in its stored form. */
export function normaliseTrackingCode(input: string): string {
  const plain = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain;
}

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** The image decoded and checked: at most 2 MB, and its bytes are what its type says. */
function checkImage(image: NonNullable<SubmitClaimBody['image']>): Buffer {
  const bytes = Buffer.from(image.dataBase64, 'base64');
  if (bytes.length === 0) throw AppError.invalid([{ path: 'body.image', message: 'the image is empty', code: 'image_empty' }]);
  if (bytes.length > CLAIM_IMAGE_MAX_BYTES) throw new AppError('payload_too_large', 'the image may be at most 2 MB');
  if (!MAGIC[image.contentType](bytes)) throw new AppError('unsupported_media_type', `the file is not ${image.contentType}`);
  return bytes;
}

/** The anti-bot checks of an anonymous claim; returns the challenge's nonce to keep with it. */
function checkHuman(ctx: Ctx, body: SubmitClaimBody): string | null {
  if (body.homepage) throw new AppError('claim.rejected', 'the claim looks automated');
  if (ctx.actor) return null;
  if (!body.challenge) {
    throw new AppError('claim.challenge_failed', 'answer the challenge first', {
      errors: [{ path: 'body.challenge', message: 'required' }],
    });
  }
  const check = verifyChallenge(ctx.config.sessionSecret, body.challenge.token, body.challenge.counter);
  if (!check.ok) {
    throw new AppError('claim.challenge_failed', `the challenge was not answered (${check.reason})`, {
      errors: [{ path: 'body.challenge', message: check.reason, code: check.reason }],
    });
  }
  return check.nonce;
}

/**
 * The group a new claim belongs in, or null for a new group: a claim with the same (normalised) link, or
 * the first candidate group (by shared word pairs, indexed) that the word test says is the same claim. Also
 * the tokens to lock before opening a group. `uncommonOnly`: look through the key's uncommon word pairs only
 * (the quick first pass of `placeClaim`). Runs in the database (`claim_find_group`), as placing does.
 */
export function findGroupFor(db: Db, key: string, link: string | null, uncommonOnly = false) {
  return repo.findGroupForKey(db, key, link, uncommonOnly);
}

const pgError = (e: unknown) => {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  return { code: err?.cause?.code ?? err?.code, constraint: err?.cause?.constraint ?? err?.constraint };
};
/** The group a claim was put in was merged into another (and deleted) before the claim was stored. */
const isMergedAway = (e: unknown) => pgError(e).code === '23503' && pgError(e).constraint === 'claims_group_id_claim_groups_id_fk';
/** The challenge's nonce is already stored with another claim. */
const isUsedChallenge = (e: unknown) => pgError(e).code === '23505' && pgError(e).constraint === 'claims_challenge_nonce_key';

type NewClaim = Parameters<typeof repo.placeClaim>[1];
type Placed = { group_id: string; request_count: number; status: string };

/**
 * Puts a claim in the group of the same claim, or a new one, in one statement (`repo.placeClaim`, decision
 * 016); `withImage` stores its image first, in the same transaction, and gives the file id.
 */
async function placeClaim(
  ctx: Ctx,
  claim: NewClaim,
  hashes: KeyHashes,
  sampleText: string,
  withImage?: (tx: Db) => Promise<string>,
): Promise<Placed> {
  const link = claim.linkKey ?? null;
  if (!withImage) return repo.placeClaim(ctx.db, claim, hashes, sampleText, link);
  return ctx.db.transaction(async (tx) => repo.placeClaim(tx, { ...claim, imageFileId: await withImage(tx) }, hashes, sampleText, link));
}

/**
 * Takes a claim from anyone (anonymous callers answer the proof-of-work challenge; a honeypot field
 * catches form bots), stores its image like any uploaded file, puts it in the group of the same claim or
 * a new one (`placeClaim`), counts the request, and returns the tracking code. Rate-limited per address by
 * the route. A challenge admits one claim: the unique index on its nonce says so.
 * The claim row is its own record (its facts cannot be changed, a trigger refuses it): submissions are not
 * appended to the audit chain, so citizens' submissions never queue behind its lock (decision 011).
 */
export async function submitClaim(ctx: Ctx, body: SubmitClaimBody) {
  const nonce = checkHuman(ctx, body);
  const image = body.image ? checkImage(body.image) : null;
  const key = textKey(body.text) || body.text.normalize('NFC').toLowerCase().trim();
  const claim: NewClaim = {
    trackingCode: newTrackingCode(),
    text: body.text,
    link: body.link ?? null,
    linkKey: linkKey(body.link),
    textKey: key,
    platform: body.platform,
    provinceCode: body.provinceCode,
    submitterUserId: ctx.actor?.userId ?? null,
    contactEmail: ctx.actor ? null : (body.contactEmail ?? null),
    contactPhone: ctx.actor ? null : (body.contactPhone ?? null),
    challengeNonce: nonce,
  };
  const withImage =
    image &&
    (async (tx: Db) =>
      (
        await repo.insertFile(tx, {
          ownerUserId: ctx.actor?.userId ?? null,
          kind: 'claim_image',
          filename: body.image?.filename?.slice(0, 200) || 'claim-image',
          mimeType: body.image?.contentType as string,
          sizeBytes: image.length,
          sha256: createHash('sha256').update(image).digest('hex'),
          content: image,
        })
      ).id);
  const hashes = keyHashes(key);
  const place = () => placeClaim(ctx, claim, hashes, body.text.slice(0, 2000), withImage || undefined);
  try {
    // A group merged away in the meantime: look again, once.
    const placed = await place().catch((e) => (isMergedAway(e) ? place() : Promise.reject(e)));
    return {
      trackingCode: claim.trackingCode,
      groupId: placed.group_id,
      requestCount: placed.request_count,
      status: placed.status as ClaimStatus,
    };
  } catch (e) {
    if (isUsedChallenge(e)) throw AppError.conflict('claim.challenge_used', 'this challenge has already admitted a claim');
    throw e;
  }
}

/** Where a claim stands, for whoever holds its tracking code: its group's status and the verdict once published. */
export async function trackClaim(ctx: Ctx, code: string) {
  const claim = await repo.findClaimByTrackingCode(ctx.db, normaliseTrackingCode(code));
  if (!claim) throw AppError.notFound('claim');
  const group = await repo.findGroup(ctx.db, claim.groupId);
  const verdicts = group.status === 'published' ? await repo.listVerdicts(ctx.db, group.id) : [];
  const current = verdicts.at(-1);
  return {
    trackingCode: claim.trackingCode,
    submittedAt: new Date(claim.submittedAt).toISOString(),
    platform: claim.platform as SubmitClaimBody['platform'],
    provinceCode: claim.provinceCode,
    text: claim.text,
    status: group.status as ClaimStatus,
    requestCount: group.requestCount,
    checkId: current ? group.id : null,
    verdict: current ? presentVerdict(current) : null,
  };
}
