import {
  Alert,
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { findProvince } from '../../../../common/provinces.js';
import { importContentType } from '../../api/catalog.js';
import { type AgencyImportReport, getAgency, getImportColumns, importAgencies, listAgencies } from '../../api/people.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { AgencyFormModal, MoveAgencyModal } from './agency-modals.js';
import { AgencyResults, TreeNode } from './agency-tree.js';
import { ColumnsTable, useTemplateUrl } from './import-page.js';
import { agencyName } from './labels.js';
import { type PeopleScope, peopleScope } from './scope.js';
import './messages.js';

function RootNode({ id, selected, onSelect }: { id: string; selected: string; onSelect: (id: string) => void }) {
  const root = useQuery({ queryKey: ['agency', id], queryFn: () => getAgency(id), staleTime: 60_000 });
  if (root.error) return <ErrorAlert error={root.error} />;
  if (!root.data) return null;
  return <TreeNode agency={root.data} selected={selected} onSelect={onSelect} initiallyOpen />;
}

function Tree({ scope, selected, onSelect }: { scope: PeopleScope; selected: string; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const top = useQuery({
    queryKey: ['agencies', 'root'],
    queryFn: () => listAgencies({ parentId: 'root', pageSize: 100 }),
    enabled: scope.national,
  });
  if (!scope.national) {
    return (
      <ul className="agency-tree">
        {scope.roots.map((r) => (
          <RootNode key={r.id} id={r.id} selected={selected} onSelect={onSelect} />
        ))}
      </ul>
    );
  }
  if (top.error) return <ErrorAlert error={top.error} />;
  if (!top.data) return <PageLoader />;
  return (
    <>
      <ul className="agency-tree">
        {top.data.items.map((a) => (
          <TreeNode key={a.id} agency={a} selected={selected} onSelect={onSelect} />
        ))}
      </ul>
      {top.data.total > top.data.items.length ? (
        <Text size="xs" c="dimmed">
          {t('people.agencies.more', {
            count: top.data.total - top.data.items.length,
            formatted: formatNumber(top.data.total - top.data.items.length, lang),
          })}
        </Text>
      ) : null}
    </>
  );
}

function Details({ id, scope, onSelect }: { id: string; scope: PeopleScope; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const agency = useQuery({ queryKey: ['agency', id], queryFn: () => getAgency(id) });
  const [dialog, setDialog] = useState<'edit' | 'add' | 'move' | null>(null);
  const [moved, setMoved] = useState(false);
  if (agency.isPending) return <PageLoader />;
  if (agency.error) return <ErrorAlert error={agency.error} />;
  const a = agency.data;
  const province = findProvince(a.provinceCode);
  const within = scope.national ? undefined : scope.hrRoots[0]?.id;
  return (
    <Stack gap="sm">
      {a.ancestors.length ? (
        <Box component="nav" aria-label={t('people.agencies.breadcrumb')}>
          <Breadcrumbs separator="›">
            {a.ancestors.map((p) => (
              <Anchor key={p.id} component="button" type="button" size="sm" onClick={() => onSelect(p.id)}>
                {agencyName(p, lang)}
              </Anchor>
            ))}
          </Breadcrumbs>
        </Box>
      ) : null}
      <Title order={2} size="h3" id="agency-details">
        {agencyName(a, lang)}
      </Title>
      {moved ? (
        <Alert color="ok" variant="light" role="status">
          {t('people.agencies.moved')}
        </Alert>
      ) : null}
      <Table className="facts-table" variant="vertical" layout="fixed">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" w="40%">
              {t('people.agencies.code')}
            </Table.Th>
            <Table.Td>
              <Code>{a.code}</Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('people.agencies.nameTh')}</Table.Th>
            <Table.Td lang="th">{a.nameTh}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('people.agencies.nameEn')}</Table.Th>
            <Table.Td lang="en">{a.nameEn}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('people.agencies.kind')}</Table.Th>
            <Table.Td>{t(`users.grant.agencyKind.${a.kind}`)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('people.agencies.province')}</Table.Th>
            <Table.Td>{province ? (lang === 'th' ? province.nameTh : province.nameEn) : t('common.none')}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('people.agencies.children')}</Table.Th>
            <Table.Td>{formatNumber(a.childCount, lang)}</Table.Td>
          </Table.Tr>
          {a.headcount !== null ? (
            <Table.Tr>
              <Table.Th scope="row">{t('people.agencies.headcount')}</Table.Th>
              <Table.Td>{formatNumber(a.headcount, lang)}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        {a.abilities.listPeople ? (
          <Button component={Link} to={`/people?agency=${a.id}`} variant="light">
            {t('people.agencies.people')}
          </Button>
        ) : null}
        {a.abilities.update ? (
          <Button variant="default" onClick={() => setDialog('edit')}>
            {t('people.agencies.edit')}
          </Button>
        ) : null}
        {a.abilities.createChild ? (
          <Button variant="default" onClick={() => setDialog('add')}>
            {t('people.agencies.add')}
          </Button>
        ) : null}
        {a.abilities.move ? (
          <Button variant="default" onClick={() => setDialog('move')}>
            {t('people.agencies.move')}
          </Button>
        ) : null}
      </Group>
      {dialog === 'edit' ? <AgencyFormModal agency={a} onDone={() => setDialog(null)} onClose={() => setDialog(null)} /> : null}
      {dialog === 'add' ? (
        <AgencyFormModal
          parent={a}
          onDone={(newId) => {
            setDialog(null);
            onSelect(newId);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'move' ? (
        <MoveAgencyModal
          agency={a}
          within={within}
          onDone={() => {
            setDialog(null);
            setMoved(true);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Stack>
  );
}

function ImportErrors({ report }: { report: AgencyImportReport }) {
  const { t } = useTranslation();
  const caption = t('people.agencies.importErrors', { count: report.errorCount });
  return (
    <ScrollRegion label={caption}>
      <Table withTableBorder striped>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.import.row')}</Table.Th>
            <Table.Th scope="col">{t('people.import.column')}</Table.Th>
            <Table.Th scope="col">{t('people.import.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.errors.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row may carry several errors
            <Table.Tr key={`${e.row}-${i}`}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.column ? <Code>{e.column}</Code> : t('common.none')}</Table.Td>
              <Table.Td lang="en">{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** Agencies from a CSV or XLSX file by parent code: check first, then import; nothing is written if any row is wrong. */
function AgencyImport() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const columns = useQuery({ queryKey: ['import-columns'], queryFn: getImportColumns, staleTime: Number.POSITIVE_INFINITY });
  const templateUrl = useTemplateUrl(columns.data?.agencies);
  const run = useMutation({
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) => importAgencies(f, importContentType(f) as string, dryRun),
    onSuccess: (r) => {
      if (r.committed) {
        void queryClient.invalidateQueries({ queryKey: ['agency-children'] });
        void queryClient.invalidateQueries({ queryKey: ['agencies'] });
        void queryClient.invalidateQueries({ queryKey: ['agency'] });
      }
    },
  });
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.currentTarget.files?.[0] ?? null;
    run.reset();
    setFile(null);
    setFileError(null);
    if (!f) return;
    if (!importContentType(f)) setFileError(t('people.import.badType'));
    else setFile(f);
  };
  const r = run.data;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agency-import">
      <Group justify="space-between" align="center" mb="xs">
        <Title order={2} size="h4" id="agency-import">
          {t('people.agencies.importTitle')}
        </Title>
        {templateUrl ? (
          <Anchor href={templateUrl} download="thaksa-agencies-template.csv" underline="always">
            {t('people.import.template')}
          </Anchor>
        ) : null}
      </Group>
      <Stack gap="sm">
        <Text size="sm">{t('people.agencies.importLead')}</Text>
        {columns.data ? <ColumnsTable columns={columns.data.agencies} caption={t('people.agencies.importColumns')} /> : null}
        <div>
          <label htmlFor={inputId}>
            <Text size="sm" fw={500}>
              {t('people.import.fileLabel')}
            </Text>
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            onChange={onFile}
            className="file-input"
          />
          {fileError ? (
            <Text size="sm" c="red" role="alert" mt={4}>
              {fileError}
            </Text>
          ) : null}
        </div>
        <Group gap="sm">
          <Button
            variant="light"
            disabled={!file}
            loading={run.isPending && run.variables?.dryRun}
            onClick={() => file && run.mutate({ f: file, dryRun: true })}
          >
            {t('people.agencies.check')}
          </Button>
          <Button
            disabled={!file}
            loading={run.isPending && !run.variables?.dryRun}
            onClick={() => file && run.mutate({ f: file, dryRun: false })}
          >
            {t('people.agencies.import')}
          </Button>
        </Group>
        <ErrorAlert error={run.error} />
        {r && r.errorCount > 0 ? (
          <>
            <Alert color="red" variant="light" role="alert" title={t('people.agencies.importInvalid', { count: r.errorCount })}>
              {t('people.agencies.importNothing', { rows: n(r.rows) })}
            </Alert>
            <ImportErrors report={r} />
          </>
        ) : null}
        {r && r.errorCount === 0 ? (
          <Alert color="ok" variant="light" role="status">
            {r.committed
              ? t('people.agencies.imported', { created: n(r.created), updated: n(r.updated) })
              : t('people.agencies.checked', { rows: n(r.rows), created: n(r.created), updated: n(r.updated) })}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The agency tree of the caller's reach: open and close branches, search, and (HR, system admins) change it. */
export default function AgenciesPage() {
  const { t } = useTranslation();
  usePageTitle(t('people.agencies.title'));
  const { session } = useSession();
  const scope = peopleScope(session);
  const [params, setParams] = useSearchParams();
  const selected = params.get('agency') ?? '';
  const select = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('agency', id);
    setParams(next);
  };
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), 300);
  const within = scope.national ? undefined : scope.roots[0]?.id;
  const results = useQuery({
    queryKey: ['agencies', 'search', within ?? '', term],
    queryFn: () => listAgencies({ q: term, within, pageSize: 30 }),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
  });
  const [adding, setAdding] = useState(false);
  const canAddTop = session.roles.some((r) => r.role === 'system_admin');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('people.agencies.title')}</Title>
          <Text maw={760}>{scope.manages ? t('people.agencies.leadManage') : t('people.agencies.leadRead')}</Text>
        </Stack>
        {canAddTop ? (
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('people.agencies.addTop')}
          </Button>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="agency-tree">
          <Title order={2} size="h4" id="agency-tree" mb="xs">
            {t('people.agencies.tree')}
          </Title>
          <TextInput
            label={t('people.agencies.search')}
            description={t('people.agencies.searchHint')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            mb="sm"
          />
          {term ? (
            <Box>
              <Text size="sm" role="status" mb="xs">
                {results.data ? t('people.agencies.found', { count: results.data.total }) : t('common.loading')}
              </Text>
              <ErrorAlert error={results.error} />
              {results.data ? <AgencyResults items={results.data.items} selected={selected} onSelect={select} /> : null}
            </Box>
          ) : (
            <Tree scope={scope} selected={selected} onSelect={select} />
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="agency-details">
          {selected ? (
            <Details key={selected} id={selected} scope={scope} onSelect={select} />
          ) : (
            <>
              <Title order={2} size="h4" id="agency-details">
                {t('people.agencies.detailsTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('people.agencies.pick')}
              </Text>
            </>
          )}
        </Paper>
      </SimpleGrid>
      {scope.manages ? <AgencyImport /> : null}
      {adding ? (
        <AgencyFormModal
          parent={null}
          onDone={(id) => {
            setAdding(false);
            select(id);
          }}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </Stack>
  );
}
