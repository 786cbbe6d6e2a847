import {
  Anchor,
  Button,
  FileInput,
  Group,
  NativeSelect,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ITEM_KINDS, ITEM_STATUSES } from '../../../../common/contracts/assessment.js';
import { exportItemsUrl, importItems, listItems } from '../../api/assessment.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { AuthorNav } from './author-nav.js';
import { pick, SampleBadge, StatusBadge, useFrameworkLabels } from './shared.js';

const PAGE_SIZE = 20;

function ImportForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('no file');
      const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
      return importItems(format, await file.text());
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['items'] }),
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap">
        <FileInput
          label={t('assessment.bank.importFile')}
          accept=".csv,.json,text/csv,application/json"
          value={file}
          onChange={setFile}
          w={280}
          clearable
        />
        <Button onClick={() => run.mutate()} disabled={!file} loading={run.isPending}>
          {t('assessment.bank.import')}
        </Button>
      </Group>
      <ErrorAlert error={run.error} />
      {run.data ? (
        run.data.errors.length === 0 ? (
          <Text role="status" c="ok.9">
            {t('assessment.bank.imported', { count: run.data.imported })}
          </Text>
        ) : (
          <Stack gap={2} role="alert">
            <Text c="red.8">{t('assessment.bank.importRefused', { count: run.data.errors.length })}</Text>
            {run.data.errors.slice(0, 20).map((e) => (
              <Text key={`${e.row}-${e.path}`} size="sm">
                {t('assessment.bank.importError', { row: e.row, path: e.path, message: e.message })}
              </Text>
            ))}
          </Stack>
        )
      ) : null}
    </Stack>
  );
}

/** The item bank for authors: filters, paging, the review queue, import and export. */
export default function ItemsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('assessment.bank.title'));
  const labels = useFrameworkLabels(lang);
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? '';
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const [q, setQ] = useState(get('q'));
  const view = get('view') || 'all';
  const page = Number(get('page') || 1);
  const query = {
    q: get('q') || undefined,
    status: get('status') || undefined,
    kind: get('kind') || undefined,
    skillAreaCode: get('area') || undefined,
    level: get('level') || undefined,
    reviewQueue: view === 'queue' ? 'true' : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const items = useQuery({ queryKey: ['items', query], queryFn: () => listItems(query) });
  const exportQuery = { status: query.status, skillAreaCode: query.skillAreaCode };
  return (
    <Stack gap="lg">
      <AuthorNav />
      <Group justify="space-between" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{t('assessment.bank.title')}</Title>
          <Text maw={720}>{t('assessment.bank.lead')}</Text>
        </Stack>
        <Button component={Link} to="/assessment/items/new">
          {t('assessment.bank.new')}
        </Button>
      </Group>
      <SegmentedControl
        value={view}
        onChange={(v) => set('view', v === 'all' ? '' : v)}
        data={[
          { value: 'all', label: t('assessment.bank.viewAll') },
          { value: 'queue', label: t('assessment.bank.viewQueue') },
        ]}
        aria-label={t('assessment.bank.viewLabel')}
        w="fit-content"
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          set('q', q.trim());
        }}
        aria-label={t('assessment.bank.filters')}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('assessment.bank.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={220} />
          <NativeSelect
            label={t('assessment.field.status')}
            value={get('status')}
            onChange={(e) => set('status', e.currentTarget.value)}
            data={[
              { value: '', label: t('assessment.bank.any') },
              ...ITEM_STATUSES.map((s) => ({ value: s, label: t(`assessment.status.${s}`) })),
            ]}
            disabled={view === 'queue'}
          />
          <NativeSelect
            label={t('assessment.field.kind')}
            value={get('kind')}
            onChange={(e) => set('kind', e.currentTarget.value)}
            data={[
              { value: '', label: t('assessment.bank.any') },
              ...ITEM_KINDS.map((k) => ({ value: k, label: t(`assessment.kind.${k}`) })),
            ]}
          />
          <NativeSelect
            label={t('assessment.field.skillArea')}
            value={get('area')}
            onChange={(e) => set('area', e.currentTarget.value)}
            data={[{ value: '', label: t('assessment.bank.any') }, ...labels.areas]}
          />
          <NativeSelect
            label={t('assessment.field.level')}
            value={get('level')}
            onChange={(e) => set('level', e.currentTarget.value)}
            data={[{ value: '', label: t('assessment.bank.any') }, ...labels.levels]}
          />
          <Button type="submit" variant="light">
            {t('assessment.bank.apply')}
          </Button>
        </Group>
      </form>
      {items.isPending ? <PageLoader /> : null}
      <ErrorAlert error={items.error} />
      {items.data ? (
        <section aria-labelledby="items-heading">
          <Title order={2} size="h3" id="items-heading" mb="sm">
            {t('assessment.bank.count', { count: items.data.total })}
          </Title>
          {items.data.items.length === 0 ? (
            <EmptyState title={view === 'queue' ? t('assessment.bank.queueEmpty') : t('assessment.bank.emptyTitle')}>
              {t('assessment.bank.emptyText')}
            </EmptyState>
          ) : (
            <ScrollRegion label={t('assessment.bank.title')}>
              <Table striped highlightOnHover miw={760}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assessment.field.stem')}</Table.Th>
                    <Table.Th>{t('assessment.field.kind')}</Table.Th>
                    <Table.Th>{t('assessment.field.skillArea')}</Table.Th>
                    <Table.Th>{t('assessment.field.level')}</Table.Th>
                    <Table.Th>{t('assessment.field.status')}</Table.Th>
                    <Table.Th>{t('assessment.field.author')}</Table.Th>
                    <Table.Th>{t('assessment.field.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.data.items.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td maw={360}>
                        <Anchor component={Link} to={`/assessment/items/${i.id}`} lineClamp={2}>
                          {pick(lang, i.stemTh, i.stemEn)}
                        </Anchor>
                        {i.isSample ? <SampleBadge /> : null}
                      </Table.Td>
                      <Table.Td>{t(`assessment.kind.${i.kind}`)}</Table.Td>
                      <Table.Td>{i.skillAreaCode}</Table.Td>
                      <Table.Td>{i.level}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={i.status} />{' '}
                        <Text span size="xs" c="dimmed">
                          v{i.version}
                        </Text>
                      </Table.Td>
                      <Table.Td>{i.authorName ?? '—'}</Table.Td>
                      <Table.Td>{formatDate(i.updatedAt, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
          {items.data.total > PAGE_SIZE ? (
            <Pagination
              mt="md"
              total={Math.ceil(items.data.total / PAGE_SIZE)}
              value={page}
              onChange={(p) => set('page', String(p))}
              getControlProps={(control) => ({ 'aria-label': t(`assessment.bank.page.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('assessment.bank.page.number', { page: formatNumber(p, lang) }) })}
            />
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="transfer-heading">
        <Title order={2} size="h3" id="transfer-heading" mb="xs">
          {t('assessment.bank.transfer')}
        </Title>
        <Text size="sm" mb="xs">
          {t('assessment.bank.transferLead')}
        </Text>
        <Group mb="sm">
          <Anchor href={exportItemsUrl('csv', exportQuery)} download>
            {t('assessment.bank.exportCsv')}
          </Anchor>
          <Anchor href={exportItemsUrl('json', exportQuery)} download>
            {t('assessment.bank.exportJson')}
          </Anchor>
        </Group>
        <ImportForm />
      </section>
    </Stack>
  );
}
