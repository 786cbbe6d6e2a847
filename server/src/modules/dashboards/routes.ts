import type { FastifyInstance } from 'fastify';
import { DashboardQuery, DashboardView, ReportQuery, SubscriptionBody, SubscriptionList } from '../../../../common/contracts/dashboards.js';
import { Ok } from '../../../../common/contracts/shared.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { DASHBOARD_READERS } from './policy.js';
import { exportReport } from './report.service.js';
import { getDashboard } from './service.js';
import { listMySubscriptions, subscribe, unsubscribe } from './subscriptions.service.js';

const tags = ['dashboards'];
const readers = { access: { roles: DASHBOARD_READERS } } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Executive dashboards (nation → ministry → department → unit), their reports and monthly report subscriptions. */
export function dashboardRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/dashboards', {
    config: readers,
    schema: {
      operationId: 'getDashboard',
      tags,
      summary:
        'Figures of a scope (the nation or an agency subtree) for a fiscal year and target group, from the roll-ups, small counts suppressed',
      querystring: DashboardQuery,
      response: { 200: DashboardView, ...problems },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return getDashboard(req.ctx, req.query);
    },
  });

  r.get('/api/dashboards/report', {
    config: readers,
    schema: {
      operationId: 'exportReport',
      tags,
      summary: 'The same figures as a workbook or a Thai PDF, with the monitoring table of the agencies below the scope',
      querystring: ReportQuery,
      produces: ['application/pdf', XLSX],
      response: { 200: z.any().describe('the file'), ...problems },
    },
    handler: async (req, reply) => {
      const { body, fileName } = await exportReport(req.ctx, req.query);
      return reply
        .type(req.query.format === 'pdf' ? 'application/pdf' : XLSX)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  });

  r.get('/api/dashboards/subscriptions', {
    config: readers,
    schema: {
      operationId: 'listDashboardSubscriptions',
      tags,
      summary: 'Your monthly report subscriptions',
      response: { 200: SubscriptionList, ...problems },
    },
    handler: async (req) => ({ items: await listMySubscriptions(req.ctx) }),
  });

  r.post('/api/dashboards/subscriptions', {
    config: readers,
    schema: {
      operationId: 'subscribeToDashboardReport',
      tags,
      summary: 'Receive the report of a scope you may read by e-mail every month',
      body: SubscriptionBody,
      response: { 200: SubscriptionList, ...problems },
    },
    handler: async (req) => ({ items: await subscribe(req.ctx, req.body) }),
  });

  r.delete('/api/dashboards/subscriptions/:id', {
    config: readers,
    schema: {
      operationId: 'unsubscribeFromDashboardReport',
      tags,
      summary: 'Stop a monthly report subscription',
      params: IdParams,
      response: { 200: Ok, ...problems },
    },
    handler: async (req) => {
      await unsubscribe(req.ctx, req.params.id);
      return { ok: true as const };
    },
  });
}
