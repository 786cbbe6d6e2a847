import { z } from 'zod';
import { TARGET_GROUP_CODES } from '../people-rules.js';
import { CourseStateSchema } from './accreditation-courses.js';
import { AgencyRef } from './people.js';

/**
 * A count of people. `null` means suppressed: between 1 and the small-cell threshold, in a view below the
 * reader's own agency level (decision 014). Never an estimate.
 */
export const PeopleCount = z.number().int().nullable();
/** A percentage (0–100, one decimal), null when its count is suppressed or there is nobody to divide by. */
export const Pct = z.number().nullable();

export const DashboardQuery = z.object({
  /** The agency whose subtree is the scope; absent means the nation (central monitors) or the reader's own agency. */
  agencyId: z.uuid().optional(),
  /** Buddhist-era fiscal year; the current one when absent. */
  fiscalYear: z.coerce.number().int().min(2500).max(2700).optional(),
  targetGroup: z.enum(TARGET_GROUP_CODES).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const ReportQuery = DashboardQuery.extend({ format: z.enum(['xlsx', 'pdf']) });
export type ReportQuery = z.infer<typeof ReportQuery>;

export const DashboardAgency = AgencyRef.extend({ kind: z.string() });

/** One row of the monitoring table: an agency directly below the scope with its key indicators. */
export const MonitoringRow = z.object({
  agency: DashboardAgency,
  hasChildren: z.boolean(),
  personnel: PeopleCount,
  selfAssessedPct: Pct,
  testedPct: Pct,
  meetingPct: Pct,
  learners: PeopleCount,
  hoursPerPerson: z.number().nullable(),
  idps: PeopleCount,
  planState: z.string().nullable(),
});
export type MonitoringRow = z.infer<typeof MonitoringRow>;

export const GroupFigures = z.object({
  targetGroupCode: z.string(),
  personnel: PeopleCount,
  selfAssessed: PeopleCount,
  tested: PeopleCount,
  passed: PeopleCount,
  assessed: PeopleCount,
  selfAssessedPct: Pct,
  testedPct: Pct,
});

export const HeatCell = z.object({
  targetGroupCode: z.string(),
  skillAreaCode: z.string(),
  /** The required level of the matrix; null when the area is not required for the group. */
  requiredLevel: z.number().nullable(),
  assessed: PeopleCount,
  meeting: PeopleCount,
  pct: Pct,
});

export const LevelDistribution = z.object({
  skillAreaCode: z.string(),
  levels: z.array(z.object({ level: z.number(), people: PeopleCount })),
});

export const GapClosure = z.object({
  skillAreaCode: z.string(),
  assessedStart: PeopleCount,
  meetingStart: PeopleCount,
  assessedEnd: PeopleCount,
  meetingEnd: PeopleCount,
  pctStart: Pct,
  pctEnd: Pct,
});

export const DashboardView = z.object({
  scope: z.object({
    /** Null: the nation. */
    agency: DashboardAgency.nullable(),
    /** From the nation down to the scope's parent; `canOpen` is false above the reader's own agency. */
    breadcrumbs: z.array(AgencyRef.extend({ canOpen: z.boolean() })),
    /** The reader may open the person list of this scope (the people module's own page). */
    canListPeople: z.boolean(),
    /** The reader may look at the nation (central monitors). */
    canSeeNation: z.boolean(),
  }),
  fiscalYear: z.number(),
  fiscalYears: z.array(z.number()),
  targetGroup: z.string().nullable(),
  /** When the roll-ups were last brought up to date; null before the first refresh. */
  asOf: z.string().nullable(),
  privacy: z.object({ minCellSize: z.number(), scopeSuppressed: z.boolean() }),
  people: z.object({
    total: GroupFigures,
    byTargetGroup: z.array(GroupFigures),
    heatMap: z.array(HeatCell),
    distribution: z.array(LevelDistribution),
    gapClosure: z.array(GapClosure),
  }),
  development: z.object({
    idps: z.object({ all: PeopleCount, approved: PeopleCount, completed: PeopleCount }),
    learners: PeopleCount,
    completions: z.number().nullable(),
    hours: z.object({ formal: z.number().nullable(), on_the_job: z.number().nullable(), coaching: z.number().nullable() }),
    hoursPerPerson: z.number().nullable(),
    /** The actual 70:20:10 mix in percent of hours; null without hours. */
    mix: z.object({ on_the_job: z.number(), coaching: z.number(), formal: z.number() }).nullable(),
    cohorts: z.object({ run: z.number(), completed: z.number(), participants: z.number() }),
    plans: z.object({
      byState: z.array(z.object({ state: z.string(), count: z.number() })),
      /** Targets of approved plans in the scope whose progress is measured, and of those how many are reached. */
      ownPlan: z
        .object({
          id: z.string(),
          state: z.string(),
          targets: z.array(
            z.object({
              targetGroupCode: z.string(),
              skillAreaCode: z.string(),
              metric: z.string(),
              value: z.number(),
              actual: z.number().nullable(),
              achievedPct: z.number().nullable(),
            }),
          ),
        })
        .nullable(),
    }),
  }),
  accreditation: z.object({
    pipeline: z.array(z.object({ state: CourseStateSchema, count: z.number() })),
    accreditedThisYear: z.number(),
    /** The `accreditation.yearlyTarget` setting. */
    yearlyTarget: z.number(),
    medianDays: z.object({ screening: z.number().nullable(), review: z.number().nullable(), decision: z.number().nullable() }),
    reviewerLoad: z.array(z.object({ name: z.string(), open: z.number(), maxConcurrent: z.number(), overdue: z.number() })),
    catalogue: z.array(z.object({ skillAreaCode: z.string(), targetGroupCode: z.string(), courses: z.number() })),
    /** Fewer accredited courses than this for a target group in a skill area is a gap (`dashboards.catalogueGapBelow`). */
    gapBelow: z.number(),
  }),
  /** Volunteers and coverage by province (the volunteers' roll-up); the nation only. */
  volunteers: z
    .array(
      z.object({
        provinceCode: z.string(),
        nameTh: z.string(),
        nameEn: z.string(),
        volunteers: z.number(),
        villages: z.number(),
        villagesCovered: z.number(),
      }),
    )
    .nullable(),
  children: z.array(MonitoringRow),
});
export type DashboardView = z.infer<typeof DashboardView>;

export const SubscriptionBody = z.object({
  agencyId: z.uuid().nullable(),
  targetGroup: z.enum(TARGET_GROUP_CODES).nullable(),
  language: z.enum(['th', 'en']).default('th'),
});
export type SubscriptionBody = z.infer<typeof SubscriptionBody>;

export const SubscriptionView = z.object({
  id: z.string(),
  agency: AgencyRef.nullable(),
  targetGroup: z.string().nullable(),
  language: z.string(),
  lastSentMonth: z.string().nullable(),
  createdAt: z.string(),
});
export const SubscriptionList = z.object({ items: z.array(SubscriptionView) });
