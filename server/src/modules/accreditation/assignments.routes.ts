import type { FastifyInstance } from 'fastify';
import {
  AssignmentView,
  AssignReviewerBody,
  MyAssignmentList,
  ReplaceAssignmentView,
  RespondToAssignmentBody,
  ReviewerSuggestionsView,
  SuggestReviewersQuery,
} from '../../../../common/contracts/accreditation-registry.js';
import { IdParams, problems, typed } from '../../lib/http.js';
import * as assignments from './assignments.service.js';
import { presentAssignment, presentMyAssignment } from './registry.present.js';

const tags = ['accreditation'];
const officer = { access: { roles: ['accreditation_officer'] } } as const;

/** Reviewer suggestions for a course round and the life of a review assignment. */
export function assignmentRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/courses/:id/reviewer-suggestions', {
    config: officer,
    schema: {
      operationId: 'suggestReviewers',
      tags,
      summary: "Ranked reviewers for the course's current round, and those excluded with the reasons",
      params: IdParams,
      querystring: SuggestReviewersQuery,
      response: { 200: ReviewerSuggestionsView, ...problems },
    },
    handler: async (req) => assignments.suggestReviewers(req.ctx, req.params.id, req.query.limit),
  });

  r.post('/api/courses/:id/assignments', {
    config: officer,
    schema: {
      operationId: 'assignReviewer',
      tags,
      params: IdParams,
      body: AssignReviewerBody,
      response: { 201: AssignmentView, ...problems },
    },
    handler: async (req, reply) =>
      reply.code(201).send(presentAssignment(await assignments.assignReviewer(req.ctx, req.params.id, req.body.reviewerId))),
  });

  r.post('/api/assignments/:id/response', {
    config: { access: { roles: ['reviewer'] } },
    schema: {
      operationId: 'respondToAssignment',
      tags,
      params: IdParams,
      body: RespondToAssignmentBody,
      response: { 200: AssignmentView, ...problems },
    },
    handler: async (req) => presentAssignment(await assignments.respondToAssignment(req.ctx, req.params.id, req.body)),
  });

  r.post('/api/assignments/:id/replacement', {
    config: officer,
    schema: {
      operationId: 'replaceAssignment',
      tags,
      params: IdParams,
      body: AssignReviewerBody,
      response: { 201: ReplaceAssignmentView, ...problems },
    },
    handler: async (req, reply) => {
      const { replaced, assignment } = await assignments.replaceAssignment(req.ctx, req.params.id, req.body.reviewerId);
      return reply.code(201).send({ replaced: presentAssignment(replaced), assignment: presentAssignment(assignment) });
    },
  });

  r.get('/api/reviewers/me/assignments', {
    config: { access: { roles: ['reviewer'] } },
    schema: { operationId: 'listMyAssignments', tags, response: { 200: MyAssignmentList, ...problems } },
    handler: async (req) => ({ items: (await assignments.listMyAssignments(req.ctx)).map((a) => presentMyAssignment(a)) }),
  });
}
