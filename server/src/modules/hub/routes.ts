import type { FastifyInstance } from 'fastify';
import {
  ArticleList,
  ArticleSearchResult,
  ArticleSlugParams,
  ArticleView,
  CreateArticleBody,
  ListArticlesQuery,
  SearchArticlesQuery,
  UpdateArticleBody,
} from '../../../../common/contracts/hub.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { HUB_AUTHORS, HUB_EDITORS } from './policy.js';
import * as service from './service.js';

const tags = ['hub'];
/** An article may carry a 2 MB cover, base64-encoded in the JSON body. */
const ARTICLE_BODY_LIMIT = 3 * 1024 * 1024;

/** The knowledge hub: articles and news for volunteers and the public (decision 012). */
export function hubRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/hub/articles', {
    config: { access: 'public' },
    schema: {
      operationId: 'listArticles',
      tags,
      summary: 'Published articles and news (authors may ask for drafts), by kind, topic and tag, paged',
      querystring: ListArticlesQuery,
      response: { 200: ArticleList, ...problems },
    },
    handler: async (req) => service.listArticles(req.ctx, req.query),
  });

  r.get('/api/hub/search', {
    config: { access: 'public' },
    schema: {
      operationId: 'searchArticles',
      tags,
      summary: 'Search published articles with the catalogue’s Thai search (segmented words, typo fallback, highlights)',
      querystring: SearchArticlesQuery,
      response: { 200: ArticleSearchResult, ...problems },
    },
    handler: async (req) => service.searchArticles(req.ctx, req.query),
  });

  r.get('/api/hub/articles/:slug', {
    config: { access: 'public' },
    schema: {
      operationId: 'getArticle',
      tags,
      summary: 'One article by its address, with its linked courses and schema.org Article',
      params: ArticleSlugParams,
      response: { 200: ArticleView, ...problems },
    },
    handler: async (req) => service.getArticle(req.ctx, req.params.slug),
  });

  r.post('/api/hub/articles', {
    config: { access: { roles: HUB_AUTHORS } },
    bodyLimit: ARTICLE_BODY_LIMIT,
    schema: {
      operationId: 'createArticle',
      tags,
      summary: 'Write a draft article or news item',
      body: CreateArticleBody,
      response: { 201: ArticleView, ...problems },
    },
    handler: async (req, reply) => reply.code(201).send(await service.createArticle(req.ctx, req.body)),
  });

  r.put('/api/hub/articles/:id', {
    config: { access: { roles: HUB_AUTHORS } },
    bodyLimit: ARTICLE_BODY_LIMIT,
    schema: {
      operationId: 'updateArticle',
      tags,
      summary: 'Save an article (naming the version edited)',
      params: IdParams,
      body: UpdateArticleBody,
      response: { 200: ArticleView, ...problems },
    },
    handler: async (req) => service.updateArticle(req.ctx, req.params.id, req.body),
  });

  r.post('/api/hub/articles/:id/publish', {
    config: { access: { roles: HUB_EDITORS } },
    schema: {
      operationId: 'publishArticle',
      tags,
      summary: 'Publish an article',
      params: IdParams,
      response: { 200: ArticleView, ...problems },
    },
    handler: async (req) => service.publishArticle(req.ctx, req.params.id),
  });

  r.post('/api/hub/articles/:id/unpublish', {
    config: { access: { roles: HUB_EDITORS } },
    schema: {
      operationId: 'unpublishArticle',
      tags,
      summary: 'Take an article off the public hub (back to draft)',
      params: IdParams,
      response: { 200: ArticleView, ...problems },
    },
    handler: async (req) => service.unpublishArticle(req.ctx, req.params.id),
  });

  r.get('/api/hub/covers/:id', {
    config: { access: 'public' },
    schema: {
      operationId: 'getArticleCover',
      tags,
      summary: 'An article’s cover picture',
      produces: ['image/jpeg', 'image/png', 'image/webp'],
      params: IdParams,
      response: { 200: z.any().describe('the picture'), ...problems },
    },
    handler: async (req, reply) => {
      const cover = await service.getArticleCover(req.ctx, req.params.id);
      return reply
        .type(cover.mimeType)
        .header('cache-control', cover.published ? 'public, max-age=86400' : 'private, no-store')
        .send(cover.content);
    },
  });
}
