import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateApiTokenBody } from '../../../../common/contracts/auth.js';
import { type ApiToken, type CreatedApiToken, createApiToken, listApiTokens, revokeApiToken } from '../../api/auth.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { scopeText } from '../../lib/roles.js';
import { useFormValues } from '../../lib/use-form-values.js';
import { useSession } from '../auth/use-session.js';

const TOKENS_KEY = ['api-tokens'] as const;

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) < new Date()) return 'expired';
  return 'active';
}

/** The secret exists only in this response; say so, and make copying it easy. */
function NewTokenSecret({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="ok" variant="light" title={t('account.tokens.createdTitle', { name: created.name })} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('account.tokens.createdText')}</Text>
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="new-token-secret">
          {created.token}
        </Code>
        <Group gap="xs">
          <CopyButton value={created.token}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="outline" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="compact-sm" variant="subtle" onClick={onDone}>
            {t('account.tokens.stored')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export function ApiTokensSection() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const { values, set, reset } = useFormValues({ name: '', roleGrantId: session.roles[0]?.id ?? '', expiresInDays: '90' });
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: listApiTokens });
  const create = useMutation({
    mutationFn: () =>
      createApiToken(
        parseBody(CreateApiTokenBody, {
          name: values.name,
          roleGrantId: values.roleGrantId,
          expiresInDays: values.expiresInDays ? Number(values.expiresInDays) : undefined,
        }),
      ),
    onSuccess: (token) => {
      setCreated(token);
      reset({ name: '', roleGrantId: values.roleGrantId, expiresInDays: values.expiresInDays });
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
  const errors = create.error ? toFormErrors(create.error, t) : NO_ERRORS;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const roleLabel = (id: string) => {
    const g = session.roles.find((r) => r.id === id);
    return g ? `${t(`roles.${g.role}.name`)} · ${scopeText(g, t)}` : id;
  };
  const items = tokens.data?.items ?? [];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="tokens">
      <Stack gap="md">
        <Title order={2} id="tokens" size="h3">
          {t('account.tokens.title')}
        </Title>
        <Text size="sm">{t('account.tokens.lead')}</Text>
        {created ? <NewTokenSecret created={created} onDone={() => setCreated(null)} /> : null}
        {session.roles.length === 0 ? (
          <Text size="sm">{t('account.tokens.noRoles')}</Text>
        ) : (
          <form onSubmit={onSubmit} noValidate aria-labelledby="create-token-heading">
            <Stack gap="sm">
              <Title order={3} size="h4" id="create-token-heading">
                {t('account.tokens.createTitle')}
              </Title>
              <ErrorAlert message={errors.general} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t('account.tokens.name')}
                  description={t('account.tokens.nameHelp')}
                  required
                  value={values.name}
                  onChange={(e) => set('name', e.currentTarget.value)}
                  error={errors.fields.name}
                />
                <NativeSelect
                  label={t('account.tokens.role')}
                  description={t('account.tokens.roleHelp')}
                  value={values.roleGrantId}
                  onChange={(e) => set('roleGrantId', e.currentTarget.value)}
                  data={session.roles.map((g) => ({ value: g.id, label: roleLabel(g.id) }))}
                  error={errors.fields.roleGrantId}
                />
                <NativeSelect
                  label={t('account.tokens.expires')}
                  description={t('account.tokens.expiresHelp')}
                  value={values.expiresInDays}
                  onChange={(e) => set('expiresInDays', e.currentTarget.value)}
                  data={['30', '90', '365', '730'].map((d) => ({ value: d, label: t('account.tokens.days', { count: Number(d) }) }))}
                  error={errors.fields.expiresInDays}
                />
              </SimpleGrid>
              <div>
                <Button type="submit" loading={create.isPending}>
                  {t('account.tokens.create')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
        <Title order={3} size="h4">
          {t('account.tokens.listTitle')}
        </Title>
        {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
        {tokens.isPending ? (
          <PageLoader />
        ) : tokens.error ? (
          <ErrorAlert error={tokens.error} />
        ) : items.length === 0 ? (
          <EmptyState title={t('account.tokens.emptyTitle')}>{t('account.tokens.emptyText')}</EmptyState>
        ) : (
          <ScrollRegion label={t('account.tokens.listTitle')}>
            <Table striped withTableBorder miw={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('account.tokens.name')}</Table.Th>
                  <Table.Th scope="col">{t('account.tokens.role')}</Table.Th>
                  <Table.Th scope="col">{t('account.tokens.created')}</Table.Th>
                  <Table.Th scope="col">{t('account.tokens.expiresAt')}</Table.Th>
                  <Table.Th scope="col">{t('account.tokens.lastUsed')}</Table.Th>
                  <Table.Th scope="col">{t('account.tokens.state')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((tk) => {
                  const state = tokenState(tk);
                  return (
                    <Table.Tr key={tk.id}>
                      <Table.Th scope="row" fw={600}>
                        {tk.name}
                        <Text size="xs" c="dimmed" ff="monospace">
                          thk_{tk.prefix}…
                        </Text>
                      </Table.Th>
                      <Table.Td>
                        {t(`roles.${tk.role}.name`)}
                        <Text size="xs" c="dimmed">
                          {scopeText({ scopeType: tk.scopeType, scopeId: tk.scopeId, scopeLabel: null }, t)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatDate(tk.createdAt, lang)}</Table.Td>
                      <Table.Td>{tk.expiresAt ? formatDate(tk.expiresAt, lang) : t('account.tokens.never')}</Table.Td>
                      <Table.Td>{tk.lastUsedAt ? formatDate(tk.lastUsedAt, lang, 'dateTime') : t('account.tokens.neverUsed')}</Table.Td>
                      <Table.Td>
                        <Badge color={state === 'active' ? 'ok' : 'gray'} variant="outline" tt="none">
                          {t(`account.tokens.states.${state}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {state === 'active' ? (
                          <Button
                            size="compact-sm"
                            color="red.9"
                            variant="outline"
                            onClick={() => revoke.mutate(tk.id)}
                            loading={revoke.isPending && revoke.variables === tk.id}
                            aria-label={t('account.tokens.revokeNamed', { name: tk.name })}
                          >
                            {t('account.tokens.revoke')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Stack>
    </Paper>
  );
}
