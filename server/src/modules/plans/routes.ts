import type { FastifyInstance } from 'fastify';
import {
  AgencyPlanList,
  AgencyPlanView,
  CohortView,
  CompleteCohortBody,
  CompletionResult,
  CreateAgencyPlanBody,
  CreateCohortBody,
  EnrollInCohortBody,
  EnrollmentResult,
  ListAgencyPlansQuery,
  PlanDecisionBody,
  RecordAttendanceBody,
  ReturnAgencyPlanBody,
  UpdateAgencyPlanBody,
} from '../../../../common/contracts/plans.js';
import { Ok } from '../../../../common/contracts/shared.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import * as cohorts from './cohorts.service.js';
import { PLAN_DECIDERS, PLAN_READERS, PLAN_WRITERS } from './policy.js';
import { presentCohort, presentPlan, presentPlanSummary } from './present.js';
import { getAgencyPlanReport } from './report.service.js';
import * as plans from './service.js';

const tags = ['plans'];
const readers = { access: { roles: PLAN_READERS } } as const;
const writers = { access: { roles: PLAN_WRITERS } } as const;
const deciders = { access: { roles: PLAN_DECIDERS } } as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Agency development plans (fiscal year, targets, budget, 70:20:10 activities, courses), their approval, reports and cohorts. */
export function planRoutes(app: FastifyInstance) {
  const r = typed(app);
  const planView = async (req: { ctx: Parameters<typeof plans.getAgencyPlan>[0] }, id: string) =>
    presentPlan(await plans.getAgencyPlan(req.ctx, id), req.ctx.actor);

  r.get('/api/plans', {
    config: readers,
    schema: {
      operationId: 'listAgencyPlans',
      tags,
      summary: "Plans the caller may see: its agencies' subtrees (HR, executives), approved plans nationally (central monitors)",
      querystring: ListAgencyPlansQuery,
      response: { 200: AgencyPlanList, ...problems },
    },
    handler: async (req) => {
      const { rows, canCreateFor, phases } = await plans.listAgencyPlans(req.ctx, req.query);
      return {
        items: rows.map(presentPlanSummary),
        canCreateFor: canCreateFor.map((a) => ({ id: a.id, code: a.code, nameTh: a.nameTh, nameEn: a.nameEn })),
        phases,
      };
    },
  });

  r.post('/api/plans', {
    config: writers,
    schema: {
      operationId: 'createAgencyPlan',
      tags,
      summary: 'Start the plan of an agency in your subtree for a fiscal year (one per agency and year)',
      body: CreateAgencyPlanBody,
      response: { 201: AgencyPlanView, ...problems },
    },
    handler: async (req, reply) => {
      const plan = await plans.createAgencyPlan(req.ctx, req.body);
      return reply.code(201).send(await planView(req, plan.id));
    },
  });

  r.get('/api/plans/:id', {
    config: readers,
    schema: {
      operationId: 'getAgencyPlan',
      tags,
      summary: 'A plan with progress against each target computed from records, its courses, cohorts and history',
      params: IdParams,
      response: { 200: AgencyPlanView, ...problems },
    },
    handler: async (req) => planView(req, req.params.id),
  });

  r.put('/api/plans/:id', {
    config: writers,
    schema: {
      operationId: 'updateAgencyPlan',
      tags,
      summary: 'Replace the content of a draft or returned plan; send the version you edited (409 if someone saved since)',
      params: IdParams,
      body: UpdateAgencyPlanBody,
      response: { 200: AgencyPlanView, ...problems },
    },
    handler: async (req) => {
      await plans.updateAgencyPlan(req.ctx, req.params.id, req.body);
      return planView(req, req.params.id);
    },
  });

  r.post('/api/plans/:id/submission', {
    config: writers,
    schema: {
      operationId: 'submitAgencyPlan',
      tags,
      summary: "Submit the plan for the executive's approval",
      params: IdParams,
      response: { 200: AgencyPlanView, ...problems },
    },
    handler: async (req) => {
      await plans.submitAgencyPlan(req.ctx, req.params.id);
      return planView(req, req.params.id);
    },
  });

  r.post('/api/plans/:id/approval', {
    config: deciders,
    schema: {
      operationId: 'approveAgencyPlan',
      tags,
      summary: 'Approve a submitted plan (executives of the agency or an ancestor)',
      params: IdParams,
      body: PlanDecisionBody,
      response: { 200: AgencyPlanView, ...problems },
    },
    handler: async (req) => {
      await plans.approveAgencyPlan(req.ctx, req.params.id, req.body);
      return planView(req, req.params.id);
    },
  });

  r.post('/api/plans/:id/return', {
    config: deciders,
    schema: {
      operationId: 'returnAgencyPlan',
      tags,
      summary: 'Return a submitted plan to HR with comments',
      params: IdParams,
      body: ReturnAgencyPlanBody,
      response: { 200: AgencyPlanView, ...problems },
    },
    handler: async (req) => {
      await plans.returnAgencyPlan(req.ctx, req.params.id, req.body);
      return planView(req, req.params.id);
    },
  });

  for (const format of ['pdf', 'xlsx'] as const) {
    r.get(`/api/plans/:id/report.${format}`, {
      config: readers,
      schema: {
        operationId: format === 'pdf' ? 'getAgencyPlanReportPdf' : 'getAgencyPlanReportXlsx',
        tags,
        summary:
          format === 'pdf'
            ? 'The plan report as a Thai PDF: targets with progress, budget, 70:20:10 mix, courses, cohorts'
            : 'The plan report as a workbook: targets, budget, activities, cohorts',
        params: IdParams,
        produces: [format === 'pdf' ? 'application/pdf' : XLSX],
        response: { 200: z.any().describe('the file'), ...problems },
      },
      handler: async (req, reply) => {
        const { body, fileName } = await getAgencyPlanReport(req.ctx, req.params.id, format);
        return reply
          .type(format === 'pdf' ? 'application/pdf' : XLSX)
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    });
  }

  cohortRoutes(app);
}

function cohortRoutes(app: FastifyInstance) {
  const r = typed(app);
  const cohortView = async (req: { ctx: Parameters<typeof cohorts.getCohort>[0] }, id: string) =>
    presentCohort(await cohorts.getCohort(req.ctx, id), req.ctx.actor);

  r.post('/api/plans/:id/cohorts', {
    config: writers,
    schema: {
      operationId: 'createCohort',
      tags,
      summary: 'Add a cohort (รุ่น) of a catalogue course to the plan; classroom designs keep lecture at most 60%',
      params: IdParams,
      body: CreateCohortBody,
      response: { 201: CohortView, ...problems },
    },
    handler: async (req, reply) => {
      const cohort = await cohorts.createCohort(req.ctx, req.params.id, req.body);
      return reply.code(201).send(await cohortView(req, cohort.id));
    },
  });

  r.get('/api/cohorts/:id', {
    config: readers,
    schema: {
      operationId: 'getCohort',
      tags,
      summary: 'A cohort with its participants and attendance per session',
      params: IdParams,
      response: { 200: CohortView, ...problems },
    },
    handler: async (req) => cohortView(req, req.params.id),
  });

  r.post('/api/cohorts/:id/enrolments', {
    config: writers,
    schema: {
      operationId: 'enrollInCohort',
      tags,
      summary: "Enrol people of the plan's agency subtree, by id or by a list of e-mails (all or nothing)",
      params: IdParams,
      body: EnrollInCohortBody,
      response: { 200: EnrollmentResult, ...problems },
    },
    handler: async (req) => cohorts.enrollInCohort(req.ctx, req.params.id, req.body),
  });

  r.put('/api/cohorts/:id/attendance', {
    config: writers,
    schema: {
      operationId: 'recordAttendance',
      tags,
      summary: 'Record present, absent or excused for participants at one session',
      params: IdParams,
      body: RecordAttendanceBody,
      response: { 200: Ok, ...problems },
    },
    handler: async (req) => {
      await cohorts.recordAttendance(req.ctx, req.params.id, req.body);
      return { ok: true as const };
    },
  });

  r.post('/api/cohorts/:id/completion', {
    config: writers,
    schema: {
      operationId: 'completeCohort',
      tags,
      summary: 'Complete the cohort: participants at or above the attendance threshold complete and get learning records (idempotent)',
      params: IdParams,
      body: CompleteCohortBody,
      response: { 200: CompletionResult, ...problems },
    },
    handler: async (req) => cohorts.completeCohort(req.ctx, req.params.id, req.body),
  });
}
