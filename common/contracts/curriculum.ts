import { z } from 'zod';
import { CatalogCourseSummary } from './catalog.js';
import { ArticleSummary } from './hub.js';
import { PageQuery } from './shared.js';

/** The volunteer curriculum (onboarding, decision 012): an ordered list of catalogue courses and hub articles. */

export const CURRICULUM_ITEM_KINDS = ['course', 'article'] as const;
export const CurriculumItemKind = z.enum(CURRICULUM_ITEM_KINDS);

export const CurriculumItemView = z.object({
  id: z.string(),
  position: z.number(),
  kind: CurriculumItemKind,
  /** The course or the article (null when it has left the catalogue or the hub). */
  course: CatalogCourseSummary.nullable(),
  article: ArticleSummary.nullable(),
});
export type CurriculumItemView = z.infer<typeof CurriculumItemView>;

export const CurriculumView = z.object({
  items: z.array(CurriculumItemView),
  abilities: z.object({ edit: z.boolean() }),
});
export type CurriculumView = z.infer<typeof CurriculumView>;

export const SetCurriculumBody = z.object({
  items: z
    .array(z.object({ kind: CurriculumItemKind, id: z.uuid() }))
    .max(50)
    .refine((xs) => new Set(xs.map((x) => `${x.kind}:${x.id}`)).size === xs.length, { message: 'an item is listed twice' }),
});
export type SetCurriculumBody = z.infer<typeof SetCurriculumBody>;

export const OnboardingItem = CurriculumItemView.extend({ done: z.boolean(), doneAt: z.string().nullable() });

/** A volunteer's own onboarding: every item with whether it is done. */
export const MyOnboardingView = z.object({
  items: z.array(OnboardingItem),
  done: z.number(),
  total: z.number(),
  complete: z.boolean(),
});
export type MyOnboardingView = z.infer<typeof MyOnboardingView>;

export const OnboardingProgressQuery = PageQuery.extend({
  /** A province (2 digits) or district (4 digits); the caller's first area when absent (the nation for monitors). */
  area: z
    .string()
    .regex(/^(\d{2}|\d{4})$/)
    .optional(),
  /** Only those who have not completed onboarding. */
  incomplete: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type OnboardingProgressQuery = z.infer<typeof OnboardingProgressQuery>;

export const OnboardingProgressView = z.object({
  area: z.string().nullable(),
  /** Active (approved) volunteers in the area, and how many completed onboarding. */
  approved: z.number(),
  completed: z.number(),
  /** completed / approved, 0–1 (0 without volunteers). */
  share: z.number(),
  itemsTotal: z.number(),
  volunteers: z.array(
    z.object({
      id: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      districtCode: z.string(),
      done: z.number(),
      complete: z.boolean(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type OnboardingProgressView = z.infer<typeof OnboardingProgressView>;
