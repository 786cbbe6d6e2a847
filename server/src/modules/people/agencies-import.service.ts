import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AGENCY_IMPORT_COLUMNS, type AgencyImportReport, AgencyKind, ROOT_AGENCY_KINDS } from '../../../../common/contracts/people.js';
import { AppError } from '../../../../common/errors.js';
import { findProvince } from '../../../../common/provinces.js';
import type { Ctx } from '../../lib/context.js';
import { requireActor } from '../../lib/context.js';
import { readTable, spoolUpload, type TableFormat } from '../../lib/tabular.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './agencies.repository.js';
import { canCreateRootAgency, canManageAgency, isSystemAdmin } from './policy.js';

const MAX_AGENCY_IMPORT_BYTES = 20 * 1024 * 1024;
/** The whole country has about 8,000 agency units; a file is read into memory to order it parents first. */
const MAX_AGENCY_ROWS = 50_000;
const MAX_ERRORS_LISTED = 1000;

interface AgencyRowIn {
  row: number;
  code: string;
  parentCode: string;
  nameTh: string;
  nameEn: string;
  kind: string;
  provinceCode: string | null;
}

type RowError = { row: number; column: string | null; message: string };

function parseRow(row: number, v: Record<string, string>): { ok: AgencyRowIn } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (column: string, message: string) => errors.push({ row, column, message });
  for (const c of AGENCY_IMPORT_COLUMNS) if (c.required && !v[c.key]) err(c.key, `${c.key} is required`);
  if (v.code && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(v.code))
    err('code', 'use up to 40 letters, digits, dots, dashes and underscores');
  for (const key of ['nameTh', 'nameEn']) if ((v[key]?.length ?? 0) > 300) err(key, `${key} is longer than 300 characters`);
  if (v.kind && !AgencyKind.safeParse(v.kind).success) err('kind', `use one of ${AgencyKind.options.join(', ')}`);
  if (v.provinceCode && !findProvince(v.provinceCode)) err('provinceCode', `unknown province code "${v.provinceCode}"`);
  if (errors.length) return { errors };
  return {
    ok: {
      row,
      code: v.code,
      parentCode: v.parentCode ?? '',
      nameTh: v.nameTh,
      nameEn: v.nameEn,
      kind: v.kind,
      provinceCode: v.provinceCode || null,
    },
  };
}

/**
 * Imports the agency tree (or a part of it) from CSV or XLSX: codes with parent codes, parents in the file
 * or already known, in any order. Every row is checked first (kinds, provinces, duplicate codes, unknown
 * parents, loops, a known agency placed under another parent, scope); nothing is written unless all are
 * valid, and then everything in one transaction, parents first. Re-importing a code updates its names,
 * kind and province (moving is moveAgency). HR imports below its own subtree; system admins anywhere.
 */
export async function importAgencies(
  ctx: Ctx,
  body: Readable,
  format: TableFormat,
  opts: { dryRun: boolean },
): Promise<AgencyImportReport> {
  const actor = requireActor(ctx);
  if (!isSystemAdmin(actor) && !actor.grants.some((g) => g.role === 'agency_admin')) throw AppError.forbidden();
  const file = await spoolUpload(body, format, MAX_AGENCY_IMPORT_BYTES);
  const errors: RowError[] = [];
  let errorCount = 0;
  const addError = (e: RowError) => {
    errorCount++;
    if (errors.length < MAX_ERRORS_LISTED) errors.push(e);
  };
  const rows: AgencyRowIn[] = [];
  let total = 0;
  try {
    let headerChecked = false;
    for await (const { row, values } of readTable(file)) {
      if (!headerChecked) {
        headerChecked = true;
        const missing = AGENCY_IMPORT_COLUMNS.filter((c) => c.required && !(c.key in values)).map((c) => c.key);
        if (missing.length) {
          addError({ row: 1, column: null, message: `missing columns: ${missing.join(', ')}` });
          break;
        }
      }
      total++;
      if (total > MAX_AGENCY_ROWS) throw AppError.invalid([{ path: 'body', message: `at most ${MAX_AGENCY_ROWS} agencies per file` }]);
      const parsed = parseRow(row, values);
      if ('errors' in parsed) parsed.errors.forEach(addError);
      else rows.push(parsed.ok);
    }
  } finally {
    await file.cleanup();
  }
  if (total === 0 && errorCount === 0) addError({ row: 1, column: null, message: 'the file has no rows' });
  const report = (extra: Partial<AgencyImportReport> = {}): AgencyImportReport => ({
    format,
    rows: total,
    errorCount,
    errors,
    created: 0,
    updated: 0,
    committed: false,
    ...extra,
  });
  if (errorCount > 0) return report();

  const plan = await planAgencies(ctx, rows, addError);
  if (errorCount > 0 || opts.dryRun) return report();
  const written = await ctx.db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const level of plan.levels) {
      const counts = await repo.upsertAgenciesByCode(tx, level);
      created += counts.created;
      updated += counts.updated;
    }
    await recordAudit(tx, ctx, {
      action: 'agency.imported',
      subjectType: 'agency_import',
      subjectId: ctx.requestId,
      summary: { format, rows: total, created, updated },
    });
    return { created, updated };
  });
  return report({ ...written, committed: true });
}

type Planned = {
  id: string;
  code: string;
  nameTh: string;
  nameEn: string;
  kind: string;
  parentId: string | null;
  path: string;
  provinceCode: string | null;
};

/** Pass 1 against the database and the rest of the file; returns the rows grouped by depth, parents first. */
async function planAgencies(ctx: Ctx, rows: AgencyRowIn[], addError: (e: RowError) => void) {
  const actor = requireActor(ctx);
  const byCode = new Map<string, AgencyRowIn>();
  for (const r of rows) {
    const key = r.code.toLowerCase();
    const first = byCode.get(key);
    if (first) addError({ row: r.row, column: 'code', message: `${r.code} is also on row ${first.row}` });
    else byCode.set(key, r);
  }
  const asked = [...new Set(rows.flatMap((r) => [r.code, r.parentCode]).filter(Boolean))];
  const known = await repo.findAgenciesByCodes(ctx.db, asked);
  const knownByLower = new Map([...known.values()].map((a) => [a.code.toLowerCase(), a]));
  const planned = new Map<string, Planned & { depth: number }>();
  const resolving = new Set<string>();

  // Resolves a file row to its id and path (after its parent), or null with the row's error recorded.
  const resolve = (r: AgencyRowIn): (Planned & { depth: number }) | null => {
    const key = r.code.toLowerCase();
    const done = planned.get(key);
    if (done) return done;
    if (resolving.has(key)) {
      addError({ row: r.row, column: 'parentCode', message: `${r.code} is its own ancestor (a loop in the file)` });
      return null;
    }
    resolving.add(key);
    const existing = knownByLower.get(key);
    let parent: { id: string; path: string } | null = null;
    let depth = 0;
    // A parent in the file was checked when it was resolved; a parent only in the database is checked here.
    let isParentChecked = false;
    if (r.parentCode) {
      const inFile = byCode.get(r.parentCode.toLowerCase());
      const parentKnown = knownByLower.get(r.parentCode.toLowerCase());
      if (inFile) {
        const p = resolve(inFile);
        if (!p) return null;
        parent = p;
        depth = p.depth + 1;
        isParentChecked = true;
      } else if (parentKnown) {
        parent = parentKnown;
      } else {
        addError({ row: r.row, column: 'parentCode', message: `unknown parent agency "${r.parentCode}"` });
        return null;
      }
    } else if (!ROOT_AGENCY_KINDS.includes(r.kind as (typeof ROOT_AGENCY_KINDS)[number])) {
      addError({ row: r.row, column: 'parentCode', message: `a ${r.kind} needs a parent agency` });
      return null;
    }
    if (existing && (existing.parentId ?? null) !== (parent?.id ?? null)) {
      addError({ row: r.row, column: 'parentCode', message: `${existing.code} already exists under another parent; move it instead` });
      return null;
    }
    const isAllowed = existing
      ? canManageAgency(actor, existing)
      : parent
        ? isParentChecked || canManageAgency(actor, parent)
        : canCreateRootAgency(actor);
    if (!isAllowed) {
      addError({ row: r.row, column: existing ? 'code' : 'parentCode', message: 'outside the agencies you manage' });
      return null;
    }
    const id = existing?.id ?? randomUUID();
    const result = {
      id,
      code: existing?.code ?? r.code,
      nameTh: r.nameTh,
      nameEn: r.nameEn,
      kind: r.kind,
      parentId: parent?.id ?? null,
      path: existing?.path ?? `${parent?.path ?? '/'}${id}/`,
      provinceCode: r.provinceCode,
      depth,
    };
    planned.set(key, result);
    return result;
  };
  for (const r of byCode.values()) resolve(r);
  const levels: Planned[][] = [];
  for (const p of planned.values()) {
    const { depth, ...rest } = p;
    levels[depth] ??= [];
    levels[depth].push(rest);
  }
  return { levels: levels.filter(Boolean) };
}
