import type { FastifyInstance } from 'fastify';
import {
  AccreditationVerification,
  CourseList,
  CourseView,
  DecisionBody,
  ListSubmissionsQuery,
  ReasonBody,
  ScreenBody,
} from '../../../../common/contracts/accreditation-courses.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { presentCourse, presentCourseSummary } from './courses.present.js';
import { getCourse } from './courses.service.js';
import * as decisions from './decisions.service.js';

const tags = ['accreditation'];
const officer = { access: { roles: ['accreditation_officer'] } } as const;

/** The officer's side: the queue, screening, decisions and the life of an accreditation; public verification. */
export function decisionRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/submissions', {
    config: officer,
    schema: {
      operationId: 'listSubmissions',
      tags,
      summary: 'The submission queue, earliest due first',
      querystring: ListSubmissionsQuery,
      response: { 200: CourseList, ...problems },
    },
    handler: async (req) => {
      const { items, total } = await decisions.listSubmissions(req.ctx, req.query);
      return { items: items.map(presentCourseSummary), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.post('/api/courses/:id/screening', {
    config: officer,
    schema: {
      operationId: 'screenSubmission',
      tags,
      summary: 'Send a submission to review or return it for completion',
      params: IdParams,
      body: ScreenBody,
      response: { 200: CourseView, ...problems },
    },
    handler: async (req) => {
      await decisions.screenSubmission(req.ctx, req.params.id, req.body);
      return presentCourse(await getCourse(req.ctx, req.params.id));
    },
  });

  r.post('/api/courses/:id/decision', {
    config: officer,
    schema: {
      operationId: 'decideSubmission',
      tags,
      summary: 'Decide a reviewed submission; accrediting issues the number',
      params: IdParams,
      body: DecisionBody,
      response: { 200: CourseView, ...problems },
    },
    handler: async (req) => {
      await decisions.decideSubmission(req.ctx, req.params.id, req.body);
      return presentCourse(await getCourse(req.ctx, req.params.id));
    },
  });

  r.post('/api/courses/:id/renewal', {
    config: officer,
    schema: {
      operationId: 'renewAccreditation',
      tags,
      summary: 'Extend the validity by the configured number of years',
      params: IdParams,
      response: { 200: CourseView, ...problems },
    },
    handler: async (req) => {
      await decisions.renewAccreditation(req.ctx, req.params.id);
      return presentCourse(await getCourse(req.ctx, req.params.id));
    },
  });

  const statusRoutes = [
    ['suspension', 'suspendAccreditation', 'suspend', 'Suspend an accreditation'],
    ['reinstatement', 'reinstateAccreditation', 'reinstate', 'Reinstate a suspended accreditation'],
    ['revocation', 'revokeAccreditation', 'revoke', 'Revoke an accreditation'],
  ] as const;
  for (const [path, operationId, event, summary] of statusRoutes) {
    r.post(`/api/courses/:id/${path}`, {
      config: officer,
      schema: { operationId, tags, summary, params: IdParams, body: ReasonBody, response: { 200: CourseView, ...problems } },
      handler: async (req) => {
        await decisions.changeAccreditationStatus(req.ctx, req.params.id, event, req.body.reason);
        return presentCourse(await getCourse(req.ctx, req.params.id));
      },
    });
  }

  r.get('/api/accreditations/:number', {
    config: { access: 'public' },
    schema: {
      operationId: 'verifyAccreditation',
      tags,
      summary: 'Check an accreditation number (public)',
      params: z.object({ number: z.string().min(1).max(60) }),
      response: { 200: AccreditationVerification, ...problems },
    },
    handler: async (req) => {
      const { course: c, isValid } = await decisions.verifyAccreditation(req.ctx, req.params.number);
      return {
        number: c.accreditationNumber as string,
        courseTitleTh: c.titleTh,
        courseTitleEn: c.titleEn,
        providerName: c.providerName,
        state: c.state as z.infer<typeof AccreditationVerification>['state'],
        validFrom: c.validFrom,
        validUntil: c.validUntil,
        isValid,
      };
    },
  });
}
