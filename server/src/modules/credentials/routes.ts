import type { FastifyInstance } from 'fastify';
import {
  CertificateList,
  CertificateListQuery,
  CertificateNumberParams,
  CertificateVerification,
  CertificateView,
  RevokeCertificateBody,
} from '../../../../common/contracts/credentials.js';
import { Ok } from '../../../../common/contracts/shared.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { presentCertificate, presentVerification } from './present.js';
import * as credentials from './service.js';

const tags = ['credentials'];

/** Certificates: the learner's list and PDFs, HR's view in scope, public verification, revocation. */
export function credentialRoutes(app: FastifyInstance) {
  const r = typed(app);
  const baseUrl = app.thaksaConfig.BASE_URL;

  r.get('/api/me/certificates', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'listMyCertificates',
      tags,
      summary: 'My certificates, newest first (certificates my records earned are issued on the way)',
      querystring: CertificateListQuery,
      response: { 200: CertificateList, ...problems },
    },
    handler: async (req) => {
      const { rows, ...page } = await credentials.listMyCertificates(req.ctx, req.query);
      return { items: rows.map((c) => presentCertificate(c, baseUrl)), ...page };
    },
  });

  r.get('/api/certificates/:id', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'getCertificate',
      tags,
      summary: "A certificate (its holder, or HR of the holder's agency subtree)",
      params: IdParams,
      response: { 200: CertificateView, ...problems },
    },
    handler: async (req) => presentCertificate(await credentials.getCertificate(req.ctx, req.params.id), baseUrl),
  });

  r.get('/api/certificates/:id/pdf', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'getCertificatePdf',
      tags,
      summary: 'The certificate as a Thai PDF with a QR code to its public verification page',
      params: IdParams,
      produces: ['application/pdf'],
      response: { 200: z.any().describe('the PDF'), ...problems },
    },
    handler: async (req, reply) => {
      const { pdf, number } = await credentials.getCertificatePdf(req.ctx, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="certificate-${number}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });

  r.post('/api/certificates/:id/revocation', {
    config: { access: { roles: ['system_admin'] } },
    schema: {
      operationId: 'revokeCertificate',
      tags,
      summary: 'Revoke a certificate issued in error (system admins); verification then says it is revoked',
      params: IdParams,
      body: RevokeCertificateBody,
      response: { 200: Ok, ...problems },
    },
    handler: async (req) => {
      await credentials.revokeCertificate(req.ctx, req.params.id, req.body.reason);
      return { ok: true as const };
    },
  });

  r.get('/api/certificate-verifications/:number', {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      operationId: 'verifyCertificate',
      tags,
      summary: 'Check a certificate number (public): what it certifies, when, valid or revoked, the name partly masked',
      params: CertificateNumberParams,
      response: { 200: CertificateVerification, ...problems },
    },
    handler: async (req) => presentVerification(await credentials.verifyCertificate(req.ctx, req.params.number)),
  });
}
