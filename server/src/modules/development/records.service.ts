import type { Readable } from 'node:stream';
import {
  COMPLETION_COLUMNS,
  CompletionInput,
  MAX_COMPLETIONS_PER_BATCH,
  type RecordCompletionsResult,
} from '../../../../common/contracts/development.js';
import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { toCsv } from '../../lib/csv.js';
import { citizenIdLookupHash } from '../../lib/personal-data.js';
import { readTable, spoolUpload, type TableFormat } from '../../lib/tabular.js';
import { todayInBangkok } from '../../lib/thai-text.js';
import { recordAudit } from '../audit/service.js';
import { issueCertificatesForRecords } from '../credentials/service.js';
import { settlePlans } from './plans.service.js';
import { providerScopes } from './policy.js';
import * as repo from './repository.js';

/** A CSV of completions is at most this large (about 50,000 rows). */
export const MAX_COMPLETIONS_CSV_BYTES = 8 * 1024 * 1024;

type RowError = RecordCompletionsResult['errors'][number];

/** A completion date alone means noon in Bangkok that day (or now, for today before noon). */
const occurredAtOf = (v: string) => (v.length === 10 ? new Date(Math.min(Date.parse(`${v}T12:00:00+07:00`), Date.now())) : new Date(v));

/**
 * The core of `recordCompletions`, for one batch of at most 1,000 items: each item is checked on its own
 * (bad items are reported with their index and field and the rest are stored); learners and courses are
 * resolved with one query each, runs with one more; the statements go in with one multi-row insert that
 * skips duplicates by the statement key; new course completions get their certificates in one statement.
 */
async function recordBatch(
  ctx: Ctx,
  tx: Db,
  items: unknown[],
  via: 'api' | 'csv',
  rowNumbers?: number[],
): Promise<Omit<RecordCompletionsResult, 'received'> & { newUserIds: string[] }> {
  const actor = requireActor(ctx);
  const providers = new Set(providerScopes(actor));
  const errors: RowError[] = [];
  const err = (index: number, field: string, code: string, message: string) =>
    errors.push({ index, ...(rowNumbers ? { row: rowNumbers[index] } : {}), field, code, message });
  const secret = ctx.config.sessionSecret;
  const now = Date.now();
  const today = todayInBangkok();

  type Parsed = CompletionInput & { index: number; hash?: string };
  const parsed: Parsed[] = [];
  items.forEach((item, index) => {
    const r = CompletionInput.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues) err(index, issue.path.join('.') || 'item', 'completion.invalid', issue.message);
      return;
    }
    const c: Parsed = { ...r.data, index };
    if (c.citizenId) {
      try {
        c.hash = citizenIdLookupHash(secret, c.citizenId);
      } catch {
        err(index, 'citizenId', 'completion.bad_citizen_id', 'not a valid 13-digit Thai citizen ID');
        return;
      }
    }
    const at = occurredAtOf(c.completedAt);
    const future = c.completedAt.length === 10 ? c.completedAt > today : at.getTime() > now + 5 * 60_000;
    if (Number.isNaN(at.getTime()) || future) {
      err(index, 'completedAt', 'completion.in_future', 'a completion cannot be in the future');
      return;
    }
    parsed.push(c);
  });

  const learners = await repo.resolveLearners(
    tx,
    [...new Set(parsed.flatMap((c) => (c.hash ? [c.hash] : [])))],
    [...new Set(parsed.flatMap((c) => (!c.hash && c.email ? [c.email.toLowerCase()] : [])))],
  );
  const courses = await repo.resolveCourses(
    tx,
    [...new Set(parsed.flatMap((c) => (c.courseId ? [c.courseId] : [])))],
    [...new Set(parsed.flatMap((c) => (!c.courseId && c.accreditationNumber ? [c.accreditationNumber] : [])))],
  );
  const courseById = new Map(courses.map((c) => [c.id, c]));
  const courseByNumber = new Map(courses.flatMap((c) => (c.accreditation_number ? [[c.accreditation_number, c] as const] : [])));
  const runs = await repo.runsOfCourses(tx, [...new Set(parsed.flatMap((c) => (c.runId ? [c.runId] : [])))]);

  const rows: repo.CompletionRow[] = [];
  for (const c of parsed) {
    const learner = learners.get(c.hash ? `h:${c.hash}` : `e:${(c.email ?? '').toLowerCase()}`);
    if (!learner) {
      err(c.index, c.hash ? 'citizenId' : 'email', 'completion.unknown_learner', 'no such person or account');
      continue;
    }
    if (!learner.user_id) {
      err(c.index, 'citizenId', 'completion.no_account', 'the person has no account on the platform yet');
      continue;
    }
    const course = c.courseId ? courseById.get(c.courseId) : courseByNumber.get(c.accreditationNumber ?? '');
    if (!course) {
      err(c.index, c.courseId ? 'courseId' : 'accreditationNumber', 'completion.unknown_course', 'no such course');
      continue;
    }
    if (!providers.has(course.provider_id)) {
      err(c.index, c.courseId ? 'courseId' : 'accreditationNumber', 'completion.not_your_course', 'the course belongs to another provider');
      continue;
    }
    if (!course.accreditation_number) {
      err(c.index, 'courseId', 'completion.not_accredited', 'the course has never been accredited');
      continue;
    }
    if (c.runId && runs.get(c.runId) !== course.id) {
      err(c.index, 'runId', 'completion.unknown_run', 'not a run of this course');
      continue;
    }
    rows.push({
      user_id: learner.user_id,
      course_id: course.id,
      run_id: c.runId ?? null,
      occurred_at: occurredAtOf(c.completedAt).toISOString(),
      result:
        c.score === undefined
          ? { completion: true }
          : { completion: true, score: { raw: c.score, min: 0, max: 100, scaled: c.score / 100 } },
      context: { providerId: course.provider_id, via, ...(c.runId ? { runId: c.runId } : {}) },
      authority: `provider:${course.provider_id}`,
    });
  }
  const inserted = await repo.insertCompletions(tx, rows, actor.userId);
  const certificatesIssued = await issueCertificatesForRecords(
    tx,
    inserted.map((r) => r.id),
  );
  return {
    recorded: inserted.length,
    duplicates: rows.length - inserted.length,
    rejected: items.length - rows.length,
    certificatesIssued,
    errors,
    newUserIds: [...new Set(inserted.map((r) => r.user_id))],
  };
}

/** Finishes plans the new completions may have completed, and audit-logs the batch (last: the audit lock is the queue). */
async function afterBatch(ctx: Ctx, tx: Db, result: { newUserIds: string[] } & Omit<RecordCompletionsResult, 'errors'>) {
  const planIds = await repo.approvedPlanIdsOf(tx, result.newUserIds);
  if (planIds.length) await settlePlans(tx, ctx, planIds);
  const actor = requireActor(ctx);
  await recordAudit(tx, ctx, {
    action: 'learning_records.reported',
    subjectType: 'provider',
    subjectId: providerScopes(actor)[0] ?? actor.userId,
    summary: {
      received: result.received,
      recorded: result.recorded,
      duplicates: result.duplicates,
      rejected: result.rejected,
      certificatesIssued: result.certificatesIssued,
    },
  });
}

/**
 * A provider (by API token or signed in) reports completions of its own courses: up to 1,000 per call, each
 * naming the learner by citizen ID or e-mail and the course by id or accreditation number, with an optional
 * run and score. Valid items are stored as xAPI-shaped learning records vouched for by the provider (a
 * repeated item changes nothing); the others come back with their index, field and reason.
 */
export async function recordCompletions(ctx: Ctx, items: unknown[]): Promise<RecordCompletionsResult> {
  requireActor(ctx);
  if (items.length > MAX_COMPLETIONS_PER_BATCH) {
    throw AppError.invalid([
      { path: 'body.completions', message: `at most ${MAX_COMPLETIONS_PER_BATCH} per call`, code: 'completion.batch_too_large' },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const r = await recordBatch(ctx, tx, items, 'api');
    const result = { received: items.length, ...r };
    await afterBatch(ctx, tx, result);
    const { newUserIds: _n, ...out } = result;
    return out;
  });
}

const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/**
 * The same report as a CSV upload (columns citizenId, email, courseId, accreditationNumber, runId,
 * completedAt, score), stored in batches of 1,000, each in its own transaction; the answer lists every
 * rejected row by its line number.
 */
export async function recordCompletionsFromFile(ctx: Ctx, body: Readable, format: TableFormat): Promise<RecordCompletionsResult> {
  requireActor(ctx);
  const file = await spoolUpload(body, format, MAX_COMPLETIONS_CSV_BYTES);
  const total: RecordCompletionsResult = { received: 0, recorded: 0, duplicates: 0, rejected: 0, certificatesIssued: 0, errors: [] };
  try {
    let batch: unknown[] = [];
    let rowNumbers: number[] = [];
    let headerChecked = false;
    const flush = async () => {
      if (batch.length === 0) return;
      const items = batch;
      const numbers = rowNumbers;
      batch = [];
      rowNumbers = [];
      await ctx.db.transaction(async (tx) => {
        const r = await recordBatch(ctx, tx, items, 'csv', numbers);
        const result = { received: items.length, ...r };
        await afterBatch(ctx, tx, result);
        total.received += items.length;
        total.recorded += r.recorded;
        total.duplicates += r.duplicates;
        total.rejected += r.rejected;
        total.certificatesIssued += r.certificatesIssued;
        total.errors.push(...r.errors.map((e) => ({ ...e, index: total.received - items.length + e.index })));
      });
    };
    for await (const { row, values } of readTable(file)) {
      if (!headerChecked) {
        headerChecked = true;
        const missing = ['completedAt'].filter((c) => !(c in values));
        if (missing.length || !('citizenId' in values || 'email' in values) || !('courseId' in values || 'accreditationNumber' in values)) {
          throw AppError.invalid(
            [{ path: 'file', message: `the header must have the columns ${COMPLETION_COLUMNS.join(', ')}`, code: 'completion.bad_header' }],
            'the file has the wrong columns',
          );
        }
      }
      const score = blankToUndefined(values.score);
      batch.push({
        citizenId: blankToUndefined(values.citizenId),
        email: blankToUndefined(values.email),
        courseId: blankToUndefined(values.courseId),
        accreditationNumber: blankToUndefined(values.accreditationNumber),
        runId: blankToUndefined(values.runId),
        completedAt: blankToUndefined(values.completedAt),
        score: score === undefined ? undefined : Number.isFinite(Number(score)) ? Number(score) : score,
      });
      rowNumbers.push(row);
      if (batch.length >= MAX_COMPLETIONS_PER_BATCH) await flush();
    }
    await flush();
  } finally {
    await file.cleanup();
  }
  if (total.received === 0) throw AppError.invalid([{ path: 'file', message: 'the file has no rows', code: 'completion.empty_file' }]);
  return total;
}

/** The signed-in learner's records, newest first, paged and filtered by verb or kind. */
export async function listMyLearningRecords(ctx: Ctx, q: { page: number; pageSize: number; verb?: string; objectType?: string }) {
  const actor = requireActor(ctx);
  const { rows, total } = await repo.listRecords(ctx.db, actor.userId, { ...q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { rows, total, page: q.page, pageSize: q.pageSize };
}

/** All of the learner's records as a CSV (xAPI fields flattened), for download. */
export async function exportMyLearningRecords(ctx: Ctx): Promise<{ csv: string; fileName: string }> {
  const actor = requireActor(ctx);
  const all: repo.RecordListRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { rows } = await repo.listRecords(ctx.db, actor.userId, { limit: 1000, offset });
    all.push(...rows);
    if (rows.length < 1000) break;
  }
  const csv = toCsv(
    ['occurredAt', 'verb', 'objectType', 'objectId', 'titleTh', 'titleEn', 'authority', 'authorityName', 'score', 'certificateNumber'],
    all.map((r) => [
      new Date(r.occurred_at).toISOString(),
      r.verb,
      r.object_type,
      r.object_id,
      r.title_th,
      r.title_en,
      r.authority,
      r.authority_name_th,
      (r.result?.score as { raw?: number } | undefined)?.raw ?? '',
      r.certificate_number,
    ]),
  );
  return { csv, fileName: `learning-records-${todayInBangkok()}.csv` };
}
