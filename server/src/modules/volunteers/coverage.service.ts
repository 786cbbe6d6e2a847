import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CoverageRow, CoverageView } from '../../../../common/contracts/volunteers.js';
import { AppError } from '../../../../common/errors.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { csvCell } from '../../lib/csv.js';
import { cacheIn, type ResultCache } from '../../lib/result-cache.js';
import { canReadCoverage } from './policy.js';
import * as repo from './repository.js';

const MONTHS = 12;
const VILLAGE_LIST_LIMIT = 200;

/** The first day of each of the last `n` months (Thai time), oldest first. */
export function lastMonths(n: number, now = new Date()): string[] {
  const t = new Date(now.getTime() + 7 * 3600_000);
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

let shownMonths: { month: number; months: readonly string[] } = { month: -1, months: [] };

/** `lastMonths(MONTHS)` for now, worked out again only when the month (Thai time) changes: every request keys on it. */
function monthsShown(): readonly string[] {
  const now = new Date();
  const t = new Date(now.getTime() + 7 * 3600_000);
  const month = t.getUTCFullYear() * 12 + t.getUTCMonth();
  if (shownMonths.month !== month) shownMonths = { month, months: lastMonths(MONTHS, now) };
  return shownMonths.months;
}

function toRow(r: repo.RollupRow, level: 'province' | 'district' | 'subdistrict'): CoverageRow {
  return {
    code: r.code,
    nameTh: r.nameTh,
    nameEn: r.nameEn,
    villages: r.villages,
    villagesCovered: r.villagesCovered,
    volunteers: r.volunteers,
    pending: r.pending,
    districtsWithLeader: level === 'subdistrict' ? 0 : level === 'district' ? Math.min(r.leaders, 1) : r.leaders,
    districts: level === 'province' ? r.districts : level === 'district' ? 1 : 0,
    districtsCovered: level === 'province' ? r.districtsCovered : level === 'district' ? (r.volunteers > 0 ? 1 : 0) : 0,
  };
}

function sumRows(rows: CoverageRow[], base: { code: string; nameTh: string; nameEn: string }): CoverageRow {
  const t: CoverageRow = {
    ...base,
    villages: 0,
    villagesCovered: 0,
    volunteers: 0,
    pending: 0,
    districtsWithLeader: 0,
    districts: 0,
    districtsCovered: 0,
  };
  for (const r of rows) {
    t.villages += r.villages;
    t.villagesCovered += r.villagesCovered;
    t.volunteers += r.volunteers;
    t.pending += r.pending;
    t.districtsWithLeader += r.districtsWithLeader;
    t.districts += r.districts;
    t.districtsCovered += r.districtsCovered;
  }
  return t;
}

const viewCaches = new WeakMap<object, ResultCache<{ view: CoverageView; json: string }>>();

/**
 * Coverage of the nation (one row per province), a province (per district) or a district (per subdistrict,
 * with the villages that have no volunteer), and activities and people helped per month over the last
 * year. Everything comes from the roll-up tables: a few dozen rows whatever the number of volunteers. A view
 * is the same for everyone allowed to see it: each instance keeps it under coverage's version, so it is read
 * again as soon as anything it shows changes (`COVERAGE_CACHE_ENTRIES`).
 */
export async function getCoverage(ctx: Ctx, area?: string): Promise<CoverageView> {
  return (await keptCoverage(ctx, area)).view;
}

/** The same view as JSON, checked against its contract and written out once per version (what the route sends). */
export async function getCoverageJson(ctx: Ctx, area?: string): Promise<string> {
  return (await keptCoverage(ctx, area)).json;
}

async function keptCoverage(ctx: Ctx, area: string | undefined) {
  authorize(ctx, canReadCoverage, undefined);
  const months = monthsShown();
  const cache = cacheIn(viewCaches, ctx.config, ctx.config.COVERAGE_CACHE_ENTRIES);
  const key = `${area ?? ''}|${months[0]}`;
  const version = await repo.coverageVersion(ctx.db);
  const kept = cache.get(key, version);
  if (kept) return kept;
  const view = await readCoverage(ctx, area, months);
  const entry = { view, json: JSON.stringify(CoverageView.parse(view)) };
  cache.set(key, version, entry);
  return entry;
}

async function readCoverage(ctx: Ctx, area: string | undefined, months: readonly string[]): Promise<CoverageView> {
  const fillMonths = (rows: { month: string; activities: number; people: number }[]) => {
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    return months.map((m) => byMonth.get(m) ?? { month: m, activities: 0, people: 0 });
  };
  const nation = { code: 'TH', nameTh: 'ประเทศไทย', nameEn: 'Thailand' };
  if (!area) {
    const [provinces, monthly] = await Promise.all([repo.provinceRollups(ctx.db), repo.monthlyActivity(ctx.db, null, months[0])]);
    const rows = provinces.map((r) => toRow(r, 'province'));
    return {
      level: 'nation',
      area: null,
      parents: [],
      totals: sumRows(rows, nation),
      rows,
      months: fillMonths(monthly),
      villagesWithoutVolunteer: [],
    };
  }
  const [{ self, children }, monthly] = await Promise.all([
    repo.areaRollups(ctx.db, area),
    repo.monthlyActivity(ctx.db, [area], months[0]),
  ]);
  if (!self) throw AppError.notFound('area');
  const place = { code: self.code, nameTh: self.nameTh, nameEn: self.nameEn };
  if (area.length === 2) {
    const rows = children.map((r) => toRow(r, 'district'));
    return {
      level: 'province',
      area: place,
      parents: [nation],
      totals: toRow(self, 'province'),
      rows,
      months: fillMonths(monthly),
      villagesWithoutVolunteer: [],
    };
  }
  const [province, villages] = await Promise.all([
    repo.findProvince(ctx.db, area.slice(0, 2)),
    repo.villagesWithoutVolunteer(ctx.db, area, VILLAGE_LIST_LIMIT),
  ]);
  return {
    level: 'district',
    area: place,
    parents: [nation, { code: area.slice(0, 2), nameTh: province?.nameTh ?? '', nameEn: province?.nameEn ?? '' }],
    totals: toRow(self, 'district'),
    rows: children.map((r) => toRow(r, 'subdistrict')),
    months: fillMonths(monthly),
    villagesWithoutVolunteer: villages,
  };
}

const COLUMNS: (keyof CoverageRow)[] = [
  'code',
  'nameTh',
  'nameEn',
  'villages',
  'villagesCovered',
  'volunteers',
  'pending',
  'districts',
  'districtsCovered',
  'districtsWithLeader',
];

/** The coverage table of an area as CSV (UTF-8 with BOM) or XLSX, the totals row last. */
export async function exportCoverage(ctx: Ctx, area: string | undefined, format: 'csv' | 'xlsx'): Promise<Readable> {
  const view = await getCoverage(ctx, area);
  const rows = [...view.rows, view.totals];
  if (format === 'csv') {
    const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))];
    return Readable.from([`\uFEFF${lines.join('\r\n')}\r\n`]);
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('coverage');
  sheet.addRow(COLUMNS).commit();
  for (const r of rows) sheet.addRow(COLUMNS.map((c) => r[c])).commit();
  sheet.commit();
  void workbook.commit();
  return out;
}
