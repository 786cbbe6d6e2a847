import { Alert, Badge, Button, Group, Paper, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSelfAssessment, type StatementView, submitSelfAssessment, updateStatement } from '../../api/assessment.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { pick, SampleBadge, useFrameworkLabels } from './shared.js';

const RATINGS = ['1', '2', '3', '4'] as const;

function StatementEditor({ s, frameworkId }: { s: StatementView; frameworkId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [th, setTh] = useState(s.textTh);
  const [en, setEn] = useState(s.textEn);
  const save = useMutation({
    mutationFn: () =>
      updateStatement(s.id, {
        frameworkId,
        skillAreaCode: s.skillAreaCode,
        level: s.level,
        textTh: th,
        textEn: en,
        sortOrder: s.sortOrder,
        isActive: true,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['self-assessment'] }),
  });
  return (
    <Stack gap={4}>
      <Textarea label={t('assessment.self.textTh')} value={th} onChange={(e) => setTh(e.currentTarget.value)} autosize minRows={1} />
      <Textarea label={t('assessment.self.textEn')} value={en} onChange={(e) => setEn(e.currentTarget.value)} autosize minRows={1} />
      <ErrorAlert error={save.error} />
      <Group>
        <Button size="xs" variant="light" onClick={() => save.mutate()} loading={save.isPending}>
          {t('assessment.self.saveStatement')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The self-assessment: rate each behavioural statement; the level per skill area follows, kept with its history. */
export default function SelfAssessmentPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('assessment.self.title'));
  const labels = useFrameworkLabels(lang);
  const queryClient = useQueryClient();
  const view = useQuery({ queryKey: ['self-assessment'], queryFn: getSelfAssessment });
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  useEffect(() => {
    if (view.data?.latest) setRatings(Object.fromEntries(Object.entries(view.data.latest.ratings).map(([k, v]) => [k, String(v)])));
  }, [view.data?.latest]);
  const submit = useMutation({
    mutationFn: () => submitSelfAssessment(Object.entries(ratings).map(([statementId, r]) => ({ statementId, rating: Number(r) }))),
    onSuccess: (data) => {
      queryClient.setQueryData(['self-assessment'], data);
      window.scrollTo({ top: 0 });
    },
  });
  const active = useMemo(() => (view.data?.statements ?? []).filter((s) => s.isActive), [view.data]);
  const areas = useMemo(() => [...new Set(active.map((s) => s.skillAreaCode))], [active]);
  if (view.isPending) return <PageLoader />;
  if (view.error) return <ErrorAlert error={view.error} />;
  const v = view.data;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const unrated = active.filter((s) => !ratings[s.id]).map((s) => s.id);
    setMissing(unrated);
    if (unrated.length) {
      document.getElementById(`st-${unrated[0]}`)?.focus();
      return;
    }
    submit.mutate();
  };
  const anySample = active.some((s) => s.isSample);
  // Editors who are not learners see the statements to edit, not a form to rate.
  const editMode = (editing || !v.canRate) && v.canEditStatements;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('assessment.self.title')}</Title>
        <Text maw={760}>{t('assessment.self.lead')}</Text>
      </Stack>
      {anySample ? (
        <Alert color="warn" variant="light" title={t('assessment.self.sampleTitle')}>
          {t('assessment.self.sampleText')}
        </Alert>
      ) : null}
      {v.latest ? (
        <section aria-labelledby="levels-heading">
          <Title order={2} size="h3" id="levels-heading" mb="xs">
            {t('assessment.self.levelsTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('assessment.self.levelsLead', { at: formatDate(v.latest.submittedAt, lang, 'dateTime') })}
          </Text>
          <ScrollRegion label={t('assessment.self.levelsTitle')}>
            <Table striped miw={420} data-testid="self-levels">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessment.field.skillArea')}</Table.Th>
                  <Table.Th>{t('assessment.self.selfLevel')}</Table.Th>
                  <Table.Th>{t('assessment.self.testedLevel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Object.entries(v.latest.levels).map(([code, level]) => (
                  <Table.Tr key={code}>
                    <Table.Td>
                      {code} · {labels.areaName(code)}
                    </Table.Td>
                    <Table.Td>{level > 0 ? `${level} · ${labels.levelName(level)}` : t('assessment.self.noLevel')}</Table.Td>
                    <Table.Td>
                      {v.tested[code]
                        ? `${v.tested[code].level} · ${labels.levelName(v.tested[code].level)}`
                        : t('assessment.self.notTested')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          <Text size="sm" c="dimmed" mt="xs">
            {t('assessment.self.apart', { count: v.history.length })}
          </Text>
        </section>
      ) : null}
      {submit.isSuccess ? (
        <Alert color="ok" role="status">
          {t('assessment.self.saved')}
        </Alert>
      ) : null}
      {v.canEditStatements && v.canRate ? (
        <Group>
          <Button variant="light" onClick={() => setEditing((e) => !e)}>
            {editing ? t('assessment.self.stopEditing') : t('assessment.self.editStatements')}
          </Button>
        </Group>
      ) : null}
      <form onSubmit={onSubmit} noValidate aria-labelledby="rate-heading">
        <Stack gap="md">
          <Title order={2} size="h3" id="rate-heading">
            {v.canRate ? t('assessment.self.rateTitle') : t('assessment.self.statementsTitle')}
          </Title>
          <Text size="sm">{t('assessment.self.scale')}</Text>
          {areas.map((code) => (
            <Paper key={code} withBorder p="md" radius="md" component="fieldset" style={{ minWidth: 0 }}>
              <Title order={3} size="h4" component="legend">
                {code} · {labels.areaName(code)}
              </Title>
              <Stack gap="md" mt="xs">
                {active
                  .filter((s) => s.skillAreaCode === code)
                  .map((s) => (
                    <Stack key={s.id} gap={4}>
                      {editMode ? (
                        <StatementEditor s={s} frameworkId={v.frameworkId} />
                      ) : (
                        <Radio.Group
                          id={`st-${s.id}`}
                          tabIndex={-1}
                          value={ratings[s.id] ?? null}
                          onChange={(r) => setRatings((x) => ({ ...x, [s.id]: r }))}
                          label={
                            <Group gap="xs" component="span">
                              <Badge variant="light" tt="none" component="span">
                                {t('assessment.self.levelTag', { level: s.level })}
                              </Badge>
                              <span>{pick(lang, s.textTh, s.textEn)}</span>
                              {s.isSample ? <SampleBadge /> : null}
                            </Group>
                          }
                          error={missing.includes(s.id) && !ratings[s.id] ? t('assessment.self.rateThis') : undefined}
                        >
                          <Group gap="md" mt={6} wrap="wrap">
                            {RATINGS.map((r) => (
                              <Radio key={r} value={r} label={t(`assessment.self.rating.${r}`)} />
                            ))}
                          </Group>
                        </Radio.Group>
                      )}
                    </Stack>
                  ))}
              </Stack>
            </Paper>
          ))}
          <ErrorAlert error={submit.error} />
          {missing.some((id) => !ratings[id]) ? (
            <Text c="red.8" role="alert">
              {t('assessment.self.missing', { count: missing.filter((id) => !ratings[id]).length })}
            </Text>
          ) : null}
          {v.canRate ? (
            <Group>
              <Button type="submit" loading={submit.isPending} disabled={editing}>
                {t('assessment.self.submit')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Stack>
  );
}
