import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { LoginBody } from '../../../common/contracts/auth.js';
import { AppError } from '../../../common/errors.js';
import { parseBody, toFormErrors } from './form-errors.js';

// Echo the key so assertions show which catalogue entry the UI would use.
const t = ((key: string) => key) as unknown as TFunction;

describe('toFormErrors', () => {
  it('puts validation issues next to their fields and keeps a general message', () => {
    const error = AppError.invalid([
      { path: 'body.email', message: 'Invalid email address', code: 'invalid_format' },
      { path: 'body.password', message: 'Too small', code: 'too_small' },
    ]);
    expect(toFormErrors(error, t)).toEqual({
      general: 'errors.validation_failed',
      fields: { email: 'validation.invalid_format', password: 'validation.too_small' },
    });
  });

  it('explains a domain error on its field through the error code', () => {
    const error = new AppError('auth.wrong_password', 'wrong', {
      status: 400,
      errors: [{ path: 'body.currentPassword', message: 'wrong password' }],
    });
    expect(toFormErrors(error, t).fields).toEqual({ currentPassword: 'errors.auth.wrong_password' });
  });

  it('treats an unreachable server as a network error', () => {
    expect(toFormErrors(new AppError('internal', 'network', { status: 0 }), t).general).toBe('errors.network');
  });
});

describe('parseBody', () => {
  it('returns the parsed body when it satisfies the contract', () => {
    expect(parseBody(LoginBody, { email: 'a@b.co', password: 'x' })).toEqual({ email: 'a@b.co', password: 'x' });
  });

  it('throws the same AppError shape the server sends', () => {
    try {
      parseBody(LoginBody, { email: 'nope', password: '' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const paths = (e as AppError).errors?.map((x) => x.path).sort();
      expect(paths).toEqual(['body.email', 'body.password']);
    }
  });
});
