import { Alert, Badge, Button, CloseButton, Group, NativeSelect, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ROLES, type Role } from '../../../../common/permissions.js';
import { listUsers, revokeRole, type UserAdmin } from '../../api/users.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { scopeText } from '../../lib/roles.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { CreateUserModal } from './create-user-modal.js';
import { GrantRoleModal } from './grant-role-modal.js';

const PAGE_SIZE = 20;

function isRole(value: string | null): value is Role {
  return !!value && (ROLES as readonly string[]).includes(value);
}

/** Accounts with their role grants: search, filter by role, page; grant and revoke roles; create accounts. */
export default function UsersPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('users.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const roleParam = params.get('role');
  const role = isRole(roleParam) ? roleParam : undefined;
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [granting, setGranting] = useState<UserAdmin | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const query = useQuery({
    queryKey: ['users', { q: debouncedQ, role, page }],
    queryFn: () => listUsers({ q: debouncedQ || undefined, role, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (v: { userId: string; grantId: string }) => revokeRole(v.userId, v.grantId),
    onSuccess: () => {
      setNotice(t('users.revoked'));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('users.title')}</Title>
          <Text>{t('users.lead')}</Text>
        </Stack>
        <Button onClick={() => setCreating(true)}>{t('users.create.open')}</Button>
      </Group>
      <Group gap="md" align="flex-end" wrap="wrap" component="search" aria-label={t('users.searchLabel')}>
        <TextInput
          label={t('users.search')}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            update({ q: e.currentTarget.value.trim() || null, page: null });
          }}
          w={{ base: '100%', sm: 320 }}
        />
        <NativeSelect
          label={t('users.roleFilter')}
          value={role ?? ''}
          onChange={(e) => update({ role: e.currentTarget.value || null, page: null })}
          data={[{ value: '', label: t('common.all') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}.name`) }))]}
          w={{ base: '100%', sm: 260 }}
        />
      </Group>
      {notice ? (
        <Alert
          color="ok"
          variant="light"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
          role="status"
        >
          {notice}
        </Alert>
      ) : null}
      {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
      {query.isPending ? (
        <PageLoader />
      ) : !data ? (
        <ErrorAlert error={query.error} />
      ) : data.items.length === 0 ? (
        <EmptyState title={t('users.emptyTitle')}>{t('users.emptyText')}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Text size="sm" aria-live="polite">
            {t('users.count', { count: data.total, n: formatNumber(data.total, lang) })}
          </Text>
          <ScrollRegion label={t('users.title')}>
            <Table striped withTableBorder miw={760} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.col.user')}</Table.Th>
                  <Table.Th scope="col">{t('users.col.roles')}</Table.Th>
                  <Table.Th scope="col">{t('users.col.status')}</Table.Th>
                  <Table.Th scope="col">{t('users.col.created')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((u) => (
                  <Table.Tr key={u.id} data-user={u.email}>
                    <Table.Th scope="row" fw={400}>
                      <Text fw={600} size="sm">
                        {u.displayName}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {u.email}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      {u.roles.length === 0 ? (
                        <Text size="sm">{t('users.noRoles')}</Text>
                      ) : (
                        <Group gap={6}>
                          {u.roles.map((g) => (
                            <Badge
                              key={g.id}
                              variant="outline"
                              tt="none"
                              style={{ height: 'auto', whiteSpace: 'normal' }}
                              rightSection={
                                <CloseButton
                                  size="xs"
                                  aria-label={t('users.revoke', { role: t(`roles.${g.role}.name`), name: u.displayName })}
                                  onClick={() => revoke.mutate({ userId: u.id, grantId: g.id })}
                                  disabled={revoke.isPending}
                                />
                              }
                            >
                              {t(`roles.${g.role}.name`)} · {scopeText(g, t)}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {u.isDisabled ? t('users.status.disabled') : u.isLocked ? t('users.status.locked') : t('users.status.active')}
                    </Table.Td>
                    <Table.Td>{formatDate(u.createdAt, lang)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="outline"
                        onClick={() => setGranting(u)}
                        aria-label={t('users.grant.openFor', { name: u.displayName })}
                      >
                        {t('users.grant.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {pages > 1 ? (
            <Pagination
              total={pages}
              value={page}
              onChange={(p) => update({ page: p > 1 ? String(p) : null })}
              getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
            />
          ) : null}
        </Stack>
      )}
      {granting ? <GrantRoleModal user={granting} onClose={() => setGranting(null)} /> : null}
      {creating ? (
        <CreateUserModal
          onClose={() => setCreating(false)}
          onCreated={(email) => {
            setCreating(false);
            setNotice(t('users.created', { email }));
          }}
        />
      ) : null}
    </Stack>
  );
}
