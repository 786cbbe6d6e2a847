/** Stable error codes sent to clients; the web app translates them (errors.<code> in the catalogues). */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal'
  | 'auth.invalid_credentials'
  | 'auth.account_locked'
  | 'auth.csrf_invalid'
  | 'auth.session_expired'
  | 'auth.wrong_password'
  | 'auth.password_too_weak'
  | 'user.email_taken'
  | 'role.invalid_scope'
  | 'framework.published_immutable'
  | 'framework.not_draft'
  | 'framework.incomplete'
  | 'framework.unknown_item'
  | 'catalog.already_rated'
  | 'agency.code_taken'
  | 'agency.move_cycle'
  | 'person.citizen_id_taken'
  | 'people_import.not_ready'
  | 'people_import.expired'
  | 'invitation.expired'
  | 'invitation.used'
  | 'claim.challenge_failed'
  | 'claim.challenge_used'
  | 'claim.rejected'
  | 'hub.slug_taken'
  | 'hub.version_conflict'
  | 'factcheck.illegal_transition'
  | 'volunteer.already_registered'
  | 'volunteer.not_pending'
  | 'volunteer.not_active'
  | 'volunteer.district_has_leader'
  | 'activity.id_taken'
  | 'village.moo_taken'
  | 'plan.exists'
  | 'plan.illegal_transition'
  | 'plan.version_conflict'
  | 'cohort.full'
  | 'cohort.completed'
  | 'assessment.item_version_conflict'
  | 'assessment.item_draft_exists'
  | 'assessment.item_illegal_transition'
  | 'assessment.item_not_draft'
  | 'assessment.self_review'
  | 'assessment.version_conflict'
  | 'assessment.content_locked'
  | 'assessment.not_open'
  | 'assessment.not_eligible'
  | 'assessment.not_enough_items'
  | 'attempt.in_progress'
  | 'attempt.limit_reached'
  | 'attempt.deadline_passed'
  | 'attempt.submitted'
  | 'attempt.not_submitted'
  | 'development_plan.exists'
  | 'development_plan.illegal_transition'
  | 'development_plan.version_conflict'
  | 'development_activity.not_attestable';

export const STATUS_BY_CODE: Record<string, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  'auth.invalid_credentials': 401,
  'auth.session_expired': 401,
  forbidden: 403,
  'auth.csrf_invalid': 403,
  not_found: 404,
  conflict: 409,
  'user.email_taken': 409,
  'framework.published_immutable': 409,
  'framework.not_draft': 409,
  'framework.incomplete': 409,
  'catalog.already_rated': 409,
  'agency.code_taken': 409,
  'agency.move_cycle': 409,
  'person.citizen_id_taken': 409,
  'people_import.not_ready': 409,
  'people_import.expired': 409,
  'invitation.expired': 409,
  'invitation.used': 409,
  'volunteer.already_registered': 409,
  'volunteer.not_pending': 409,
  'volunteer.not_active': 409,
  'volunteer.district_has_leader': 409,
  'activity.id_taken': 409,
  'village.moo_taken': 409,
  'claim.challenge_failed': 400,
  'claim.challenge_used': 409,
  'claim.rejected': 400,
  'hub.slug_taken': 409,
  'hub.version_conflict': 409,
  'factcheck.illegal_transition': 409,
  'plan.exists': 409,
  'plan.illegal_transition': 409,
  'plan.version_conflict': 409,
  'cohort.full': 409,
  'cohort.completed': 409,
  'assessment.item_version_conflict': 409,
  'assessment.item_draft_exists': 409,
  'assessment.item_illegal_transition': 409,
  'assessment.item_not_draft': 409,
  'assessment.self_review': 403,
  'assessment.version_conflict': 409,
  'assessment.content_locked': 409,
  'assessment.not_open': 409,
  'assessment.not_eligible': 403,
  'assessment.not_enough_items': 409,
  'attempt.in_progress': 409,
  'attempt.limit_reached': 409,
  'attempt.deadline_passed': 409,
  'attempt.submitted': 409,
  'attempt.not_submitted': 409,
  'development_plan.exists': 409,
  'development_plan.illegal_transition': 409,
  'development_plan.version_conflict': 409,
  'development_activity.not_attestable': 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  'auth.account_locked': 423,
  internal: 500,
};

export interface FieldError {
  /** Dotted path to the field, e.g. `body.email`. */
  path: string;
  message: string;
  code?: string;
}

/** The one error type. Thrown anywhere; the server's error plugin turns it into application/problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors?: FieldError[];

  constructor(code: ErrorCode, detail?: string, opts: { status?: number; errors?: FieldError[] } = {}) {
    super(detail ?? code);
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? STATUS_BY_CODE[code] ?? 400;
    this.errors = opts.errors;
  }

  static notFound(what = 'resource') {
    return new AppError('not_found', `${what} not found`);
  }
  static forbidden(detail = 'not allowed') {
    return new AppError('forbidden', detail);
  }
  static unauthenticated(detail = 'sign in first') {
    return new AppError('unauthenticated', detail);
  }
  static conflict(code: ErrorCode = 'conflict', detail?: string) {
    return new AppError(code, detail, { status: 409 });
  }
  static invalid(errors: FieldError[], detail = 'some fields are invalid') {
    return new AppError('validation_failed', detail, { errors });
  }
}

/** The wire shape of every error (RFC 9457 problem details plus a stable code). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldError[];
  requestId?: string;
}
