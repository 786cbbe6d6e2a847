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
   * Transaction locks (two-key form: this class id, then a 32-bit hash) that serialise the opening of claim
   * groups among claims sharing a link or an uncommon word pair (taken in SQL by `claim_place`, decision 016).
   */
  claimGrouping: 731_416,
  /** Transaction lock that serialises refreshes of the dashboard roll-ups (each batch adds differences). */
  dashboardRefresh: 7_314_159_270,
} as const;
