import type { FastifyInstance } from 'fastify';
import { AgencyList, type AgencyView, ListAgenciesQuery } from '../../../../common/contracts/people.js';
import { problems, typed } from '../../lib/http.js';
import type { AgencyRow } from './repository.js';
import * as people from './service.js';

const presentAgency = (a: AgencyRow): AgencyView => ({
  id: a.id,
  code: a.code,
  nameTh: a.nameTh,
  nameEn: a.nameEn,
  kind: a.kind as AgencyView['kind'],
  parentId: a.parentId,
  provinceCode: a.provinceCode,
});

export function peopleRoutes(app: FastifyInstance) {
  typed(app).get('/api/agencies', {
    config: { access: 'public' },
    schema: {
      operationId: 'listAgencies',
      tags: ['people'],
      summary: 'Search the agency tree by name or code, or list the children of one agency',
      querystring: ListAgenciesQuery,
      response: { 200: AgencyList, ...problems },
    },
    handler: async (req) => {
      const { items, total } = await people.listAgencies(req.ctx, req.query);
      return { items: items.map(presentAgency), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });
}
