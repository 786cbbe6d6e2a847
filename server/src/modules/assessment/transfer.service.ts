import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import {
  type ExportItemsQuery,
  type ImportItemsBody,
  ITEM_CSV_COLUMNS,
  ITEM_OPTION_LETTERS,
  ItemTransfer,
  itemShapeIssues,
} from '../../../../common/contracts/assessment.js';
import { AppError } from '../../../../common/errors.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { toCsv } from '../../lib/csv.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './items.repository.js';
import { isAuthor } from './policy.js';
import { type FrameworkRefs, loadFrameworkRefs, refIssues } from './refs.js';

/**
 * Import and export of the item bank as JSON (an array of items) or CSV (one row per item, options a–h in
 * Thai and English, the key as option ids joined by `;`). Images stay out of both. An import is checked
 * whole first: any bad row and nothing is written; otherwise every row becomes a new draft item (version 1)
 * authored by the importer, to be reviewed like any other.
 */

const MAX_IMPORT_ROWS = 2000;

type Transfer = z.infer<typeof ItemTransfer>;

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** One CSV row as an item (options from the filled option_x columns, in letter order). */
function fromCsvRow(r: Record<string, string>): unknown {
  const options = ITEM_OPTION_LETTERS.filter((l) => blank(r[`option_${l}_th`])).map((l) => ({
    id: l,
    textTh: (r[`option_${l}_th`] ?? '').trim(),
    textEn: (r[`option_${l}_en`] ?? '').trim(),
  }));
  return {
    frameworkCode: r.framework_code ?? '',
    kind: r.kind,
    skillAreaCode: r.skill_area_code,
    unitCode: blank(r.unit_code),
    level: Number(r.level),
    difficulty: Number(r.difficulty),
    stemTh: r.stem_th ?? '',
    stemEn: r.stem_en ?? '',
    caseTh: blank(r.case_th),
    caseEn: blank(r.case_en),
    options,
    key: (r.key ?? '')
      .split(';')
      .map((k) => k.trim())
      .filter(Boolean),
    explanationTh: blank(r.explanation_th),
    explanationEn: blank(r.explanation_en),
  };
}

function parseContent(body: z.infer<typeof ImportItemsBody>): unknown[] {
  if (body.format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(body.content);
    } catch {
      throw AppError.invalid([{ path: 'body.content', message: 'not valid JSON', code: 'assessment.import_not_json' }]);
    }
    const list = Array.isArray(data) ? data : (data as { items?: unknown })?.items;
    if (!Array.isArray(list))
      throw AppError.invalid([{ path: 'body.content', message: 'expected an array of items', code: 'assessment.import_not_list' }]);
    return list;
  }
  let records: Record<string, string>[];
  try {
    records = parse(body.content, {
      bom: true,
      columns: (h: string[]) => h.map((x) => x.trim()),
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch {
    throw AppError.invalid([{ path: 'body.content', message: 'not valid CSV', code: 'assessment.import_not_csv' }]);
  }
  return records.map(fromCsvRow);
}

export async function importItems(ctx: Ctx, body: z.infer<typeof ImportItemsBody>) {
  const actor = authorize(ctx, isAuthor, undefined);
  const list = parseContent(body);
  if (list.length === 0) throw AppError.invalid([{ path: 'body.content', message: 'no items', code: 'assessment.import_empty' }]);
  if (list.length > MAX_IMPORT_ROWS)
    throw AppError.invalid([
      { path: 'body.content', message: `at most ${MAX_IMPORT_ROWS} items at once`, code: 'assessment.import_too_many' },
    ]);
  return ctx.db.transaction(async (tx) => {
    const errors: { row: number; path: string; message: string }[] = [];
    const refsByCode = new Map<string, FrameworkRefs | null>();
    const rows: Parameters<typeof repo.insertItems>[1] = [];
    for (const [i, raw] of list.entries()) {
      // CSV rows are numbered as a spreadsheet shows them (header = 1); JSON items from 1.
      const row = body.format === 'csv' ? i + 2 : i + 1;
      const parsed = ItemTransfer.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors.push({ row, path: issue.path.join('.'), message: issue.message });
        continue;
      }
      const item: Transfer = parsed.data;
      for (const issue of itemShapeIssues(item)) errors.push({ row, path: issue.path.join('.'), message: issue.message });
      if (!refsByCode.has(item.frameworkCode)) {
        const fw = await repo.frameworkByCode(tx, item.frameworkCode);
        refsByCode.set(item.frameworkCode, fw ? await loadFrameworkRefs(tx, fw.id) : null);
      }
      const refs = refsByCode.get(item.frameworkCode);
      if (!refs) {
        errors.push({ row, path: 'frameworkCode', message: `no framework ${item.frameworkCode}` });
        continue;
      }
      for (const e of refIssues(refs, item, 'x')) errors.push({ row, path: e.path.slice(2), message: e.message });
      rows.push({
        itemId: randomUUID(),
        version: 1,
        status: 'draft',
        kind: item.kind,
        frameworkId: refs.id,
        skillAreaCode: item.skillAreaCode,
        unitCode: item.unitCode || null,
        level: item.level,
        difficulty: item.difficulty,
        stemTh: item.stemTh,
        stemEn: item.stemEn ?? '',
        caseTh: item.caseTh || null,
        caseEn: item.caseEn || null,
        options: item.options.map((o) => ({ id: o.id, textTh: o.textTh, textEn: o.textEn ?? '' })),
        key: item.key,
        explanationTh: item.explanationTh || null,
        explanationEn: item.explanationEn || null,
        authorId: actor.userId,
      });
    }
    if (errors.length) return { imported: 0, errors: errors.slice(0, 500) };
    let imported = 0;
    for (let i = 0; i < rows.length; i += 200) imported += await repo.insertItems(tx, rows.slice(i, i + 200));
    await recordAudit(tx, ctx, {
      action: 'assessment.items_imported',
      subjectType: 'assessment_item_bank',
      subjectId: 'import',
      summary: { format: body.format, imported },
    });
    return { imported, errors: [] };
  });
}

/** The bank (or a filtered part of it) as JSON items or CSV rows. */
export async function exportItems(
  ctx: Ctx,
  q: z.infer<typeof ExportItemsQuery>,
): Promise<{ contentType: string; filename: string; body: string }> {
  authorize(ctx, isAuthor, undefined);
  const rows = await repo.exportItems(ctx.db, q);
  const items: Transfer[] = rows.map(({ item, frameworkCode }) => ({
    itemId: item.itemId,
    version: item.version,
    status: item.status as Transfer['status'],
    frameworkCode,
    kind: item.kind as Transfer['kind'],
    skillAreaCode: item.skillAreaCode,
    unitCode: item.unitCode,
    level: item.level,
    difficulty: item.difficulty,
    stemTh: item.stemTh,
    stemEn: item.stemEn,
    caseTh: item.caseTh,
    caseEn: item.caseEn,
    options: item.options,
    key: item.key,
    explanationTh: item.explanationTh,
    explanationEn: item.explanationEn,
  }));
  if (q.format === 'json')
    return { contentType: 'application/json; charset=utf-8', filename: 'items.json', body: JSON.stringify(items, null, 2) };
  const csvRows = items.map((it) => {
    // The CSV names options a, b, c… in their order; the key follows the same renaming.
    const letter = new Map(it.options.map((o, i) => [o.id, ITEM_OPTION_LETTERS[i]]));
    const values: Record<string, unknown> = {
      item_id: it.itemId,
      version: it.version,
      status: it.status,
      framework_code: it.frameworkCode,
      kind: it.kind,
      skill_area_code: it.skillAreaCode,
      unit_code: it.unitCode,
      level: it.level,
      difficulty: it.difficulty,
      stem_th: it.stemTh,
      stem_en: it.stemEn,
      case_th: it.caseTh,
      case_en: it.caseEn,
      key: it.key.map((k) => letter.get(k)).join(';'),
      explanation_th: it.explanationTh,
      explanation_en: it.explanationEn,
    };
    it.options.forEach((o, i) => {
      values[`option_${ITEM_OPTION_LETTERS[i]}_th`] = o.textTh;
      values[`option_${ITEM_OPTION_LETTERS[i]}_en`] = o.textEn;
    });
    return ITEM_CSV_COLUMNS.map((c) => values[c]);
  });
  return { contentType: 'text/csv; charset=utf-8', filename: 'items.csv', body: toCsv([...ITEM_CSV_COLUMNS], csvRows) };
}
