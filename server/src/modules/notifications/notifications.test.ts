import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { users } from '../../db/schema/index.js';
import { notifyUsers } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('notifyUsers', () => {
  it('adds an in-app notification and an e-mail in the user’s language, both visible to them only', async () => {
    const thai = await clientAs(t, 'learner');
    const english = await clientAs(t, 'learner');
    await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, english.userId));
    await t.database.db.transaction((tx) =>
      notifyUsers(tx, t.config, [thai.userId, english.userId, thai.userId], {
        kind: 'test.hello',
        titleTh: 'สวัสดี',
        titleEn: 'Hello',
        bodyTh: 'ข้อความทดสอบ',
        bodyEn: 'A test message',
        link: '/home',
      }),
    );
    const mine = (await thai.request({ method: 'GET', url: '/api/notifications' })).json();
    expect(mine.unread).toBe(1);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ kind: 'test.hello', titleTh: 'สวัสดี', readAt: null });

    const other = await clientAs(t, 'learner');
    expect((await other.request({ method: 'POST', url: `/api/notifications/${mine.items[0].id}/read` })).statusCode).toBe(404);
    expect((await thai.request({ method: 'POST', url: `/api/notifications/${mine.items[0].id}/read` })).statusCode).toBe(200);
    expect((await thai.request({ method: 'GET', url: '/api/notifications' })).json().unread).toBe(0);

    const outbox = (await thai.request({ method: 'GET', url: '/api/outbox?limit=10' })).json().items;
    const th = outbox.find((m: { toEmail: string }) => m.toEmail === thai.user.email);
    const en = outbox.find((m: { toEmail: string }) => m.toEmail === english.user.email);
    expect(th.subject).toBe('[Thaksa] สวัสดี');
    expect(en.subject).toBe('[Thaksa] Hello');
    expect(en.bodyText).toContain('http://localhost:3000/home');
  });
});
