import { Alert, Anchor, Button, Code, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IMPORT_COLUMNS } from '../../../../common/catalog-columns.js';
import { type ImportReport, importContentType, importCourses } from '../../api/catalog.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { downloadText, errorReportCsv, errorReportName } from './error-report.js';

const MAX_BYTES = 50 * 1024 * 1024;
const COLUMN_TEXT = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));

type RowError = ImportReport['errors'][number];

function ErrorsTable({ report, fileName }: { report: ImportReport; fileName: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // The server sends a code (and its values) for each problem; the English message is the fallback.
  const textOf = (e: RowError) => t(`catalog.import.rowErrors.${e.code}`, { ...e.params, column: e.column, defaultValue: e.message });
  const download = () =>
    downloadText(
      errorReportCsv(
        report.errors.map((e) => ({ ...e, message: textOf(e) })),
        [t('catalog.import.row'), t('catalog.import.column'), t('catalog.import.message')],
      ),
      errorReportName(fileName),
    );
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Text size="sm">
          {report.errorCount > report.errors.length
            ? t('catalog.import.errorsTruncated', {
                shown: formatNumber(report.errors.length, lang),
                total: formatNumber(report.errorCount, lang),
              })
            : null}
        </Text>
        <Button variant="light" onClick={download}>
          {t('catalog.import.downloadErrors')}
        </Button>
      </Group>
      <ScrollRegion label={t('catalog.import.errorsCaption', { count: report.errorCount })}>
        <Table withTableBorder striped captionSide="top">
          <caption>{t('catalog.import.errorsCaption', { count: report.errorCount })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('catalog.import.row')}</Table.Th>
              <Table.Th scope="col">{t('catalog.import.column')}</Table.Th>
              <Table.Th scope="col">{t('catalog.import.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.errors.map((e, i) => {
              const col = e.column ? COLUMN_TEXT.get(e.column) : undefined;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: one row may carry several errors on the same column
                <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>
                    {e.column ? <Code>{e.column}</Code> : '—'}
                    {col ? (
                      <Text size="xs" c="dimmed">
                        {lang === 'th' ? col.th : col.en}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{textOf(e)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

/**
 * An accreditation officer brings in courses accredited in the old system from a CSV or XLSX file: check
 * first (nothing is written, every row is checked), fix what the report names, then import for real.
 */
export default function CatalogImportPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('catalog.import.title'));
  const queryClient = useQueryClient();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const check = useMutation({ mutationFn: (f: File) => importCourses(f, importContentType(f) as string, true) });
  const commit = useMutation({
    mutationFn: (f: File) => importCourses(f, importContentType(f) as string, false),
    onSuccess: (r) => {
      if (r.committed) void queryClient.invalidateQueries({ queryKey: ['catalog-search'] });
    },
  });

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.currentTarget.files?.[0] ?? null;
    check.reset();
    commit.reset();
    setFile(null);
    setFileError(null);
    if (!f) return;
    if (!importContentType(f)) setFileError(t('catalog.import.badType'));
    else if (f.size > MAX_BYTES) setFileError(t('catalog.import.tooBig'));
    else if (f.size === 0) setFileError(t('catalog.import.emptyFile'));
    else setFile(f);
  };

  const checked = check.data;
  const done = commit.data;
  const report = done ?? checked;
  const ready = !!checked && checked.errorCount === 0 && !done;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('catalog.import.title')}</Title>
        <Text maw={760}>{t('catalog.import.lead')}</Text>
      </Stack>

      <Paper withBorder p="md" component="section" aria-labelledby="import-how">
        <Title order={2} size="h4" id="import-how" mb="xs">
          {t('catalog.import.howTitle')}
        </Title>
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>
            {t('catalog.import.step1')}{' '}
            <Anchor component={Link} to="/catalog/data#import-columns" underline="always">
              {t('catalog.import.dictionaryLink')}
            </Anchor>
          </List.Item>
          <List.Item>{t('catalog.import.step2')}</List.Item>
          <List.Item>{t('catalog.import.step3')}</List.Item>
          <List.Item>{t('catalog.import.step4')}</List.Item>
        </List>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="import-file">
        <Title order={2} size="h4" id="import-file" mb="xs">
          {t('catalog.import.fileTitle')}
        </Title>
        <Stack gap="sm">
          <div>
            <label htmlFor={inputId}>
              <Text size="sm" fw={500}>
                {t('catalog.import.fileLabel')}
              </Text>
            </label>
            <Text size="xs" c="dimmed" id={`${inputId}-hint`}>
              {t('catalog.import.fileHint')}
            </Text>
            <input
              ref={inputRef}
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
            <Button disabled={!file} loading={check.isPending} onClick={() => file && check.mutate(file)}>
              {t('catalog.import.check')}
            </Button>
            {ready ? (
              <Button color="ok" loading={commit.isPending} onClick={() => file && commit.mutate(file)}>
                {t('catalog.import.commit', { count: checked.rows })}
              </Button>
            ) : null}
          </Group>
          <ErrorAlert error={check.error ?? commit.error} />
        </Stack>
      </Paper>

      {report ? (
        <section aria-labelledby="import-result">
          <Title order={2} size="h3" id="import-result" mb="sm">
            {done ? t('catalog.import.resultTitle') : t('catalog.import.checkTitle')}
          </Title>
          <Stack gap="md">
            {done?.committed ? (
              <Alert color="ok" variant="light" role="status" title={t('catalog.import.doneTitle')}>
                {t('catalog.import.done', {
                  rows: formatNumber(done.rows, lang),
                  created: formatNumber(done.created, lang),
                  updated: formatNumber(done.updated, lang),
                })}{' '}
                <Anchor component={Link} to="/catalog" underline="always">
                  {t('catalog.import.openCatalog')}
                </Anchor>
              </Alert>
            ) : null}
            {report.errorCount > 0 ? (
              <Alert color="red" variant="light" role="alert" title={t('catalog.import.errorsTitle', { count: report.errorCount })}>
                {t('catalog.import.errorsText', { rows: formatNumber(report.rows, lang) })}
              </Alert>
            ) : null}
            {ready ? (
              <Alert color="ok" variant="light" role="status" title={t('catalog.import.readyTitle')}>
                {t('catalog.import.readyText', { rows: formatNumber(checked.rows, lang) })}
              </Alert>
            ) : null}
            {report.errorCount > 0 && file ? <ErrorsTable report={report} fileName={file.name} /> : null}
          </Stack>
        </section>
      ) : null}
    </Stack>
  );
}
