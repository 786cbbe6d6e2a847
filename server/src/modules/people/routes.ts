import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AGENCY_IMPORT_COLUMNS,
  AgencyDetailView,
  AgencyImportReport,
  AgencyList,
  CitizenIdView,
  CreateAgencyBody,
  ExportPersonnelQuery,
  GetPersonImportQuery,
  ImportAgenciesQuery,
  ImportColumnsView,
  ImportPersonnelQuery,
  ListAgenciesQuery,
  ListPersonnelQuery,
  MoveAgencyBody,
  MyPersonView,
  PERSON_IMPORT_COLUMNS,
  PersonHistory,
  PersonImportList,
  PersonImportView,
  PersonList,
  PersonView,
  TransferPersonBody,
  UpdateAgencyBody,
  UpdatePersonBody,
} from '../../../../common/contracts/people.js';
import { Ok } from '../../../../common/contracts/shared.js';
import { AppError } from '../../../../common/errors.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { acceptTableUploads, TABLE_CONTENT_TYPES, type TableFormat } from '../../lib/tabular.js';
import * as agencies from './agencies.service.js';
import { importAgencies } from './agencies-import.service.js';
import { exportMyData, exportPersonnel, getMyPerson } from './exports.service.js';
import * as imports from './imports.service.js';
import * as persons from './persons.service.js';
import { PEOPLE_MANAGERS, PEOPLE_READERS } from './policy.js';
import { presentAgency, presentAgencyDetail, presentHistoryEntry, presentImport, presentPerson, presentPersonSummary } from './present.js';

const tags = ['people'];
const AgencyParams = z.object({ agencyId: z.uuid() });
const managers = { access: { roles: PEOPLE_MANAGERS } } as const;
const readers = { access: { roles: PEOPLE_READERS } } as const;
const fileResponse = { 200: z.any().describe('the file'), ...problems };

function tableFormat(req: FastifyRequest): TableFormat {
  const format = TABLE_CONTENT_TYPES[(req.headers['content-type'] ?? '').split(';')[0].trim()];
  if (!format) throw new AppError('unsupported_media_type', 'send the file as text/csv or as an XLSX workbook');
  return format;
}

/** Agencies (the tree), personnel, personnel imports and a person's own record. */
export function peopleRoutes(app: FastifyInstance) {
  const runner = new imports.ValidationRunner();
  app.addHook('onClose', () => runner.close());
  acceptTableUploads(app);
  agencyRoutes(app);
  agencyImportRoutes(app);
  personRoutes(app);
  importRoutes(app, runner);
  selfRoutes(app);
}

function agencyRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/agencies', {
    config: { access: 'public' },
    schema: {
      operationId: 'listAgencies',
      tags,
      summary: 'The agency tree: children of an agency (or the top level), a subtree, or a search by name or code',
      querystring: ListAgenciesQuery,
      response: { 200: AgencyList, ...problems },
    },
    handler: async (req) => {
      const { items, total } = await agencies.listAgencies(req.ctx, req.query);
      return { items: items.map(presentAgency), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.get('/api/agencies/:agencyId', {
    config: { access: 'public' },
    schema: {
      operationId: 'getAgency',
      tags,
      summary: 'One agency with its breadcrumb and, for those who may read its people, its headcount',
      params: AgencyParams,
      response: { 200: AgencyDetailView, ...problems },
    },
    handler: async (req) => presentAgencyDetail(await agencies.getAgency(req.ctx, req.params.agencyId), req.ctx.actor),
  });

  r.post('/api/agencies', {
    config: managers,
    schema: {
      operationId: 'createAgency',
      tags,
      summary: 'Add an agency under one you manage (top-level agencies: system admins)',
      body: CreateAgencyBody,
      response: { 201: AgencyDetailView, ...problems },
    },
    handler: async (req, reply) => {
      const created = await agencies.createAgency(req.ctx, req.body);
      return reply.code(201).send(presentAgencyDetail(await agencies.getAgency(req.ctx, created.id), req.ctx.actor));
    },
  });

  r.put('/api/agencies/:agencyId', {
    config: managers,
    schema: {
      operationId: 'updateAgency',
      tags,
      summary: 'Change the code, names, kind or province of an agency you manage (send only what changes)',
      params: AgencyParams,
      body: UpdateAgencyBody,
      response: { 200: AgencyDetailView, ...problems },
    },
    handler: async (req) => {
      await agencies.updateAgency(req.ctx, req.params.agencyId, req.body);
      return presentAgencyDetail(await agencies.getAgency(req.ctx, req.params.agencyId), req.ctx.actor);
    },
  });

  r.post('/api/agencies/:agencyId/move', {
    config: managers,
    schema: {
      operationId: 'moveAgency',
      tags,
      summary: 'Move an agency, its sub-agencies and their people under another parent',
      params: AgencyParams,
      body: MoveAgencyBody,
      response: { 200: AgencyDetailView, ...problems },
    },
    handler: async (req) => {
      await agencies.moveAgency(req.ctx, req.params.agencyId, req.body);
      return presentAgencyDetail(await agencies.getAgency(req.ctx, req.params.agencyId), req.ctx.actor);
    },
  });

  r.get('/api/people/import-columns', {
    config: { access: 'public' },
    schema: {
      operationId: 'getImportColumns',
      tags,
      summary: 'The columns of personnel and agency files, described in Thai and English',
      response: { 200: ImportColumnsView },
    },
    handler: async () => ({ personnel: [...PERSON_IMPORT_COLUMNS], agencies: [...AGENCY_IMPORT_COLUMNS] }),
  });
}

function agencyImportRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post('/api/agencies/imports', {
    config: managers,
    schema: {
      operationId: 'importAgencies',
      tags,
      summary:
        'Import agencies from CSV or XLSX (raw body) with parent codes; every row checked first, all or nothing; dryRun=true only checks',
      consumes: Object.keys(TABLE_CONTENT_TYPES),
      querystring: ImportAgenciesQuery,
      response: { 200: AgencyImportReport, ...problems, 413: problems[400], 415: problems[400] },
    },
    handler: async (req) => importAgencies(req.ctx, req.body as Readable, tableFormat(req), { dryRun: req.query.dryRun }),
  });
}

function personRoutes(app: FastifyInstance) {
  const r = typed(app);
  const secret = app.thaksaConfig.sessionSecret;

  r.get('/api/people', {
    config: readers,
    schema: {
      operationId: 'listPersonnel',
      tags,
      summary: 'Personnel of a subtree you may read, in Thai name order, a page at a time (cursor); citizen IDs masked',
      querystring: ListPersonnelQuery,
      response: { 200: PersonList, ...problems },
    },
    handler: async (req) => {
      const page = await persons.listPersonnel(req.ctx, req.query);
      return { ...page, items: page.items.map((row) => presentPersonSummary(row, secret)) };
    },
  });

  r.get('/api/people/export', {
    config: readers,
    schema: {
      operationId: 'exportPersonnel',
      tags,
      summary: 'Personnel of a subtree as CSV (UTF-8 with BOM, import columns first); audit-logged; full IDs for HR on request',
      produces: ['text/csv'],
      querystring: ExportPersonnelQuery,
      response: fileResponse,
    },
    handler: async (req, reply) => {
      const stream = await exportPersonnel(req.ctx, req.query);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="thaksa-personnel-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  });

  r.get('/api/people/:id', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'getPerson',
      tags,
      summary: "A person's record (citizen ID masked) with what the caller may do next",
      params: IdParams,
      response: { 200: PersonView, ...problems },
    },
    handler: async (req) => {
      const { row, supervisor, isSelf } = await persons.getPerson(req.ctx, req.params.id);
      return presentPerson(row, { secret, actor: req.ctx.actor, isSelf, supervisor });
    },
  });

  r.put('/api/people/:id', {
    config: managers,
    schema: {
      operationId: 'updatePerson',
      tags,
      summary: 'Correct or update a person (send only what changes); target group and status changes go to the history',
      params: IdParams,
      body: UpdatePersonBody,
      response: { 200: PersonView, ...problems },
    },
    handler: async (req) => {
      const { row, supervisor, isSelf } = await persons.updatePerson(req.ctx, req.params.id, req.body);
      return presentPerson(row, { secret, actor: req.ctx.actor, isSelf, supervisor });
    },
  });

  r.post('/api/people/:id/transfer', {
    config: managers,
    schema: {
      operationId: 'transferPerson',
      tags,
      summary: 'Move a person to another agency you manage, with the reason kept in their history',
      params: IdParams,
      body: TransferPersonBody,
      response: { 200: PersonView, ...problems },
    },
    handler: async (req) => {
      const { row, supervisor, isSelf } = await persons.transferPerson(req.ctx, req.params.id, req.body);
      return presentPerson(row, { secret, actor: req.ctx.actor, isSelf, supervisor });
    },
  });

  r.get('/api/people/:id/history', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'getPersonHistory',
      tags,
      summary: 'Target-group changes, transfers and status changes: who, when, from, to, why',
      params: IdParams,
      response: { 200: PersonHistory, ...problems },
    },
    handler: async (req) => ({ items: (await persons.getPersonHistory(req.ctx, req.params.id)).map(presentHistoryEntry) }),
  });

  r.get('/api/people/:id/citizen-id', {
    config: { access: { roles: ['agency_admin'] } },
    schema: {
      operationId: 'getPersonCitizenId',
      tags,
      summary: "The person's full citizen ID, for HR of their agency; every reveal is audit-logged",
      params: IdParams,
      response: { 200: CitizenIdView, ...problems },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return { citizenId: await persons.revealPersonCitizenId(req.ctx, req.params.id) };
    },
  });

  r.post('/api/people/:id/invitation', {
    config: managers,
    schema: {
      operationId: 'resendInvitation',
      tags,
      summary: 'Create the learner account if missing and (re)send the invitation to set a password',
      params: IdParams,
      response: { 200: Ok, ...problems },
    },
    handler: async (req) => {
      await persons.resendInvitation(req.ctx, req.params.id);
      return { ok: true as const };
    },
  });
}

function importRoutes(app: FastifyInstance, runner: imports.ValidationRunner) {
  const r = typed(app);
  const errorsOf = (errors: { row: number; column: string | null; code: string; message: string }[]) => errors;

  r.post('/api/people/imports', {
    config: managers,
    schema: {
      operationId: 'importPersonnel',
      tags,
      summary: 'Upload a personnel file (CSV or XLSX, raw body, up to PERSON_IMPORT_MAX_MB); it is validated in the background',
      consumes: Object.keys(TABLE_CONTENT_TYPES),
      querystring: ImportPersonnelQuery,
      response: { 202: PersonImportView, ...problems, 413: problems[400], 415: problems[400] },
    },
    handler: async (req, reply) => {
      const job = await imports.importPersonnel(req.ctx, runner, req.body as Readable, tableFormat(req), req.query);
      return reply.code(202).send(presentImport(job, { actor: req.ctx.actor, errors: [], canManage: true }));
    },
  });

  r.get('/api/people/imports', {
    config: managers,
    schema: {
      operationId: 'listPersonImports',
      tags,
      summary: 'Your recent personnel imports and those into agencies you manage',
      response: { 200: PersonImportList, ...problems },
    },
    handler: async (req) => ({
      items: (await imports.listPersonImports(req.ctx)).map(({ job, canManage }) => {
        const { errors: _errors, ...view } = presentImport(job, { actor: req.ctx.actor, errors: [], canManage });
        return view;
      }),
    }),
  });

  r.get('/api/people/imports/:id', {
    config: managers,
    schema: {
      operationId: 'getPersonImport',
      tags,
      summary: "An import's status, progress (0–100) and counts, with a page of its errors by row",
      params: IdParams,
      querystring: GetPersonImportQuery,
      response: { 200: PersonImportView, ...problems },
    },
    handler: async (req) => {
      const { job, errors, canManage } = await imports.getPersonImport(req.ctx, runner, req.params.id, req.query);
      return presentImport(job, { actor: req.ctx.actor, errors: errorsOf(errors), canManage });
    },
  });

  r.get('/api/people/imports/:id/errors.csv', {
    config: managers,
    schema: {
      operationId: 'downloadPersonImportErrors',
      tags,
      summary: 'Every error of an import as CSV (UTF-8 with BOM): row, column, code, message',
      produces: ['text/csv'],
      params: IdParams,
      response: fileResponse,
    },
    handler: async (req, reply) => {
      const stream = await imports.exportImportErrors(req.ctx, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="personnel-import-${req.params.id.slice(0, 8)}-errors.csv"`)
        .send(stream);
    },
  });

  r.post('/api/people/imports/:id/commit', {
    config: managers,
    schema: {
      operationId: 'commitPersonImport',
      tags,
      summary: 'Write a validated import in one transaction (all or nothing); committing again changes nothing',
      params: IdParams,
      response: { 200: PersonImportView, ...problems },
    },
    handler: async (req) => {
      const job = await imports.commitPersonImport(req.ctx, runner, req.params.id);
      return presentImport(job, { actor: req.ctx.actor, errors: [], canManage: true });
    },
  });
}

function selfRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/me/person', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'getMyPerson',
      tags,
      summary: 'Your own personnel record, with your citizen ID and the history of your record',
      response: { 200: MyPersonView, ...problems },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return getMyPerson(req.ctx);
    },
  });

  r.get('/api/me/person/export', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'exportMyData',
      tags,
      summary: 'Everything the platform holds about you, as a JSON download (PDPA); audit-logged',
      response: { 200: z.any().describe('a JSON document'), ...problems },
    },
    handler: async (req, reply) => {
      const data = await exportMyData(req.ctx);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="thaksa-my-data-${data.exportedAt.slice(0, 10)}.json"`)
        .header('cache-control', 'no-store')
        .send(JSON.stringify(data, null, 2));
    },
  });
}
