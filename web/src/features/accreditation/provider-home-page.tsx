import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getProvider, listCourses } from '../../api/accreditation.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { providerIdOf, StateBadge } from './shared.js';

export default function ProviderHomePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('acc.provider.title'));
  const { session } = useSession();
  const providerId = providerIdOf(session.roles);
  const provider = useQuery({ queryKey: ['provider', providerId], queryFn: () => getProvider(providerId as string), enabled: !!providerId });
  const courses = useQuery({ queryKey: ['courses', providerId], queryFn: () => listCourses({ providerId: providerId ?? undefined, pageSize: 100 }) });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>{t('acc.provider.title')}</Title>
          {provider.data ? (
            <Text c="dimmed">
              {lang === 'th' ? provider.data.nameTh : provider.data.nameEn} · {t(`acc.providerStatus.${provider.data.status}`)}
            </Text>
          ) : null}
        </Stack>
        <Button component={Link} to="/provider/courses/new">
          {t('acc.provider.newCourse')}
        </Button>
      </Group>
      {provider.data && provider.data.status !== 'verified' ? (
        <Alert color={provider.data.status === 'rejected' ? 'red' : 'warn'} variant="light" title={t(`acc.providerStatus.${provider.data.status}`)}>
          {provider.data.status === 'rejected' ? (provider.data.rejectionReason ?? '') : t('acc.provider.pendingText')}
        </Alert>
      ) : null}
      {courses.isPending ? <PageLoader /> : null}
      <ErrorAlert error={courses.error} />
      {courses.data && courses.data.items.length === 0 ? (
        <EmptyState title={t('acc.provider.emptyTitle')}>{t('acc.provider.emptyText')}</EmptyState>
      ) : null}
      {courses.data && courses.data.items.length > 0 ? (
        <div style={{ overflowX: 'auto' }}>
          <Table withTableBorder striped captionSide="top">
            <caption>{t('acc.provider.caption', { count: courses.data.total })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('acc.course.title')}</Table.Th>
                <Table.Th scope="col">{t('acc.course.state')}</Table.Th>
                <Table.Th scope="col">{t('acc.provider.next')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {courses.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/provider/courses/${c.id}`}>
                      {(lang === 'th' ? c.titleTh : c.titleEn) || t('acc.course.untitled')}
                    </Anchor>
                    {c.accreditationNumber ? (
                      <Text size="xs" c="dimmed">
                        {c.accreditationNumber}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>
                    <StateBadge state={c.state} />
                  </Table.Td>
                  <Table.Td>{t(`acc.next.${c.state}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
    </Stack>
  );
}
