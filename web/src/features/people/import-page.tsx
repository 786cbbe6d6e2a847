import { Anchor, Badge, Box, Button, Code, Group, List, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { importContentType } from '../../api/catalog.js';
import { getImportColumns, type ImportColumns, type ImportSummary, listPersonImports, uploadPersonnel } from '../../api/people.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { csvCell } from '../catalog/error-report.js';
import { agencyName } from './labels.js';
import { peopleScope } from './scope.js';
import './messages.js';

/** The documented columns, one row each, with whether they are required and an example. */
export function ColumnsTable({ columns, caption }: { columns: ImportColumns['personnel']; caption: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <ScrollRegion label={caption}>
      <Table withTableBorder striped>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.import.column')}</Table.Th>
            <Table.Th scope="col">{t('people.import.meaning')}</Table.Th>
            <Table.Th scope="col">{t('people.import.example')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Th scope="row" fw={400}>
                <Code>{c.key}</Code>
                {c.required ? (
                  <Badge ml={6} size="xs" color="red.9" variant="outline" tt="none">
                    {t('people.import.required')}
                  </Badge>
                ) : null}
              </Table.Th>
              <Table.Td>{lang === 'th' ? c.th : c.en}</Table.Td>
              <Table.Td>
                <Code>{c.example}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** A CSV with the header row and one example row, as a link the browser saves (UTF-8 with BOM, for Excel). */
export function useTemplateUrl(columns: ImportColumns['personnel'] | undefined): string | null {
  return useMemo(() => {
    if (!columns) return null;
    const text = `\uFEFF${columns.map((c) => csvCell(c.key)).join(',')}\r\n${columns.map((c) => csvCell(c.example)).join(',')}\r\n`;
    return URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  }, [columns]);
}

export function ImportStatusBadge({ status }: { status: ImportSummary['status'] }) {
  const { t } = useTranslation();
  const color = { validating: 'blue.8', validated: 'ok', invalid: 'red.9', committed: 'ok', failed: 'red.9', expired: 'gray.8' }[status];
  return (
    <Badge color={color} variant="outline" tt="none" style={{ whiteSpace: 'normal', height: 'auto' }}>
      {t(`people.import.status.${status}`)}
    </Badge>
  );
}

function PastImports() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = useQuery({
    queryKey: ['person-imports'],
    queryFn: listPersonImports,
    refetchOnMount: 'always',
    // A file still being checked changes its status by itself.
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === 'validating') ? 2000 : false),
  });
  if (list.isPending) return <PageLoader />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const items = list.data.items;
  if (items.length === 0) return <EmptyState title={t('people.import.noPastTitle')}>{t('people.import.noPast')}</EmptyState>;
  return (
    <>
      <Stack gap="xs" component="ul" className="result-list" hiddenFrom="sm" aria-label={t('people.import.pastTitle')}>
        {items.map((job) => (
          <Paper key={job.id} withBorder p="sm" component="li">
            <Group justify="space-between" gap={4} align="flex-start" wrap="nowrap">
              <Anchor component={Link} to={`/people/imports/${job.id}`} underline="always" style={{ overflowWrap: 'anywhere' }}>
                {job.fileName || t('people.import.unnamed')}
              </Anchor>
              <ImportStatusBadge status={job.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {formatDate(job.createdAt, lang, 'dateTime')} · {job.createdBy.displayName}
            </Text>
            <Text size="sm">
              {t('people.import.rows')}: {formatNumber(job.totalRows, lang)}
              {job.errorCount > 0
                ? ` · ${t('people.import.errorCount', { count: job.errorCount, formatted: formatNumber(job.errorCount, lang) })}`
                : ''}
            </Text>
          </Paper>
        ))}
      </Stack>
      <Box visibleFrom="sm">
        <ScrollRegion label={t('people.import.pastTitle')}>
          <Table withTableBorder striped>
            <caption className="visually-hidden">{t('people.import.pastTitle')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.import.file')}</Table.Th>
                <Table.Th scope="col">{t('people.import.uploaded')}</Table.Th>
                <Table.Th scope="col">{t('people.import.statusLabel')}</Table.Th>
                <Table.Th scope="col">{t('people.import.rows')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/people/imports/${job.id}`} underline="always">
                      {job.fileName || t('people.import.unnamed')}
                    </Anchor>
                    {job.scopeAgency ? (
                      <Text size="xs" c="dimmed">
                        {agencyName(job.scopeAgency, lang)}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>
                    {formatDate(job.createdAt, lang, 'dateTime')}
                    <Text size="xs" c="dimmed">
                      {job.createdBy.displayName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ImportStatusBadge status={job.status} />
                  </Table.Td>
                  <Table.Td>
                    {formatNumber(job.totalRows, lang)}
                    {job.errorCount > 0 ? (
                      <Text size="xs" c="red.9">
                        {t('people.import.errorCount', { count: job.errorCount, formatted: formatNumber(job.errorCount, lang) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Box>
    </>
  );
}

/**
 * HR uploads a personnel file (CSV or XLSX). The server checks it in the background; the job's page
 * shows the progress, then the errors by row or the summary to commit.
 */
export default function PeopleImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('people.import.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const scope = peopleScope(session);
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [agencyId, setAgencyId] = useState(scope.hrRoots[0]?.id ?? '');
  const columns = useQuery({ queryKey: ['import-columns'], queryFn: getImportColumns, staleTime: Number.POSITIVE_INFINITY });
  const templateUrl = useTemplateUrl(columns.data?.personnel);
  const upload = useMutation({
    mutationFn: (f: File) =>
      uploadPersonnel(f, importContentType(f) as string, { agencyId: agencyId || undefined, fileName: f.name.slice(0, 200) }),
    onSuccess: (job) => {
      // The job's page starts from this answer (validating, 0%) and polls from there.
      queryClient.setQueryData(['person-import', job.id, 1], job);
      void queryClient.invalidateQueries({ queryKey: ['person-imports'] });
      navigate(`/people/imports/${job.id}`);
    },
  });

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.currentTarget.files?.[0] ?? null;
    upload.reset();
    setFile(null);
    setFileError(null);
    if (!f) return;
    if (!importContentType(f)) setFileError(t('people.import.badType'));
    else if (f.size === 0) setFileError(t('people.import.emptyFile'));
    else setFile(f);
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('people.import.title')}</Title>
        <Text maw={760}>{t('people.import.lead')}</Text>
      </Stack>

      <Paper withBorder p="md" component="section" aria-labelledby="import-how">
        <Title order={2} size="h4" id="import-how" mb="xs">
          {t('people.import.howTitle')}
        </Title>
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>{t('people.import.step1')}</List.Item>
          <List.Item>{t('people.import.step2')}</List.Item>
          <List.Item>{t('people.import.step3')}</List.Item>
          <List.Item>{t('people.import.step4')}</List.Item>
        </List>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="import-file">
        <Title order={2} size="h4" id="import-file" mb="xs">
          {t('people.import.fileTitle')}
        </Title>
        <Stack gap="sm">
          {scope.hrRoots.length > 1 ? (
            <NativeSelect
              label={t('people.import.agency')}
              value={agencyId}
              maw={480}
              onChange={(e) => setAgencyId(e.currentTarget.value)}
              data={scope.hrRoots.map((r) => ({ value: r.id, label: r.label }))}
            />
          ) : scope.hrRoots[0] ? (
            <Text size="sm">{t('people.import.agencyFixed', { agency: scope.hrRoots[0].label })}</Text>
          ) : (
            <Text size="sm">{t('people.import.national')}</Text>
          )}
          <div>
            <label htmlFor={inputId}>
              <Text size="sm" fw={500}>
                {t('people.import.fileLabel')}
              </Text>
            </label>
            <Text size="xs" c="dimmed" id={`${inputId}-hint`}>
              {t('people.import.fileHint')}
            </Text>
            <input
              id={inputId}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`${inputId}-hint`}
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
            <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
              {t('people.import.upload')}
            </Button>
          </Group>
          <ErrorAlert error={upload.error} />
        </Stack>
      </Paper>

      <Box component="section" aria-labelledby="import-past">
        <Title order={2} size="h3" id="import-past" mb="sm">
          {t('people.import.pastTitle')}
        </Title>
        <PastImports />
      </Box>

      <Paper withBorder p="md" component="section" aria-labelledby="import-columns">
        <Group justify="space-between" align="center" mb="xs">
          <Title order={2} size="h4" id="import-columns">
            {t('people.import.columnsTitle')}
          </Title>
          {templateUrl ? (
            <Anchor href={templateUrl} download="thaksa-personnel-template.csv" underline="always">
              {t('people.import.template')}
            </Anchor>
          ) : null}
        </Group>
        <Text size="sm" mb="sm">
          {t('people.import.columnsLead')}
        </Text>
        <ErrorAlert error={columns.error} />
        {columns.data ? <ColumnsTable columns={columns.data.personnel} caption={t('people.import.columnsTitle')} /> : null}
      </Paper>
    </Stack>
  );
}
