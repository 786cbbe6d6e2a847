import { z } from 'zod';
import { CourseStateSchema } from './accreditation-courses.js';

/** The officer's overview of the accreditation pipeline for one fiscal year. */
export const AccreditationDashboard = z.object({
  fiscalYearBe: z.number(),
  asOf: z.string(),
  pipeline: z.array(z.object({ state: CourseStateSchema, count: z.number() })),
  overdue: z.object({ screening: z.number(), reviews: z.number() }),
  /** Accredited (incl. with conditions) with an accreditation date in the fiscal year, against the yearly target. */
  accreditedThisYear: z.number(),
  yearlyTarget: z.number(),
  /** Median days from submission to screening decision, screening to all reviews in, and reviews to decision. */
  medianDays: z.object({ screening: z.number().nullable(), review: z.number().nullable(), decision: z.number().nullable() }),
  reviewerLoad: z.array(z.object({ reviewerId: z.string(), name: z.string(), open: z.number(), maxConcurrent: z.number(), overdue: z.number() })),
  serviceLevels: z.object({ screeningDays: z.number(), reviewDays: z.number() }),
});
export type AccreditationDashboard = z.infer<typeof AccreditationDashboard>;

export const DashboardQuery = z.object({ fiscalYearBe: z.coerce.number().int().min(2560).max(2700).optional() });
