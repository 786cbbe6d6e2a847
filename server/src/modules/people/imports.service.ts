import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { type Actor, type Ctx, requireActor } from '../../lib/context.js';
import { csvCell } from '../../lib/csv.js';
import { type Spooled, spoolUpload, type TableFormat } from '../../lib/tabular.js';
import { recordAudit } from '../audit/service.js';
import { inviteUsers } from '../auth/invitations.service.js';
import { ensurePersonAccounts } from '../users/service.js';
import * as agencyRepo from './agencies.repository.js';
import { materializeImportFile, storeImportFile } from './imports.file.js';
import * as repo from './imports.repository.js';
import { validateImport } from './imports.validate.js';
import { agencyScopes, canManagePeopleIn, isSystemAdmin } from './policy.js';

/** A validation whose instance has not reported for this long is taken over by the next instance asked about it. */
const STALE_SECONDS = 120;
/** Rows written per statement at commit: bounded memory for the accounts created alongside. */
const COMMIT_CHUNK = 10_000;

/**
 * The background validations of one app instance: started after an upload (or when resuming a stale
 * one) and stopped, between batches, when the instance shuts down; a stopped run is resumed elsewhere.
 */
export class ValidationRunner {
  private readonly running = new Set<Promise<void>>();
  private readonly stop = new AbortController();

  start(ctx: Ctx, importId: string, attempt: number, file: Spooled) {
    const run = validateImport({ db: ctx.db, config: ctx.config, log: ctx.log }, importId, attempt, file, this.stop.signal).finally(() =>
      this.running.delete(run),
    );
    this.running.add(run);
  }

  /** Resolves when every run in this instance has finished or stopped. */
  async close() {
    this.stop.abort();
    await Promise.allSettled([...this.running]);
  }

  /** Follows other background work of this instance (statistics after a commit), so shutdown waits for it. */
  track(work: Promise<unknown>, log: Ctx['log']) {
    const run = work.then(
      () => {},
      (err) => log.warn({ err }, 'background work after a personnel import failed'),
    );
    const tracked = run.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}

/** The subtree an import may write: the agency asked for (managed by the caller), HR's one scope, or national for system admins. */
async function resolveManageScope(ctx: Ctx, agencyId: string | undefined) {
  const actor = requireActor(ctx);
  if (agencyId) {
    const agency = await agencyRepo.findAgency(ctx.db, agencyId);
    if (!agency) throw AppError.invalid([{ path: 'querystring.agencyId', message: 'unknown agency' }]);
    if (!canManagePeopleIn(actor, agency)) throw AppError.forbidden('you do not manage this agency’s personnel');
    return agency;
  }
  if (isSystemAdmin(actor)) return null;
  const scopes = await agencyRepo.findAgenciesByIds(ctx.db, [...new Set(agencyScopes(actor, 'agency_admin'))]);
  const tops = scopes.filter((s) => !scopes.some((o) => o.id !== s.id && s.path.includes(`/${o.id}/`)));
  if (tops.length === 0) throw AppError.forbidden('you manage no agency’s personnel');
  if (tops.length > 1) throw AppError.invalid([{ path: 'querystring.agencyId', message: 'you manage several agencies: choose one' }]);
  return tops[0];
}

const canSeeImport = (a: Actor, j: repo.PersonImportRow) =>
  j.createdBy === a.userId || (j.scopeAgency ? canManagePeopleIn(a, j.scopeAgency) : isSystemAdmin(a));
const canCommitImport = (a: Actor, j: repo.PersonImportRow) => (j.scopeAgency ? canManagePeopleIn(a, j.scopeAgency) : isSystemAdmin(a));

/**
 * Receives a personnel file (CSV or XLSX, streamed to disk, then stored encrypted in the database) and
 * starts validating it in the background; returns the job at once. Poll getPersonImport for progress.
 */
export async function importPersonnel(
  ctx: Ctx,
  runner: ValidationRunner,
  body: Readable,
  format: TableFormat,
  q: { agencyId?: string; fileName?: string },
) {
  const actor = requireActor(ctx);
  const scope = await resolveManageScope(ctx, q.agencyId);
  await repo.expireOldImports(ctx.db, ctx.config.PERSON_IMPORT_RETENTION_DAYS);
  const file = await spoolUpload(body, format, ctx.config.PERSON_IMPORT_MAX_MB * 1024 * 1024);
  let id: string;
  try {
    const { size } = await stat(file.path);
    id = await ctx.db.transaction(async (tx) => {
      const job = await repo.insertImport(tx, {
        createdBy: actor.userId,
        scopeAgencyId: scope?.id ?? null,
        format,
        fileName: q.fileName ?? null,
        byteSize: size,
        status: 'validating',
      });
      await storeImportFile(tx, ctx.config.sessionSecret, job.id, file);
      await recordAudit(tx, ctx, {
        action: 'person_import.uploaded',
        subjectType: 'person_import',
        subjectId: job.id,
        summary: { format, bytes: size, scopeAgencyId: scope?.id ?? null, fileName: q.fileName ?? null },
      });
      return job.id;
    });
  } catch (err) {
    await file.cleanup();
    throw err;
  }
  runner.start(ctx, id, 1, file);
  return (await repo.findImport(ctx.db, id)) as repo.PersonImportRow;
}

/** An import the caller may see (its author, or HR over its subtree), or 404. */
async function loadImport(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const job = await repo.findImport(db, id, opts);
  if (!job || !canSeeImport(actor, job)) throw AppError.notFound('import');
  return job;
}

/**
 * An import's state, progress and a page of its errors. A validation whose instance went quiet is taken
 * over here (on any instance), so a crash mid-validation costs a restart, not the import.
 */
export async function getPersonImport(ctx: Ctx, runner: ValidationRunner, id: string, q: { errorsPage: number; errorsPageSize: number }) {
  const actor = requireActor(ctx);
  let job = await loadImport(ctx.db, actor, id);
  if (job.status === 'validating') {
    const attempt = await repo.claimStaleValidation(ctx.db, id, STALE_SECONDS);
    if (attempt !== null) {
      const file = await materializeImportFile(ctx.db, ctx.config.sessionSecret, id, job.format as TableFormat);
      runner.start(ctx, id, attempt, file);
      job = await loadImport(ctx.db, actor, id);
    }
  }
  const errors = await repo.listErrors(ctx.db, id, { offset: (q.errorsPage - 1) * q.errorsPageSize, limit: q.errorsPageSize });
  return { job, errors, canManage: canCommitImport(actor, job) };
}

/** The caller's recent imports and those into agencies they manage, newest first. */
export async function listPersonImports(ctx: Ctx) {
  const actor = requireActor(ctx);
  const scopes = isSystemAdmin(actor)
    ? 'all'
    : (await agencyRepo.findAgenciesByIds(ctx.db, agencyScopes(actor, 'agency_admin'))).map((a) => a.treeKey);
  const jobs = await repo.listImports(ctx.db, { userId: actor.userId, scopeKeys: scopes, limit: 50 });
  return jobs.map((job) => ({ job, canManage: canCommitImport(actor, job) }));
}

/** The whole error report as CSV (UTF-8 with BOM, so spreadsheets read Thai), streamed by row. */
export async function exportImportErrors(ctx: Ctx, id: string): Promise<Readable> {
  await loadImport(ctx.db, requireActor(ctx), id);
  async function* lines() {
    yield `\uFEFF${['row', 'column', 'code', 'message'].join(',')}\r\n`;
    let after = { row: -1, id: 0 };
    for (;;) {
      const page = await repo.listErrorsAfter(ctx.db, id, after, 2000);
      if (page.length === 0) return;
      yield page.map((e) => `${[e.row, e.column, e.code, e.message].map(csvCell).join(',')}\r\n`).join('');
      const last = page[page.length - 1];
      after = { row: last.row, id: last.id };
    }
  }
  return Readable.from(lines());
}

/**
 * Commits a validated import in one transaction: the database checks run again (things may have changed
 * since validation), then people are created or updated by citizen ID, history is written for changed
 * agency, group or status, supervisors are linked, and new people get a learner account and an invitation.
 * All of it or none of it: any failure (or a killed server) leaves the database as it was. Committing a
 * committed import does nothing and returns it again.
 */
export async function commitPersonImport(ctx: Ctx, runner: ValidationRunner, id: string) {
  const actor = requireActor(ctx);
  const outcome = await ctx.db.transaction(async (tx) => {
    const job = await loadImport(tx, actor, id, { forUpdate: true });
    if (!canCommitImport(actor, job)) throw AppError.forbidden('you do not manage the agencies of this import');
    if (job.status === 'committed') return 'already';
    if (job.status === 'expired') throw AppError.conflict('people_import.expired', 'this import expired; upload the file again');
    if (job.status !== 'validated') throw AppError.conflict('people_import.not_ready', `the import is ${job.status}`);
    // Staged rows do not survive a database crash (unlogged); the stored file is then validated again.
    if ((await repo.countStagedRows(tx, id)) !== job.totalRows) {
      await repo.updateImport(tx, id, { status: 'validating', progress: 0, heartbeatAt: new Date(0) });
      return 'revalidate';
    }
    const scope = job.scopeAgencyId ? await agencyRepo.findAgency(tx, job.scopeAgencyId) : null;
    await repo.crossCheck(tx, id, scope?.treeKey ?? '', { withinFile: false });
    const check = await repo.summarizeValidation(tx, id);
    if (check.error_count > 0) {
      await repo.updateImport(tx, id, {
        status: 'invalid',
        errorCount: check.error_count,
        errorRows: check.error_rows,
        toCreate: 0,
        toUpdate: 0,
      });
      await repo.deleteWorkingData(tx, id);
      return 'invalid';
    }
    const counts = await writeImport(tx, ctx, id, actor);
    await repo.deleteWorkingData(tx, id);
    await repo.updateImport(tx, id, { status: 'committed', ...counts, committedAt: new Date(), committedBy: actor.userId });
    await recordAudit(tx, ctx, {
      action: 'person_import.committed',
      subjectType: 'person_import',
      subjectId: id,
      summary: { rows: job.totalRows, ...counts, scopeAgencyId: job.scopeAgencyId },
    });
    return 'committed';
  });
  // The new errors are stored (that transaction committed); the caller is told nothing was imported.
  if (outcome === 'invalid') throw AppError.conflict('people_import.not_ready', 'the data changed since validation; see the errors');
  if (outcome === 'revalidate')
    throw AppError.conflict('people_import.not_ready', 'the file is being checked again; commit when validated');
  // Thousands of new keys in one subtree: the planner's estimates must know them before the next list.
  if (outcome === 'committed') {
    runner.track(
      agencyRepo.analyzePersons(ctx.db).then(() => repo.cleanSearchIndex(ctx.db)),
      ctx.log,
    );
  }
  return loadImport(ctx.db, actor, id);
}

async function writeImport(tx: Db, ctx: Ctx, id: string, actor: Actor) {
  const range = await repo.stagedRowRange(tx, id);
  let created = 0;
  let updated = 0;
  let invited = 0;
  if (!range) return { created, updated, invited };
  await repo.insertImportHistory(tx, id, actor.userId);
  await repo.deferSearchIndexUpkeep(tx);
  for (const pass of ['supervisors', 'others'] as const) {
    for (let from = range.min; from <= range.max; from += COMMIT_CHUNK) {
      const people = await repo.upsertPersonsFromStaging(tx, id, { from, to: from + COMMIT_CHUNK }, pass);
      for (const p of people) p.inserted ? created++ : updated++;
      const accounts = await ensurePersonAccounts(
        tx,
        people.map((p) => ({ personId: p.id, email: p.email, displayName: p.display_name })),
      );
      invited += await inviteUsers(tx, ctx, accounts);
    }
  }
  await repo.linkSupervisorsFromStaging(tx, id);
  return { created, updated, invited };
}
