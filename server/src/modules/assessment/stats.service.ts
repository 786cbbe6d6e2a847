import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ITEM_FLAG_THRESHOLDS, type ItemStatsQuery, type ItemStatsRow, itemFlags } from '../../../../common/contracts/assessment.js';
import { queryRows } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { isAuthor } from './policy.js';

/**
 * Item statistics from submitted attempts, per item version (a new version starts its own statistics):
 *
 * - n: candidates who were given the version;
 * - facility (p-value): the share who got it right (unanswered counts as wrong);
 * - discrimination: the corrected point-biserial correlation, i.e. Pearson's r between the item's 0/1 score
 *   and the candidate's score on the REST of the test (total minus this item), so the item does not
 *   correlate with itself; null when either side does not vary;
 * - distractor counts: how often each option was chosen (single-answer and multiple-choice kinds).
 *
 * An item is flagged for review once n ≥ minN (30 by default) when p < 0.2 (too hard), p > 0.95 (too
 * easy) or discrimination < 0.15 (or undefined). Computed on request from the answers of the items asked
 * for; a roll-up table would take over if the bank's answer count grows into the tens of millions.
 */

interface AggRow {
  id: string;
  item_id: string;
  version: number;
  status: string;
  kind: string;
  skill_area_code: string;
  level: number;
  stem_th: string;
  stem_en: string;
  options: { id: string; textTh: string }[];
  key: string[];
  n: number;
  facility: number | null;
  discrimination: number | null;
  unanswered: number;
}

export async function listItemStats(ctx: Ctx, q: z.infer<typeof ItemStatsQuery>) {
  authorize(ctx, isAuthor, undefined);
  const thresholds = { ...ITEM_FLAG_THRESHOLDS, minN: q.minN };
  const rows = await queryRows<AggRow>(
    ctx.db,
    sql`with qa as (
          select q.item_version_id, coalesce(ans.score, 0)::float8 as s, t.score_raw::float8 as total, ans.response
          from assessment_attempt_questions q
          join assessment_attempts t on t.id = q.attempt_id and t.status = 'submitted'
          left join assessment_answers ans on ans.attempt_id = q.attempt_id and ans.position = q.position
        ), agg as (
          select item_version_id, count(*)::int as n, avg(s) as facility, corr(s, total - s) as discrimination,
                 count(*) filter (where response is null or jsonb_array_length(response) = 0)::int as unanswered
          from qa group by item_version_id
        )
        select i.id, i.item_id, i.version, i.status, i.kind, i.skill_area_code, i.level, i.stem_th, i.stem_en, i.options, i.key,
               agg.n, agg.facility, agg.discrimination, agg.unanswered
        from agg join assessment_items i on i.id = agg.item_version_id
        where (${q.frameworkId ?? null}::uuid is null or i.framework_id = ${q.frameworkId ?? null}::uuid)
          and (${q.skillAreaCode ?? null}::text is null or i.skill_area_code = ${q.skillAreaCode ?? null}::text)
        order by i.skill_area_code, i.level, i.item_id, i.version`,
  );
  const withFlags = rows.map((r) => {
    const facility = r.facility === null ? null : Number(r.facility);
    const discrimination = r.discrimination === null ? null : Number(r.discrimination);
    return { r, facility, discrimination, flags: itemFlags({ n: Number(r.n), facility, discrimination }, thresholds) };
  });
  const filtered = q.flaggedOnly === 'true' ? withFlags.filter((x) => x.flags.length > 0) : withFlags;
  // Flagged items first, the worst-discriminating first among them.
  filtered.sort((a, b) => b.flags.length - a.flags.length || (a.discrimination ?? -2) - (b.discrimination ?? -2));
  const page = filtered.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const counts = await optionCounts(
    ctx,
    page.map((x) => x.r.id),
  );
  const items: ItemStatsRow[] = page.map(({ r, facility, discrimination, flags }) => ({
    id: r.id,
    itemId: r.item_id,
    version: Number(r.version),
    status: r.status as ItemStatsRow['status'],
    kind: r.kind as ItemStatsRow['kind'],
    skillAreaCode: r.skill_area_code,
    level: Number(r.level),
    stemTh: r.stem_th,
    stemEn: r.stem_en,
    n: Number(r.n),
    facility: facility === null ? null : Math.round(facility * 1000) / 1000,
    discrimination: discrimination === null ? null : Math.round(discrimination * 1000) / 1000,
    options:
      r.kind === 'ordering'
        ? []
        : r.options.map((o) => ({ id: o.id, textTh: o.textTh, chosen: counts.get(`${r.id}:${o.id}`) ?? 0, isKey: r.key.includes(o.id) })),
    unanswered: Number(r.unanswered),
    flags,
  }));
  return { items, total: filtered.length, page: q.page, pageSize: q.pageSize, thresholds };
}

/** How often each option of these item versions was chosen in submitted attempts. */
async function optionCounts(ctx: Ctx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ item_version_id: string; option_id: string; n: number }>(
    ctx.db,
    sql`select q.item_version_id, opt.value as option_id, count(*)::int as n
        from assessment_attempt_questions q
        join assessment_attempts t on t.id = q.attempt_id and t.status = 'submitted'
        join assessment_answers ans on ans.attempt_id = q.attempt_id and ans.position = q.position
        cross join lateral jsonb_array_elements_text(ans.response) as opt(value)
        where q.item_version_id = any(${sql.param(ids)}::uuid[])
        group by q.item_version_id, opt.value`,
  );
  return new Map(rows.map((r) => [`${r.item_version_id}:${r.option_id}`, Number(r.n)]));
}
