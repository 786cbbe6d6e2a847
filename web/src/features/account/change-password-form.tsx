import { Alert, Button, Paper, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody } from '../../../../common/contracts/auth.js';
import { changePassword } from '../../api/auth.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PasswordField } from '../../components/password-field.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { useFormValues } from '../../lib/use-form-values.js';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { values, set, reset } = useFormValues({ currentPassword: '', newPassword: '', confirm: '' });
  const mutation = useMutation({
    mutationFn: async () => {
      const body = parseBody(ChangePasswordBody, { currentPassword: values.currentPassword, newPassword: values.newPassword });
      return changePassword(body);
    },
    onSuccess: () => reset({ currentPassword: '', newPassword: '', confirm: '' }),
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const mismatch = values.confirm !== '' && values.confirm !== values.newPassword;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    mutation.mutate();
  };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="password">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" maw={420}>
          <Title order={2} id="password" size="h3">
            {t('account.password.title')}
          </Title>
          {mutation.isSuccess ? (
            <Alert color="ok" variant="light" role="status">
              {t('account.password.changed')}
            </Alert>
          ) : null}
          <ErrorAlert message={errors.general} />
          <PasswordField
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            value={values.currentPassword}
            onChange={(e) => set('currentPassword', e.currentTarget.value)}
            error={errors.fields.currentPassword}
          />
          <PasswordField
            label={t('account.password.new')}
            description={t('account.password.rule')}
            autoComplete="new-password"
            required
            value={values.newPassword}
            onChange={(e) => set('newPassword', e.currentTarget.value)}
            error={errors.fields.newPassword}
          />
          <PasswordField
            label={t('account.password.confirm')}
            autoComplete="new-password"
            required
            value={values.confirm}
            onChange={(e) => set('confirm', e.currentTarget.value)}
            error={mismatch ? t('account.password.mismatch') : undefined}
          />
          <div>
            <Button type="submit" loading={mutation.isPending} disabled={mismatch}>
              {t('account.password.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
