import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/errors.js';
import type { Actor } from '../../lib/context.js';
import { issueChallenge, leadingZeroBits, solveChallenge, verifyChallenge } from './challenge.js';
import { newTrackingCode, normaliseTrackingCode } from './claims.service.js';
import { linkKey } from './links.js';
import { canAssignClaim, canListClaims, canReshapeGroup, canWorkOnGroup } from './policy.js';
import { claimReviewJsonLd } from './present.js';
import { canTransition, transition } from './state-machine.js';

const SECRET = 'x'.repeat(40);

describe('challenge against bots', () => {
  it('accepts solved work once signed, and refuses forged, tampered, expired and unsolved tokens', () => {
    const c = issueChallenge(SECRET, 8);
    const counter = solveChallenge(c.token, 8);
    expect(verifyChallenge(SECRET, c.token, counter)).toMatchObject({ ok: true });
    expect(verifyChallenge('y'.repeat(40), c.token, counter)).toEqual({ ok: false, reason: 'signature' });
    const [payload, sig] = c.token.split('.');
    const easier = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), b: 0 })).toString('base64url');
    expect(verifyChallenge(SECRET, `${easier}.${sig}`, 0)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyChallenge(SECRET, 'garbage', 0)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyChallenge(SECRET, c.token, counter, Date.now() + 11 * 60_000)).toEqual({ ok: false, reason: 'expired' });
    // A counter that does not reach the difficulty (bits 20 is one in a million by chance).
    const hard = issueChallenge(SECRET, 20);
    const wrong = [0, 1, 2].find((n) => leadingZeroBits(createHash('sha256').update(`${hard.token}:${n}`).digest()) < 20) as number;
    expect(verifyChallenge(SECRET, hard.token, wrong)).toEqual({ ok: false, reason: 'work' });
  });

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(Buffer.from([0, 0x0f]))).toBe(12);
    expect(leadingZeroBits(Buffer.from([0xff]))).toBe(0);
  });
});

describe('links', () => {
  it.each([
    ['https://www.Facebook.com/permalink/123/?fbclid=abc&utm_source=line', 'facebook.com/permalink/123'],
    ['https://m.facebook.com/permalink/123', 'facebook.com/permalink/123'],
    ['https://youtu.be/dQw4w9WgXcQ?si=xyz', 'youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&t=30', 'youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://youtube.com/shorts/dQw4w9WgXcQ', 'youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://twitter.com/someone/status/1234567?s=20', 'x.com/i/status/1234567'],
    ['http://EXAMPLE.go.th/news/1?b=2&a=1#top', 'example.go.th/news/1?a=1&b=2'],
    ['https://bit.ly/3abcDEF', 'bit.ly/3abcDEF'],
  ])('%s → %s', (raw, key) => {
    expect(linkKey(raw)).toBe(key);
  });

  it('a front page, a non-web address or nothing gives no key', () => {
    expect(linkKey('https://www.facebook.com/')).toBeNull();
    expect(linkKey('ftp://example.com/x')).toBeNull();
    expect(linkKey('not a link')).toBeNull();
    expect(linkKey(undefined)).toBeNull();
  });
});

describe('tracking codes', () => {
  it('are three groups of four Crockford characters and read back however they are typed', () => {
    const code = newTrackingCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseTrackingCode(code.toLowerCase().replaceAll('-', ''))).toBe(code);
    expect(normaliseTrackingCode('k7q2 m9xd 4hpt')).toBe('K7Q2-M9XD-4HPT');
  });
});

describe('claim group state machine', () => {
  it.each([
    ['new', 'assign', 'assigned'],
    ['assigned', 'assign', 'assigned'],
    ['in_review', 'assign', 'in_review'],
    ['published', 'assign', 'published'],
    ['assigned', 'start_review', 'in_review'],
    ['in_review', 'publish', 'published'],
    ['published', 'publish', 'published'],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(transition(from, event)).toBe(to);
  });

  it.each([
    ['new', 'start_review'],
    ['new', 'publish'],
    ['assigned', 'publish'],
    ['in_review', 'start_review'],
    ['published', 'start_review'],
  ] as const)('%s cannot %s (409)', (from, event) => {
    expect(canTransition(from, event)).toBe(false);
    let err: unknown;
    try {
      transition(from, event);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 409, code: 'factcheck.illegal_transition' });
  });
});

describe('policy', () => {
  const actor = (role: string, userId = 'u1') => ({ userId, grants: [{ role, scopeType: 'national', scopeId: '' }] }) as unknown as Actor;
  it('lets fact-checkers work the queue, only the assignee publish, and nobody reshape a published group', () => {
    expect(canListClaims(actor('fact_checker'))).toBe(true);
    expect(canListClaims(actor('volunteer'))).toBe(false);
    expect(canAssignClaim(actor('fact_checker'))).toBe(true);
    expect(canWorkOnGroup(actor('fact_checker'), { assigneeId: 'u1' })).toBe(true);
    expect(canWorkOnGroup(actor('fact_checker', 'u2'), { assigneeId: 'u1' })).toBe(false);
    expect(canWorkOnGroup(actor('volunteer'), { assigneeId: 'u1' })).toBe(false);
    expect(canReshapeGroup(actor('fact_checker'), { status: 'in_review' })).toBe(true);
    expect(canReshapeGroup(actor('fact_checker'), { status: 'published' })).toBe(false);
  });
});

describe('ClaimReview', () => {
  it('has the fields Google and other readers of ClaimReview look for', () => {
    const ld = claimReviewJsonLd(
      {
        id: '00000000-0000-4000-8000-000000000001',
        claimReviewed: 'ดื่มน้ำมะนาวรักษามะเร็ง',
        verdict: 'false',
        explanationTh: 'ไม่จริง',
        explanationEn: null,
        sources: [],
        publishedAt: '2026-11-30T03:00:00.000Z',
        firstPublishedAt: '2026-11-29T03:00:00.000Z',
        version: 2,
        corrections: [],
        requestCount: 2,
        provinces: ['10'],
        platforms: ['line'],
        firstSeenAt: '2026-11-28T03:00:00.000Z',
        appearances: ['facebook.com/permalink/1', 'youtube.com/watch?v=x'],
      },
      'https://thaksa.example',
    );
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://thaksa.example/factcheck/checks/00000000-0000-4000-8000-000000000001',
      claimReviewed: 'ดื่มน้ำมะนาวรักษามะเร็ง',
      datePublished: '2026-11-29',
      author: { '@type': 'Organization' },
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'เท็จ' },
      itemReviewed: {
        '@type': 'Claim',
        datePublished: '2026-11-28',
        firstAppearance: { '@type': 'CreativeWork', url: 'https://facebook.com/permalink/1' },
      },
    });
    expect((ld.itemReviewed as { appearance: unknown[] }).appearance).toHaveLength(2);
  });
});
