import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate, formatYearBe } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useScrollToHash } from '../../lib/use-scroll-to-hash.js';
import { pick } from '../framework/localize.js';
import { useFramework, useFrameworkList } from '../framework/use-framework.js';
import { CreateVersionForm } from './create-version-form.js';

/** Every version with its state; a new draft starts from a published one. */
export default function FrameworkVersionsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('frameworkAdmin.title'));
  const [params] = useSearchParams();
  const list = useFrameworkList();
  const current = useFramework('current');
  // The editor links to #create-version-heading with the version to start from.
  useScrollToHash(!!list.data && !current.isPending);

  if (list.isPending) return <PageLoader />;
  if (!list.data) return <ErrorAlert error={list.error} />;
  const versions = list.data.items;
  const published = versions.filter((v) => v.status === 'published');
  const requested = params.get('basedOn');
  const basedOnId = published.find((v) => v.id === requested)?.id ?? current.data?.id ?? published[0]?.id ?? '';

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>{t('frameworkAdmin.title')}</Title>
        <Text>{t('frameworkAdmin.lead')}</Text>
      </Stack>
      <section aria-labelledby="versions-heading">
        <Title order={2} id="versions-heading" mb="sm">
          {t('frameworkAdmin.versionsTitle')}
        </Title>
        {versions.length === 0 ? (
          <EmptyState title={t('frameworkAdmin.emptyTitle')}>{t('frameworkAdmin.emptyText')}</EmptyState>
        ) : (
          <ScrollRegion label={t('frameworkAdmin.versionsTitle')}>
            <Table striped withTableBorder miw={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('frameworkAdmin.col.version')}</Table.Th>
                  <Table.Th scope="col">{t('frameworkAdmin.col.year')}</Table.Th>
                  <Table.Th scope="col">{t('frameworkAdmin.col.status')}</Table.Th>
                  <Table.Th scope="col">{t('frameworkAdmin.col.created')}</Table.Th>
                  <Table.Th scope="col">{t('frameworkAdmin.col.published')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/admin/framework/${v.id}`} fw={600}>
                        {v.code}
                      </Anchor>
                      <Text size="sm">{pick(lang, v.titleTh, v.titleEn)}</Text>
                    </Table.Th>
                    <Table.Td>{formatYearBe(v.yearBe, lang)}</Table.Td>
                    <Table.Td>
                      <Badge color={v.status === 'published' ? 'ok' : 'warn'} variant="outline" tt="none">
                        {t(`framework.status.${v.status}`)}
                      </Badge>{' '}
                      {v.isCurrent ? (
                        <Badge color="thaksa" variant="filled" tt="none">
                          {t('framework.current')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{formatDate(v.createdAt, lang)}</Table.Td>
                    <Table.Td>{v.publishedAt ? formatDate(v.publishedAt, lang) : t('common.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </section>
      {current.data?.abilities.createVersion && published.length > 0 ? (
        <CreateVersionForm key={basedOnId} published={published} basedOnId={basedOnId} />
      ) : null}
    </Stack>
  );
}
