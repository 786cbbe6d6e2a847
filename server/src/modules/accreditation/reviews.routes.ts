import type { FastifyInstance } from 'fastify';
import { ReviewList, RubricView, SubmitReviewBody, UpdateRubricBody } from '../../../../common/contracts/accreditation-courses.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import * as reviews from './reviews.service.js';
import { getActiveRubric, updateRubric } from './rubric.js';

const tags = ['accreditation'];

const presentRubric = (r: Awaited<ReturnType<typeof getActiveRubric>>): z.infer<typeof RubricView> => ({
  id: r.id,
  yearBe: r.yearBe,
  round: r.round,
  criteria: r.criteria as z.infer<typeof RubricView>['criteria'],
  createdAt: r.createdAt.toISOString(),
});

/** The review rubric and expert reviews. */
export function reviewRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/rubrics/active', {
    config: { access: { roles: ['accreditation_officer', 'reviewer'] } },
    schema: {
      operationId: 'getActiveRubric',
      tags,
      summary: 'The weighted criteria reviewers score against',
      response: { 200: RubricView, ...problems },
    },
    handler: async (req) => presentRubric(await getActiveRubric(req.ctx)),
  });

  r.put('/api/rubrics/active', {
    config: { access: { roles: ['accreditation_officer'] } },
    schema: {
      operationId: 'updateRubric',
      tags,
      summary: 'Replace the active rubric (weights sum to 100)',
      body: UpdateRubricBody,
      response: { 200: RubricView, ...problems },
    },
    handler: async (req) => presentRubric(await updateRubric(req.ctx, req.body.criteria)),
  });

  r.post('/api/assignments/:id/review', {
    config: { access: { roles: ['reviewer'] } },
    schema: {
      operationId: 'submitReview',
      tags,
      summary: 'Submit the review of an accepted assignment (once)',
      params: IdParams,
      body: SubmitReviewBody,
      response: { 201: z.object({ weightedScore: z.number() }), ...problems },
    },
    handler: async (req, reply) => reply.code(201).send(await reviews.submitReview(req.ctx, req.params.id, req.body)),
  });

  r.get('/api/courses/:id/reviews', {
    config: { access: { roles: ['accreditation_officer', 'reviewer'] } },
    schema: {
      operationId: 'listReviews',
      tags,
      summary: "The current round's reviews: officers see all; a reviewer sees others only after submitting, anonymised",
      params: IdParams,
      response: { 200: ReviewList, ...problems },
    },
    handler: async (req) => reviews.listReviews(req.ctx, req.params.id),
  });
}
