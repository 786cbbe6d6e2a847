import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { personImportErrors, personImportFiles, personImportRows, personImports } from '../../db/schema/index.js';
import { subtreeRange } from './agencies.repository.js';
import type { ImportRowError, StagedRow } from './imports.parse.js';

export type PersonImportRecord = typeof personImports.$inferSelect;
export type PersonImportRow = PersonImportRecord & {
  scopeAgency: { id: string; code: string; nameTh: string; nameEn: string; path: string } | null;
  createdByName: string;
};

// ---------------------------------------------------------------- the job

export async function insertImport(db: Db, row: typeof personImports.$inferInsert): Promise<PersonImportRecord> {
  const [inserted] = await db.insert(personImports).values(row).returning();
  return inserted;
}

const JOB_COLUMNS = sql`j.id, j.created_by as "createdBy", j.scope_agency_id as "scopeAgencyId", j.format, j.file_name as "fileName",
  j.byte_size as "byteSize", j.status, j.progress, j.total_rows as "totalRows", j.error_count as "errorCount",
  j.error_rows as "errorRows", j.to_create as "toCreate", j.to_update as "toUpdate", j.created, j.updated, j.invited, j.failure,
  j.attempts, j.heartbeat_at as "heartbeatAt", j.created_at as "createdAt", j.validated_at as "validatedAt",
  j.committed_at as "committedAt", j.committed_by as "committedBy",
  case when a.id is null then null else json_build_object('id', a.id, 'code', a.code, 'nameTh', a.name_th, 'nameEn', a.name_en, 'path', a.path) end
    as "scopeAgency",
  u.display_name as "createdByName"`;

export async function findImport(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<PersonImportRow | undefined> {
  const [row] = await queryRows<PersonImportRow>(
    db,
    sql`select ${JOB_COLUMNS} from person_imports j
        left join agencies a on a.id = j.scope_agency_id join users u on u.id = j.created_by
        where j.id = ${id} ${opts.forUpdate ? sql`for update of j` : sql``}`,
  );
  return row;
}

/** The newest imports the caller may see: their own, and those into a subtree given by `scopeKey` ('' = all). */
export async function listImports(db: Db, f: { userId: string; scopeKeys: string[] | 'all'; limit: number }) {
  const scoped: SQL =
    f.scopeKeys === 'all'
      ? sql`true`
      : f.scopeKeys.length
        ? sql`(${sql.join(
            f.scopeKeys.map((k) => subtreeRange(sql`a.tree_key`, k)),
            sql` or `,
          )})`
        : sql`false`;
  return queryRows<PersonImportRow>(
    db,
    sql`select ${JOB_COLUMNS} from person_imports j
        left join agencies a on a.id = j.scope_agency_id join users u on u.id = j.created_by
        where j.created_by = ${f.userId} or ${scoped}
        order by j.created_at desc limit ${f.limit}`,
  );
}

export async function updateImport(db: Db, id: string, fields: Partial<typeof personImports.$inferInsert>): Promise<void> {
  await db.update(personImports).set(fields).where(eq(personImports.id, id));
}

/** Progress of the validation run `attempt`; false when another run has taken the job over. */
export async function reportProgress(db: Db, id: string, attempt: number, p: { progress: number; totalRows: number }): Promise<boolean> {
  const rows = await db
    .update(personImports)
    .set({ progress: p.progress, totalRows: p.totalRows, heartbeatAt: sql`now()` })
    .where(and(eq(personImports.id, id), eq(personImports.attempts, attempt), eq(personImports.status, 'validating')))
    .returning({ id: personImports.id });
  return rows.length > 0;
}

/** Takes over a validation whose instance stopped reporting (crashed or shut down); returns the new attempt number. */
export async function claimStaleValidation(db: Db, id: string, staleSeconds: number): Promise<number | null> {
  const [row] = await db
    .update(personImports)
    .set({ attempts: sql`${personImports.attempts} + 1`, heartbeatAt: sql`now()`, progress: 0 })
    .where(
      and(
        eq(personImports.id, id),
        eq(personImports.status, 'validating'),
        sql`${personImports.heartbeatAt} < now() - make_interval(secs => ${staleSeconds})`,
      ),
    )
    .returning({ attempts: personImports.attempts });
  return row?.attempts ?? null;
}

/** Uncommitted imports older than the retention period lose their file and staged rows and become `expired`. */
export async function expireOldImports(db: Db, retentionDays: number): Promise<number> {
  const expired = await queryRows<{ id: string }>(
    db,
    sql`update person_imports set status = 'expired'
        where status in ('validating', 'validated', 'invalid', 'failed') and created_at < now() - make_interval(days => ${retentionDays})
        returning id`,
  );
  for (const { id } of expired) await deleteWorkingData(db, id);
  return expired.length;
}

// ---------------------------------------------------------------- the file

export async function insertFileChunk(db: Db, importId: string, seq: number, data: Buffer): Promise<void> {
  await db.insert(personImportFiles).values({ importId, seq, data });
}

export async function countFileChunks(db: Db, importId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from person_import_files where import_id = ${importId}`);
  return row.n;
}

export async function findFileChunk(db: Db, importId: string, seq: number): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ data: personImportFiles.data })
    .from(personImportFiles)
    .where(and(eq(personImportFiles.importId, importId), eq(personImportFiles.seq, seq)));
  return row?.data;
}

/** Drops the file and the staged rows (committed, invalid, failed or expired: nothing more to do with them). */
export async function deleteWorkingData(db: Db, importId: string): Promise<void> {
  await db.delete(personImportRows).where(eq(personImportRows.importId, importId));
  await db.delete(personImportFiles).where(eq(personImportFiles.importId, importId));
}

// ---------------------------------------------------------------- validation

/** Clears what an earlier, interrupted validation run left, so a new run starts clean. */
export async function resetValidation(db: Db, importId: string): Promise<void> {
  await db.delete(personImportRows).where(eq(personImportRows.importId, importId));
  await db.delete(personImportErrors).where(eq(personImportErrors.importId, importId));
}

const STAGED_COLUMNS = [
  'row int',
  'citizen_hash text',
  'citizen_cipher text',
  'citizen_last text',
  'citizen_masked text',
  'title_th text',
  'first_name_th text',
  'last_name_th text',
  'title_en text',
  'first_name_en text',
  'last_name_en text',
  'email text',
  'position_th text',
  'position_type text',
  'position_level text',
  'is_it text',
  'agency_code text',
  'supervisor_hash text',
  'target_group text',
  'suggested_group text',
  'employment_status text',
  'sort_name text',
  'search_text text',
];
const STAGED_NAMES = sql.raw(STAGED_COLUMNS.map((c) => c.split(' ')[0]).join(', '));
const STAGED_TYPES = sql.raw(STAGED_COLUMNS.join(', '));

/** Staged rows in one statement: the batch travels as one JSON parameter (no per-value bind parameters). */
export async function insertStagedRows(db: Db, importId: string, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql`insert into person_import_rows (import_id, ${STAGED_NAMES})
        select ${importId}::uuid, ${STAGED_NAMES} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${STAGED_TYPES})`,
  );
}

export async function insertErrors(db: Db, importId: string, errors: ImportRowError[]): Promise<void> {
  if (errors.length === 0) return;
  await db.execute(
    sql`insert into person_import_errors (import_id, row, "column", code, message)
        select ${importId}::uuid, row, "column", code, message
        from json_to_recordset(${JSON.stringify(errors)}::json) as x(row int, "column" text, code text, message text)`,
  );
}

const scopeTest = (column: SQL, scopeKey: string) => (scopeKey ? subtreeRange(column, scopeKey) : sql`true`);

/**
 * The checks that need the whole file or the database, each one set-based statement writing its errors:
 * unknown agencies or agencies outside the import's subtree, people already recorded outside it, unknown
 * supervisors, e-mails that belong to another person's account. `withinFile` adds the in-file duplicates
 * (citizen IDs, e-mails), which cannot change between validation and commit.
 */
export async function crossCheck(db: Db, importId: string, scopeKey: string, opts: { withinFile: boolean }): Promise<void> {
  const insert = (select: SQL) => db.execute(sql`insert into person_import_errors (import_id, row, "column", code, message) ${select}`);
  if (opts.withinFile) {
    for (const [column, key, code, what] of [
      ['citizenId', 'citizen_hash', 'citizen_id.duplicate_in_file', 'citizen ID'],
      ['email', 'email', 'email.duplicate_in_file', 'e-mail'],
    ] as const) {
      await insert(
        sql`select ${importId}::uuid, d.row, ${column}, ${code}, ${`the same ${what} is also on row `} || d.first
            from (select row, min(row) over (partition by ${sql.raw(key)}) as first from person_import_rows where import_id = ${importId}) d
            where d.row <> d.first`,
      );
    }
  }
  await insert(
    sql`select ${importId}::uuid, s.row, 'agencyCode',
               case when a.id is null then 'agency.unknown' else 'agency.out_of_scope' end,
               case when a.id is null then 'unknown agency code "' || s.agency_code || '"'
                    else 'agency ' || a.code || ' is outside the agencies this import may change' end
        from person_import_rows s left join agencies a on lower(a.code) = lower(s.agency_code)
        where s.import_id = ${importId} and (a.id is null or not ${scopeTest(sql`a.tree_key`, scopeKey)})`,
  );
  if (scopeKey) {
    await insert(
      sql`select ${importId}::uuid, s.row, 'citizenId', 'person.out_of_scope',
                 'this person is recorded in ' || a.code || ', outside the agencies this import may change; ask for a transfer'
          from person_import_rows s join persons p on p.citizen_id_hash = s.citizen_hash join agencies a on a.id = p.agency_id
          where s.import_id = ${importId} and not ${scopeTest(sql`p.agency_key`, scopeKey)}`,
    );
  }
  await insert(
    sql`select ${importId}::uuid, s.row, 'supervisorCitizenId',
               case when s.supervisor_hash = s.citizen_hash then 'supervisor.self' else 'supervisor.unknown' end,
               case when s.supervisor_hash = s.citizen_hash then 'a person cannot supervise themselves'
                    else 'no person with this citizen ID in the file or already recorded' end
        from person_import_rows s
        where s.import_id = ${importId} and s.supervisor_hash is not null
          and (s.supervisor_hash = s.citizen_hash or (
            not exists (select 1 from person_import_rows f where f.import_id = ${importId} and f.citizen_hash = s.supervisor_hash)
            and not exists (select 1 from persons p where p.citizen_id_hash = s.supervisor_hash)))`,
  );
  await insert(
    sql`select ${importId}::uuid, s.row, 'email', 'email.taken', 'this e-mail is the sign-in of another person''s account'
        from person_import_rows s
        join users u on lower(u.email) = s.email
        left join persons p on p.citizen_id_hash = s.citizen_hash
        where s.import_id = ${importId} and u.person_id is not null and u.person_id is distinct from p.id`,
  );
}

/** Marks the rows another row names as supervisor, so the commit writes them first. */
export async function markSupervisors(db: Db, importId: string): Promise<void> {
  await db.execute(
    sql`update person_import_rows s set supervises = true
        where s.import_id = ${importId}
          and s.citizen_hash in (select supervisor_hash from person_import_rows where import_id = ${importId} and supervisor_hash is not null)`,
  );
}

export async function countStagedRows(db: Db, importId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from person_import_rows where import_id = ${importId}`);
  return row.n;
}

/** Error and row counts, and how many staged people are new or already known. */
export async function summarizeValidation(db: Db, importId: string) {
  const [row] = await queryRows<{ error_count: number; error_rows: number; to_create: number; to_update: number }>(
    db,
    sql`select (select count(*)::int from person_import_errors where import_id = ${importId}) as error_count,
               (select count(distinct row)::int from person_import_errors where import_id = ${importId}) as error_rows,
               count(*) filter (where p.id is null)::int as to_create, count(p.id)::int as to_update
        from person_import_rows s left join persons p on p.citizen_id_hash = s.citizen_hash
        where s.import_id = ${importId}`,
  );
  return row;
}

export async function listErrors(db: Db, importId: string, page: { offset: number; limit: number }) {
  return db
    .select({
      row: personImportErrors.row,
      column: personImportErrors.column,
      code: personImportErrors.code,
      message: personImportErrors.message,
    })
    .from(personImportErrors)
    .where(eq(personImportErrors.importId, importId))
    .orderBy(personImportErrors.row, personImportErrors.id)
    .limit(page.limit)
    .offset(page.offset);
}

/** Errors after a (row, id) position, for streaming the whole report. */
export async function listErrorsAfter(db: Db, importId: string, after: { row: number; id: number }, limit: number) {
  return queryRows<{ id: number; row: number; column: string | null; code: string; message: string }>(
    db,
    sql`select id::int as id, row, "column", code, message from person_import_errors
        where import_id = ${importId} and (row, id) > (${after.row}, ${after.id})
        order by row, id limit ${limit}`,
  );
}

// ---------------------------------------------------------------- commit

export async function stagedRowRange(db: Db, importId: string): Promise<{ min: number; max: number } | null> {
  const [row] = await queryRows<{ min: number | null; max: number | null }>(
    db,
    sql`select min(row)::int as min, max(row)::int as max from person_import_rows where import_id = ${importId}`,
  );
  return row.min === null || row.max === null ? null : { min: row.min, max: row.max };
}

const NEW_GROUP = sql`coalesce(s.target_group, case when p.target_group_source = 'hr' then p.target_group_code else s.suggested_group end)`;

/** History of people already recorded whose agency, target group or status the import changes (one statement). */
export async function insertImportHistory(db: Db, importId: string, actorId: string) {
  await db.execute(
    sql`insert into person_history (person_id, kind, from_value, to_value, source, import_id, actor_id)
        select p.id, k.kind, k.from_value, k.to_value, 'import', ${importId}::uuid, ${actorId}::uuid
        from person_import_rows s
        join persons p on p.citizen_id_hash = s.citizen_hash
        join agencies a on lower(a.code) = lower(s.agency_code)
        cross join lateral (values ('transfer', p.agency_id::text, a.id::text),
                                   ('target_group', p.target_group_code, ${NEW_GROUP}),
                                   ('employment_status', p.employment_status, s.employment_status)) as k(kind, from_value, to_value)
        where s.import_id = ${importId} and k.from_value is distinct from k.to_value`,
  );
}

/**
 * Creates or updates the people of rows [from, to) by citizen ID, one statement; the rows that supervise
 * others in the file go in a first pass, so everyone else finds their supervisor by join. A target group given in
 * the file is HR's choice; otherwise a person whose group HR set keeps it, and everyone else gets the
 * suggestion. Returns each person's id, whether they are new, and what their account needs.
 */
export async function upsertPersonsFromStaging(
  db: Db,
  importId: string,
  range: { from: number; to: number },
  pass: 'supervisors' | 'others',
) {
  return queryRows<{ id: string; inserted: boolean; email: string; display_name: string }>(
    db,
    sql`insert into persons as p (citizen_id_hash, citizen_id_cipher, citizen_id_last, citizen_id_masked, title_th, first_name_th, last_name_th, title_en,
          first_name_en, last_name_en, email, position_th, position_type, position_level, agency_id, agency_key, target_group_code,
          target_group_source, is_it, employment_status, sort_name, search_text, supervisor_id)
        select s.citizen_hash, s.citizen_cipher, s.citizen_last, s.citizen_masked, s.title_th, s.first_name_th, s.last_name_th, s.title_en,
          s.first_name_en, s.last_name_en, s.email, s.position_th, s.position_type, s.position_level, a.id, a.tree_key,
          coalesce(s.target_group, s.suggested_group), case when s.target_group is null then 'suggested' else 'hr' end,
          s.is_it, s.employment_status, s.sort_name, s.search_text, sup.id
        from person_import_rows s
        join agencies a on lower(a.code) = lower(s.agency_code)
        left join persons sup on sup.citizen_id_hash = s.supervisor_hash
        where s.import_id = ${importId} and s.row >= ${range.from} and s.row < ${range.to}
          and s.supervises = ${pass === 'supervisors'}
        on conflict (citizen_id_hash) do update set
          citizen_id_cipher = excluded.citizen_id_cipher, citizen_id_masked = excluded.citizen_id_masked, title_th = excluded.title_th, first_name_th = excluded.first_name_th,
          last_name_th = excluded.last_name_th, title_en = excluded.title_en, first_name_en = excluded.first_name_en,
          last_name_en = excluded.last_name_en, email = excluded.email, position_th = excluded.position_th,
          position_type = excluded.position_type, position_level = excluded.position_level, agency_id = excluded.agency_id,
          agency_key = excluded.agency_key, is_it = excluded.is_it, employment_status = excluded.employment_status,
          sort_name = excluded.sort_name, search_text = excluded.search_text, updated_at = now(),
          supervisor_id = coalesce(excluded.supervisor_id, p.supervisor_id),
          target_group_code = case when excluded.target_group_source = 'hr' or p.target_group_source = 'suggested'
                                   then excluded.target_group_code else p.target_group_code end,
          target_group_source = case when excluded.target_group_source = 'hr' then 'hr' else p.target_group_source end
        returning p.id, (xmax = 0) as inserted, p.email, p.title_th || p.first_name_th || ' ' || p.last_name_th as display_name`,
  );
}

/**
 * Supervisors the upsert could not resolve because they were written in the same statement (a supervisor of
 * a supervisor in the file): linked by citizen ID once everyone is written. Rows without one keep theirs.
 */
export async function linkSupervisorsFromStaging(db: Db, importId: string): Promise<void> {
  await db.execute(
    sql`update persons p set supervisor_id = sup.id, updated_at = now()
        from person_import_rows s join persons sup on sup.citizen_id_hash = s.supervisor_hash
        where s.import_id = ${importId} and s.supervisor_hash is not null and s.supervises
          and p.citizen_id_hash = s.citizen_hash and p.supervisor_id is distinct from sup.id`,
  );
}

/**
 * The name-search (trigram) index takes a commit's new entries into its pending list instead of merging them row
 * by row (for this transaction only); `cleanSearchIndex` merges them once the commit is done. Searches read the
 * pending list meanwhile, so nothing is missed.
 */
export async function deferSearchIndexUpkeep(db: Db): Promise<void> {
  await db.execute(sql`set local gin_pending_list_limit = '64MB'`);
}

export async function cleanSearchIndex(db: Db): Promise<void> {
  await db.execute(sql`select gin_clean_pending_list('persons_search_trgm_idx'::regclass)`);
}
