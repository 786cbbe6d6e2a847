import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GrantRoleBody } from '../../../../common/contracts/users.js';
import { AppError } from '../../../../common/errors.js';
import { ROLE_SCOPE, ROLES, type Role } from '../../../../common/permissions.js';
import { grantRole, type UserAdmin } from '../../api/users.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { ScopePicker } from './scope-picker.js';

const PROVINCE_CODE = /^\d{2}$/;

/** The same field error the server would send, found before sending. */
function checkScopeId(scopeType: string, scopeId: string) {
  const bad = (message: string) => {
    throw AppError.invalid([{ path: 'body.scopeId', message }], message);
  };
  if ((scopeType === 'agency' || scopeType === 'provider') && scopeId === '') bad(`choose a ${scopeType}`);
  if (scopeType === 'province' && !PROVINCE_CODE.test(scopeId)) bad('must be a two-digit province code');
}

/**
 * Grants a role in a scope. The scope type follows from the role (the shared ROLE_SCOPE table), so the
 * admin only picks the agency or provider (searched by name or code) or types the province code where one
 * is needed; the server checks it again and its field errors show beside the field.
 */
export function GrantRoleModal({ user, onClose }: { user: UserAdmin; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>('learner');
  const [scopeId, setScopeId] = useState('');
  const scopeType = ROLE_SCOPE[role];
  const needsScopeId = scopeType === 'agency' || scopeType === 'provider' || scopeType === 'province';
  const mutation = useMutation({
    mutationFn: () => {
      const id = needsScopeId ? scopeId.trim() : '';
      checkScopeId(scopeType, id);
      return grantRole(user.id, parseBody(GrantRoleBody, { role, scopeType, scopeId: id }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
      onClose();
    },
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  // The server explains a bad scope in English for developers; the reader gets what to do, in their language.
  const scopeError = errors.fields.scopeId ? t(`users.grant.scopeError.${scopeType}`) : undefined;
  const setScope = (next: string) => {
    setScopeId(next);
    if (mutation.error) mutation.reset();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <AppModal onClose={onClose} title={t('users.grant.title', { name: user.displayName })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={errors.general} />
          <NativeSelect
            label={t('users.grant.role')}
            value={role}
            onChange={(e) => {
              const next = e.currentTarget.value as Role;
              setRole(next);
              // Agency admin ↔ agency executive keeps the chosen agency; another kind of scope starts empty.
              if (ROLE_SCOPE[next] !== scopeType) setScopeId('');
              mutation.reset();
            }}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}.name`) }))}
            error={errors.fields.role}
          />
          <Text size="sm">{t(`roles.${role}.does`)}</Text>
          <Text size="sm">
            {t('users.grant.scopeIs')} <strong>{t(`scope.${scopeType}`)}</strong>
          </Text>
          {errors.fields.scopeType ? (
            <Text size="sm" c="red.8" role="alert">
              {errors.fields.scopeType}
            </Text>
          ) : null}
          {scopeType === 'agency' || scopeType === 'provider' ? (
            <ScopePicker
              key={scopeType}
              kind={scopeType}
              label={t(`users.grant.scopeId.${scopeType}`)}
              description={t(`users.grant.scopeIdHelp.${scopeType}`)}
              value={scopeId}
              onChange={setScope}
              onSearch={() => {
                if (mutation.error) mutation.reset();
              }}
              error={scopeError}
            />
          ) : scopeType === 'province' ? (
            <TextInput
              label={t('users.grant.scopeId.province')}
              description={t('users.grant.scopeIdHelp.province')}
              required
              inputMode="numeric"
              autoComplete="off"
              maxLength={2}
              value={scopeId}
              onChange={(e) => setScope(e.currentTarget.value)}
              error={scopeError}
            />
          ) : null}
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('users.grant.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
