import type { Readable } from 'node:stream';
import { IMPORT_COLUMNS } from '../../../../common/catalog-columns.js';
import { isValidThaiId } from '../../../../common/citizen-id.js';
import type { CourseDraft } from '../../../../common/contracts/accreditation.js';
import type { ImportReport, ImportRowError } from '../../../../common/contracts/catalog.js';
import { findProvince } from '../../../../common/provinces.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { readTable, type Spooled, spoolUpload, type TableFormat } from '../../lib/tabular.js';
import { todayInBangkok } from '../../lib/thai-text.js';
import { recordAudit } from '../audit/service.js';
import { getFramework } from '../framework/service.js';
import * as importRepo from './import.repository.js';
import { canImportCourses } from './policy.js';
import { syncCatalogEntry } from './service.js';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_ERRORS_LISTED = 1000;
const CHECK_BATCH = 500;

/** A valid row, ready to write. */
interface ImportRow {
  row: number;
  externalId: string;
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  providerName: string;
  providerTaxId: string;
  providerKind: string;
  targetGroups: string[];
  skillAreas: { code: string; level: number }[];
  hours: number;
  deliveryMode: 'classroom' | 'online' | 'blended';
  language: 'th' | 'en' | 'th_en';
  fee: number;
  province: string | null;
  accreditationNumber: string;
  accreditedFrom: string;
  accreditedUntil: string;
}

interface FrameworkCodes {
  id: string;
  groups: Set<string>;
  areas: Map<string, { nameTh: string; nameEn: string }>;
  levels: Set<number>;
}

type RowError = ImportRowError;
type Params = Record<string, string | number>;

const PROVIDER_KINDS = ['government', 'university', 'company', 'foundation'];
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
const list = (s: string) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

/** A provider's kind from the optional column, else from its name (university, foundation, company; otherwise government). */
function providerKind(given: string, name: string): string {
  if (PROVIDER_KINDS.includes(given)) return given;
  if (/มหาวิทยาลัย|university|สถาบันเทคโนโลยี|วิทยาลัย/i.test(name)) return 'university';
  if (/มูลนิธิ|สมาคม|foundation|association/i.test(name)) return 'foundation';
  if (/บริษัท|ห้างหุ้นส่วน|company|co\.,? ?ltd|limited|จำกัด/i.test(name)) return 'company';
  return 'government';
}

/** Checks one row against the documented columns and the current framework; returns the row or its errors. */
export function parseImportRow(row: number, v: Record<string, string>, fw: FrameworkCodes): { ok: ImportRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (column: string, code: string, message: string, params?: Params) => errors.push({ row, column, code, message, params });
  for (const c of IMPORT_COLUMNS) if (c.required && !v[c.key]) err(c.key, 'required', `${c.key} is required`);
  const len = (key: string, max: number) =>
    (v[key]?.length ?? 0) > max && err(key, 'too_long', `${key} is longer than ${max} characters`, { max });
  len('externalId', 100);
  len('titleTh', 300);
  len('titleEn', 300);
  len('descriptionTh', 5000);
  len('descriptionEn', 5000);
  len('providerName', 300);
  if (v.providerTaxId && !isValidThaiId(v.providerTaxId)) err('providerTaxId', 'tax_id', 'not a valid 13-digit tax id (check digit)');
  const groups = list(v.targetGroups ?? '');
  for (const g of groups) if (!fw.groups.has(g)) err('targetGroups', 'unknown_target_group', `unknown target group "${g}"`, { value: g });
  const areas: { code: string; level: number }[] = [];
  for (const pair of list(v.skillAreas ?? '')) {
    const [code, level] = pair.split(':').map((x) => x.trim());
    if (!fw.areas.has(code)) err('skillAreas', 'unknown_skill_area', `unknown skill area "${code}"`, { value: code });
    else if (!/^\d+$/.test(level ?? '') || !fw.levels.has(Number(level)))
      err('skillAreas', 'bad_level', `"${pair}" needs a level the framework has (e.g. ${code}:2)`, { value: pair, example: `${code}:2` });
    else areas.push({ code, level: Number(level) });
  }
  const hours = Number(v.hours);
  if (v.hours && !(Number.isFinite(hours) && hours > 0 && hours <= 2000))
    err('hours', 'bad_hours', 'hours must be a number more than 0 (at most 2000)');
  if (v.deliveryMode && !['classroom', 'online', 'blended'].includes(v.deliveryMode))
    err('deliveryMode', 'bad_delivery', 'use classroom, online or blended');
  if (v.language && !['th', 'en', 'th_en'].includes(v.language)) err('language', 'bad_language', 'use th, en or th_en');
  const fee = Number(v.fee);
  if (v.fee && !(Number.isFinite(fee) && fee >= 0 && fee <= 1_000_000)) err('fee', 'bad_fee', 'fee must be a number of baht, 0 or more');
  if (v.province && !findProvince(v.province))
    err('province', 'unknown_province', `unknown province code "${v.province}"`, { value: v.province });
  for (const key of ['accreditedFrom', 'accreditedUntil'])
    if (v[key] && !isDate(v[key])) err(key, 'bad_date', `${key} must be a date written YYYY-MM-DD`);
  if (isDate(v.accreditedFrom ?? '') && isDate(v.accreditedUntil ?? '') && v.accreditedUntil < v.accreditedFrom) {
    err('accreditedUntil', 'ends_before_start', 'the accreditation cannot end before it starts');
  }
  if (errors.length) return { errors };
  return {
    ok: {
      row,
      externalId: v.externalId,
      titleTh: v.titleTh,
      titleEn: v.titleEn ?? '',
      descriptionTh: v.descriptionTh,
      descriptionEn: v.descriptionEn ?? '',
      providerName: v.providerName,
      providerTaxId: v.providerTaxId.replace(/[\s-]/g, ''),
      providerKind: providerKind(v.providerKind ?? '', v.providerName),
      targetGroups: [...new Set(groups)],
      skillAreas: areas,
      hours,
      deliveryMode: v.deliveryMode as ImportRow['deliveryMode'],
      language: v.language as ImportRow['language'],
      fee,
      province: v.province || null,
      accreditationNumber: v.accreditationNumber,
      accreditedFrom: v.accreditedFrom,
      accreditedUntil: v.accreditedUntil,
    },
  };
}

async function currentFrameworkCodes(ctx: Ctx): Promise<FrameworkCodes> {
  const f = await getFramework({ ...ctx, actor: null }, 'current');
  return {
    id: f.framework.id,
    groups: new Set(f.groups.map((g) => g.code)),
    areas: new Map(f.areas.map((a) => [a.code, { nameTh: a.nameTh, nameEn: a.nameEn }])),
    levels: new Set(f.levels.map((l) => l.rank)),
  };
}

/**
 * Pass 1: every row checked on its own, then against the others in the file (repeated ids or numbers)
 * and against the database (a number already held by another course), in batches.
 */
async function validateFile(ctx: Ctx, file: Spooled, fw: FrameworkCodes) {
  const errors: RowError[] = [];
  let errorCount = 0;
  let rows = 0;
  const addError = (e: RowError) => {
    errorCount++;
    if (errors.length < MAX_ERRORS_LISTED) errors.push(e);
  };
  const seenIds = new Map<string, number>();
  const seenNumbers = new Map<string, number>();
  let batch: ImportRow[] = [];
  const checkBatch = async () => {
    const holders = await importRepo.findNumberHolders(
      ctx.db,
      batch.map((r) => r.accreditationNumber),
    );
    for (const r of batch) {
      const holder = holders.get(r.accreditationNumber);
      if (holder && holder !== r.externalId) {
        addError({
          row: r.row,
          column: 'accreditationNumber',
          code: 'number_taken',
          message: `${r.accreditationNumber} already belongs to another course`,
          params: { value: r.accreditationNumber },
        });
      }
    }
    batch = [];
  };
  let headerChecked = false;
  for await (const { row, values } of readTable(file)) {
    if (!headerChecked) {
      headerChecked = true;
      const missing = IMPORT_COLUMNS.filter((c) => c.required && !(c.key in values)).map((c) => c.key);
      if (missing.length) {
        addError({
          row: 1,
          column: null,
          code: 'missing_columns',
          message: `missing columns: ${missing.join(', ')}`,
          params: { columns: missing.join(', ') },
        });
        return { rows: 0, errors, errorCount };
      }
    }
    rows++;
    const parsed = parseImportRow(row, values, fw);
    if ('errors' in parsed) {
      for (const e of parsed.errors) addError(e);
      continue;
    }
    const r = parsed.ok;
    const firstId = seenIds.get(r.externalId);
    if (firstId)
      addError({
        row,
        column: 'externalId',
        code: 'duplicate_in_file',
        message: `${r.externalId} is also on row ${firstId}`,
        params: { otherRow: firstId },
      });
    else seenIds.set(r.externalId, row);
    const firstNumber = seenNumbers.get(r.accreditationNumber);
    if (firstNumber) {
      addError({
        row,
        column: 'accreditationNumber',
        code: 'duplicate_in_file',
        message: `${r.accreditationNumber} is also on row ${firstNumber}`,
        params: { otherRow: firstNumber },
      });
    } else seenNumbers.set(r.accreditationNumber, row);
    batch.push(r);
    if (batch.length >= CHECK_BATCH) await checkBatch();
  }
  if (batch.length) await checkBatch();
  if (rows === 0 && errorCount === 0) addError({ row: 1, column: null, code: 'no_rows', message: 'the file has no rows' });
  return { rows, errors, errorCount };
}

function importedContent(r: ImportRow, fw: FrameworkCodes): CourseDraft {
  return {
    titleTh: r.titleTh,
    titleEn: r.titleEn || r.titleTh,
    summaryTh: r.descriptionTh,
    summaryEn: r.descriptionEn || undefined,
    outcomes: r.skillAreas.map((a) => ({
      textTh: `${fw.areas.get(a.code)?.nameTh ?? a.code} ระดับ ${a.level}`,
      textEn: `${fw.areas.get(a.code)?.nameEn ?? a.code}, level ${a.level}`,
      skillAreaCode: a.code,
      levelRank: a.level,
      unitCodes: [],
    })),
    targetGroupCodes: r.targetGroups,
    // The old system records total hours only; they are kept under "other" and the course page shows the total.
    hours: { lecture: 0, workshop: 0, discussion: 0, role_play: 0, case_study: 0, e_learning: 0, on_the_job: 0, other: r.hours },
    delivery: r.deliveryMode,
    language: r.language,
    feeBaht: r.fee,
    provinceCode: r.province ?? undefined,
    frameworkId: fw.id,
  };
}

/** Pass 2, in the caller's transaction: providers by tax id, courses by external id (update or create), entries. */
async function writeFile(tx: Db, file: Spooled, fw: FrameworkCodes, officerId: string) {
  const providerIds = new Map<string, string>();
  const today = todayInBangkok();
  let created = 0;
  let updated = 0;
  for await (const { row, values } of readTable(file)) {
    const parsed = parseImportRow(row, values, fw);
    if ('errors' in parsed) throw new Error(`row ${row} was valid when checked and is not now`);
    const r = parsed.ok;
    let providerId = providerIds.get(r.providerTaxId);
    if (!providerId) {
      providerId = await importRepo.findOrCreateProvider(tx, {
        taxId: r.providerTaxId,
        name: r.providerName,
        kind: r.providerKind,
        officerId,
      });
      providerIds.set(r.providerTaxId, providerId);
    }
    const isExpired = r.accreditedUntil < today;
    const result = await importRepo.upsertImportedCourse(tx, {
      externalId: r.externalId,
      providerId,
      frameworkId: fw.id,
      titleTh: r.titleTh,
      titleEn: r.titleEn || r.titleTh,
      accreditationNumber: r.accreditationNumber,
      validFrom: r.accreditedFrom,
      validUntil: r.accreditedUntil,
      state: isExpired ? 'expired' : 'accredited',
      content: importedContent(r, fw),
      createdBy: officerId,
    });
    if (result.created) created++;
    else updated++;
    await syncCatalogEntry(tx, result.courseId, { today });
  }
  return { created, updated };
}

/**
 * Brings in courses already accredited in the system the platform replaces, from CSV or XLSX with the
 * documented columns. Every row is checked first and errors are reported by row and column; nothing is
 * written unless all rows are valid, and then all rows are written in one transaction. Re-importing an
 * `externalId` updates that course instead of adding another. Officers only.
 */
export async function importCourses(ctx: Ctx, body: Readable, format: TableFormat, opts: { dryRun: boolean }): Promise<ImportReport> {
  const actor = authorize(ctx, canImportCourses, undefined);
  const file = await spoolUpload(body, format, MAX_IMPORT_BYTES);
  try {
    const fw = await currentFrameworkCodes(ctx);
    const checked = await validateFile(ctx, file, fw);
    const report: ImportReport = {
      format,
      rows: checked.rows,
      errorCount: checked.errorCount,
      errors: checked.errors,
      created: 0,
      updated: 0,
      committed: false,
    };
    if (checked.errorCount > 0 || opts.dryRun) return report;
    const written = await ctx.db.transaction(async (tx) => {
      const counts = await writeFile(tx, file, fw, actor.userId);
      await recordAudit(tx, ctx, {
        action: 'catalog.import',
        subjectType: 'catalog_import',
        subjectId: ctx.requestId,
        summary: { format, rows: checked.rows, ...counts },
      });
      return counts;
    });
    return { ...report, ...written, committed: true };
  } finally {
    await file.cleanup();
  }
}
