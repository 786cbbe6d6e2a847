import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/harness.js';
import { emailOutbox } from '../../db/schema/index.js';
import { type Mailer, sendQueuedEmails } from './sender.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await t.database.db.insert(emailOutbox).values([
    { toEmail: 'a@test.thaksa.local', subject: 'A', bodyText: 'a' },
    { toEmail: 'fail@test.thaksa.local', subject: 'B', bodyText: 'b' },
  ]);
});

describe('sendQueuedEmails', () => {
  it('sends each queued message once and records failures for a later retry', async () => {
    const delivered: string[] = [];
    const mailer: Mailer = {
      send: async (m) => {
        if (m.to.startsWith('fail')) throw new Error('mailbox unavailable');
        delivered.push(m.to);
      },
    };
    expect(await sendQueuedEmails(t.database.db, mailer)).toEqual({ sent: 1, failed: 1 });
    expect(await sendQueuedEmails(t.database.db, mailer)).toEqual({ sent: 0, failed: 1 });
    expect(delivered).toEqual(['a@test.thaksa.local']);
    const [failed] = await t.database.db.select().from(emailOutbox).where(sql`${emailOutbox.toEmail} like 'fail%'`);
    expect(failed).toMatchObject({ sentAt: null, attempts: 2, lastError: 'mailbox unavailable' });
  });
});
