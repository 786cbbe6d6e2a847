import type { FastifyInstance } from 'fastify';
import {
  AssessmentList,
  AssessmentView,
  AttemptResultView,
  AttemptView,
  CreateAssessmentBody,
  CreateItemBody,
  ExportItemsQuery,
  ImportItemsBody,
  ImportItemsResult,
  ItemList,
  ItemStatsList,
  ItemStatsQuery,
  ItemView,
  ListAssessmentsQuery,
  ListItemsQuery,
  MyAssessmentList,
  ReviewItemBody,
  SaveAnswerBody,
  SaveAnswerParams,
  SavedAnswer,
  SelfAssessmentView,
  StatementBody,
  StatementView,
  SubmitSelfAssessmentBody,
  UpdateAssessmentBody,
  UpdateItemBody,
} from '../../../../common/contracts/assessment.js';
import type { Ctx } from '../../lib/context.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import * as attempts from './attempts.service.js';
import * as blueprints from './blueprints.service.js';
import * as items from './items.service.js';
import { AUTHORS, CANDIDATES, STATEMENT_EDITORS } from './policy.js';
import {
  presentAssessment,
  presentAssessmentSummary,
  presentAttempt,
  presentItem,
  presentItemSummary,
  presentMyAssessment,
  presentResult,
  presentSelfAssessment,
  presentStatement,
} from './present.js';
import * as self from './self.service.js';
import { listItemStats } from './stats.service.js';
import * as transfer from './transfer.service.js';

const tags = ['assessment'];
const authors = { access: { roles: AUTHORS } } as const;
const candidates = { access: { roles: CANDIDATES } } as const;
const statementEditors = { access: { roles: STATEMENT_EDITORS } } as const;
const selfReaders = { access: { roles: [...CANDIDATES, ...STATEMENT_EDITORS] } } as const;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** Item bodies may carry a 512 kB image as base64. */
const ITEM_BODY_LIMIT = 1024 * 1024;

/** The item bank, blueprints, taking tests, results, item statistics and the self-assessment. */
export function assessmentRoutes(app: FastifyInstance) {
  const r = typed(app);
  const itemView = async (ctx: Ctx, id: string) => {
    const { item, versions, names } = await items.getItem(ctx, id);
    return presentItem(item, versions, names, ctx.actor);
  };
  const assessmentView = async (ctx: Ctx, id: string) => {
    const v = await blueprints.getAssessment(ctx, id);
    return presentAssessment(v.assessment, v.supply, v.agencies, v.attemptCount);
  };
  const attemptView = async (ctx: Ctx, id: string) => presentAttempt(await attempts.getAttempt(ctx, id));

  // ------------------------------------------------------------ item bank

  r.get('/api/assessment/items', {
    config: authors,
    schema: {
      operationId: 'listItems',
      tags,
      summary: 'Items of the bank (latest versions), filtered and paged; `reviewQueue=true` lists drafts others wrote',
      querystring: ListItemsQuery,
      response: { 200: ItemList, ...problems },
    },
    handler: async (req) => {
      const out = await items.listItems(req.ctx, req.query);
      return {
        items: out.rows.map((x) => presentItemSummary(x.item, x.authorName)),
        total: out.total,
        page: out.page,
        pageSize: out.pageSize,
      };
    },
  });

  r.post('/api/assessment/items', {
    config: authors,
    bodyLimit: ITEM_BODY_LIMIT,
    schema: {
      operationId: 'createItem',
      tags,
      summary: 'Write a new item (a draft that a second author reviews)',
      body: CreateItemBody,
      response: { 201: ItemView, ...problems },
    },
    handler: async (req, reply) => {
      const item = await items.createItem(req.ctx, req.body);
      return reply.code(201).send(await itemView(req.ctx, item.id));
    },
  });

  r.get('/api/assessment/items/export', {
    config: authors,
    schema: {
      operationId: 'exportItems',
      tags,
      summary: 'The bank as JSON or CSV (no images)',
      produces: ['application/json', 'text/csv'],
      querystring: ExportItemsQuery,
      response: { 200: z.any().describe('the file'), ...problems },
    },
    handler: async (req, reply) => {
      const file = await transfer.exportItems(req.ctx, req.query);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    },
  });

  r.post('/api/assessment/items/import', {
    config: authors,
    schema: {
      operationId: 'importItems',
      tags,
      summary: 'Import items from JSON or CSV text; all rows are checked first, and all become drafts or none is written',
      body: ImportItemsBody,
      response: { 200: ImportItemsResult, ...problems },
    },
    handler: async (req) => transfer.importItems(req.ctx, req.body),
  });

  r.get('/api/assessment/items/:id', {
    config: authors,
    schema: {
      operationId: 'getItem',
      tags,
      summary: 'One item version with its key and its other versions',
      params: IdParams,
      response: { 200: ItemView, ...problems },
    },
    handler: async (req) => itemView(req.ctx, req.params.id),
  });

  r.put('/api/assessment/items/:id', {
    config: authors,
    bodyLimit: ITEM_BODY_LIMIT,
    schema: {
      operationId: 'updateItem',
      tags,
      summary: 'Edit an item: a draft changes in place, an active item gets a new draft version (attempts keep theirs)',
      params: IdParams,
      body: UpdateItemBody,
      response: { 200: ItemView, ...problems },
    },
    handler: async (req) => {
      const written = await items.updateItem(req.ctx, req.params.id, req.body);
      return itemView(req.ctx, written.id);
    },
  });

  r.post('/api/assessment/items/:id/review', {
    config: authors,
    schema: {
      operationId: 'reviewItem',
      tags,
      summary: 'A second author approves a draft (it becomes the active version) or returns it with a comment',
      params: IdParams,
      body: ReviewItemBody,
      response: { 200: ItemView, ...problems },
    },
    handler: async (req) => {
      await items.reviewItem(req.ctx, req.params.id, req.body);
      return itemView(req.ctx, req.params.id);
    },
  });

  r.post('/api/assessment/items/:id/retirement', {
    config: authors,
    schema: {
      operationId: 'retireItem',
      tags,
      summary: 'Take an item out of use',
      params: IdParams,
      response: { 200: ItemView, ...problems },
    },
    handler: async (req) => {
      await items.retireItem(req.ctx, req.params.id);
      return itemView(req.ctx, req.params.id);
    },
  });

  r.get('/api/assessment/items/:id/image', {
    config: authors,
    schema: {
      operationId: 'getItemImage',
      tags,
      summary: "An item's image",
      produces: IMAGE_TYPES,
      params: IdParams,
      response: { 200: z.any().describe('the image'), ...problems },
    },
    handler: async (req, reply) => {
      const file = await items.getItemImage(req.ctx, req.params.id);
      return reply.type(file.mimeType).header('cache-control', 'private, max-age=3600').send(file.content);
    },
  });

  r.get('/api/assessment/item-stats', {
    config: authors,
    schema: {
      operationId: 'listItemStats',
      tags,
      summary: 'Facility, point-biserial discrimination and option counts per item version; flagged items first',
      querystring: ItemStatsQuery,
      response: { 200: ItemStatsList, ...problems },
    },
    handler: async (req) => listItemStats(req.ctx, req.query),
  });

  // ------------------------------------------------------------ blueprints

  r.get('/api/assessments', {
    config: authors,
    schema: {
      operationId: 'listAssessments',
      tags,
      summary: 'Assessments (blueprints), paged',
      querystring: ListAssessmentsQuery,
      response: { 200: AssessmentList, ...problems },
    },
    handler: async (req) => {
      const out = await blueprints.listAssessments(req.ctx, req.query);
      return {
        items: out.rows.map((a) => presentAssessmentSummary(a, out.counts.get(a.id) ?? 0)),
        total: out.total,
        page: out.page,
        pageSize: out.pageSize,
      };
    },
  });

  r.post('/api/assessments', {
    config: authors,
    schema: {
      operationId: 'createAssessment',
      tags,
      summary: 'Create an assessment blueprint; publishing checks that the bank has enough active items',
      body: CreateAssessmentBody,
      response: { 201: AssessmentView, ...problems },
    },
    handler: async (req, reply) => {
      const a = await blueprints.createAssessment(req.ctx, req.body);
      return reply.code(201).send(await assessmentView(req.ctx, a.id));
    },
  });

  r.get('/api/assessments/:id', {
    config: authors,
    schema: {
      operationId: 'getAssessment',
      tags,
      summary: 'One blueprint with the active items available per row',
      params: IdParams,
      response: { 200: AssessmentView, ...problems },
    },
    handler: async (req) => assessmentView(req.ctx, req.params.id),
  });

  r.put('/api/assessments/:id', {
    config: authors,
    schema: {
      operationId: 'updateAssessment',
      tags,
      summary: 'Replace a blueprint (send the version you edited); content is fixed once someone has started it',
      params: IdParams,
      body: UpdateAssessmentBody,
      response: { 200: AssessmentView, ...problems },
    },
    handler: async (req) => {
      await blueprints.updateAssessment(req.ctx, req.params.id, req.body);
      return assessmentView(req.ctx, req.params.id);
    },
  });

  // ------------------------------------------------------------ taking a test

  r.get('/api/me/assessments', {
    config: candidates,
    schema: {
      operationId: 'listMyAssessments',
      tags,
      summary: 'Open and upcoming assessments I may take, with my attempts',
      response: { 200: MyAssessmentList, ...problems },
    },
    handler: async (req) => ({ items: (await attempts.listMyAssessments(req.ctx)).map(presentMyAssessment) }),
  });

  r.post('/api/assessments/:id/attempts', {
    config: candidates,
    schema: {
      operationId: 'startAttempt',
      tags,
      summary: 'Start an attempt: a random form following the blueprint, timed by the server',
      params: IdParams,
      response: { 201: AttemptView, ...problems },
    },
    handler: async (req, reply) => {
      const attempt = await attempts.startAttempt(req.ctx, req.params.id);
      return reply.code(201).send(await attemptView(req.ctx, attempt.id));
    },
  });

  r.get('/api/attempts/:id', {
    config: candidates,
    schema: {
      operationId: 'getAttempt',
      tags,
      summary: 'My attempt with its questions and my saved answers (to resume); no keys',
      params: IdParams,
      response: { 200: AttemptView, ...problems },
    },
    handler: async (req) => attemptView(req.ctx, req.params.id),
  });

  r.put('/api/attempts/:id/answers/:position', {
    config: candidates,
    schema: {
      operationId: 'saveAnswer',
      tags,
      summary: 'Save the answer to one question (replaces the earlier one); refused after the deadline',
      params: SaveAnswerParams,
      body: SaveAnswerBody,
      response: { 200: SavedAnswer, ...problems },
    },
    handler: async (req) => {
      const saved = await attempts.saveAnswer(req.ctx, req.params.id, req.params.position, req.body.response);
      return { position: saved.position, savedAt: saved.savedAt.toISOString(), revision: saved.revision };
    },
  });

  r.post('/api/attempts/:id/submission', {
    config: candidates,
    schema: {
      operationId: 'submitAttempt',
      tags,
      summary: 'Submit the attempt and get the result',
      params: IdParams,
      response: { 200: AttemptResultView, ...problems },
    },
    handler: async (req) => {
      await attempts.submitAttempt(req.ctx, req.params.id);
      const v = await attempts.getAttemptResult(req.ctx, req.params.id);
      return presentResult(v.attempt, v.assessment, v.attemptsLeft);
    },
  });

  r.get('/api/attempts/:id/result', {
    config: candidates,
    schema: {
      operationId: 'getAttemptResult',
      tags,
      summary: 'The result of my submitted attempt per skill area',
      params: IdParams,
      response: { 200: AttemptResultView, ...problems },
    },
    handler: async (req) => {
      const v = await attempts.getAttemptResult(req.ctx, req.params.id);
      return presentResult(v.attempt, v.assessment, v.attemptsLeft);
    },
  });

  r.get('/api/attempts/:id/questions/:position/image', {
    config: candidates,
    schema: {
      operationId: 'getQuestionImage',
      tags,
      summary: 'The image of a question of my attempt',
      produces: IMAGE_TYPES,
      params: SaveAnswerParams,
      response: { 200: z.any().describe('the image'), ...problems },
    },
    handler: async (req, reply) => {
      const file = await attempts.getQuestionImage(req.ctx, req.params.id, req.params.position);
      return reply.type(file.mimeType).header('cache-control', 'private, max-age=3600').send(file.content);
    },
  });

  // ------------------------------------------------------------ self-assessment

  r.get('/api/self-assessment', {
    config: selfReaders,
    schema: {
      operationId: 'getSelfAssessment',
      tags,
      summary: 'The statements to rate, my latest self-assessment and its history, and my tested levels beside them',
      response: { 200: SelfAssessmentView, ...problems },
    },
    handler: async (req) => presentSelfAssessment(await self.getSelfAssessment(req.ctx)),
  });

  r.post('/api/self-assessment', {
    config: candidates,
    schema: {
      operationId: 'submitSelfAssessment',
      tags,
      summary: 'Rate every statement; the self-assessed level per skill area is computed and kept with its history',
      body: SubmitSelfAssessmentBody,
      response: { 201: SelfAssessmentView, ...problems },
    },
    handler: async (req, reply) => {
      await self.submitSelfAssessment(req.ctx, req.body);
      return reply.code(201).send(presentSelfAssessment(await self.getSelfAssessment(req.ctx)));
    },
  });

  r.post('/api/assessment/statements', {
    config: statementEditors,
    schema: {
      operationId: 'createStatement',
      tags,
      summary: 'Add a behavioural statement',
      body: StatementBody,
      response: { 201: StatementView, ...problems },
    },
    handler: async (req, reply) => reply.code(201).send(presentStatement(await self.createStatement(req.ctx, req.body))),
  });

  r.put('/api/assessment/statements/:id', {
    config: statementEditors,
    schema: {
      operationId: 'updateStatement',
      tags,
      summary: 'Rewrite (or switch off) a behavioural statement; it is no longer a sample',
      params: IdParams,
      body: StatementBody,
      response: { 200: StatementView, ...problems },
    },
    handler: async (req) => presentStatement(await self.updateStatement(req.ctx, req.params.id, req.body)),
  });
}
