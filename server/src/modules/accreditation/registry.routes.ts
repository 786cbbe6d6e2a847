import type { FastifyInstance } from 'fastify';
import { ListProvidersQuery, ProviderList } from '../../../../common/contracts/accreditation.js';
import {
  ApplyAsReviewerBody,
  ConflictView,
  DeclareConflictBody,
  InviteProviderColleagueBody,
  ListReviewersQuery,
  ProviderDetailView,
  ProviderMemberView,
  RegisterProviderBody,
  RegisterProviderView,
  ReviewerDecisionBody,
  ReviewerList,
  ReviewerView,
  VerifyProviderBody,
} from '../../../../common/contracts/accreditation-registry.js';
import { IdParams, problems, typed } from '../../lib/http.js';
import { assignmentRoutes } from './assignments.routes.js';
import { presentMember, presentProviderDetail, presentProviderSummary, presentReviewer } from './registry.present.js';
import * as registry from './registry.service.js';

const tags = ['accreditation'];
const officer = { access: { roles: ['accreditation_officer'] } } as const;

/** Provider registration and verification, the reviewer registry, matching and assignments. */
export function accreditationRegistryRoutes(app: FastifyInstance) {
  providerRoutes(app);
  reviewerRoutes(app);
  assignmentRoutes(app);
}

function providerRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/providers', {
    config: { access: 'public' },
    schema: {
      operationId: 'listProviders',
      tags,
      summary: 'Training providers by name (verified ones only, except for officers)',
      querystring: ListProvidersQuery,
      response: { 200: ProviderList, ...problems },
    },
    handler: async (req) => {
      const { items, total } = await registry.listProviders(req.ctx, req.query);
      return { items: items.map(presentProviderSummary), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.post('/api/providers', {
    config: { access: 'public', rateLimit: { max: app.thaksaConfig.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' } },
    schema: {
      operationId: 'registerProvider',
      tags,
      summary: 'Register a training provider and its first administrator (pending verification)',
      body: RegisterProviderBody,
      response: { 201: RegisterProviderView, ...problems, 429: problems[401] },
    },
    handler: async (req, reply) => {
      const { provider, user } = await registry.registerProvider(req.ctx, req.body);
      return reply.code(201).send({ provider: presentProviderDetail(provider, req.ctx.actor), admin: presentMember(user) });
    },
  });

  r.get('/api/providers/:id', {
    config: { access: 'public' },
    schema: { operationId: 'getProvider', tags, params: IdParams, response: { 200: ProviderDetailView, ...problems } },
    handler: async (req) => presentProviderDetail(await registry.getProvider(req.ctx, req.params.id), req.ctx.actor),
  });

  r.post('/api/providers/:id/verification', {
    config: officer,
    schema: {
      operationId: 'verifyProvider',
      tags,
      params: IdParams,
      body: VerifyProviderBody,
      response: { 200: ProviderDetailView, ...problems },
    },
    handler: async (req) => presentProviderDetail(await registry.verifyProvider(req.ctx, req.params.id, req.body), req.ctx.actor),
  });

  r.post('/api/providers/:id/members', {
    config: { access: { roles: ['provider_admin'] } },
    schema: {
      operationId: 'inviteProviderColleague',
      tags,
      summary: 'Add a colleague as another administrator of this provider',
      params: IdParams,
      body: InviteProviderColleagueBody,
      response: { 201: ProviderMemberView, ...problems },
    },
    handler: async (req, reply) =>
      reply.code(201).send(presentMember(await registry.inviteProviderColleague(req.ctx, req.params.id, req.body))),
  });
}

function reviewerRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post('/api/reviewers', {
    config: { access: 'authenticated' },
    schema: { operationId: 'applyAsReviewer', tags, body: ApplyAsReviewerBody, response: { 201: ReviewerView, ...problems } },
    handler: async (req, reply) => reply.code(201).send(presentReviewer(await registry.applyAsReviewer(req.ctx, req.body), req.ctx.actor)),
  });

  r.get('/api/reviewers', {
    config: officer,
    schema: { operationId: 'listReviewers', tags, querystring: ListReviewersQuery, response: { 200: ReviewerList, ...problems } },
    handler: async (req) => {
      const { items, total } = await registry.listReviewers(req.ctx, req.query);
      return { items: items.map((i) => presentReviewer(i, req.ctx.actor)), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.get('/api/reviewers/me', {
    config: { access: 'authenticated' },
    schema: { operationId: 'getMyReviewerProfile', tags, response: { 200: ReviewerView, ...problems } },
    handler: async (req) => presentReviewer(await registry.getMyReviewer(req.ctx), req.ctx.actor),
  });

  r.get('/api/reviewers/:id', {
    config: { access: 'authenticated' },
    schema: { operationId: 'getReviewer', tags, params: IdParams, response: { 200: ReviewerView, ...problems } },
    handler: async (req) => presentReviewer(await registry.getReviewer(req.ctx, req.params.id), req.ctx.actor),
  });

  r.post('/api/reviewers/:id/decision', {
    config: officer,
    schema: {
      operationId: 'approveReviewer',
      tags,
      params: IdParams,
      body: ReviewerDecisionBody,
      response: { 200: ReviewerView, ...problems },
    },
    handler: async (req) => presentReviewer(await registry.approveReviewer(req.ctx, req.params.id, req.body), req.ctx.actor),
  });

  r.post('/api/reviewers/me/conflicts', {
    config: { access: { roles: ['reviewer'] } },
    schema: { operationId: 'declareConflict', tags, body: DeclareConflictBody, response: { 201: ConflictView, ...problems } },
    handler: async (req, reply) => {
      const c = await registry.declareConflict(req.ctx, req.body);
      return reply.code(201).send({ providerId: c.providerId, reason: c.reason, declaredAt: c.declaredAt.toISOString() });
    },
  });
}
