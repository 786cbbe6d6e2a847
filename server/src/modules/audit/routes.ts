import type { FastifyInstance } from 'fastify';
import { AuditListView, ListAuditQuery } from '../../../../common/contracts/audit.js';
import { problems, typed } from '../../lib/http.js';
import * as audit from './service.js';

export function auditRoutes(app: FastifyInstance) {
  typed(app).get('/api/audit', {
    config: { access: { roles: ['system_admin'] } },
    schema: {
      operationId: 'listAuditEntries',
      tags: ['audit'],
      summary: 'Audit entries newest first, filtered by subject or actor; page with `before`',
      querystring: ListAuditQuery,
      response: { 200: AuditListView, ...problems },
    },
    handler: async (req) => {
      const { items, nextBefore } = await audit.listAuditEntries(req.ctx, req.query);
      return {
        items: items.map((e) => ({ ...e, at: new Date(e.at).toISOString(), summary: e.summary as Record<string, unknown> })),
        nextBefore,
      };
    },
  });
}
