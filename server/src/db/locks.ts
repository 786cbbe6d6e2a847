/** PostgreSQL advisory-lock keys, in one place so no two mechanisms share one by accident. */
export const LOCK_KEYS = {
  /** Session lock held while migrations run, so several instances can boot at once. */
  migrations: 7_314_159_265,
  /** Transaction lock that serialises appends to the audit chain. */
  auditChain: 7_314_159_266,
  /** Transaction lock that makes seeding the demo dataset happen once. */
  demoSeed: 7_314_159_267,
  /** Session lock taken by the instance that runs the background jobs this tick. */
  jobs: 7_314_159_268,
  /** Transaction lock that makes creating the default review rubric happen once. */
  rubricSeed: 7_314_159_269,
  /**
   * Transaction locks (two-key form: this class id, then a 32-bit hash) that serialise the grouping of
   * claims sharing a link or one of their longest words (factcheck `lockGroupingKeys`).
   */
  claimGrouping: 731_416,
} as const;
