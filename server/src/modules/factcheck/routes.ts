import type { FastifyInstance } from 'fastify';
import {
  AssignClaimBody,
  ClaimChallenge,
  ClaimGroupList,
  ClaimGroupView,
  FactCheckerList,
  FactCheckSearchResult,
  FactCheckView,
  ListClaimsQuery,
  MergeClaimGroupsBody,
  PublishVerdictBody,
  SearchFactChecksQuery,
  SplitClaimGroupBody,
  SubmitClaimBody,
  SubmittedClaim,
  TrackedClaim,
} from '../../../../common/contracts/factcheck.js';
import { Problem } from '../../../../common/contracts/shared.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { getFactCheck, searchFactChecks } from './checks.service.js';
import { issueClaimChallenge, submitClaim, trackClaim } from './claims.service.js';
import {
  assignClaim,
  getClaimGroup,
  getClaimImage,
  listClaims,
  listFactCheckers,
  mergeClaimGroups,
  publishVerdict,
  splitClaimGroup,
  startReview,
} from './queue.service.js';

const tags = ['factcheck'];
const checkers = { access: { roles: ['fact_checker'] } } as const;
const TrackParams = z.object({ code: z.string().min(4).max(20) });
/** A claim may carry a 2 MB image, base64-encoded in the JSON body. */
const SUBMIT_BODY_LIMIT = 3 * 1024 * 1024;

/** Suspicious claims: submission and tracking (public), the fact-checkers' queue, and published checks (public). */
export function factcheckRoutes(app: FastifyInstance) {
  const r = typed(app);
  const config = app.thaksaConfig;
  const lookups = { access: 'public', rateLimit: { max: config.SEARCH_RATE_PER_MINUTE, timeWindow: '1 minute' } } as const;

  r.get('/api/factcheck/challenge', {
    config: lookups,
    schema: {
      operationId: 'getClaimChallenge',
      tags,
      summary: 'A proof-of-work challenge to answer when submitting a claim without signing in (decision 011)',
      response: { 200: ClaimChallenge, ...problems },
    },
    handler: async (req) => issueClaimChallenge(req.ctx, config.CLAIM_CHALLENGE_BITS),
  });

  r.post('/api/factcheck/claims', {
    bodyLimit: SUBMIT_BODY_LIMIT,
    config: { access: 'public', rateLimit: { max: config.CLAIM_RATE_PER_MINUTE, timeWindow: '1 minute' } },
    schema: {
      operationId: 'submitClaim',
      tags,
      summary: 'Send a suspicious claim to be checked (no sign-in needed; rate-limited; anonymous callers answer the challenge)',
      body: SubmitClaimBody,
      response: { 201: SubmittedClaim, ...problems, 413: Problem, 415: Problem, 429: Problem },
    },
    handler: async (req, reply) => reply.code(201).send(await submitClaim(req.ctx, req.body)),
  });

  r.get('/api/factcheck/track/:code', {
    config: lookups,
    schema: {
      operationId: 'trackClaim',
      tags,
      summary: 'Where a claim stands, by its tracking code, with the verdict once published',
      params: TrackParams,
      response: { 200: TrackedClaim, ...problems },
    },
    handler: async (req) => trackClaim(req.ctx, req.params.code),
  });

  r.get('/api/factcheck/groups', {
    config: checkers,
    schema: {
      operationId: 'listClaims',
      tags,
      summary: 'The queue of claim groups: filter by status, platform, province, assigned to me; by request count or recency',
      querystring: ListClaimsQuery,
      response: { 200: ClaimGroupList, ...problems },
    },
    handler: async (req) => listClaims(req.ctx, req.query),
  });

  r.get('/api/factcheck/groups/:id', {
    config: checkers,
    schema: { operationId: 'getClaimGroup', tags, params: IdParams, response: { 200: ClaimGroupView, ...problems } },
    handler: async (req) => getClaimGroup(req.ctx, req.params.id),
  });

  r.post('/api/factcheck/groups/:id/assignment', {
    config: checkers,
    schema: {
      operationId: 'assignClaim',
      tags,
      summary: 'Give the group to a fact-checker (oneself or another)',
      params: IdParams,
      body: AssignClaimBody,
      response: { 200: ClaimGroupView, ...problems },
    },
    handler: async (req) => assignClaim(req.ctx, req.params.id, req.body.assigneeId),
  });

  r.post('/api/factcheck/groups/:id/review', {
    config: checkers,
    schema: {
      operationId: 'startClaimReview',
      tags,
      summary: 'The assigned checker starts reviewing the group',
      params: IdParams,
      response: { 200: ClaimGroupView, ...problems },
    },
    handler: async (req) => startReview(req.ctx, req.params.id),
  });

  r.post('/api/factcheck/groups/:id/verdict', {
    config: checkers,
    schema: {
      operationId: 'publishVerdict',
      tags,
      summary: 'Publish (or correct, with a note) the verdict; every submitter of the group is told',
      params: IdParams,
      body: PublishVerdictBody,
      response: { 200: ClaimGroupView, ...problems },
    },
    handler: async (req) => publishVerdict(req.ctx, req.params.id, req.body),
  });

  r.post('/api/factcheck/groups/:id/merge', {
    config: checkers,
    schema: {
      operationId: 'mergeClaimGroups',
      tags,
      summary: 'Move every claim of another unpublished group into this one',
      params: IdParams,
      body: MergeClaimGroupsBody,
      response: { 200: ClaimGroupView, ...problems },
    },
    handler: async (req) => mergeClaimGroups(req.ctx, req.params.id, req.body.sourceGroupId),
  });

  r.post('/api/factcheck/groups/:id/split', {
    config: checkers,
    schema: {
      operationId: 'splitClaimGroup',
      tags,
      summary: 'Take some claims out of the group into a new group',
      params: IdParams,
      body: SplitClaimGroupBody,
      response: { 200: z.object({ from: ClaimGroupView, created: ClaimGroupView }), ...problems },
    },
    handler: async (req) => splitClaimGroup(req.ctx, req.params.id, req.body.claimIds),
  });

  r.get('/api/factcheck/checkers', {
    config: checkers,
    schema: { operationId: 'listFactCheckers', tags, response: { 200: FactCheckerList, ...problems } },
    handler: async (req) => listFactCheckers(req.ctx),
  });

  r.get('/api/factcheck/claims/:id/image', {
    config: checkers,
    schema: {
      operationId: 'getClaimImage',
      tags,
      summary: 'The image sent with a claim',
      produces: ['image/jpeg', 'image/png', 'image/webp'],
      params: IdParams,
      response: { 200: z.any().describe('the image'), ...problems },
    },
    handler: async (req, reply) => {
      const file = await getClaimImage(req.ctx, req.params.id);
      return reply.type(file.mimeType).header('cache-control', 'private, max-age=3600').send(file.content);
    },
  });

  r.get('/api/factcheck/checks', {
    config: lookups,
    schema: {
      operationId: 'searchFactChecks',
      tags,
      summary: 'Search published fact-checks (Thai-aware), filter by verdict, province and platform',
      querystring: SearchFactChecksQuery,
      response: { 200: FactCheckSearchResult, ...problems },
    },
    handler: async (req) => searchFactChecks(req.ctx, req.query),
  });

  r.get('/api/factcheck/checks/:id', {
    config: { access: 'public' },
    schema: {
      operationId: 'getFactCheck',
      tags,
      summary: 'A published fact-check with its schema.org ClaimReview',
      params: IdParams,
      response: { 200: FactCheckView, ...problems },
    },
    handler: async (req) => getFactCheck(req.ctx, req.params.id),
  });
}
