import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { readTable, type Spooled } from '../../lib/tabular.js';
import { getFramework } from '../framework/service.js';
import * as agencyRepo from './agencies.repository.js';
import { type ImportRowError, missingColumns, parsePersonRow, type StagedRow } from './imports.parse.js';
import * as repo from './imports.repository.js';

/** Rows checked and staged per transaction; also how often progress is reported. */
const BATCH = 2000;
/** Reading the file is most of the work; the set-based checks after it take the last few percent. */
const READ_SHARE = 95;

export interface ValidationDeps {
  db: Db;
  config: Config;
  log: FastifyBaseLogger;
}

/** Another run took the job over (this instance was thought dead), or the instance is shutting down. */
class Stopped extends Error {}

async function targetGroupCodes(deps: ValidationDeps): Promise<Set<string>> {
  const ctx = { actor: null, db: deps.db, config: deps.config, requestId: 'person-import', log: deps.log };
  const framework = await getFramework(ctx, 'current');
  return new Set(framework.groups.map((g) => g.code));
}

/**
 * Validates an import in the background: streams the file, checks and stages each row in batches (each
 * batch one short transaction, with progress), then runs the cross-row and database checks set-based, and
 * finishes the job as `validated` or `invalid`. Memory stays flat whatever the file's size. A run that
 * loses its job (another instance resumed it) or is told to stop leaves the rest to the next run.
 */
export async function validateImport(deps: ValidationDeps, importId: string, attempt: number, file: Spooled, signal: AbortSignal) {
  const { db } = deps;
  // One batch is written while the next is read and checked: the database and this process work at once.
  let writing: Promise<void> = Promise.resolve();
  try {
    const job = await repo.findImport(db, importId);
    if (job?.status !== 'validating') return;
    const scope = job.scopeAgencyId ? await agencyRepo.findAgency(db, job.scopeAgencyId) : null;
    const targetGroups = await targetGroupCodes(deps);
    await repo.resetValidation(db, importId);
    let staged: StagedRow[] = [];
    let errors: ImportRowError[] = [];
    let total = 0;
    let bytesRead = 0;
    const flush = async () => {
      await writing;
      const progress = Math.min(READ_SHARE, Math.floor((bytesRead / Math.max(1, job.byteSize)) * READ_SHARE));
      const [rows, errs, totalRows] = [staged, errors, total];
      staged = [];
      errors = [];
      writing = db
        .transaction(async (tx) => {
          await repo.insertStagedRows(tx, importId, rows);
          await repo.insertErrors(tx, importId, errs);
          return repo.reportProgress(tx, importId, attempt, { progress, totalRows });
        })
        .then((isOurs) => {
          if (!isOurs || signal.aborted) throw new Stopped();
        });
      // Awaited by the next flush (or below); marked handled so a failure waits for that await instead of crashing.
      writing.catch(() => {});
    };
    let isFirst = true;
    for await (const { row, values } of readTable(file, { onProgress: (n) => (bytesRead = n) })) {
      if (isFirst) {
        isFirst = false;
        const missing = missingColumns(values);
        if (missing.length) {
          errors.push({ row: 1, column: null, code: 'file.missing_columns', message: `missing columns: ${missing.join(', ')}` });
          break;
        }
      }
      total++;
      const parsed = parsePersonRow(row, values, { secret: deps.config.sessionSecret, targetGroups });
      if ('errors' in parsed) errors.push(...parsed.errors);
      else staged.push(parsed.ok);
      if (staged.length + errors.length >= BATCH) await flush();
    }
    if (total === 0 && errors.length === 0) errors.push({ row: 1, column: null, code: 'file.empty', message: 'the file has no rows' });
    bytesRead = job.byteSize;
    await flush();
    await writing;
    await repo.crossCheck(db, importId, scope?.treeKey ?? '', { withinFile: true });
    await repo.markSupervisors(db, importId);
    await finish(db, importId, attempt);
  } catch (err) {
    // A batch still being written finishes (or fails) before the run reports and cleans up; a lost job is left alone.
    const isLost = await writing.then(
      () => false,
      (e) => e instanceof Stopped,
    );
    if (err instanceof Stopped || isLost) return;
    // A malformed CSV says where (csv-parse codes its errors CSV_…); anything else is logged, not shown.
    const isParseError = String((err as { code?: unknown }).code ?? '').startsWith('CSV_');
    if (!isParseError) deps.log.error({ err, importId }, 'personnel import validation failed');
    const failure = isParseError ? (err as Error).message.slice(0, 300) : 'the file could not be read as a table';
    await repo.updateImport(db, importId, { status: 'failed', failure, progress: 100 }).catch(() => {});
    await repo.deleteWorkingData(db, importId).catch(() => {});
  } finally {
    await file.cleanup();
  }
}

async function finish(db: Db, importId: string, attempt: number) {
  await db.transaction(async (tx) => {
    const job = await repo.findImport(tx, importId, { forUpdate: true });
    if (job?.status !== 'validating' || job.attempts !== attempt) return;
    const s = await repo.summarizeValidation(tx, importId);
    const isValid = s.error_count === 0;
    await repo.updateImport(tx, importId, {
      status: isValid ? 'validated' : 'invalid',
      progress: 100,
      errorCount: s.error_count,
      errorRows: s.error_rows,
      toCreate: isValid ? s.to_create : 0,
      toUpdate: isValid ? s.to_update : 0,
      validatedAt: new Date(),
    });
    // An invalid file is never committed: its personal data goes now; the errors stay for the report.
    if (!isValid) await repo.deleteWorkingData(tx, importId);
  });
}
