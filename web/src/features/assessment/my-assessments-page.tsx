import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listMyAssessments, type MyAssessment, startAttempt } from '../../api/assessment.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { pick, SampleBadge } from './shared.js';

function AssessmentCard({ a }: { a: MyAssessment }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const start = useMutation({ mutationFn: () => startAttempt(a.id), onSuccess: (attempt) => navigate(`/attempts/${attempt.id}`) });
  const title = pick(lang, a.titleTh, a.titleEn);
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={`a-${a.id}`}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Title order={3} size="h4" id={`a-${a.id}`}>
            {title}
          </Title>
          {a.isSample ? <SampleBadge /> : null}
          {a.isOpen ? null : (
            <Badge color="gray" variant="light" tt="none">
              {t('assessment.my.notOpenYet')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{pick(lang, a.descriptionTh, a.descriptionEn)}</Text>
        <Text size="sm">
          {t('assessment.my.facts', {
            questions: formatNumber(a.questionCount, lang),
            minutes: formatNumber(a.timeLimitMinutes, lang),
            used: formatNumber(a.attemptsUsed, lang),
            max: formatNumber(a.maxAttempts, lang),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('assessment.my.window', { from: formatDate(a.opensAt, lang, 'dateTime'), to: formatDate(a.closesAt, lang, 'dateTime') })}
        </Text>
        {a.lastResult ? (
          <Text size="sm">
            {t('assessment.my.last', { percent: formatNumber(Math.round(a.lastResult.scaled * 100), lang) })}{' '}
            <Anchor component={Link} to={`/attempts/${a.lastResult.attemptId}/result`} underline="always">
              {t('assessment.my.seeResult')}
            </Anchor>
          </Text>
        ) : null}
        <ErrorAlert error={start.error} />
        <Group>
          {a.activeAttemptId ? (
            <Button component={Link} to={`/attempts/${a.activeAttemptId}`}>
              {t('assessment.my.resume')}
            </Button>
          ) : a.canStart ? (
            <Button onClick={() => start.mutate()} loading={start.isPending} aria-describedby={`a-${a.id}`}>
              {t('assessment.my.start')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {a.attemptsUsed >= a.maxAttempts ? t('assessment.my.noAttemptsLeft') : t('assessment.my.cannotStart')}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** A learner's assessments: what is open to them, their attempts, and the self-assessment. */
export default function MyAssessmentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('assessment.my.title'));
  const list = useQuery({ queryKey: ['my-assessments'], queryFn: listMyAssessments });
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('assessment.my.title')}</Title>
        <Text maw={760}>{t('assessment.my.lead')}</Text>
      </Stack>
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={2} maw={560}>
            <Title order={2} size="h4">
              {t('assessment.self.title')}
            </Title>
            <Text size="sm">{t('assessment.my.selfLead')}</Text>
          </Stack>
          <Button component={Link} to="/self-assessment" variant="light">
            {t('assessment.my.selfOpen')}
          </Button>
        </Group>
      </Card>
      {list.isPending ? <PageLoader /> : null}
      <ErrorAlert error={list.error} />
      {list.data ? (
        <section aria-labelledby="tests-heading">
          <Title order={2} size="h3" id="tests-heading" mb="sm">
            {t('assessment.my.tests')}
          </Title>
          {list.data.items.length === 0 ? (
            <EmptyState title={t('assessment.my.emptyTitle')}>{t('assessment.my.emptyText')}</EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {list.data.items.map((a) => (
                <AssessmentCard key={a.id} a={a} />
              ))}
            </SimpleGrid>
          )}
        </section>
      ) : null}
    </Stack>
  );
}
