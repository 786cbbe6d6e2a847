import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  AcceptInvitationBody,
  ApiTokenView,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiTokenView,
  InvitationTokenBody,
  InvitationView,
  LoginBody,
  SessionView,
  UpdateLocaleBody,
} from '../../../../common/contracts/auth.js';
import { Ok } from '../../../../common/contracts/shared.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import { acceptInvitation, inspectInvitation } from './invitations.service.js';
import { presentApiToken, presentSession } from './present.js';
import * as auth from './service.js';

const tags = ['auth'];

export function authRoutes(app: FastifyInstance) {
  const r = typed(app);
  const secure = app.thaksaConfig.isProduction;
  const setCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(auth.SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });

  r.post('/api/auth/login', {
    config: {
      access: 'public',
      csrf: false,
      rateLimit: { max: app.thaksaConfig.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' },
    },
    schema: {
      operationId: 'login',
      tags,
      summary: 'Sign in with e-mail and password; sets the session cookie',
      body: LoginBody,
      response: { 200: SessionView, ...problems, 423: problems[401], 429: problems[401] },
    },
    handler: async (req, reply) => {
      const { token, session, user, actor } = await auth.login(req.ctx, req.body, { userAgent: req.headers['user-agent'], ip: req.ip });
      setCookie(reply, token, session.expiresAt);
      return presentSession(actor, user, session);
    },
  });

  const invitationLimit = { max: app.thaksaConfig.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' };

  r.post('/api/auth/invitations/inspect', {
    config: { access: 'public', rateLimit: invitationLimit },
    schema: {
      operationId: 'inspectInvitation',
      tags,
      summary: 'Who an invitation link is for (the token travels in the body, never in a URL)',
      body: InvitationTokenBody,
      response: { 200: InvitationView, ...problems, 429: problems[401] },
    },
    handler: async (req) => inspectInvitation(req.ctx, req.body.token),
  });

  r.post('/api/auth/invitations/accept', {
    config: { access: 'public', rateLimit: invitationLimit },
    schema: {
      operationId: 'acceptInvitation',
      tags,
      summary: 'Set the first password from an invitation and sign in; sets the session cookie',
      body: AcceptInvitationBody,
      response: { 200: SessionView, ...problems, 429: problems[401] },
    },
    handler: async (req, reply) => {
      const { token, session, user, actor } = await acceptInvitation(req.ctx, req.body, {
        userAgent: req.headers['user-agent'],
        ip: req.ip,
      });
      setCookie(reply, token, session.expiresAt);
      return presentSession(actor, user, session);
    },
  });

  r.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { operationId: 'logout', tags, summary: 'End the current session', response: { 200: Ok, ...problems } },
    handler: async (req, reply) => {
      await auth.logout(req.ctx);
      reply.clearCookie(auth.SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.get('/api/auth/session', {
    config: { access: 'public' },
    schema: {
      operationId: 'getSession',
      tags,
      summary: 'The signed-in user, their roles with scopes, abilities and the CSRF token',
      response: { 200: SessionView },
    },
    handler: async (req) => {
      if (req.ctx.actor?.via === 'token') return presentSession(req.ctx.actor, (await auth.findActorUser(req.ctx)) ?? null, null);
      return presentSession(req.ctx.actor, req.signedIn?.user ?? null, req.signedIn?.session ?? null);
    },
  });

  r.post('/api/auth/password', {
    config: { access: 'authenticated' },
    schema: { operationId: 'changePassword', tags, body: ChangePasswordBody, response: { 200: Ok, ...problems } },
    handler: async (req) => {
      await auth.changePassword(req.ctx, req.body);
      return { ok: true as const };
    },
  });

  r.put('/api/auth/locale', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'updateLocale',
      tags,
      summary: 'Save the language the user reads the platform in',
      body: UpdateLocaleBody,
      response: { 200: Ok, ...problems },
    },
    handler: async (req) => {
      await auth.updateLocale(req.ctx, req.body.locale);
      return { ok: true as const };
    },
  });

  r.get('/api/auth/tokens', {
    config: { access: 'authenticated' },
    schema: { operationId: 'listApiTokens', tags, response: { 200: z.object({ items: z.array(ApiTokenView) }), ...problems } },
    handler: async (req) => ({ items: (await auth.listApiTokens(req.ctx)).map(presentApiToken) }),
  });

  r.post('/api/auth/tokens', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'createApiToken',
      tags,
      summary: 'Create a personal API token bound to one of your roles; the secret is shown once',
      body: CreateApiTokenBody,
      response: { 201: CreatedApiTokenView, ...problems },
    },
    handler: async (req, reply) => {
      const created = await auth.createApiToken(req.ctx, req.body);
      reply.code(201);
      return {
        ...presentApiToken({ token: created.row, role: created.role, scopeType: created.scopeType, scopeId: created.scopeId }),
        token: created.token,
      };
    },
  });

  r.delete('/api/auth/tokens/:id', {
    config: { access: 'authenticated' },
    schema: { operationId: 'revokeApiToken', tags, params: IdParams, response: { 200: Ok, ...problems } },
    handler: async (req) => {
      await auth.revokeApiToken(req.ctx, req.params.id);
      return { ok: true as const };
    },
  });
}
