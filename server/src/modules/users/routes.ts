import type { FastifyInstance } from 'fastify';
import { Ok, RoleGrantView } from '../../../../common/contracts/shared.js';
import { CreateUserBody, GrantRoleBody, ListUsersQuery, UserAdminView, UserListView } from '../../../../common/contracts/users.js';
import { problems, typed, z } from '../../lib/http.js';
import { presentGrant } from '../auth/present.js';
import { presentUserAdmin } from './present.js';
import * as users from './service.js';

const tags = ['users'];
const admin = { access: { roles: ['system_admin'] } } as const;

export function userRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get('/api/users', {
    config: admin,
    schema: { operationId: 'listUsers', tags, querystring: ListUsersQuery, response: { 200: UserListView, ...problems } },
    handler: async (req) => {
      const { items, total } = await users.listUsers(req.ctx, req.query);
      return { items: items.map((i) => presentUserAdmin(i.user, i.grants)), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.post('/api/users', {
    config: admin,
    schema: { operationId: 'createUser', tags, body: CreateUserBody, response: { 201: UserAdminView, ...problems } },
    handler: async (req, reply) => reply.code(201).send(presentUserAdmin(await users.createUser(req.ctx, req.body), [])),
  });

  r.post('/api/users/:userId/roles', {
    config: admin,
    schema: {
      operationId: 'grantRole',
      tags,
      params: z.object({ userId: z.uuid() }),
      body: GrantRoleBody,
      response: { 200: RoleGrantView, 201: RoleGrantView, ...problems },
    },
    handler: async (req, reply) => {
      const { grant, created } = await users.grantRole(req.ctx, req.params.userId, req.body);
      return reply.code(created ? 201 : 200).send(presentGrant(grant));
    },
  });

  r.delete('/api/users/:userId/roles/:grantId', {
    config: admin,
    schema: {
      operationId: 'revokeRole',
      tags,
      params: z.object({ userId: z.uuid(), grantId: z.uuid() }),
      response: { 200: Ok, ...problems },
    },
    handler: async (req) => {
      await users.revokeRole(req.ctx, req.params.userId, req.params.grantId);
      return { ok: true as const };
    },
  });
}
