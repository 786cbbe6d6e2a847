import { Alert, Anchor, Button, Paper, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SubmitReviewBody } from '../../../../common/contracts/accreditation-courses.js';
import { getActiveRubric, getCourse, listMyAssignments, submitReview, syllabusUrl } from '../../api/accreditation.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { ChecksList, CourseContentView, DiffTable } from './shared.js';

const RECS = ['accredit', 'accredit_with_conditions', 'revise', 'reject'] as const;

export default function ReviewFormPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  usePageTitle(t('acc.review.title'));
  const assignments = useQuery({ queryKey: ['my-assignments'], queryFn: listMyAssignments });
  const assignment = assignments.data?.items.find((a) => a.id === id);
  const course = useQuery({ queryKey: ['course', assignment?.courseId], queryFn: () => getCourse(assignment?.courseId as string), enabled: !!assignment });
  const rubric = useQuery({ queryKey: ['rubric'], queryFn: getActiveRubric });
  const [scores, setScores] = useState<Record<string, { score: string; comment: string }>>({});
  const [recommendation, setRecommendation] = useState<string | null>(null);
  const [toProvider, setToProvider] = useState('');
  const [confidential, setConfidential] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      submitReview(
        id,
        parseBody(SubmitReviewBody, {
          scores: (rubric.data?.criteria ?? []).map((c) => ({ criterionCode: c.code, score: Number(scores[c.code]?.score ?? 0), comment: scores[c.code]?.comment ?? '' })),
          recommendation,
          commentsToProvider: toProvider,
          confidentialComments: confidential.trim() || undefined,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-assignments'] }),
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  if (assignments.isPending || rubric.isPending || (assignment && course.isPending)) return <PageLoader />;
  if (!assignment) return <ErrorAlert message={t('errors.not_found')} />;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const c = course.data;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/reviewer" size="sm">
        {t('acc.review.back')}
      </Anchor>
      <Title order={1}>{t('acc.review.titleFor', { title: lang === 'th' ? assignment.courseTitleTh : assignment.courseTitleEn })}</Title>
      <ErrorAlert error={course.error ?? rubric.error} />
      {c ? (
        <Paper withBorder p="md" component="section" aria-labelledby="content-h">
          <Title order={2} size="h3" id="content-h" mb="sm">
            {t('acc.officer.content')}
          </Title>
          <Stack gap="sm">
            {c.hasSyllabus ? (
              <Anchor href={syllabusUrl(c.id)} target="_blank" rel="noopener">
                {t('acc.editor.syllabusOpen')}
                {t('common.opensNewTab')}
              </Anchor>
            ) : null}
            <ChecksList checks={c.checks} />
            <CourseContentView course={c} />
            <DiffTable course={c} />
          </Stack>
        </Paper>
      ) : null}
      {mutation.isSuccess ? (
        <Alert color="ok" variant="light" role="status" title={t('acc.review.sent')}>
          <Anchor component={Link} to="/reviewer">
            {t('acc.review.back')}
          </Anchor>
        </Alert>
      ) : (
        <Paper withBorder p="md" component="section" aria-labelledby="rubric-h">
          <Title order={2} size="h3" id="rubric-h" mb="sm">
            {t('acc.review.rubric')}
          </Title>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <ErrorAlert message={errors.general} />
              {rubric.data?.criteria.map((cr) => (
                <Paper key={cr.code} withBorder p="sm">
                  <Radio.Group
                    label={`${lang === 'th' ? cr.labelTh : cr.labelEn} (${t('acc.review.weight', { w: cr.weight })})`}
                    required
                    value={scores[cr.code]?.score ?? ''}
                    onChange={(v) => setScores((s) => ({ ...s, [cr.code]: { comment: s[cr.code]?.comment ?? '', score: v } }))}
                    error={errors.fields.scores && !scores[cr.code]?.score ? t('validation.required') : undefined}
                  >
                    <Stack gap={4} mt="xs">
                      {[1, 2, 3, 4, 5].map((n) => (
                        <Radio key={n} value={String(n)} label={t(`acc.review.score${n}`)} />
                      ))}
                    </Stack>
                  </Radio.Group>
                  <Textarea
                    mt="xs"
                    label={t('acc.review.criterionComment', { label: lang === 'th' ? cr.labelTh : cr.labelEn })}
                    autosize
                    minRows={1}
                    value={scores[cr.code]?.comment ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setScores((s) => ({ ...s, [cr.code]: { score: s[cr.code]?.score ?? '', comment: v } }));
                    }}
                  />
                </Paper>
              ))}
              <Select
                label={t('acc.review.recommendation')}
                required
                data={RECS.map((r) => ({ value: r, label: t(`acc.outcome.${r}`) }))}
                value={recommendation}
                onChange={setRecommendation}
                error={errors.fields.recommendation}
              />
              <Textarea label={t('acc.review.toProvider')} description={t('acc.review.toProviderHint')} required autosize minRows={3} value={toProvider} onChange={(e) => setToProvider(e.currentTarget.value)} error={errors.fields.commentsToProvider} />
              <Textarea label={t('acc.review.confidential')} description={t('acc.review.confidentialHint')} autosize minRows={2} value={confidential} onChange={(e) => setConfidential(e.currentTarget.value)} />
              <Text size="sm" c="dimmed">
                {t('acc.review.independent')}
              </Text>
              <div>
                <Button type="submit" loading={mutation.isPending}>
                  {t('acc.review.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
