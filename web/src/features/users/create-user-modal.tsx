import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateUserBody } from '../../../../common/contracts/users.js';
import { createUser } from '../../api/users.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PasswordField } from '../../components/password-field.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { useFormValues } from '../../lib/use-form-values.js';

export function CreateUserModal({ onClose, onCreated }: { onClose: () => void; onCreated: (email: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set } = useFormValues({ email: '', displayName: '', password: '', locale: 'th' });
  const mutation = useMutation({
    mutationFn: () => createUser(parseBody(CreateUserBody, { ...values, email: values.email.trim() })),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onCreated(user.email);
    },
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <AppModal onClose={onClose} title={t('users.create.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={errors.general} />
          <TextInput
            label={t('users.create.email')}
            type="email"
            autoComplete="off"
            required
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.fields.email}
          />
          <TextInput
            label={t('users.create.displayName')}
            required
            value={values.displayName}
            onChange={(e) => set('displayName', e.currentTarget.value)}
            error={errors.fields.displayName}
          />
          <PasswordField
            label={t('users.create.password')}
            description={t('account.password.rule')}
            autoComplete="new-password"
            required
            value={values.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errors.fields.password}
          />
          <NativeSelect
            label={t('users.create.locale')}
            value={values.locale}
            onChange={(e) => set('locale', e.currentTarget.value)}
            data={[
              { value: 'th', label: 'ไทย' },
              { value: 'en', label: 'English' },
            ]}
            error={errors.fields.locale}
          />
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('users.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
