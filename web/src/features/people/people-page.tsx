import { Anchor, Badge, Box, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { TOTAL_CAP } from '../../../../common/contracts/people.js';
import { EMPLOYMENT_STATUS_CODES, POSITION_TYPE_CODES, TARGET_GROUP_CODES } from '../../../../common/people-rules.js';
import { listPersonnel, type PersonnelFilters, type PersonSummary, personnelExportUrl } from '../../api/people.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatNumber } from '../../lib/format.js';
import { currentLanguage, type Language } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { AgencyPicker } from './agency-picker.js';
import { agencyName, personName, positionTypeLabel, statusLabel, targetGroupLabel } from './labels.js';
import { peopleScope } from './scope.js';
import './messages.js';

const PAGE_SIZE = 20;
const FILTER_KEYS = ['agency', 'q', 'targetGroup', 'isIt', 'status', 'positionType'] as const;

function filtersOf(params: URLSearchParams, defaultAgency: string): PersonnelFilters {
  const get = (k: string) => params.get(k) || undefined;
  const isIt = get('isIt');
  return {
    agencyId: get('agency') ?? (defaultAgency || undefined),
    q: get('q'),
    targetGroup: get('targetGroup'),
    isIt: isIt === 'true' || isIt === 'false' ? isIt : undefined,
    status: get('status'),
    positionType: get('positionType'),
  };
}

/** "พบ 55 คน", or "มากกว่า 10,000 คน" when the server stopped counting text matches. */
export function totalText(total: number, capped: boolean, lang: Language, t: ReturnType<typeof useTranslation>['t']) {
  return capped
    ? t('people.list.totalCapped', { count: TOTAL_CAP, formatted: `${formatNumber(TOTAL_CAP, lang)}+` })
    : t('people.list.total', { count: total, formatted: formatNumber(total, lang) });
}

function StatusBadge({ person }: { person: PersonSummary }) {
  const lang = currentLanguage();
  if (person.employmentStatus === 'active') return null;
  return (
    <Badge variant="outline" color="gray.8" tt="none">
      {statusLabel(person.employmentStatus, lang)}
    </Badge>
  );
}

function PersonRows({ items }: { items: PersonSummary[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <>
      <Box visibleFrom="sm">
        <ScrollRegion label={t('people.list.tableLabel')}>
          <Table withTableBorder striped highlightOnHover>
            <caption className="visually-hidden">{t('people.list.tableLabel')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.field.name')}</Table.Th>
                <Table.Th scope="col">{t('people.field.citizenId')}</Table.Th>
                <Table.Th scope="col">{t('people.field.position')}</Table.Th>
                <Table.Th scope="col">{t('people.field.agency')}</Table.Th>
                <Table.Th scope="col">{t('people.field.targetGroup')}</Table.Th>
                <Table.Th scope="col">{t('people.field.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/people/${p.id}`} underline="always">
                      {personName(p, lang)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {p.citizenIdMasked}
                  </Table.Td>
                  <Table.Td>
                    {p.positionTh}
                    {p.isIt ? (
                      <Badge ml={6} size="sm" variant="light" tt="none">
                        {t('people.field.it')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{agencyName(p.agency, lang)}</Table.Td>
                  <Table.Td>{targetGroupLabel(p.targetGroupCode, t)}</Table.Td>
                  <Table.Td>{statusLabel(p.employmentStatus, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Box>
      <Stack gap="xs" component="ul" className="result-list" hiddenFrom="sm" aria-label={t('people.list.tableLabel')}>
        {items.map((p) => (
          <Paper key={p.id} withBorder p="sm" component="li">
            <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/people/${p.id}`} underline="always" fw={600}>
                {personName(p, lang)}
              </Anchor>
              <StatusBadge person={p} />
            </Group>
            <Text size="sm">{p.positionTh}</Text>
            <Text size="sm" c="dimmed">
              {agencyName(p.agency, lang)}
            </Text>
            <Text size="sm" c="dimmed">
              {targetGroupLabel(p.targetGroupCode, t)}
              {p.isIt ? ` · ${t('people.field.it')}` : ''}
            </Text>
            <Text size="sm" ff="monospace">
              {p.citizenIdMasked}
            </Text>
          </Paper>
        ))}
      </Stack>
    </>
  );
}

/**
 * Personnel of the caller's subtree in Thai name order: pick an agency, filter, search; pages follow a
 * cursor (next and previous), totals come from the roll-ups, citizen IDs are masked, and the same view
 * downloads as CSV (audit-logged).
 */
export default function PeoplePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('people.list.title'));
  const { session } = useSession();
  const scope = peopleScope(session);
  const [params, setParams] = useSearchParams();
  const defaultAgency = scope.roots[0]?.id ?? '';
  const filters = filtersOf(params, defaultAgency);
  const filterKey = FILTER_KEYS.map((k) => params.get(k) ?? '').join('|');
  // The cursors of the pages before this one: "previous" pops, a new filter starts again.
  const [cursors, setCursors] = useState<string[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter is the trigger
  useEffect(() => {
    setCursors([]);
    setCursor(undefined);
  }, [filterKey]);
  const [text, setText] = useState(params.get('q') ?? '');
  const [debouncedText] = useDebouncedValue(text, 400);

  const list = useQuery({
    queryKey: ['personnel', filters, cursor ?? ''],
    queryFn: () => listPersonnel({ ...filters, cursor, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: typing settles, then the URL follows
  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedText.trim()) setParam('q', debouncedText.trim());
  }, [debouncedText]);

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setParam('q', text.trim());
  };
  const page = cursors.length + 1;
  const next = () => {
    if (!list.data?.nextCursor) return;
    setCursors([...cursors, cursor ?? '']);
    setCursor(list.data.nextCursor);
  };
  const previous = () => {
    const stack = [...cursors];
    const prev = stack.pop();
    setCursors(stack);
    setCursor(prev || undefined);
  };
  const within = scope.national ? undefined : (scope.roots.find((r) => r.id === filters.agencyId)?.id ?? defaultAgency);
  const options = (codes: readonly string[], label: (c: string) => string) => [
    { value: '', label: t('common.all') },
    ...codes.map((c) => ({ value: c, label: label(c) })),
  ];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('people.list.title')}</Title>
          <Text maw={760}>{t('people.list.lead')}</Text>
        </Stack>
        {scope.manages ? (
          <Group gap="xs">
            <Button component={Link} to="/people/imports" variant="light">
              {t('nav.peopleImport')}
            </Button>
            <Button component={Link} to="/agencies" variant="subtle">
              {t('nav.agencies')}
            </Button>
          </Group>
        ) : null}
      </Group>

      <Paper withBorder p="md" component="section" aria-labelledby="people-filters">
        <Title order={2} size="h4" id="people-filters" mb="xs">
          {t('people.list.filters')}
        </Title>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Box style={{ flex: '1 1 18rem' }}>
              <AgencyPicker
                label={t('people.list.agency')}
                description={t('people.list.agencyHint')}
                value={filters.agencyId ?? ''}
                within={within}
                clearable={scope.national}
                onChange={(id) => setParam('agency', id)}
              />
            </Box>
            <form onSubmit={onSearch} style={{ flex: '1 1 18rem' }}>
              <TextInput
                label={t('people.list.search')}
                description={t('people.list.searchHint')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                type="search"
              />
            </form>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <NativeSelect
              label={t('people.field.targetGroup')}
              value={filters.targetGroup ?? ''}
              onChange={(e) => setParam('targetGroup', e.currentTarget.value)}
              data={options(TARGET_GROUP_CODES, (c) => targetGroupLabel(c, t))}
            />
            <NativeSelect
              label={t('people.list.itFilter')}
              value={filters.isIt ?? ''}
              onChange={(e) => setParam('isIt', e.currentTarget.value)}
              data={[
                { value: '', label: t('common.all') },
                { value: 'true', label: t('people.list.itOnly') },
                { value: 'false', label: t('people.list.nonIt') },
              ]}
            />
            <NativeSelect
              label={t('people.field.status')}
              value={filters.status ?? ''}
              onChange={(e) => setParam('status', e.currentTarget.value)}
              data={options(EMPLOYMENT_STATUS_CODES, (c) => statusLabel(c, lang))}
            />
            <NativeSelect
              label={t('people.field.positionType')}
              value={filters.positionType ?? ''}
              onChange={(e) => setParam('positionType', e.currentTarget.value)}
              data={options(POSITION_TYPE_CODES, (c) => positionTypeLabel(c, lang))}
            />
          </SimpleGrid>
        </Stack>
      </Paper>

      <section aria-labelledby="people-results" data-ready={list.isFetching ? undefined : filterKey}>
        <Group justify="space-between" align="center" mb="sm" gap="sm">
          <Title order={2} size="h3" id="people-results">
            {t('people.list.results')}
          </Title>
          <Group gap="md">
            <Anchor href={personnelExportUrl(filters)} download underline="always">
              {t('people.list.exportCsv')}
            </Anchor>
            {scope.isHr ? (
              <Anchor href={personnelExportUrl(filters, true)} download underline="always">
                {t('people.list.exportFull')}
              </Anchor>
            ) : null}
          </Group>
        </Group>
        <ErrorAlert error={list.error} />
        {list.data ? (
          <Stack gap="sm">
            <Text role="status" fw={600}>
              {totalText(list.data.total, list.data.isTotalCapped, lang, t)}
            </Text>
            {list.data.items.length === 0 ? (
              <EmptyState title={t('people.list.emptyTitle')}>
                {scope.manages ? t('people.list.emptyManage') : t('people.list.emptyRead')}
              </EmptyState>
            ) : (
              <PersonRows items={list.data.items} />
            )}
            <Group justify="space-between" component="nav" aria-label={t('people.list.paging')}>
              <Button variant="default" onClick={previous} disabled={page === 1 || list.isFetching}>
                {t('common.pagination.previous')}
              </Button>
              <Text size="sm">{t('common.pagination.page', { page })}</Text>
              <Button variant="default" onClick={next} disabled={!list.data.nextCursor || list.isFetching}>
                {t('common.pagination.next')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('people.list.exportNote')}
            </Text>
          </Stack>
        ) : list.isPending ? (
          <PageLoader />
        ) : null}
      </section>
    </Stack>
  );
}
