import type { FastifyInstance } from 'fastify';
import { AccreditationDashboard, DashboardQuery } from '../../../../common/contracts/accreditation-dashboard.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { getAccreditationCertificate } from './certificates.service.js';
import { getAccreditationDashboard } from './dashboard.service.js';

const tags = ['accreditation'];

export function accreditationReportRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/courses/:id/certificate', {
    config: { access: { roles: ['provider_admin', 'accreditation_officer'] } },
    schema: {
      operationId: 'getAccreditationCertificate',
      tags,
      summary: 'The accreditation certificate as a PDF (Thai and English, with a QR code to the public verification page)',
      params: IdParams,
      produces: ['application/pdf'],
      response: { 200: z.any(), ...problems },
    },
    handler: async (req, reply) => {
      const { pdf, number } = await getAccreditationCertificate(req.ctx, req.params.id);
      const ascii = `thaksa-accreditation-${number.replace(/[^\x20-\x7e]/g, '').replace(/^[.-]+/, '')}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`${number}.pdf`)}`)
        .send(pdf);
    },
  });

  r.get('/api/accreditation/dashboard', {
    config: { access: { roles: ['accreditation_officer', 'central_monitor'] } },
    schema: {
      operationId: 'getAccreditationDashboard',
      tags,
      summary: 'Pipeline, overdue work, accredited this fiscal year against the target, median days per stage, reviewer load',
      querystring: DashboardQuery,
      response: { 200: AccreditationDashboard, ...problems },
    },
    handler: async (req) => getAccreditationDashboard(req.ctx, req.query),
  });
}
