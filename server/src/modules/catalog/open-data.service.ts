import { PassThrough, Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { OPEN_DATA_COLUMNS } from '../../../../common/catalog-columns.js';
import { AppError } from '../../../../common/errors.js';
import { type Db, queryRows } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { csvCell } from '../../lib/csv.js';
import { presentOpenRecord } from './present.js';
import { ENTRY_COLUMNS, type EntryRow } from './search.repository.js';

type OpenRow = EntryRow & { updated_at: string; unit_codes: string[] };
const STATUS_VALUES: Record<string, string[]> = {
  accredited: ['accredited', 'accredited_with_conditions'],
  suspended: ['suspended'],
  expired: ['expired'],
};
const BATCH = 1000;

/** One keyset page of entries after `after` (by id), in id order, optionally of some statuses only. */
async function pageAfter(db: Db, after: string | null, limit: number, statuses: string[] | null): Promise<OpenRow[]> {
  const states = statuses ? statuses.flatMap((s) => STATUS_VALUES[s]) : null;
  return queryRows<OpenRow>(
    db,
    sql`select ${ENTRY_COLUMNS}, e.updated_at, e.unit_codes from catalog_entries e
        where ${after ? sql`e.course_id > ${after}::uuid` : sql`true`}
          and ${states ? sql`e.status = any(${`{${states.join(',')}}`}::text[])` : sql`true`}
        order by e.course_id limit ${limit}`,
  );
}

/** Every entry, a batch at a time, so an export never holds the catalogue in memory. */
async function* allRecords(ctx: Ctx, statuses: string[] | null) {
  let after: string | null = null;
  for (;;) {
    const rows = await pageAfter(ctx.db, after, BATCH, statuses);
    for (const r of rows) yield presentOpenRecord(r, ctx.config.BASE_URL);
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].course_id;
  }
}

/**
 * The whole public catalogue as CSV (UTF-8 with a byte-order mark, so spreadsheet programs show Thai),
 * streamed batch by batch; the columns are the data dictionary's.
 */
export function exportCatalogCsv(ctx: Ctx, statuses: string[] | null): Readable {
  async function* lines() {
    yield `\uFEFF${OPEN_DATA_COLUMNS.map((c) => c.key).join(',')}\r\n`;
    for await (const rec of allRecords(ctx, statuses)) yield `${OPEN_DATA_COLUMNS.map((c) => csvCell(rec[c.key])).join(',')}\r\n`;
  }
  return Readable.from(lines());
}

/** The same as XLSX, written by exceljs's streaming writer (one row in memory at a time). */
export function exportCatalogXlsx(ctx: Ctx, statuses: string[] | null): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('catalog', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = OPEN_DATA_COLUMNS.map((c) => ({ header: c.key, key: c.key, width: c.type === 'text' ? 30 : 14 }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const rec of allRecords(ctx, statuses)) sheet.addRow(rec).commit();
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      ctx.log.error({ err }, 'catalogue XLSX export failed');
      out.destroy(err as Error);
    }
  })();
  return out;
}

/** An opaque cursor for the next page: the last id, base64url-encoded. */
const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.invalid([{ path: 'querystring.cursor', message: 'not a cursor from this API' }]);
  return id;
}

/** The open-data JSON API: pages of records in a stable order with a cursor to the next page (null at the end). */
export async function listOpenCourses(ctx: Ctx, q: { cursor?: string; limit: number }) {
  const rows = await pageAfter(ctx.db, q.cursor ? decodeCursor(q.cursor) : null, q.limit + 1, null);
  const items = rows.slice(0, q.limit).map((r) => presentOpenRecord(r, ctx.config.BASE_URL));
  return { items, nextCursor: rows.length > q.limit ? encodeCursor(rows[q.limit - 1].course_id) : null };
}
