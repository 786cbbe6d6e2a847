import { ActionIcon, Button, Fieldset, Group, Paper, Radio, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublishVerdictBody, type Verdict } from '../../../../common/contracts/factcheck.js';
import { type ClaimGroupView, publishVerdict } from '../../api/factcheck.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { VERDICTS } from './shared.js';

type Source = { key: number; title: string; url: string };
let nextKey = 1;

/** Writes (or corrects) a group's verdict: the claim as reviewed, plain-Thai explanation, sources. */
export function VerdictEditor({ group }: { group: ClaimGroupView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = group.current;
  const [verdict, setVerdict] = useState<Verdict | ''>(current?.verdict ?? '');
  const [claimReviewed, setClaimReviewed] = useState(current?.claimReviewed ?? group.sampleText.slice(0, 1000));
  const [explanationTh, setExplanationTh] = useState(current?.explanationTh ?? '');
  const [explanationEn, setExplanationEn] = useState(current?.explanationEn ?? '');
  const [correctionNote, setCorrectionNote] = useState('');
  const [sources, setSources] = useState<Source[]>(
    current?.sources.length ? current.sources.map((s) => ({ ...s, key: nextKey++ })) : [{ key: nextKey++, title: '', url: '' }],
  );
  const mutation = useMutation({
    mutationFn: () =>
      publishVerdict(
        group.id,
        parseBody(PublishVerdictBody, {
          verdict: verdict || undefined,
          claimReviewed,
          explanationTh,
          explanationEn,
          sources: sources.filter((s) => s.title.trim() || s.url.trim()).map(({ title, url }) => ({ title, url })),
          correctionNote: current ? correctionNote : undefined,
        }),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(['claim-group', group.id], data);
      setCorrectionNote('');
    },
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const setSource = (key: number, patch: Partial<Source>) => setSources((xs) => xs.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <form onSubmit={onSubmit} noValidate aria-labelledby="verdict-editor-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="verdict-editor-title">
            {current ? t('factcheck.editor.correctTitle') : t('factcheck.editor.title')}
          </Title>
          <ErrorAlert message={errors.general} />
          <Radio.Group
            label={t('factcheck.editor.verdict')}
            required
            value={verdict}
            onChange={(v) => setVerdict(v as Verdict)}
            error={errors.fields.verdict}
          >
            <Group mt="xs" gap="md">
              {VERDICTS.map((v) => (
                <Radio key={v} value={v} label={t(`factcheck.verdict.${v}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('factcheck.editor.claimReviewed')}
            description={t('factcheck.editor.claimReviewedHint')}
            required
            autosize
            minRows={2}
            value={claimReviewed}
            onChange={(e) => setClaimReviewed(e.currentTarget.value)}
            error={errors.fields.claimReviewed}
          />
          <Textarea
            label={t('factcheck.editor.explanationTh')}
            description={t('factcheck.editor.explanationThHint')}
            required
            autosize
            minRows={4}
            value={explanationTh}
            onChange={(e) => setExplanationTh(e.currentTarget.value)}
            error={errors.fields.explanationTh}
          />
          <Textarea
            label={t('factcheck.editor.explanationEn')}
            autosize
            minRows={2}
            lang="en"
            value={explanationEn}
            onChange={(e) => setExplanationEn(e.currentTarget.value)}
            error={errors.fields.explanationEn}
          />
          <Fieldset legend={t('factcheck.editor.sources')}>
            <Stack gap="sm">
              {sources.map((s, i) => (
                <Group key={s.key} align="flex-end" gap="xs" wrap="wrap">
                  <TextInput
                    label={t('factcheck.editor.sourceTitle', { n: i + 1 })}
                    value={s.title}
                    onChange={(e) => setSource(s.key, { title: e.currentTarget.value })}
                    style={{ flex: '1 1 12rem' }}
                  />
                  <TextInput
                    label={t('factcheck.editor.sourceUrl', { n: i + 1 })}
                    type="url"
                    value={s.url}
                    onChange={(e) => setSource(s.key, { url: e.currentTarget.value })}
                    style={{ flex: '1 1 12rem' }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('factcheck.editor.removeSource', { n: i + 1 })}
                    onClick={() => setSources((xs) => xs.filter((x) => x.key !== s.key))}
                    disabled={sources.length === 1}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              {errors.fields.sources ? (
                <div role="alert" style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}>
                  {t('factcheck.editor.sourcesError')}
                </div>
              ) : null}
              <Button
                variant="light"
                onClick={() => setSources((xs) => [...xs, { key: nextKey++, title: '', url: '' }])}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('factcheck.editor.addSource')}
              </Button>
            </Stack>
          </Fieldset>
          {current ? (
            <Textarea
              label={t('factcheck.editor.correctionNote')}
              required
              autosize
              minRows={2}
              value={correctionNote}
              onChange={(e) => setCorrectionNote(e.currentTarget.value)}
              error={errors.fields.correctionNote}
            />
          ) : null}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {current ? t('factcheck.editor.republish') : t('factcheck.editor.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
