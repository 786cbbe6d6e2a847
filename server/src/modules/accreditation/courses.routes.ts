import type { FastifyInstance } from 'fastify';
import {
  CourseList,
  CourseView,
  CreateCourseBody,
  HistoryList,
  ListCoursesQuery,
  UpdateCourseBody,
} from '../../../../common/contracts/accreditation-courses.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { presentCourse, presentCourseSummary } from './courses.present.js';
import * as courses from './courses.service.js';
import { getSubmissionHistory } from './decisions.service.js';

const tags = ['accreditation'];
const provider = { access: { roles: ['provider_admin'] } } as const;
const MAX_PDF_BYTES = 10 * 1024 * 1024;
const with413 = { ...problems, 413: problems[400], 415: problems[400] };

/** Courses, submissions, reviews and decisions of the accreditation workflow. */
export function courseAccreditationRoutes(app: FastifyInstance) {
  const r = typed(app);
  // Syllabi arrive as the raw PDF; the parser hands the bytes to the service, which checks the magic number.
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_PDF_BYTES }, (_req, body, done) => done(null, body));

  r.get('/api/courses', {
    config: { access: { roles: ['provider_admin', 'accreditation_officer'] } },
    schema: {
      operationId: 'listCourses',
      tags,
      summary: "The caller's providers' courses (officers: all)",
      querystring: ListCoursesQuery,
      response: { 200: CourseList, ...problems },
    },
    handler: async (req) => {
      const { items, total } = await courses.listCourses(req.ctx, req.query);
      return { items: items.map(presentCourseSummary), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.post('/api/courses', {
    config: provider,
    schema: {
      operationId: 'createCourse',
      tags,
      summary: 'Start a draft course for your provider',
      body: CreateCourseBody,
      response: { 201: CourseView, ...problems },
    },
    handler: async (req, reply) => {
      const id = await courses.createCourse(req.ctx, req.body);
      return reply.code(201).send(presentCourse(await courses.getCourse(req.ctx, id)));
    },
  });

  r.get('/api/courses/:id', {
    config: { access: { roles: ['provider_admin', 'accreditation_officer', 'reviewer'] } },
    schema: {
      operationId: 'getCourse',
      tags,
      summary: 'A course with checks, revision diff, decisions and service levels',
      params: IdParams,
      response: { 200: CourseView, ...problems },
    },
    handler: async (req) => presentCourse(await courses.getCourse(req.ctx, req.params.id)),
  });

  r.put('/api/courses/:id', {
    config: provider,
    schema: {
      operationId: 'updateCourse',
      tags,
      summary: 'Replace the content of a draft or of the revision being prepared (a revision becomes a new version)',
      params: IdParams,
      body: UpdateCourseBody,
      response: { 200: CourseView, ...problems },
    },
    handler: async (req) => {
      await courses.updateCourse(req.ctx, req.params.id, req.body);
      return presentCourse(await courses.getCourse(req.ctx, req.params.id));
    },
  });

  r.put('/api/courses/:id/syllabus', {
    config: provider,
    schema: {
      operationId: 'uploadSyllabus',
      tags,
      summary: 'Upload the syllabus as a raw application/pdf body (at most 10 MB)',
      consumes: ['application/pdf'],
      params: IdParams,
      response: { 200: CourseView, ...with413 },
    },
    handler: async (req) => {
      await courses.uploadSyllabus(req.ctx, req.params.id, req.body, `syllabus-${req.params.id}.pdf`);
      return presentCourse(await courses.getCourse(req.ctx, req.params.id));
    },
  });

  r.get('/api/courses/:id/syllabus', {
    config: { access: { roles: ['provider_admin', 'accreditation_officer', 'reviewer'] } },
    schema: {
      operationId: 'getSyllabus',
      tags,
      summary: 'The syllabus PDF of the current version',
      produces: ['application/pdf'],
      params: IdParams,
      response: { 200: z.any().describe('the PDF'), ...problems },
    },
    handler: async (req, reply) => {
      const file = await courses.getSyllabus(req.ctx, req.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${file.filename}"`).send(file.content);
    },
  });

  r.post('/api/courses/:id/submission', {
    config: provider,
    schema: {
      operationId: 'submitCourse',
      tags,
      summary: 'Submit (or resubmit a revision) for accreditation; blocking check errors are 409 with each in errors[]',
      params: IdParams,
      response: { 200: CourseView, ...problems },
    },
    handler: async (req) => {
      await courses.submitCourse(req.ctx, req.params.id);
      return presentCourse(await courses.getCourse(req.ctx, req.params.id));
    },
  });

  r.get('/api/courses/:id/history', {
    config: { access: { roles: ['provider_admin', 'accreditation_officer'] } },
    schema: {
      operationId: 'getSubmissionHistory',
      tags,
      summary: 'The audit trail of a course, oldest first',
      params: IdParams,
      response: { 200: HistoryList, ...problems },
    },
    handler: async (req) => ({ items: await getSubmissionHistory(req.ctx, req.params.id) }),
  });
}
