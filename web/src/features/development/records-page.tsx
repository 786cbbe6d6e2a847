import { Anchor, Button, Group, NativeSelect, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { learningRecordsCsvUrl, listMyLearningRecords } from '../../api/development.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';

const KINDS = ['course', 'assessment_attempt', 'development_activity', 'development_plan'] as const;
const PAGE_SIZE = 20;

/** The learner's records (xAPI-shaped statements), newest first, with who vouches for each; downloadable. */
export default function RecordsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('dev.records.title'));
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState('');
  const q = useQuery({
    queryKey: ['learning-records', page, kind],
    queryFn: () => listMyLearningRecords({ page, pageSize: PAGE_SIZE, objectType: kind || undefined }),
  });
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('dev.records.title')}</Title>
        <Text>{t('dev.records.lead')}</Text>
      </Stack>
      <Group align="flex-end" justify="space-between" wrap="wrap">
        <NativeSelect
          label={t('dev.records.kind')}
          value={kind}
          onChange={(e) => {
            setKind(e.currentTarget.value);
            setPage(1);
          }}
          data={[{ value: '', label: t('dev.records.allKinds') }, ...KINDS.map((k) => ({ value: k, label: t(`dev.objectType.${k}`) }))]}
        />
        <Button component="a" href={learningRecordsCsvUrl()} variant="default" download>
          {t('dev.records.download')}
        </Button>
      </Group>
      {q.isPending ? <PageLoader /> : null}
      <ErrorAlert error={q.error} />
      {q.data && q.data.items.length === 0 ? <EmptyState title={t('dev.records.empty')}>{t('dev.records.emptyText')}</EmptyState> : null}
      {q.data && q.data.items.length > 0 ? (
        <>
          <Text size="sm">{t('dev.records.count', { count: q.data.total })}</Text>
          <ScrollRegion label={t('dev.records.title')}>
            <Table striped miw={720} data-testid="records-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dev.records.when')}</Table.Th>
                  <Table.Th>{t('dev.records.what')}</Table.Th>
                  <Table.Th>{t('dev.records.verb')}</Table.Th>
                  <Table.Th>{t('dev.records.authority')}</Table.Th>
                  <Table.Th>{t('dev.records.certificate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDate(r.occurredAt, lang)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {r.objectType === 'course' ? (
                          <Anchor component={Link} to={`/catalog/courses/${r.objectId}`}>
                            {lang === 'en' ? r.titleEn : r.titleTh}
                          </Anchor>
                        ) : lang === 'en' ? (
                          r.titleEn
                        ) : (
                          r.titleTh
                        )}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`dev.objectType.${r.objectType}`, { defaultValue: r.objectType })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`dev.verb.${r.verb}`, { defaultValue: r.verb })}</Table.Td>
                    <Table.Td>{(lang === 'en' ? r.authorityNameEn : r.authorityNameTh) ?? r.authority}</Table.Td>
                    <Table.Td>
                      {r.certificateNumber ? (
                        <Anchor component={Link} to={`/verify/certificate/${r.certificateNumber}`}>
                          {r.certificateNumber}
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {q.data.total > PAGE_SIZE ? (
            <nav aria-label={t('dev.records.pages')}>
              <Pagination
                total={Math.ceil(q.data.total / PAGE_SIZE)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
                getItemProps={(n) => ({ 'aria-label': t('common.pagination.page', { page: n }) })}
              />
            </nav>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
