import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  AttestActivityBody,
  DevelopmentPlanView,
  DraftDevelopmentPlanBody,
  EVIDENCE_MAX_BYTES,
  GapHeatmapQuery,
  GapHeatmapView,
  LearningRecordList,
  LearningRecordsQuery,
  MyPlanQuery,
  MyPlanResult,
  PersonParams,
  PlanDecisionBody,
  RecordCompletionsBody,
  RecordCompletionsResult,
  ReturnPlanBody,
  SkillProfileView,
  SupervisorQueueView,
  UpdateDevelopmentPlanBody,
} from '../../../../common/contracts/development.js';
import { AppError } from '../../../../common/errors.js';
import type { Ctx } from '../../lib/context.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { acceptTableUploads, TABLE_CONTENT_TYPES } from '../../lib/tabular.js';
import { fiscalYearBe } from '../../lib/thai-text.js';
import * as plans from './plans.service.js';
import { HEATMAP_READERS } from './policy.js';
import { presentDevelopmentPlan, presentQueue, presentRecord } from './present.js';
import { getGapHeatmap, getMySkillProfile, getSkillProfile } from './profile.service.js';
import * as records from './records.service.js';

const tags = ['development'];
const signedIn = { access: 'authenticated' } as const;
const providers = { access: { roles: ['provider_admin'] } } as const;

/** Skill profiles and gaps, individual development plans (70:20:10) and their approval, learning records. */
export function developmentRoutes(app: FastifyInstance) {
  const r = typed(app);
  acceptTableUploads(app);
  const planView = async (ctx: Ctx, id: string) => presentDevelopmentPlan(await plans.getDevelopmentPlan(ctx, id), ctx.actor as never);

  r.get('/api/me/skill-profile', {
    config: signedIn,
    schema: {
      operationId: 'getMySkillProfile',
      tags,
      summary: 'My skill profile: required, self-assessed, tested and evidenced levels per skill area, the gap, history',
      response: { 200: SkillProfileView, ...problems },
    },
    handler: async (req) => getMySkillProfile(req.ctx),
  });

  r.get('/api/people/:personId/skill-profile', {
    config: signedIn,
    schema: {
      operationId: 'getSkillProfile',
      tags,
      summary: "A person's skill profile (the person, their supervisor, HR of their agency subtree, central monitors)",
      params: PersonParams,
      response: { 200: SkillProfileView, ...problems },
    },
    handler: async (req) => getSkillProfile(req.ctx, req.params.personId),
  });

  r.get('/api/skill-gaps', {
    config: { access: { roles: HEATMAP_READERS } },
    schema: {
      operationId: 'getGapHeatmap',
      tags,
      summary:
        "An agency subtree's gap heat map: share of people below the required level per target group and skill area (cells under 5 people suppressed)",
      querystring: GapHeatmapQuery,
      response: { 200: GapHeatmapView, ...problems },
    },
    handler: async (req) => getGapHeatmap(req.ctx, req.query.agencyId),
  });

  r.get('/api/me/development-plan', {
    config: signedIn,
    schema: {
      operationId: 'getMyDevelopmentPlan',
      tags,
      summary: 'My individual development plan of a fiscal year (this one by default); null if not drafted',
      querystring: MyPlanQuery,
      response: { 200: MyPlanResult, ...problems },
    },
    handler: async (req) => {
      const fiscalYear = req.query.fiscalYear ?? fiscalYearBe();
      const bundle = await plans.getMyDevelopmentPlan(req.ctx, fiscalYear);
      return { fiscalYear, plan: bundle ? presentDevelopmentPlan(bundle, req.ctx.actor as never) : null };
    },
  });

  r.post('/api/development-plans', {
    config: signedIn,
    schema: {
      operationId: 'draftDevelopmentPlan',
      tags,
      summary: 'Draft my plan for a fiscal year from my gaps: accredited courses with runs soon (10), coaching (20), on-the-job (70)',
      body: DraftDevelopmentPlanBody,
      response: { 201: DevelopmentPlanView, ...problems },
    },
    handler: async (req, reply) => {
      const plan = await plans.draftDevelopmentPlan(req.ctx, req.body);
      return reply.code(201).send(await planView(req.ctx, plan.id));
    },
  });

  r.get('/api/development-plans/:id', {
    config: signedIn,
    schema: {
      operationId: 'getDevelopmentPlan',
      tags,
      summary: 'A development plan with its activities, evidence, actual vs planned 70:20:10 mix, progress and history',
      params: IdParams,
      response: { 200: DevelopmentPlanView, ...problems },
    },
    handler: async (req) => planView(req.ctx, req.params.id),
  });

  r.put('/api/development-plans/:id', {
    config: signedIn,
    schema: {
      operationId: 'updateDevelopmentPlan',
      tags,
      summary: 'Replace the activities of my draft or returned plan; send the version you edited (409 if it changed)',
      params: IdParams,
      body: UpdateDevelopmentPlanBody,
      response: { 200: DevelopmentPlanView, ...problems },
    },
    handler: async (req) => {
      await plans.updateDevelopmentPlan(req.ctx, req.params.id, req.body);
      return planView(req.ctx, req.params.id);
    },
  });

  r.post('/api/development-plans/:id/submission', {
    config: signedIn,
    schema: {
      operationId: 'submitDevelopmentPlan',
      tags,
      summary: "Submit my plan for my supervisor's approval",
      params: IdParams,
      response: { 200: DevelopmentPlanView, ...problems },
    },
    handler: async (req) => {
      await plans.submitDevelopmentPlan(req.ctx, req.params.id);
      return planView(req.ctx, req.params.id);
    },
  });

  r.post('/api/development-plans/:id/approval', {
    config: { access: { roles: ['supervisor'] } },
    schema: {
      operationId: 'approveDevelopmentPlan',
      tags,
      summary: "Approve a direct report's submitted plan",
      params: IdParams,
      body: PlanDecisionBody,
      response: { 200: DevelopmentPlanView, ...problems },
    },
    handler: async (req) => {
      await plans.approveDevelopmentPlan(req.ctx, req.params.id, req.body);
      return planView(req.ctx, req.params.id);
    },
  });

  r.post('/api/development-plans/:id/return', {
    config: { access: { roles: ['supervisor'] } },
    schema: {
      operationId: 'returnDevelopmentPlan',
      tags,
      summary: "Return a direct report's submitted plan with comments",
      params: IdParams,
      body: ReturnPlanBody,
      response: { 200: DevelopmentPlanView, ...problems },
    },
    handler: async (req) => {
      await plans.returnDevelopmentPlan(req.ctx, req.params.id, req.body);
      return planView(req.ctx, req.params.id);
    },
  });

  r.post('/api/development-activities/:id/attestation', {
    config: { access: { roles: ['supervisor'] } },
    bodyLimit: Math.ceil(EVIDENCE_MAX_BYTES * 1.4) + 64 * 1024,
    schema: {
      operationId: 'attestActivity',
      tags,
      summary: "Attest a direct report's coaching or on-the-job activity with a note or a file (PDF, PNG, JPEG; at most 2 MB)",
      params: IdParams,
      body: AttestActivityBody,
      response: { 200: DevelopmentPlanView, ...problems },
    },
    handler: async (req) => {
      return planView(req.ctx, await plans.attestActivity(req.ctx, req.params.id, req.body));
    },
  });

  r.get('/api/development-evidence/:id', {
    config: signedIn,
    schema: {
      operationId: 'getEvidenceFile',
      tags,
      summary: 'An evidence file attached to an attestation (whoever may read the plan)',
      params: IdParams,
      produces: ['application/pdf', 'image/png', 'image/jpeg'],
      response: { 200: z.any().describe('the file'), ...problems },
    },
    handler: async (req, reply) => {
      const file = await plans.getEvidenceFile(req.ctx, req.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  });

  r.get('/api/supervisor/queue', {
    config: { access: { roles: ['supervisor'] } },
    schema: {
      operationId: 'getSupervisorQueue',
      tags,
      summary: "My direct reports' plans to approve and activities to attest",
      response: { 200: SupervisorQueueView, ...problems },
    },
    handler: async (req) => presentQueue(await plans.getSupervisorQueue(req.ctx)),
  });

  r.post('/api/learning-records/completions', {
    config: providers,
    schema: {
      operationId: 'recordCompletionsBatch',
      tags,
      summary:
        'Report completions of your courses (API token or session): up to 1,000 items by citizen ID or e-mail and course id or accreditation number; duplicates are ignored',
      body: RecordCompletionsBody,
      response: { 200: RecordCompletionsResult, ...problems },
    },
    handler: async (req) => records.recordCompletions(req.ctx, req.body.completions),
  });

  r.post('/api/learning-records/completions/file', {
    config: providers,
    bodyLimit: records.MAX_COMPLETIONS_CSV_BYTES,
    schema: {
      operationId: 'recordCompletionsFromFile',
      tags,
      summary: 'Report completions as a CSV or XLSX file with the same columns; the answer lists each rejected row',
      consumes: Object.keys(TABLE_CONTENT_TYPES),
      response: { 200: RecordCompletionsResult, ...problems },
    },
    handler: async (req) => {
      const format = TABLE_CONTENT_TYPES[(req.headers['content-type'] ?? '').split(';')[0].trim()];
      if (!format) throw new AppError('unsupported_media_type', 'send the file as text/csv or as an XLSX workbook');
      return records.recordCompletionsFromFile(req.ctx, req.body as Readable, format);
    },
  });

  r.get('/api/me/learning-records', {
    config: signedIn,
    schema: {
      operationId: 'listMyLearningRecords',
      tags,
      summary: 'My learning records, newest first, with who vouches for each and its certificate',
      querystring: LearningRecordsQuery,
      response: { 200: LearningRecordList, ...problems },
    },
    handler: async (req) => {
      const { rows, ...page } = await records.listMyLearningRecords(req.ctx, req.query);
      return { items: rows.map(presentRecord), ...page };
    },
  });

  r.get('/api/me/learning-records.csv', {
    config: signedIn,
    schema: {
      operationId: 'exportMyLearningRecords',
      tags,
      summary: 'All my learning records as a CSV file',
      produces: ['text/csv'],
      response: { 200: z.any().describe('the CSV'), ...problems },
    },
    handler: async (req, reply) => {
      const { csv, fileName } = await records.exportMyLearningRecords(req.ctx);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  });
}
