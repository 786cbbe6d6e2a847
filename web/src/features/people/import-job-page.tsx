import { Alert, Anchor, Breadcrumbs, Button, Code, Group, Pagination, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PERSON_IMPORT_COLUMNS } from '../../../../common/contracts/people.js';
import { commitPersonImport, getPersonImport, importErrorsUrl, type PersonImportView } from '../../api/people.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { NotFoundPage } from '../../components/status-page.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { ImportStatusBadge } from './import-page.js';
import { agencyName } from './labels.js';
import './messages.js';

const ERRORS_PAGE_SIZE = 20;
const COLUMN_TEXT = new Map(PERSON_IMPORT_COLUMNS.map((c) => [c.key, c]));

function ErrorsTable({ job, page, setPage }: { job: PersonImportView; page: number; setPage: (n: number) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const pages = Math.max(1, Math.ceil(job.errorCount / ERRORS_PAGE_SIZE));
  // The server gives each problem a stable code; Thai readers get the code's sentence, the English message is the fallback.
  const textOf = (e: PersonImportView['errors'][number]) =>
    lang === 'en' ? e.message : t(`people.import.rowErrors.${e.code}`, { defaultValue: e.message });
  const caption = t('people.import.errorsCaption', { count: job.errorCount, formatted: formatNumber(job.errorCount, lang) });
  return (
    <Stack gap="sm">
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
            {job.errors.map((e, i) => {
              const col = e.column ? COLUMN_TEXT.get(e.column) : undefined;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: one row may carry several errors on the same column
                <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>
                    {e.column ? <Code>{e.column}</Code> : t('common.none')}
                    {col ? (
                      <Text size="xs" c="dimmed">
                        {lang === 'th' ? col.th.split(/[:(;]/)[0] : col.en.split(/[:(;]/)[0]}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {textOf(e)}
                    {lang === 'th' ? (
                      <Text size="xs" c="dimmed" lang="en">
                        {e.message}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
          getItemProps={(n) => ({ 'aria-label': t('common.pagination.page', { page: n }) })}
        />
      ) : null}
    </Stack>
  );
}

function Counts({ job }: { job: PersonImportView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const n = (v: number) => formatNumber(v, lang);
  return (
    <Table className="facts-table" variant="vertical" maw={520}>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row">{t('people.import.rows')}</Table.Th>
          <Table.Td>{n(job.totalRows)}</Table.Td>
        </Table.Tr>
        {job.status === 'committed' ? (
          <>
            <Table.Tr>
              <Table.Th scope="row">{t('people.import.created')}</Table.Th>
              <Table.Td>{n(job.created)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('people.import.updated')}</Table.Th>
              <Table.Td>{n(job.updated)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('people.import.invited')}</Table.Th>
              <Table.Td>{n(job.invited)}</Table.Td>
            </Table.Tr>
          </>
        ) : (
          <>
            <Table.Tr>
              <Table.Th scope="row">{t('people.import.toCreate')}</Table.Th>
              <Table.Td>{n(job.toCreate)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('people.import.toUpdate')}</Table.Th>
              <Table.Td>{n(job.toUpdate)}</Table.Td>
            </Table.Tr>
          </>
        )}
      </Table.Tbody>
    </Table>
  );
}

/**
 * One personnel import: a progress bar while the server checks the file, then either its errors by row
 * (paged, with the whole list as CSV) or a summary and the Commit button; after the commit, the counts.
 */
export default function PeopleImportJobPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('people.import.jobTitle'));
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const job = useQuery({
    queryKey: ['person-import', id, page],
    queryFn: () => getPersonImport(id, page, ERRORS_PAGE_SIZE),
    placeholderData: keepPreviousData,
    // Poll while the background validation runs; stop once it has an outcome.
    refetchInterval: (q) => (q.state.data?.status === 'validating' ? 1000 : false),
  });
  const commit = useMutation({
    mutationFn: () => commitPersonImport(id),
    onSuccess: (done) => {
      queryClient.setQueryData(['person-import', id, page], done);
      void queryClient.invalidateQueries({ queryKey: ['person-imports'] });
      void queryClient.invalidateQueries({ queryKey: ['personnel'] });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ['person-import', id] }),
  });

  if (job.isPending) return <PageLoader />;
  if (job.error || !job.data) {
    if ((job.error as { status?: number } | null)?.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={job.error} />;
  }
  const j = job.data;
  const n = (v: number) => formatNumber(v, lang);

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/people/imports" underline="always">
          {t('people.import.title')}
        </Anchor>
        <Text size="sm">{j.fileName || t('people.import.unnamed')}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={1}>{t('people.import.jobTitle')}</Title>
        <Group gap="xs">
          <Text>{j.fileName || t('people.import.unnamed')}</Text>
          <ImportStatusBadge status={j.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {[
            t('people.import.uploadedBy', { name: j.createdBy.displayName, when: formatDate(j.createdAt, lang, 'dateTime') }),
            j.scopeAgency ? agencyName(j.scopeAgency, lang) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>

      {j.status === 'validating' ? (
        <Paper withBorder p="md" component="section" aria-labelledby="import-progress">
          <Title order={2} size="h4" id="import-progress" mb="xs">
            {t('people.import.checking')}
          </Title>
          <Progress
            value={j.progress}
            size="lg"
            striped
            animated
            aria-label={t('people.import.progressLabel')}
            aria-valuetext={`${j.progress}%`}
          />
          <Text size="sm" mt="xs" role="status">
            {t('people.import.progress', { percent: j.progress, rows: n(j.totalRows) })}
          </Text>
        </Paper>
      ) : null}

      {j.status === 'invalid' ? (
        <section aria-labelledby="import-errors">
          <Title order={2} size="h3" id="import-errors" mb="sm">
            {t('people.import.errorsTitle')}
          </Title>
          <Stack gap="sm">
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={t('people.import.invalidTitle', { count: j.errorRows, formatted: n(j.errorRows) })}
            >
              {t('people.import.invalidText', { errors: n(j.errorCount), rows: n(j.totalRows) })}
            </Alert>
            <Group>
              <Button component="a" href={importErrorsUrl(j.id)} download variant="light">
                {t('people.import.downloadErrors')}
              </Button>
              <Button component={Link} to="/people/imports" variant="default">
                {t('people.import.uploadFixed')}
              </Button>
            </Group>
            <ErrorsTable job={j} page={page} setPage={setPage} />
          </Stack>
        </section>
      ) : null}

      {j.status === 'failed' || j.status === 'expired' ? (
        <Alert color="red" variant="light" role="alert" title={t(`people.import.status.${j.status}`)}>
          {j.status === 'failed' ? t('people.import.failedText', { reason: j.failure ?? '' }) : t('people.import.expiredText')}{' '}
          <Anchor component={Link} to="/people/imports" underline="always">
            {t('people.import.uploadAgain')}
          </Anchor>
        </Alert>
      ) : null}

      {j.status === 'validated' ? (
        <Paper withBorder p="md" component="section" aria-labelledby="import-ready">
          <Title order={2} size="h3" id="import-ready" mb="sm">
            {t('people.import.readyTitle')}
          </Title>
          <Stack gap="sm">
            <Text>{t('people.import.readyText')}</Text>
            <Counts job={j} />
            {commit.isPending ? (
              <Stack gap={4}>
                <Progress value={100} striped animated size="lg" aria-label={t('people.import.committing')} />
                <Text size="sm" role="status">
                  {t('people.import.committing')}
                </Text>
              </Stack>
            ) : null}
            <ErrorAlert error={commit.error} />
            {j.abilities.commit ? (
              <Group>
                <Button color="ok" onClick={() => commit.mutate()} loading={commit.isPending}>
                  {t('people.import.commit', { count: j.totalRows, formatted: n(j.totalRows) })}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Paper>
      ) : null}

      {j.status === 'committed' ? (
        <Paper withBorder p="md" component="section" aria-labelledby="import-done">
          <Title order={2} size="h3" id="import-done" mb="sm">
            {t('people.import.doneTitle')}
          </Title>
          <Stack gap="sm">
            <Alert color="ok" variant="light" role="status">
              {t('people.import.doneText', { created: n(j.created), updated: n(j.updated), invited: n(j.invited) })}
            </Alert>
            <Counts job={j} />
            <Group>
              <Button component={Link} to={j.scopeAgency ? `/people?agency=${j.scopeAgency.id}` : '/people'}>
                {t('people.import.openList')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
