import type { ClaimGroupView, ClaimPlatform, ClaimStatus, FactCheckView, Verdict } from '../../../../common/contracts/factcheck.js';
import type { Actor } from '../../lib/context.js';
import { canAssignClaim, canReshapeGroup, canWorkOnGroup, isFactChecker } from './policy.js';
import type { ClaimRow, GroupRow, listVerdicts } from './repository.js';
import { canTransition } from './state-machine.js';

const iso = (d: Date | string) => new Date(d).toISOString();

type VerdictRow = Awaited<ReturnType<typeof listVerdicts>>[number];

export function presentVerdict({ v, publishedByName }: VerdictRow) {
  return {
    version: v.version,
    verdict: v.verdict as Verdict,
    claimReviewed: v.claimReviewed,
    explanationTh: v.explanationTh,
    explanationEn: v.explanationEn,
    sources: v.sources,
    correctionNote: v.correctionNote,
    publishedAt: iso(v.publishedAt),
    publishedByName: publishedByName ?? null,
  };
}

export function presentGroupSummary(g: GroupRow, names: Map<string, string>) {
  return {
    id: g.id,
    status: g.status as ClaimStatus,
    sampleText: g.sampleText,
    requestCount: g.requestCount,
    provinces: g.provinces,
    platforms: g.platforms,
    firstSeenAt: iso(g.firstSeenAt),
    lastSeenAt: iso(g.lastSeenAt),
    assignee: g.assigneeId ? { id: g.assigneeId, name: names.get(g.assigneeId) ?? '' } : null,
    verdict: (g.verdict as Verdict | null) ?? null,
  };
}

/** What the actor may do next with the group: the state machine and the policy, never the client's own rules. */
export function groupAbilities(actor: Actor, g: GroupRow): ClaimGroupView['abilities'] {
  const status = g.status as ClaimStatus;
  const working = canWorkOnGroup(actor, g);
  return {
    assign: canAssignClaim(actor) && canTransition(status, 'assign'),
    startReview: working && canTransition(status, 'start_review'),
    publish: working && canTransition(status, 'publish'),
    // Any group may take in an unpublished one (a published one then answers the newcomers at once).
    merge: isFactChecker(actor),
    split: canReshapeGroup(actor, g) && g.requestCount > 1,
  };
}

/** A claim as a fact-checker sees it: never the submitter's contact details, only whether they can be told. */
export function presentMember(c: ClaimRow) {
  return {
    id: c.id,
    text: c.text,
    link: c.link,
    platform: c.platform as ClaimPlatform,
    provinceCode: c.provinceCode,
    submittedAt: iso(c.submittedAt),
    hasImage: !!c.imageFileId,
    submitter: c.submitterUserId
      ? ('user' as const)
      : c.contactEmail || c.contactPhone
        ? ('anonymous_contact' as const)
        : ('anonymous' as const),
  };
}

/** schema.org rating of each verdict (1 = false … 5 = true) and its name. */
const RATING: Record<Verdict, { value: number; th: string }> = {
  false: { value: 1, th: 'เท็จ' },
  misleading: { value: 2, th: 'บิดเบือน' },
  unproven: { value: 3, th: 'ยังไม่มีหลักฐานยืนยัน' },
  true: { value: 5, th: 'จริง' },
};

export const ORGANISATION = {
  nameTh: 'ทักษะ — ศูนย์ตรวจสอบข่าวของเครือข่ายอาสาสมัครดิจิทัล',
  nameEn: 'Thaksa fact-checking desk (digital volunteer network)',
};

/** The one schema.org ClaimReview of a published check (https://schema.org/ClaimReview). */
export function claimReviewJsonLd(v: Omit<FactCheckView, 'jsonLd'>, baseUrl: string): Record<string, unknown> {
  const url = new URL(`/factcheck/checks/${v.id}`, baseUrl).toString();
  const appearances = v.appearances.map((link) => ({ '@type': 'CreativeWork', url: `https://${link}` }));
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: v.claimReviewed,
    datePublished: v.firstPublishedAt.slice(0, 10),
    dateModified: v.publishedAt.slice(0, 10),
    inLanguage: 'th',
    author: { '@type': 'Organization', name: ORGANISATION.nameTh, alternateName: ORGANISATION.nameEn, url: baseUrl },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: RATING[v.verdict].value,
      bestRating: 5,
      worstRating: 1,
      alternateName: RATING[v.verdict].th,
    },
    itemReviewed: {
      '@type': 'Claim',
      datePublished: v.firstSeenAt.slice(0, 10),
      ...(appearances.length ? { appearance: appearances, firstAppearance: appearances[0] } : {}),
    },
  };
}

export const VERDICT_LABELS: Record<Verdict, { th: string; en: string }> = {
  true: { th: 'จริง', en: 'True' },
  false: { th: 'เท็จ', en: 'False' },
  misleading: { th: 'บิดเบือน', en: 'Misleading' },
  unproven: { th: 'ยังไม่มีหลักฐานยืนยัน', en: 'Unproven' },
};
