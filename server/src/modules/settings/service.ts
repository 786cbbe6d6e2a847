import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';

/** Every run-time setting with its schema and default; unknown keys cannot be stored. */
export const SETTINGS = {
  'accreditation.screeningDays': z.number().int().min(1).max(90).default(7),
  'accreditation.reviewDays': z.number().int().min(1).max(180).default(21),
  'accreditation.validityYears': z.number().int().min(1).max(10).default(2),
  'accreditation.yearlyTarget': z.number().int().min(0).max(100_000).default(100),
  'accreditation.numberPrefix': z.string().trim().min(1).max(20).default('สดช.'),
  'accreditation.minReviewers': z.number().int().min(1).max(10).default(2),
  'accreditation.conflictYears': z.number().int().min(0).max(20).default(3),
  'accreditation.disagreementThreshold': z.number().min(0).max(100).default(25),
  /** Counts of people below this are withheld in dashboard views below the reader's own agency level (decision 014). */
  'dashboards.minCellSize': z.number().int().min(2).max(100).default(5),
  /** Fewer accredited courses than this for a target group in a skill area is shown as a catalogue gap. */
  'dashboards.catalogueGapBelow': z.number().int().min(1).max(1000).default(3),
  /** Phases an agency plan may declare (Bangkok's plan moves from Early to Developing). */
  'plans.phases': z
    .array(
      z.object({ code: z.string().trim().min(1).max(40), th: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) }),
    )
    .min(1)
    .max(10)
    .default([
      { code: 'early', th: 'ระยะเริ่มต้น', en: 'Early' },
      { code: 'developing', th: 'ระยะกำลังพัฒนา', en: 'Developing' },
      { code: 'advanced', th: 'ระยะก้าวหน้า', en: 'Advanced' },
    ]),
} as const;
export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]>;

/** The stored value of a setting, or its default. */
export async function getSetting<K extends SettingKey>(db: Db, key: K): Promise<SettingValue<K>> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  return SETTINGS[key].parse(row?.value ?? undefined) as SettingValue<K>;
}

/** All settings with their current values, for the admin page. */
export async function listSettings(db: Db): Promise<Record<SettingKey, unknown>> {
  const rows = await db.select().from(settings);
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(Object.entries(SETTINGS).map(([k, schema]) => [k, schema.parse(stored.get(k) ?? undefined)])) as Record<
    SettingKey,
    unknown
  >;
}

const canChangeSettings = (a: { grants: { role: string }[] }) =>
  a.grants.some((g) => ['accreditation_officer', 'system_admin'].includes(g.role));

/** Changes one setting (officers and system admins), validated by its schema and audit-logged. */
export async function updateSetting(ctx: Ctx, key: string, value: unknown) {
  const actor = authorize(ctx, canChangeSettings, undefined);
  if (!(key in SETTINGS)) throw AppError.notFound('setting');
  const parsed = SETTINGS[key as SettingKey].safeParse(value);
  if (!parsed.success) throw AppError.invalid([{ path: 'body.value', message: parsed.error.issues[0]?.message ?? 'invalid' }]);
  await ctx.db.transaction(async (tx) => {
    const before = await getSetting(tx, key as SettingKey);
    await tx
      .insert(settings)
      .values({ key, value: parsed.data, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: settings.key, set: { value: parsed.data, updatedBy: actor.userId, updatedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action: 'setting.updated',
      subjectType: 'setting',
      subjectId: key,
      summary: { before, after: parsed.data },
    });
  });
  return parsed.data;
}
