import type { FastifyInstance } from 'fastify';
import {
  CreateFrameworkVersionBody,
  ExportQuery,
  FrameworkIdParams,
  FrameworkItemParams,
  FrameworkList,
  FrameworkSummary,
  FrameworkView,
  MatrixCellParams,
  SetRequiredLevelBody,
  UpdateFrameworkItemBody,
} from '../../../../common/contracts/framework.js';
import { Ok } from '../../../../common/contracts/shared.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { frameworkCsv, presentFramework, presentFrameworkSummary } from './present.js';
import * as framework from './service.js';

const tags = ['framework'];
const admin = { access: { roles: ['framework_admin'] } } as const;

export function frameworkRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/frameworks', {
    config: { access: 'public' },
    schema: {
      operationId: 'listFrameworks',
      tags,
      summary: 'Framework versions (drafts only for framework admins)',
      response: { 200: FrameworkList },
    },
    handler: async (req) => ({ items: (await framework.listFrameworks(req.ctx)).map(presentFrameworkSummary) }),
  });

  r.get('/api/frameworks/:id', {
    config: { access: 'public' },
    schema: {
      operationId: 'getFramework',
      tags,
      summary: 'A framework version with skill areas, target groups, levels, units and the required-level matrix',
      params: FrameworkIdParams,
      response: { 200: FrameworkView, ...problems },
    },
    handler: async (req) => presentFramework(await framework.getFramework(req.ctx, req.params.id), req.ctx.actor),
  });

  r.get('/api/frameworks/:id/export', {
    config: { access: 'public' },
    schema: {
      operationId: 'exportFramework',
      tags,
      summary: 'Download a version as JSON or CSV',
      params: FrameworkIdParams,
      querystring: ExportQuery,
      produces: ['application/json', 'text/csv'],
      response: { 200: z.string().or(FrameworkView), ...problems },
    },
    handler: async (req, reply) => {
      const view = presentFramework(await framework.getFramework(req.ctx, req.params.id), null);
      const name = `thaksa-framework-${view.code}.${req.query.format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (req.query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .serializer((s: string) => s)
          .send(frameworkCsv(view));
      return reply.type('application/json; charset=utf-8').serializer(JSON.stringify).send(view);
    },
  });

  r.post('/api/frameworks', {
    config: admin,
    schema: {
      operationId: 'createFrameworkVersion',
      tags,
      summary: 'Start a draft version as a copy of an existing one',
      body: CreateFrameworkVersionBody,
      response: { 201: FrameworkSummary, ...problems },
    },
    handler: async (req, reply) => reply.code(201).send(presentFrameworkSummary(await framework.createFrameworkVersion(req.ctx, req.body))),
  });

  r.put('/api/frameworks/:id/items/:code', {
    config: admin,
    schema: {
      operationId: 'updateFrameworkItem',
      tags,
      summary: 'Create or change a skill area, target group, level (code = rank) or unit of a draft',
      params: FrameworkItemParams,
      body: UpdateFrameworkItemBody,
      response: { 200: FrameworkView, 201: FrameworkView, ...problems },
    },
    handler: async (req, reply) => {
      const { created } = await framework.updateFrameworkItem(req.ctx, req.params.id, req.params.code, req.body);
      return reply.code(created ? 201 : 200).send(presentFramework(await framework.getFramework(req.ctx, req.params.id), req.ctx.actor));
    },
  });

  r.delete('/api/frameworks/:id/items/:code', {
    config: admin,
    schema: {
      operationId: 'deleteFrameworkItem',
      tags,
      params: FrameworkItemParams,
      querystring: z.object({ kind: z.enum(['skill_area', 'target_group', 'level', 'unit']) }),
      response: { 200: Ok, ...problems },
    },
    handler: async (req) => {
      await framework.deleteFrameworkItem(req.ctx, req.params.id, req.query.kind, req.params.code);
      return { ok: true as const };
    },
  });

  r.put('/api/frameworks/:id/matrix/:targetGroupCode/:skillAreaCode', {
    config: admin,
    schema: {
      operationId: 'setRequiredLevel',
      tags,
      summary: 'Set the level a target group requires in a skill area (null: not required); isSample false confirms it',
      params: MatrixCellParams,
      body: SetRequiredLevelBody,
      response: { 200: FrameworkView, ...problems },
    },
    handler: async (req) => {
      const { id, targetGroupCode, skillAreaCode } = req.params;
      await framework.setRequiredLevel(req.ctx, id, targetGroupCode, skillAreaCode, req.body);
      return presentFramework(await framework.getFramework(req.ctx, id), req.ctx.actor);
    },
  });

  r.post('/api/frameworks/:id/publish', {
    config: admin,
    schema: {
      operationId: 'publishFramework',
      tags,
      summary: 'Publish a draft; it becomes immutable and, unless makeCurrent is false, the current version',
      params: IdParams,
      body: z.strictObject({ makeCurrent: z.boolean().default(true) }).optional(),
      response: { 200: FrameworkSummary, ...problems },
    },
    handler: async (req) =>
      presentFrameworkSummary(await framework.publishFramework(req.ctx, req.params.id, { makeCurrent: req.body?.makeCurrent ?? true })),
  });
}
