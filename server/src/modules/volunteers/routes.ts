import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import {
  CurriculumView,
  MyOnboardingView,
  OnboardingProgressQuery,
  OnboardingProgressView,
  SetCurriculumBody,
} from '../../../../common/contracts/curriculum.js';
import {
  ActivityView,
  CoverageExportQuery,
  CoverageQuery,
  CoverageView,
  CreateVillageBody,
  DeactivateVolunteerBody,
  DecideVolunteerBody,
  ListVolunteersQuery,
  LogActivityBody,
  MyVolunteerView,
  PlaceList,
  PlacesQuery,
  RegisterVolunteerBody,
  SetVolunteerLevelBody,
  VillageList,
  VillagesQuery,
  VillageView,
  VolunteerCardVerification,
  VolunteerList,
  VolunteerView,
} from '../../../../common/contracts/volunteers.js';
import { AppError } from '../../../../common/errors.js';
import type { Ctx } from '../../lib/context.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { logVolunteerActivity } from './activities.service.js';
import { exportCoverage, getCoverageJson } from './coverage.service.js';
import * as curriculum from './curriculum.service.js';
import { COVERAGE_READERS, VOLUNTEER_MANAGERS, VOLUNTEER_READERS } from './policy.js';
import { cardUrl, presentActivity, presentVolunteer } from './present.js';
import * as repo from './repository.js';
import * as service from './volunteers.service.js';

const tags = ['volunteers'];
const managers = { access: { roles: VOLUNTEER_MANAGERS } } as const;
const readers = { access: { roles: VOLUNTEER_READERS } } as const;
/** An activity may carry a 2 MB photo, base64-encoded in the JSON body. */
const ACTIVITY_BODY_LIMIT = 3 * 1024 * 1024;

async function present(ctx: Ctx, rows: repo.VolunteerRow[]) {
  const places = await repo.placeNamesOf(
    ctx.db,
    rows.map((r) => r.villageId),
  );
  const opts = { secret: ctx.config.sessionSecret, baseUrl: ctx.config.BASE_URL };
  return rows.map((r) => presentVolunteer(r, places.get(r.villageId) as repo.PlaceNames, ctx.actor, opts));
}
const presentOne = async (ctx: Ctx, row: repo.VolunteerRow) => (await present(ctx, [row]))[0];

/** Places, villages, volunteers, their activities and coverage (decision 010). */
export function volunteerRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/places', {
    config: { access: 'public' },
    schema: {
      operationId: 'listPlaces',
      tags,
      summary: 'Provinces, the districts of a province or the subdistricts of a district (DOPA codes)',
      querystring: PlacesQuery,
      response: { 200: PlaceList, ...problems },
    },
    handler: async (req, reply) => {
      const rows = await service.listPlaces(req.ctx, req.query.parent);
      reply.header('cache-control', 'public, max-age=86400');
      return { items: rows.map((p) => ({ code: p.code, nameTh: p.nameTh, nameEn: p.nameEn })) };
    },
  });

  r.get('/api/villages', {
    config: { access: 'public' },
    schema: {
      operationId: 'listVillages',
      tags,
      summary: 'The villages (by หมู่ number) of a subdistrict',
      querystring: VillagesQuery,
      response: { 200: VillageList, ...problems },
    },
    handler: async (req) => ({ items: (await service.listVillages(req.ctx, req.query.subdistrict)).map(villageView) }),
  });

  r.post('/api/villages', {
    config: managers,
    schema: {
      operationId: 'createVillage',
      tags,
      summary: 'Add a village to a subdistrict of your area (coordinators)',
      body: CreateVillageBody,
      response: { 201: VillageView, ...problems },
    },
    handler: async (req, reply) => reply.code(201).send(villageView(await service.createVillage(req.ctx, req.body))),
  });

  r.post('/api/volunteers', {
    config: { access: 'public', rateLimit: { max: app.thaksaConfig.VOLUNTEER_REGISTER_RATE_PER_MINUTE, timeWindow: '1 minute' } },
    schema: {
      operationId: 'registerVolunteer',
      tags,
      summary: 'Register as a digital volunteer (อสด.) in your home village; a coordinator approves',
      body: RegisterVolunteerBody,
      response: { 201: z.object({ id: z.string(), status: z.literal('pending') }), ...problems },
    },
    handler: async (req, reply) => {
      const v = await service.registerVolunteer(req.ctx, req.body);
      return reply.code(201).send({ id: v.id, status: 'pending' as const });
    },
  });

  r.get('/api/volunteers', {
    config: readers,
    schema: {
      operationId: 'listVolunteers',
      tags,
      summary: 'Volunteers of your area (the approval queue with status=pending)',
      querystring: ListVolunteersQuery,
      response: { 200: VolunteerList, ...problems },
    },
    handler: async (req) => {
      const { rows, total } = await service.listVolunteers(req.ctx, req.query);
      return { items: await present(req.ctx, rows), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.get('/api/volunteers/me', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'getMyVolunteer',
      tags,
      summary: 'Your volunteer record, latest activities and totals',
      response: { 200: MyVolunteerView, ...problems },
    },
    handler: async (req) => {
      const mine = await service.getMyVolunteer(req.ctx);
      return {
        volunteer: mine.volunteer ? await presentOne(req.ctx, mine.volunteer) : null,
        activities: mine.activities.map(presentActivity),
        totals: mine.totals,
      };
    },
  });

  r.get('/api/volunteers/:id', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'getVolunteer',
      tags,
      summary: 'One volunteer',
      params: IdParams,
      response: { 200: VolunteerView, ...problems },
    },
    handler: async (req) => presentOne(req.ctx, await service.getVolunteer(req.ctx, req.params.id)),
  });

  r.post('/api/volunteers/:id/decision', {
    config: managers,
    schema: {
      operationId: 'approveVolunteer',
      tags,
      summary: 'Approve (with a level) or reject (with a reason) a registration in your area',
      params: IdParams,
      body: DecideVolunteerBody,
      response: { 200: VolunteerView, ...problems },
    },
    handler: async (req) => presentOne(req.ctx, await service.decideVolunteer(req.ctx, req.params.id, req.body)),
  });

  r.put('/api/volunteers/:id/level', {
    config: managers,
    schema: {
      operationId: 'setVolunteerLevel',
      tags,
      summary: 'Set the level of an active volunteer (one district leader per district)',
      params: IdParams,
      body: SetVolunteerLevelBody,
      response: { 200: VolunteerView, ...problems },
    },
    handler: async (req) => presentOne(req.ctx, await service.setVolunteerLevel(req.ctx, req.params.id, req.body.level)),
  });

  r.post('/api/volunteers/:id/deactivate', {
    config: managers,
    schema: {
      operationId: 'deactivateVolunteer',
      tags,
      summary: 'End an active volunteer’s service',
      params: IdParams,
      body: DeactivateVolunteerBody,
      response: { 200: VolunteerView, ...problems },
    },
    handler: async (req) => presentOne(req.ctx, await service.deactivateVolunteer(req.ctx, req.params.id, req.body.reason)),
  });

  r.get('/api/volunteer-cards/:token', {
    config: { access: 'public' },
    schema: {
      operationId: 'verifyVolunteerCard',
      tags,
      summary: 'Check a volunteer card (the address in its QR code)',
      params: z.object({ token: z.string().min(8).max(64) }),
      response: { 200: VolunteerCardVerification, ...problems },
    },
    handler: async (req) => service.verifyVolunteerCard(req.ctx, req.params.token),
  });

  r.get('/api/volunteers/me/card.svg', {
    config: { access: { roles: ['volunteer'] } },
    schema: {
      operationId: 'getMyVolunteerCardQr',
      tags,
      summary: 'The QR code of your volunteer card (SVG)',
      response: { 200: z.any(), ...problems },
    },
    handler: async (req, reply) => {
      const mine = await service.getMyVolunteer(req.ctx);
      const v = mine.volunteer?.status === 'active' ? mine.volunteer : null;
      if (!v) throw AppError.notFound('volunteer card');
      const svg = await QRCode.toString(cardUrl(req.ctx.config.BASE_URL, v.cardToken), {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 1,
      });
      return reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600').send(svg);
    },
  });

  r.post('/api/volunteer-activities', {
    config: { access: { roles: ['volunteer'] } },
    bodyLimit: ACTIVITY_BODY_LIMIT,
    schema: {
      operationId: 'logVolunteerActivity',
      tags,
      summary: 'Record help given (idempotent by the client-generated id: 201 when recorded, 200 when it already was)',
      body: LogActivityBody,
      response: { 200: ActivityView, 201: ActivityView, ...problems },
    },
    handler: async (req, reply) => {
      const { activity, created } = await logVolunteerActivity(req.ctx, req.body);
      return reply.code(created ? 201 : 200).send(presentActivity(activity));
    },
  });

  r.get('/api/volunteer-coverage', {
    config: { access: { roles: COVERAGE_READERS } },
    schema: {
      operationId: 'getCoverage',
      tags,
      summary: 'Volunteer coverage of the nation, a province or a district, from the roll-ups',
      querystring: CoverageQuery,
      response: { 200: CoverageView, ...problems },
    },
    handler: async (req, reply) => {
      // Already a CoverageView, checked against it and written out once per version of coverage: sent as is.
      const json = await getCoverageJson(req.ctx, req.query.area);
      return reply
        .type('application/json; charset=utf-8')
        .serializer((s: string) => s)
        .send(json as unknown as CoverageView);
    },
  });

  r.get('/api/volunteer-coverage/export', {
    config: { access: { roles: COVERAGE_READERS } },
    schema: {
      operationId: 'exportCoverage',
      tags,
      summary: 'The coverage table of an area as CSV or XLSX',
      querystring: CoverageExportQuery,
      response: { 200: z.any().describe('the file'), ...problems },
    },
    handler: async (req, reply) => {
      const stream = await exportCoverage(req.ctx, req.query.area, req.query.format);
      const name = `thaksa-volunteer-coverage-${req.query.area ?? 'TH'}.${req.query.format}`;
      return reply
        .type(req.query.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(stream);
    },
  });
}

/** The volunteer curriculum and onboarding progress (decision 012). */
export function curriculumRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['volunteers'];

  r.get('/api/volunteer-curriculum', {
    config: { access: 'public' },
    schema: {
      operationId: 'getVolunteerCurriculum',
      tags,
      summary: 'The volunteer curriculum: catalogue courses and hub articles, in order',
      response: { 200: CurriculumView, ...problems },
    },
    handler: async (req) => curriculum.getCurriculum(req.ctx),
  });

  r.put('/api/volunteer-curriculum', {
    config: { access: { roles: curriculum.CURRICULUM_EDITORS } },
    schema: {
      operationId: 'setVolunteerCurriculum',
      tags,
      summary: 'Replace the volunteer curriculum (central office)',
      body: SetCurriculumBody,
      response: { 200: CurriculumView, ...problems },
    },
    handler: async (req) => curriculum.setCurriculum(req.ctx, req.body),
  });

  r.get('/api/volunteers/me/onboarding', {
    config: { access: { roles: ['volunteer'] } },
    schema: {
      operationId: 'getMyOnboarding',
      tags,
      summary: 'Your onboarding: each curriculum item and whether it is done',
      response: { 200: MyOnboardingView, ...problems },
    },
    handler: async (req) => curriculum.getMyOnboarding(req.ctx),
  });

  r.put('/api/volunteers/me/article-reads/:id', {
    config: { access: { roles: ['volunteer'] } },
    schema: {
      operationId: 'markArticleRead',
      tags,
      summary: 'Mark a published hub article as read (idempotent); returns your onboarding',
      params: IdParams,
      response: { 200: MyOnboardingView, ...problems },
    },
    handler: async (req) => curriculum.markArticleRead(req.ctx, req.params.id),
  });

  r.get('/api/volunteer-onboarding', {
    config: readers,
    schema: {
      operationId: 'getOnboardingProgress',
      tags,
      summary: 'Onboarding in an area: the share of approved volunteers who completed it, and each one’s progress',
      querystring: OnboardingProgressQuery,
      response: { 200: OnboardingProgressView, ...problems },
    },
    handler: async (req) => curriculum.getOnboardingProgress(req.ctx, req.query),
  });
}

function villageView(v: repo.VillageRow) {
  return {
    id: v.id,
    moo: v.moo,
    nameTh: v.nameTh,
    subdistrictCode: v.subdistrictCode,
    districtCode: v.districtCode,
    provinceCode: v.provinceCode,
  };
}
