import type { TFunction } from 'i18next';
import { AppError, type FieldError } from '../../../common/errors.js';

export interface FormErrors {
  /** The error as a sentence for the alert above the form. */
  general: string | null;
  /** Messages keyed by the form's field name (`body.email` → `email`). */
  fields: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { general: null, fields: {} };

/** Human text for any error's code, falling back to a generic message for codes the catalogue lacks. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof AppError) {
    if (error.status === 0) return t('errors.network');
    return t(`errors.${error.code}`, { defaultValue: t('errors.unknown') });
  }
  return t('errors.unknown');
}

function fieldMessage(fe: FieldError, error: AppError, t: TFunction): string {
  // Validation issues carry their own code; domain errors (wrong password, e-mail taken) explain the field through the error's code.
  if (fe.code) return t(`validation.${fe.code}`, { defaultValue: t('validation.invalid') });
  return t(`errors.${error.code}`, { defaultValue: t('validation.invalid') });
}

/** Splits an error into a general message and messages for the fields a form shows. */
export function toFormErrors(error: unknown, t: TFunction): FormErrors {
  const fields: Record<string, string> = {};
  if (error instanceof AppError) {
    for (const fe of error.errors ?? []) {
      const [where, name] = fe.path.split('.');
      if ((where === 'body' || where === 'querystring') && name && !fields[name]) fields[name] = fieldMessage(fe, error, t);
    }
  }
  return { general: errorMessage(error, t), fields };
}

interface SafeParser<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; code: string; message: string }[] } };
}

/** Checks a body with the operation's own contract before sending; failures look exactly like the server's. */
export function parseBody<T>(schema: SafeParser<T>, values: unknown): T {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  throw AppError.invalid(
    result.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message, code: i.code })),
  );
}
