import { z } from 'zod';

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  bodyTh: z.string(),
  bodyEn: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationList = z.object({ items: z.array(NotificationView), unread: z.number() });
export const ListNotificationsQuery = z.object({ before: z.iso.datetime().optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });

export const OutboxMessageView = z.object({
  id: z.string(),
  toEmail: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const OutboxQuery = z.object({ to: z.string().max(254).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
