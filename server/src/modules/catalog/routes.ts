import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { IMPORT_COLUMNS, OPEN_DATA_COLUMNS } from '../../../../common/catalog-columns.js';
import {
  CatalogCourseView,
  CatalogProviderView,
  CompletionsResult,
  CourseRunBody,
  CourseRunList,
  CourseRunView,
  ExportQuery,
  ImportCoursesQuery,
  ImportReport,
  OpenCoursesQuery,
  RateCourseBody,
  RecordCompletionsBody,
  SearchCoursesQuery,
  SearchResult,
  ShortlistBody,
  ShortlistView,
  SuggestCoursesQuery,
  SuggestionList,
  UpdateCourseRunBody,
} from '../../../../common/contracts/catalog.js';
import { Ok } from '../../../../common/contracts/shared.js';
import { AppError } from '../../../../common/errors.js';
import { IdParams, problems, sendShared, typed, z } from '../../lib/http.js';
import { acceptTableUploads, TABLE_CONTENT_TYPES } from '../../lib/tabular.js';
import { getCatalogCourse, getCatalogProvider } from './course.service.js';
import { importCourses } from './import.service.js';
import { exportCatalogCsv, exportCatalogXlsx, listOpenCourses } from './open-data.service.js';
import { presentRun } from './present.js';
import { rateCourse } from './ratings.service.js';
import { createCourseRun, listCourseRuns, recordCompletions, updateCourseRun } from './runs.service.js';
import { searchCourses, suggestCourses } from './search.service.js';
import { getShortlist, removeFromShortlist, shortlistCourse } from './shortlist.service.js';

const tags = ['catalog'];
const providerOnly = { access: { roles: ['provider_admin'] } } as const;
const RunParams = z.object({ id: z.uuid(), runId: z.uuid() });
const ShortlistParams = z.object({ agencyId: z.uuid(), courseId: z.uuid() });
const AgencyParams = z.object({ agencyId: z.uuid() });
const ColumnDocs = z.array(
  z.object({ key: z.string(), type: z.string(), required: z.boolean().optional(), th: z.string(), en: z.string(), example: z.string() }),
);
const OpenRecord = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** Open data may be read from any web page: plain GETs with no credentials. */
const allowAnyOrigin = (reply: FastifyReply) => reply.header('access-control-allow-origin', '*');

/** The public catalogue, course runs, ratings, agency shortlists, open data and the import of accredited courses. */
export function catalogRoutes(app: FastifyInstance) {
  const r = typed(app);
  const search = { access: 'public', rateLimit: { max: app.thaksaConfig.SEARCH_RATE_PER_MINUTE, timeWindow: '1 minute' } } as const;
  const openData = { access: 'public', rateLimit: { max: app.thaksaConfig.OPEN_DATA_RATE_PER_MINUTE, timeWindow: '1 minute' } } as const;
  acceptTableUploads(app);

  r.get('/api/catalog/courses', {
    config: search,
    schema: {
      operationId: 'searchCourses',
      tags,
      summary: 'Search the public catalogue (Thai-aware, typo-tolerant) with filters, facets and highlighted snippets',
      querystring: SearchCoursesQuery,
      response: { 200: SearchResult, ...problems },
    },
    handler: async (req, reply) => {
      allowAnyOrigin(reply);
      return sendShared(reply, await searchCourses(req.ctx, req.query));
    },
  });

  r.get('/api/catalog/suggestions', {
    config: search,
    schema: {
      operationId: 'suggestCourses',
      tags,
      summary: 'Up to 10 course titles for type-ahead',
      querystring: SuggestCoursesQuery,
      response: { 200: SuggestionList, ...problems },
    },
    handler: async (req, reply) => {
      allowAnyOrigin(reply);
      return { items: await suggestCourses(req.ctx, req.query.q) };
    },
  });

  r.get('/api/catalog/courses/:id', {
    config: { access: 'public' },
    schema: {
      operationId: 'getCatalogCourse',
      tags,
      summary: "A course's public page: outcomes, hours, accreditation and validity, runs, ratings, schema.org JSON-LD",
      params: IdParams,
      response: { 200: CatalogCourseView, ...problems },
    },
    handler: async (req, reply) => {
      allowAnyOrigin(reply);
      return getCatalogCourse(req.ctx, req.params.id);
    },
  });

  r.get('/api/catalog/providers/:id', {
    config: { access: 'public' },
    schema: {
      operationId: 'getCatalogProvider',
      tags,
      summary: "A verified provider's public page (its courses: searchCourses with provider=)",
      params: IdParams,
      response: { 200: CatalogProviderView, ...problems },
    },
    handler: async (req, reply) => {
      allowAnyOrigin(reply);
      return getCatalogProvider(req.ctx, req.params.id);
    },
  });

  r.get('/api/catalog/courses/:id/runs', {
    config: providerOnly,
    schema: {
      operationId: 'listCourseRuns',
      tags,
      summary: "Every run of the provider's course, with completions recorded",
      params: IdParams,
      response: { 200: CourseRunList, ...problems },
    },
    handler: async (req) => ({
      items: (await listCourseRuns(req.ctx, req.params.id)).map((x) => presentRun({ ...x.run, completions: x.completions })),
    }),
  });

  r.post('/api/catalog/courses/:id/runs', {
    config: providerOnly,
    schema: {
      operationId: 'createCourseRun',
      tags,
      summary: 'Schedule a run (รุ่น) of an accredited course',
      params: IdParams,
      body: CourseRunBody,
      response: { 201: CourseRunView, ...problems },
    },
    handler: async (req, reply) => reply.code(201).send(presentRun(await createCourseRun(req.ctx, req.params.id, req.body))),
  });

  r.put('/api/catalog/courses/:id/runs/:runId', {
    config: providerOnly,
    schema: {
      operationId: 'updateCourseRun',
      tags,
      summary: 'Change or cancel a run',
      params: RunParams,
      body: UpdateCourseRunBody,
      response: { 200: CourseRunView, ...problems },
    },
    handler: async (req) => presentRun(await updateCourseRun(req.ctx, req.params.id, req.params.runId, req.body)),
  });

  r.post('/api/catalog/courses/:id/runs/:runId/completions', {
    config: providerOnly,
    schema: {
      operationId: 'recordCompletions',
      tags,
      summary: 'Record learners who completed a run (by e-mail), as learning records',
      params: RunParams,
      body: RecordCompletionsBody,
      response: { 200: CompletionsResult, ...problems },
    },
    handler: async (req) => recordCompletions(req.ctx, req.params.id, req.params.runId, req.body),
  });

  r.post('/api/catalog/courses/:id/rating', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'rateCourse',
      tags,
      summary: 'Rate a course you completed (once): content, instructor, usefulness at work',
      params: IdParams,
      body: RateCourseBody,
      response: { 201: Ok, ...problems },
    },
    handler: async (req, reply) => {
      await rateCourse(req.ctx, req.params.id, req.body);
      return reply.code(201).send({ ok: true });
    },
  });

  r.post('/api/catalog/courses/:id/shortlist', {
    config: { access: { roles: ['agency_admin'] } },
    schema: {
      operationId: 'shortlistCourse',
      tags,
      summary: "Put the course on an agency's shortlist for planning",
      params: IdParams,
      body: ShortlistBody,
      response: { 200: Ok, ...problems },
    },
    handler: async (req) => {
      await shortlistCourse(req.ctx, req.params.id, req.body);
      return { ok: true as const };
    },
  });

  r.get('/api/agencies/:agencyId/shortlist', {
    config: { access: { roles: ['agency_admin'] } },
    schema: {
      operationId: 'getShortlist',
      tags,
      summary: "The agency's course shortlist",
      params: AgencyParams,
      response: { 200: ShortlistView, ...problems },
    },
    handler: async (req) => getShortlist(req.ctx, req.params.agencyId),
  });

  r.delete('/api/agencies/:agencyId/shortlist/:courseId', {
    config: { access: { roles: ['agency_admin'] } },
    schema: {
      operationId: 'removeFromShortlist',
      tags,
      summary: "Take a course off the agency's shortlist",
      params: ShortlistParams,
      response: { 200: Ok, ...problems },
    },
    handler: async (req) => {
      await removeFromShortlist(req.ctx, req.params.agencyId, req.params.courseId);
      return { ok: true as const };
    },
  });

  r.get('/api/catalog/export', {
    config: openData,
    schema: {
      operationId: 'exportCatalog',
      tags,
      summary: 'The whole public catalogue as CSV (UTF-8 with BOM) or XLSX, streamed; columns as in the data dictionary',
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      querystring: ExportQuery,
      response: { 200: z.any().describe('the file'), ...problems },
    },
    handler: async (req, reply) => {
      allowAnyOrigin(reply);
      const statuses = req.query.status ?? null;
      const stamp = new Date().toISOString().slice(0, 10);
      const stream: Readable = req.query.format === 'xlsx' ? exportCatalogXlsx(req.ctx, statuses) : exportCatalogCsv(req.ctx, statuses);
      return reply
        .type(req.query.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="thaksa-catalog-${stamp}.${req.query.format}"`)
        .send(stream);
    },
  });

  r.get('/api/open/courses', {
    config: openData,
    schema: {
      operationId: 'listOpenCourses',
      tags,
      summary: 'Open data: the catalogue page by page with a cursor (stable order); fields as in the data dictionary',
      querystring: OpenCoursesQuery,
      response: { 200: z.object({ items: z.array(OpenRecord), nextCursor: z.string().nullable() }), ...problems },
    },
    handler: async (req, reply) => {
      allowAnyOrigin(reply);
      return listOpenCourses(req.ctx, req.query);
    },
  });

  r.get('/api/open/dictionary', {
    config: { access: 'public' },
    schema: {
      operationId: 'getDataDictionary',
      tags,
      summary: 'The data dictionary: open-data columns and import columns, described in Thai and English',
      response: { 200: z.object({ openData: ColumnDocs, import: ColumnDocs }), ...problems },
    },
    handler: async (_req, reply) => {
      allowAnyOrigin(reply);
      return { openData: [...OPEN_DATA_COLUMNS], import: [...IMPORT_COLUMNS] };
    },
  });

  r.post('/api/catalog/imports', {
    config: { access: { roles: ['accreditation_officer'] } },
    schema: {
      operationId: 'importCourses',
      tags,
      summary:
        'Import already-accredited courses from CSV or XLSX (raw body); every row checked first, all or nothing; dryRun=true only checks',
      consumes: Object.keys(TABLE_CONTENT_TYPES),
      querystring: ImportCoursesQuery,
      response: { 200: ImportReport, ...problems, 413: problems[400], 415: problems[400] },
    },
    handler: async (req) => {
      const format = TABLE_CONTENT_TYPES[(req.headers['content-type'] ?? '').split(';')[0].trim()];
      if (!format) throw new AppError('unsupported_media_type', 'send the file as text/csv or as an XLSX workbook');
      return importCourses(req.ctx, req.body as Readable, format, { dryRun: req.query.dryRun });
    },
  });
}
