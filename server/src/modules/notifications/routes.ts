import type { FastifyInstance } from 'fastify';
import { ListNotificationsQuery, NotificationList, OutboxMessageView, OutboxQuery } from '../../../../common/contracts/notifications.js';
import { Ok } from '../../../../common/contracts/shared.js';
import { IdParams, problems, typed, z } from '../../lib/http.js';
import * as notifications from './service.js';

const tags = ['notifications'];
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function notificationRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.get('/api/notifications', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'listMyNotifications',
      tags,
      querystring: ListNotificationsQuery,
      response: { 200: NotificationList, ...problems },
    },
    handler: async (req) => {
      const { items, unread } = await notifications.listMyNotifications(req.ctx, req.query);
      return { unread, items: items.map((n) => ({ ...n, createdAt: new Date(n.createdAt).toISOString(), readAt: iso(n.readAt) })) };
    },
  });
  r.post('/api/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { operationId: 'markNotificationRead', tags, params: IdParams, response: { 200: Ok, ...problems } },
    handler: async (req) => {
      await notifications.markNotificationRead(req.ctx, req.params.id);
      return { ok: true as const };
    },
  });
  r.get('/api/outbox', {
    config: { access: 'authenticated' },
    schema: {
      operationId: 'listOutbox',
      tags,
      summary: 'E-mails queued by the platform (any signed-in user in development; system admins in production)',
      querystring: OutboxQuery,
      response: { 200: z.object({ items: z.array(OutboxMessageView) }), ...problems },
    },
    handler: async (req) => ({
      items: (await notifications.listOutbox(req.ctx, req.query)).map((m) => ({
        id: m.id,
        toEmail: m.toEmail,
        subject: m.subject,
        bodyText: m.bodyText,
        createdAt: new Date(m.createdAt).toISOString(),
        sentAt: iso(m.sentAt),
      })),
    }),
  });
}
