/**
 * Uploaded tables (CSV or XLSX), read as a stream of rows so an import of hundreds of thousands of rows
 * never holds the file in memory: the upload is spooled to a temporary file, then read once to validate
 * and once more to write.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../common/errors.js';

export type TableFormat = 'csv' | 'xlsx';

export const TABLE_CONTENT_TYPES: Record<string, TableFormat> = {
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/**
 * Lets routes receive uploaded tables as the raw request stream (the services spool it with their own size
 * limit). Several modules import tables; the parsers are registered once, whichever asks first.
 */
export function acceptTableUploads(app: FastifyInstance) {
  for (const type of Object.keys(TABLE_CONTENT_TYPES)) {
    if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
  }
}

export interface Spooled {
  path: string;
  format: TableFormat;
  cleanup: () => Promise<void>;
}

/** Writes the upload to a private temporary file, refusing it (413) past `maxBytes`. */
export async function spoolUpload(body: Readable, format: TableFormat, maxBytes: number): Promise<Spooled> {
  const dir = await mkdtemp(join(tmpdir(), 'thaksa-upload-'));
  const path = join(dir, `upload.${format}`);
  const cleanup = () => rm(dir, { recursive: true, force: true });
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) cb(new AppError('payload_too_large', `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
      else cb(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(path, { mode: 0o600 }));
  } catch (err) {
    await cleanup();
    throw err;
  }
  if (format === 'xlsx' && size > 0) await assertZip(path, cleanup);
  return { path, format, cleanup };
}

/** An XLSX file is a ZIP archive: anything else is refused before a parser sees it. */
async function assertZip(path: string, cleanup: () => Promise<void>) {
  const head = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(path, { start: 0, end: 3 })
      .on('data', (c) => chunks.push(c as Buffer))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });
  if (!head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    await cleanup();
    throw new AppError('unsupported_media_type', 'the file is not an XLSX workbook');
  }
}

export interface TableRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: number;
  values: Record<string, string>;
}

/** Text of an XLSX cell, whatever exceljs made of it (dates as YYYY-MM-DD, rich text flattened, formulas' results). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/** A read stream of the spooled file that reports how many bytes have been read (for progress bars). */
function readCounting(path: string, onProgress?: (bytesRead: number) => void) {
  const stream = createReadStream(path);
  if (onProgress) {
    let bytes = 0;
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      onProgress(bytes);
    });
  }
  return stream;
}

/**
 * The rows of the spooled table, keyed by header, trimmed; blank rows skipped. Headers must be on the first
 * row. `onProgress` hears how far into the file the reader is, in bytes.
 */
export async function* readTable(file: Spooled, opts: { onProgress?: (bytesRead: number) => void } = {}): AsyncGenerator<TableRow> {
  if (file.format === 'csv') {
    const parser = readCounting(file.path, opts.onProgress).pipe(
      parse({
        bom: true,
        columns: (h: string[]) => h.map((x) => x.trim()),
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
        info: true,
      }),
    );
    for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { row: rec.info.lines, values: rec.record };
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(readCounting(file.path, opts.onProgress), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    let header: string[] | null = null;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!header) {
        header = cells.map((h) => h.trim());
        continue;
      }
      if (cells.every((c) => c.trim() === '')) continue;
      yield { row: row.number, values: Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()])) };
    }
    return; // the first worksheet only
  }
}

/** A sheet of a report workbook: bold, frozen header row, then one row per record. */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: { header: string; key: string; width: number }[],
  rows: Record<string, unknown>[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return ws;
}
