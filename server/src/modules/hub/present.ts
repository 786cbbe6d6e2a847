import type { CatalogCourseSummary } from '../../../../common/contracts/catalog.js';
import type { ArticleSummary, ArticleView, TextPart } from '../../../../common/contracts/hub.js';
import type { Actor } from '../../lib/context.js';
import { canEditArticle, canPublish } from './policy.js';
import type { ArticleRow, SummaryRow } from './repository.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Where a cover picture is served (public once its article is published). */
export const coverUrl = (fileId: string | null) => (fileId ? `/api/hub/covers/${fileId}` : null);

export function presentSummary(r: SummaryRow, marks?: { titleParts: TextPart[]; snippet: TextPart[] }): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    kind: r.kind as ArticleSummary['kind'],
    topic: r.topic as ArticleSummary['topic'],
    tags: r.tags,
    titleTh: r.title_th,
    titleEn: r.title_en,
    summaryTh: r.summary_th,
    summaryEn: r.summary_en,
    status: r.status as ArticleSummary['status'],
    publishedAt: iso(r.published_at),
    updatedAt: iso(r.updated_at) as string,
    coverUrl: coverUrl(r.cover_file_id),
    ...marks,
  };
}

/** schema.org Article (NewsArticle for news) of a published article: https://schema.org/Article */
export function articleJsonLd(a: ArticleRow, baseUrl: string): Record<string, unknown> {
  const url = new URL(`/hub/${a.slug}`, baseUrl).toString();
  return {
    '@context': 'https://schema.org',
    '@type': a.kind === 'news' ? 'NewsArticle' : 'Article',
    headline: a.titleTh,
    ...(a.titleEn ? { alternativeHeadline: a.titleEn } : {}),
    description: a.summaryTh,
    inLanguage: 'th',
    url,
    mainEntityOfPage: url,
    datePublished: iso(a.publishedAt),
    dateModified: iso(a.updatedAt),
    ...(a.coverFileId ? { image: new URL(coverUrl(a.coverFileId) as string, baseUrl).toString() } : {}),
    keywords: a.tags.join(', '),
    author: { '@type': 'Organization', name: 'สำนักงานคณะกรรมการดิจิทัลเพื่อเศรษฐกิจและสังคมแห่งชาติ' },
    publisher: { '@type': 'Organization', name: 'ทักษะ (Thaksa)', url: new URL('/', baseUrl).toString() },
  };
}

export function presentArticle(
  a: ArticleRow,
  opts: { actor: Actor | null; courses: CatalogCourseSummary[]; authorName: string; baseUrl: string },
): ArticleView {
  const publisher = canPublish(opts.actor);
  return {
    id: a.id,
    slug: a.slug,
    kind: a.kind as ArticleView['kind'],
    topic: a.topic as ArticleView['topic'],
    tags: a.tags,
    titleTh: a.titleTh,
    titleEn: a.titleEn,
    summaryTh: a.summaryTh,
    summaryEn: a.summaryEn,
    bodyTh: a.bodyTh,
    bodyEn: a.bodyEn,
    status: a.status as ArticleView['status'],
    publishedAt: iso(a.publishedAt),
    updatedAt: iso(a.updatedAt) as string,
    coverUrl: coverUrl(a.coverFileId),
    coverAltTh: a.coverAltTh,
    version: a.version,
    courseIds: a.courseIds,
    courses: opts.courses,
    authorName: opts.authorName,
    jsonLd: a.status === 'published' ? articleJsonLd(a, opts.baseUrl) : null,
    abilities: {
      edit: canEditArticle(opts.actor, a),
      publish: publisher && a.status === 'draft',
      unpublish: publisher && a.status === 'published',
    },
  };
}
