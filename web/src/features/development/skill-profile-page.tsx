import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getMySkillProfile, getSkillProfile, type SkillProfileView } from '../../api/development.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { SkillChart, SkillTable } from './shared.js';

function Summary({ p }: { p: SkillProfileView }) {
  const { t } = useTranslation();
  const items = [
    [t('dev.profile.sumRequired'), p.summary.required],
    [t('dev.profile.sumMet'), p.summary.met],
    [t('dev.profile.sumGap'), p.summary.withGap],
    [t('dev.profile.sumUnknown'), p.summary.notAssessed],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {items.map(([label, n]) => (
        <Paper key={label} withBorder p="sm" radius="md">
          <Text size="xl" fw={700}>
            {n}
          </Text>
          <Text size="sm">{label}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function History({ p }: { p: SkillProfileView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (p.history.length === 0) return <Text c="dimmed">{t('dev.profile.historyEmpty')}</Text>;
  return (
    <ScrollRegion label={t('dev.profile.historyTitle')}>
      <Table miw={520} data-testid="skill-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dev.profile.when')}</Table.Th>
            <Table.Th>{t('dev.profile.area')}</Table.Th>
            <Table.Th>{t('dev.profile.source')}</Table.Th>
            <Table.Th ta="right">{t('dev.profile.level')}</Table.Th>
            <Table.Th ta="right">{t('dev.profile.currentAfter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...p.history].reverse().map((h) => (
            <Table.Tr key={`${h.at}-${h.skillAreaCode}-${h.source}-${h.level}`}>
              <Table.Td>{formatDate(h.at, lang)}</Table.Td>
              <Table.Td>{h.skillAreaCode}</Table.Td>
              <Table.Td>{t(`dev.source.${h.source}`)}</Table.Td>
              <Table.Td ta="right">{h.level}</Table.Td>
              <Table.Td ta="right">{h.currentLevel ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

export function ProfileView({ p, own }: { p: SkillProfileView; own: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const groupName = lang === 'en' ? p.person.targetGroupNameEn : p.person.targetGroupNameTh;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>
          {own
            ? t('dev.profile.myTitle')
            : t('dev.profile.personTitle', { name: lang === 'en' ? (p.person.nameEn ?? p.person.nameTh) : p.person.nameTh })}
        </Title>
        <Text>{t('dev.profile.lead', { group: groupName, framework: lang === 'en' ? p.framework.titleEn : p.framework.titleTh })}</Text>
        <Text size="sm" c="dimmed">
          {lang === 'en' ? p.person.agencyNameEn : p.person.agencyNameTh}
        </Text>
      </Stack>
      <Summary p={p} />
      {own ? (
        <Group gap="sm">
          <Button component={Link} to="/assessments" variant="light">
            {t('dev.profile.takeAssessment')}
          </Button>
          <Button component={Link} to="/me/development-plan">
            {t('dev.profile.toPlan')}
          </Button>
          <Button component={Link} to="/me/learning-records" variant="default">
            {t('dev.profile.toRecords')}
          </Button>
          <Button component={Link} to="/me/certificates" variant="default">
            {t('dev.profile.toCertificates')}
          </Button>
        </Group>
      ) : null}
      <section aria-labelledby="chart-heading">
        <Title order={2} size="h3" id="chart-heading" mb="xs">
          {t('dev.profile.chartTitle')}
        </Title>
        <Text size="sm" mb="sm">
          {t('dev.profile.rule')}
        </Text>
        <SkillChart rows={p.rows} maxLevel={p.framework.maxLevel} lang={lang} />
      </section>
      <section aria-labelledby="table-heading">
        <Title order={2} size="h3" id="table-heading" mb="xs">
          {t('dev.profile.tableTitle')}
        </Title>
        <SkillTable rows={p.rows} lang={lang} />
        {p.rows.some((r) => r.requiredIsSample) ? (
          <Alert color="warn" variant="light" mt="sm">
            {t('dev.profile.sampleNote')}
          </Alert>
        ) : null}
      </section>
      <section aria-labelledby="evidence-heading">
        <Title order={2} size="h3" id="evidence-heading" mb="xs">
          {t('dev.profile.evidenceTitle')}
        </Title>
        {p.rows.every((r) => !r.evidence) ? (
          <Text c="dimmed">{t('dev.profile.evidenceEmpty')}</Text>
        ) : (
          <Stack gap={4} component="ul" style={{ paddingInlineStart: '1.2rem' }}>
            {p.rows.flatMap((r) =>
              (r.evidence?.items ?? []).map((e) => (
                <Text component="li" key={`${r.skillAreaCode}-${e.kind}-${e.id}`} size="sm">
                  {r.skillAreaCode} {t('dev.profile.levelN', { level: e.level })} —{' '}
                  {e.kind === 'course' ? t('dev.profile.fromCourse') : t('dev.profile.fromActivity')}:{' '}
                  {e.kind === 'course' ? (
                    <Anchor component={Link} to={`/catalog/courses/${e.id}`} underline="always">
                      {lang === 'en' ? e.titleEn : e.titleTh}
                    </Anchor>
                  ) : (
                    e.titleTh
                  )}{' '}
                  ({formatDate(e.at, lang)})
                </Text>
              )),
            )}
          </Stack>
        )}
      </section>
      <section aria-labelledby="history-heading">
        <Title order={2} size="h3" id="history-heading" mb="xs">
          {t('dev.profile.historyTitle')}
        </Title>
        <History p={p} />
      </section>
    </Stack>
  );
}

/** The signed-in person's skill profile: required levels, what is known, the gap and how it moved. */
export default function SkillProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('dev.profile.myTitle'));
  const q = useQuery({ queryKey: ['skill-profile', 'me'], queryFn: getMySkillProfile });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} title={t('dev.profile.noPerson')} />;
  return <ProfileView p={q.data} own />;
}

/** A report's (supervisor), a person's in scope (HR) or anyone's (central monitor) profile. */
export function PersonSkillProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('dev.profile.personTitleShort'));
  const q = useQuery({ queryKey: ['skill-profile', id], queryFn: () => getSkillProfile(id) });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <ProfileView p={q.data} own={false} />;
}
