import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RateCourseBody, rateCourse } from '../../api/catalog.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { toFormErrors } from '../../lib/form-errors.js';

export const RATING_SCALES = ['content', 'instructor', 'usefulness'] as const;
type Scale = (typeof RATING_SCALES)[number];
const MAX_COMMENT = 1000;

/** Checks the form before sending: every scale chosen, the comment within its limit. */
export function checkRating(scores: Partial<Record<Scale, string>>, comment: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const s of RATING_SCALES) if (!scores[s]) errors[s] = 'catalog.rating.required';
  if (comment.trim().length > MAX_COMMENT) errors.comment = 'catalog.rating.tooLong';
  return errors;
}

/** A learner who completed the course rates it once: content, instructor and usefulness at work (1–5), and a comment. */
export function RatingForm({ courseId, onRated }: { courseId: string; onRated?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [scores, setScores] = useState<Partial<Record<Scale, string>>>({});
  const [comment, setComment] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (body: RateCourseBody) => rateCourse(courseId, body),
    onSuccess: () => {
      onRated?.();
      void queryClient.invalidateQueries({ queryKey: ['catalog-course', courseId] });
      void queryClient.invalidateQueries({ queryKey: ['catalog-search'] });
    },
  });
  const server = mutation.error ? toFormErrors(mutation.error, t) : null;
  const fieldError = (name: string) => (clientErrors[name] ? t(clientErrors[name]) : server?.fields[name]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors = checkRating(scores, comment);
    setClientErrors(errors);
    if (Object.keys(errors).length) {
      // Take the keyboard to the first scale that still needs an answer.
      const first = RATING_SCALES.find((s) => errors[s]);
      if (first) document.querySelector<HTMLInputElement>(`input[name="rating-${first}"]`)?.focus();
      return;
    }
    mutation.mutate({
      content: Number(scores.content),
      instructor: Number(scores.instructor),
      usefulness: Number(scores.usefulness),
      comment: comment.trim() || undefined,
    });
  };

  if (mutation.isSuccess) {
    return (
      <Alert color="ok" variant="light" role="status" title={t('catalog.rating.thanksTitle')}>
        {t('catalog.rating.thanks')}
      </Alert>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb={4}>
        {t('catalog.rating.formTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('catalog.rating.formLead')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ErrorAlert message={server?.general} />
          {RATING_SCALES.map((s) => (
            <Radio.Group
              key={s}
              name={`rating-${s}`}
              label={t(`catalog.rating.${s}`)}
              description={t('catalog.rating.scaleHint')}
              required
              value={scores[s] ?? ''}
              onChange={(v) => {
                setScores((x) => ({ ...x, [s]: v }));
                setClientErrors(({ [s]: _, ...rest }) => rest);
              }}
              error={fieldError(s)}
            >
              <Group gap="md" mt={6}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Radio key={n} value={String(n)} label={String(n)} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <Textarea
            label={t('catalog.rating.comment')}
            description={t('catalog.rating.commentHint', { max: MAX_COMMENT })}
            autosize
            minRows={2}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={fieldError('comment')}
          />
          <div>
            <Button type="submit" loading={mutation.isPending}>
              {t('catalog.rating.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
