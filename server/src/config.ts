import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

/** Every setting the server reads, with development defaults. Parsed once at boot; a bad value stops the server. */
export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    BASE_URL: z.url().default('http://localhost:3000'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SMTP_URL: z.string().optional(),
    SMTP_FROM: z.string().default('Thaksa <no-reply@thaksa.local>'),
    DEMO_DATA: bool.optional(),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    /** Public catalogue searches per client address per minute (per instance). */
    SEARCH_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** Search results each instance keeps (keyed by the catalogue's version, so never stale); 0 turns the cache off. */
    SEARCH_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(500),
    /** Personnel list pages each instance keeps under their subtree's list version (decision 017); 0 turns the cache off. */
    PEOPLE_LIST_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(1000),
    /** Dashboard scopes each instance keeps under the dashboards' version (decision 014); 0 turns the cache off. */
    DASHBOARD_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(1000),
    /** Coverage views (nation, provinces, districts) each instance keeps under coverage's version; 0 turns it off. */
    COVERAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(1100),
    /** Open-data requests (JSON pages and whole-catalogue exports) per client address per minute (per instance). */
    OPEN_DATA_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /** Suspicious claims submitted per client address per minute (per instance). */
    CLAIM_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(5),
    /** Volunteer registrations per client address per minute (a public form). */
    VOLUNTEER_REGISTER_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    /** Proof-of-work difficulty of the claim form's challenge against bots (leading zero bits; decision 011). */
    CLAIM_CHALLENGE_BITS: z.coerce.number().int().min(0).max(24).default(16),
    TRUST_PROXY: bool.default(false),
    WEB_DIST: z.string().default('./web/dist'),
    CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
    JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
    /** How long an invitation to set a first password stays valid. */
    INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    /** Largest personnel file accepted (CSV or XLSX), in megabytes. */
    PERSON_IMPORT_MAX_MB: z.coerce.number().int().min(1).max(2048).default(200),
    /** Days an uncommitted personnel import (and its encrypted file) is kept before it expires. */
    PERSON_IMPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && !c.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' });
    }
    if (c.NODE_ENV === 'production' && c.DEMO_DATA) {
      ctx.addIssue({ code: 'custom', path: ['DEMO_DATA'], message: 'demo accounts are never loaded in production' });
    }
  });

export type Config = z.infer<typeof ConfigSchema> & {
  /** SESSION_SECRET, or a fixed development secret outside production. */
  sessionSecret: string;
  /** Demo data loads by default on the embedded database, never on PostgreSQL unless asked. */
  loadDemoData: boolean;
  isProduction: boolean;
};

const DEV_SECRET = 'thaksa-development-secret-not-for-production-use';

/** Parses settings from an environment; throws one readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = result.data;
  const isProduction = c.NODE_ENV === 'production';
  return {
    ...c,
    sessionSecret: c.SESSION_SECRET ?? DEV_SECRET,
    loadDemoData: isProduction ? false : (c.DEMO_DATA ?? !c.DATABASE_URL),
    isProduction,
  };
}
