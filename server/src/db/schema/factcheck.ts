import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { files } from './accreditation.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A group of submitted claims that say the same thing (decision 011): the unit a fact-checker works on.
 * It counts its requests, remembers where and when they were seen, and carries the published verdict
 * (the current one; every version is in `claim_verdicts`).
 */
export const claimGroups = pgTable(
  'claim_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** new → assigned → in_review → published (state-machine.ts). */
    status: text('status').notNull().default('new'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    /** The first claim's text, shown in the queue until a checker writes `claimReviewed`. */
    sampleText: text('sample_text').notNull(),
    requestCount: integer('request_count').notNull().default(0),
    provinces: text('provinces').array().notNull().default(sql`'{}'::text[]`),
    platforms: text('platforms').array().notNull().default(sql`'{}'::text[]`),
    firstSeenAt: ts('first_seen_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    verdict: text('verdict'),
    claimReviewed: text('claim_reviewed'),
    explanationTh: text('explanation_th'),
    explanationEn: text('explanation_en'),
    sources: jsonb('sources').$type<{ url: string; title: string }[]>(),
    verdictVersion: integer('verdict_version').notNull().default(0),
    firstPublishedAt: ts('first_published_at'),
    publishedAt: ts('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
    /** Segmented claim and explanation (simple configuration), for searchFactChecks. */
    searchVector: tsvector('search_vector'),
    /** The claim as reviewed, lower-cased, for the trigram fallback on typos. */
    searchText: text('search_text'),
    /** The grouping key of the group's first claim: what a new claim is compared with (its tokens: `claimGroupTokens`). */
    textKey: text('text_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  // Every claim a group takes in rewrites its row (count, last seen, places) and adds an entry to each index
  // whose predicate the row meets: the search and the assignee indexes hold only the rows they are read for
  // (published checks, assigned groups), so the many unpublished, unassigned groups cost them nothing.
  (t) => [
    index('claim_groups_queue_count_idx').on(t.status, t.requestCount.desc()),
    index('claim_groups_queue_recent_idx').on(t.status, t.lastSeenAt.desc()),
    index('claim_groups_assignee_idx').on(t.assigneeId, t.status).where(sql`${t.assigneeId} is not null`),
    index('claim_groups_provinces_idx').using('gin', t.provinces),
    index('claim_groups_platforms_idx').using('gin', t.platforms),
    index('claim_groups_published_idx').on(t.publishedAt.desc()).where(sql`${t.status} = 'published'`),
    index('claim_groups_search_idx').using('gin', t.searchVector).where(sql`${t.status} = 'published'`),
    index('claim_groups_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`).where(sql`${t.status} = 'published'`),
  ],
);

/**
 * The grouping look-up's postings (decision 016): one row per grouping token of a group's key — the hashes of
 * its pairs of neighbouring words (`claim_grouping_tokens`, SQL), kept by a trigger on `claim_groups`. A new
 * claim reads the most recently created groups of each of its tokens, a bounded number whatever a token's
 * frequency.
 */
export const claimGroupTokens = pgTable(
  'claim_group_tokens',
  {
    token: integer('token').notNull(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => claimGroups.id, { onDelete: 'cascade' }),
    /** Creation order: the look-up reads each token's newest groups first. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [index('claim_group_tokens_token_idx').on(t.token, t.seq.desc(), t.groupId), index('claim_group_tokens_group_idx').on(t.groupId)],
);

/**
 * Each group's word features, hashed (`claim_key_hashes` of its key, SQL: the sorted, distinct `hashtext` of each
 * feature of `claim_features`): what the word test compares a new claim with, computed once when the group's key
 * is written instead of for every claim it is tested against (decision 016). Kept by the trigger that keeps
 * `claimGroupTokens`.
 */
export const claimGroupFeatures = pgTable('claim_group_features', {
  groupId: uuid('group_id')
    .primaryKey()
    .references(() => claimGroups.id, { onDelete: 'cascade' }),
  features: integer('features').array().notNull(),
});

/**
 * Grouping tokens that `NEWEST_PER_TOKEN` groups or more have (decision 016): the look-up skips their postings
 * on its first pass. Kept by the trigger that keeps `claimGroupTokens`; a token stays here once it is common.
 */
export const claimCommonTokens = pgTable('claim_common_tokens', {
  token: integer('token').primaryKey(),
});

/** One request to check something: what a citizen or volunteer sent, in the group it was put in. */
export const claims = pgTable(
  'claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => claimGroups.id),
    /** What the submitter keeps to follow the claim (`K7Q2-M9XD-4HPT`). */
    trackingCode: text('tracking_code').notNull(),
    text: text('text').notNull(),
    link: text('link'),
    /** The link normalised (tracking parameters stripped, host lower-cased, shorteners resolved by host). */
    linkKey: text('link_key'),
    /** The text as segmented words without function words, what grouping compares (similarity.ts). */
    textKey: text('text_key').notNull(),
    imageFileId: uuid('image_file_id').references(() => files.id),
    platform: text('platform').notNull(),
    provinceCode: text('province_code').notNull(),
    submitterUserId: uuid('submitter_user_id').references(() => users.id),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** The nonce of the anti-bot challenge it answered: each challenge is good for one claim. */
    challengeNonce: text('challenge_nonce'),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('claims_tracking_code_key').on(t.trackingCode),
    uniqueIndex('claims_challenge_nonce_key').on(t.challengeNonce),
    index('claims_group_idx').on(t.groupId, t.submittedAt),
    index('claims_link_key_first_idx').on(t.linkKey, t.submittedAt).where(sql`${t.linkKey} is not null`),
    index('claims_submitter_idx').on(t.submitterUserId, t.submittedAt.desc()).where(sql`${t.submitterUserId} is not null`),
  ],
);

/** Every published version of a group's verdict, oldest first: corrections keep what was said before. */
export const claimVerdicts = pgTable(
  'claim_verdicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => claimGroups.id),
    version: integer('version').notNull(),
    verdict: text('verdict').notNull(),
    claimReviewed: text('claim_reviewed').notNull(),
    explanationTh: text('explanation_th').notNull(),
    explanationEn: text('explanation_en'),
    sources: jsonb('sources').$type<{ url: string; title: string }[]>().notNull(),
    correctionNote: text('correction_note'),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: ts('published_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('claim_verdicts_group_version_key').on(t.groupId, t.version)],
);
