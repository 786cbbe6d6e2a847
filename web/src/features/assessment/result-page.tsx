import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getAttemptResult } from '../../api/assessment.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { pick, useFrameworkLabels } from './shared.js';

/** The result of a submitted attempt: score, and per skill area the level reached with each level's mark. */
export default function ResultPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  usePageTitle(t('assessment.result.title'));
  const labels = useFrameworkLabels(lang);
  const result = useQuery({ queryKey: ['attempt-result', id], queryFn: () => getAttemptResult(id) });
  if (result.isPending) return <PageLoader />;
  if (result.error) return <ErrorAlert error={result.error} />;
  const r = result.data;
  const percent = Math.round(r.score.scaled * 100);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('assessment.result.title')}</Title>
        <Text>{pick(lang, r.titleTh, r.titleEn)}</Text>
        <Text size="sm" c="dimmed">
          {t('assessment.result.submitted', { n: r.attemptNo, at: formatDate(r.submittedAt, lang, 'dateTime') })}
          {r.submittedBy === 'timeout' ? ` · ${t('assessment.result.byTimeout')}` : ''}
        </Text>
      </Stack>
      <Paper withBorder p="md" radius="md">
        <Group gap="md" wrap="wrap">
          <Text size="xl" fw={700} data-testid="score">
            {t('assessment.result.score', {
              raw: formatNumber(r.score.raw, lang),
              max: formatNumber(r.score.max, lang),
              percent: formatNumber(percent, lang),
            })}
          </Text>
          <Badge size="lg" color={r.passed ? 'ok' : 'warn'} variant="outline" tt="none">
            {r.passed ? t('assessment.result.passed') : t('assessment.result.notPassed')}
          </Badge>
        </Group>
      </Paper>
      <section aria-labelledby="areas-heading">
        <Title order={2} size="h3" id="areas-heading" mb="sm">
          {t('assessment.result.byArea')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {r.skillAreas.map((a) => (
            <Paper key={a.skillAreaCode} withBorder p="md" radius="md" component="article" aria-labelledby={`area-${a.skillAreaCode}`}>
              <Stack gap="xs">
                <Title order={3} size="h4" id={`area-${a.skillAreaCode}`}>
                  {a.skillAreaCode} · {labels.areaName(a.skillAreaCode)}
                </Title>
                <Text fw={600} data-testid={`level-${a.skillAreaCode}`}>
                  {a.levelReached > 0
                    ? t('assessment.result.levelReached', { level: a.levelReached, name: labels.levelName(a.levelReached) })
                    : t('assessment.result.noLevel')}
                </Text>
                {a.levels.map((l) => (
                  <Stack key={l.level} gap={2}>
                    <Text size="sm">
                      {t('assessment.result.levelLine', {
                        level: l.level,
                        correct: formatNumber(l.correct, lang),
                        total: formatNumber(l.total, lang),
                        percent: formatNumber(l.percent, lang),
                        mark: formatNumber(l.passMark, lang),
                      })}{' '}
                      {l.met ? t('assessment.result.met') : t('assessment.result.notMet')}
                    </Text>
                    <Progress value={l.percent} color={l.met ? 'ok' : 'orange'} aria-hidden />
                  </Stack>
                ))}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      <Text size="sm" c="dimmed">
        {t('assessment.result.rule')}
      </Text>
      <section aria-labelledby="questions-heading">
        <Title order={2} size="h3" id="questions-heading" mb="sm">
          {t('assessment.result.questions')}
        </Title>
        <ScrollRegion label={t('assessment.result.questions')}>
          <Table striped miw={360}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessment.result.question')}</Table.Th>
                <Table.Th>{t('assessment.field.skillArea')}</Table.Th>
                <Table.Th>{t('assessment.field.level')}</Table.Th>
                <Table.Th>{t('assessment.result.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.questions.map((q) => (
                <Table.Tr key={q.position}>
                  <Table.Td>{q.position}</Table.Td>
                  <Table.Td>{q.skillAreaCode}</Table.Td>
                  <Table.Td>{q.level}</Table.Td>
                  <Table.Td>
                    {!q.answered
                      ? t('assessment.result.unanswered')
                      : q.correct
                        ? t('assessment.result.right')
                        : t('assessment.result.wrong')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </section>
      <Group>
        <Anchor component={Link} to="/assessments">
          {t('assessment.result.back')}
        </Anchor>
        <Anchor component={Link} to="/self-assessment">
          {t('assessment.result.toSelf')}
        </Anchor>
      </Group>
    </Stack>
  );
}
