import { Anchor, Button, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type AuditEntry, listAuditEntries } from '../../api/audit.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';

const LIMIT = 50;

const PREVIEW_CHARS = 160;

function summaryText(summary: AuditEntry['summary']): string {
  return Object.entries(summary)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}

/** Short summaries inline; long ones (before/after snapshots) as a preview that opens to the full JSON. */
function Summary({ summary }: { summary: AuditEntry['summary'] }) {
  const { t } = useTranslation();
  const text = summaryText(summary);
  if (text.length <= PREVIEW_CHARS) {
    return (
      <Text size="xs" ff="monospace">
        {text}
      </Text>
    );
  }
  return (
    <details>
      <summary>
        <Text span size="xs" ff="monospace">
          {text.slice(0, PREVIEW_CHARS)}… ({t('audit.showAll')})
        </Text>
      </summary>
      <Code block fz="xs" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {JSON.stringify(summary, null, 2)}
      </Code>
    </details>
  );
}

/** The tamper-evident log, newest first, filtered by subject; older entries load on demand. */
export default function AuditPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('audit.title'));
  const [params, setParams] = useSearchParams();
  const subjectType = params.get('subjectType') ?? '';
  const subjectId = params.get('subjectId') ?? '';
  const [draft, setDraft] = useState({ subjectType, subjectId });
  // Links in the table change the filter through the URL; keep the form showing it.
  useEffect(() => setDraft({ subjectType, subjectId }), [subjectType, subjectId]);

  const query = useInfiniteQuery({
    queryKey: ['audit', { subjectType, subjectId }],
    queryFn: ({ pageParam }) =>
      listAuditEntries({ subjectType: subjectType || undefined, subjectId: subjectId || undefined, before: pageParam, limit: LIMIT }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.subjectType.trim()) next.set('subjectType', draft.subjectType.trim());
    if (draft.subjectId.trim()) next.set('subjectId', draft.subjectId.trim());
    setParams(next);
  };

  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('audit.title')}</Title>
        <Text>{t('audit.lead')}</Text>
      </Stack>
      <search aria-label={t('audit.filterLabel')}>
        <form onSubmit={onFilter}>
          <Group gap="md" align="flex-end" wrap="wrap">
            <TextInput
              label={t('audit.subjectType')}
              description={t('audit.subjectTypeHelp')}
              value={draft.subjectType}
              onChange={(e) => setDraft({ ...draft, subjectType: e.currentTarget.value })}
              w={{ base: '100%', sm: 220 }}
            />
            <TextInput
              label={t('audit.subjectId')}
              value={draft.subjectId}
              onChange={(e) => setDraft({ ...draft, subjectId: e.currentTarget.value })}
              w={{ base: '100%', sm: 340 }}
            />
            <Button type="submit">{t('audit.apply')}</Button>
          </Group>
        </form>
      </search>
      {query.isPending ? (
        <PageLoader />
      ) : query.error && entries.length === 0 ? (
        <ErrorAlert error={query.error} />
      ) : entries.length === 0 ? (
        <EmptyState title={t('audit.emptyTitle')}>{t('audit.emptyText')}</EmptyState>
      ) : (
        <Stack gap="sm">
          <ScrollRegion label={t('audit.title')}>
            <Table striped withTableBorder miw={960} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">#</Table.Th>
                  <Table.Th scope="col">{t('audit.col.at')}</Table.Th>
                  <Table.Th scope="col">{t('audit.col.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.col.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.col.subject')}</Table.Th>
                  <Table.Th scope="col">{t('audit.col.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.seq} data-action={e.action}>
                    <Table.Td>{e.seq}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.at, lang, 'dateTime')}</Table.Td>
                    <Table.Td miw={160}>{e.actorLabel}</Table.Td>
                    <Table.Td miw={180}>
                      <Text size="sm" fw={600}>
                        {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                      </Text>
                      <Code>{e.action}</Code>
                    </Table.Td>
                    <Table.Td miw={150}>
                      <Text size="sm">{e.subjectType}</Text>
                      <Anchor
                        component={Link}
                        to={`?${new URLSearchParams({ subjectType: e.subjectType, subjectId: e.subjectId })}`}
                        size="xs"
                        ff="monospace"
                        aria-label={t('audit.filterBySubject', { type: e.subjectType, id: e.subjectId })}
                      >
                        {e.subjectId.length > 13 ? `${e.subjectId.slice(0, 8)}…` : e.subjectId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Summary summary={e.summary} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {query.error ? <ErrorAlert error={query.error} /> : null}
          {query.hasNextPage ? (
            <div>
              <Button variant="outline" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
                {t('audit.loadMore')}
              </Button>
            </div>
          ) : (
            <Text size="sm" c="dimmed">
              {t('audit.end')}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
