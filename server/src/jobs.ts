import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import { type Database, queryRows } from './db/client.js';
import { LOCK_KEYS } from './db/locks.js';
import { runAccreditationReminders } from './modules/accreditation/reminders.js';
import { submitOverdueAttempts } from './modules/assessment/attempts.service.js';
import { refreshCatalog } from './modules/catalog/service.js';
import { refreshDashboards } from './modules/dashboards/refresh.js';
import { queueMonthlyReports } from './modules/dashboards/subscriptions.service.js';
import { settleFinishedPlans } from './modules/development/plans.service.js';
import { sendQueuedEmails, smtpMailer } from './modules/notifications/sender.js';

/**
 * Periodic work, every JOBS_INTERVAL_SECONDS (0 turns it off). With several instances on one PostgreSQL,
 * each tick runs on whichever instance takes the jobs lock first; the others skip that tick. Every job is
 * idempotent, so a tick cut short by a crash is simply done again next time.
 */
export function startJobs(database: Database, config: Config, log: FastifyBaseLogger): () => void {
  if (config.JOBS_INTERVAL_SECONDS === 0) return () => {};
  const mailer = smtpMailer(config);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const got = await database.db.transaction(async (tx) => {
        const [{ locked }] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${LOCK_KEYS.jobs}) as locked`);
        if (!locked) return false;
        const reminders = await runAccreditationReminders(tx, config);
        if (reminders.expired + reminders.expiryReminders + reminders.overdueScreening > 0)
          log.info({ reminders }, 'accreditation reminders sent');
        const catalogSynced = await refreshCatalog(tx);
        if (catalogSynced > 0) log.info({ catalogSynced }, 'catalogue entries brought up to date');
        // In a savepoint: a failure here is logged and leaves the other jobs of the tick done.
        await tx
          .transaction(async (sp) => {
            const dashboards = await refreshDashboards(sp);
            if (dashboards.people + dashboards.agencies > 0) log.info({ dashboards }, 'dashboard roll-ups brought up to date');
            const monthlyReports = await queueMonthlyReports(sp, config);
            if (monthlyReports > 0) log.info({ monthlyReports }, 'monthly dashboard reports queued');
          })
          .catch((err) => log.error({ err }, 'dashboard roll-ups or monthly reports failed; they run again next tick'));
        await tx
          .transaction(async (sp) => {
            const plansCompleted = await settleFinishedPlans(sp, config, log);
            if (plansCompleted > 0) log.info({ plansCompleted }, 'development plans with every activity done completed');
          })
          .catch((err) => log.error({ err }, 'completing finished development plans failed; it runs again next tick'));
        const timedOut = await submitOverdueAttempts(tx);
        if (timedOut > 0) log.info({ timedOut }, 'assessment attempts past their deadline graded');
        return true;
      });
      if (got && mailer) {
        const mail = await sendQueuedEmails(database.db, mailer);
        if (mail.sent + mail.failed > 0) log.info({ mail }, 'queued e-mails processed');
      }
    } catch (err) {
      log.error({ err }, 'background jobs failed; they will run again next tick');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), config.JOBS_INTERVAL_SECONDS * 1000);
  timer.unref();
  setTimeout(() => void tick(), 5_000).unref();
  return () => clearInterval(timer);
}
