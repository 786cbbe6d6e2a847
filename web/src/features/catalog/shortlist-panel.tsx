import { Anchor, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CatalogCourseView, removeFromShortlist, shortlistCourse } from '../../api/catalog.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { localized } from './labels.js';

type Agency = CatalogCourseView['abilities']['shortlistAgencies'][number];
const MAX_NOTE = 500;

function AgencyShortlist({ courseId, agency }: { courseId: string; agency: Agency }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [done, setDone] = useState<'added' | 'removed' | null>(null);
  const name = localized(lang, agency.nameTh, agency.nameEn);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['catalog-course', courseId] });
    void queryClient.invalidateQueries({ queryKey: ['shortlist', agency.id] });
  };
  const add = useMutation({
    mutationFn: () => shortlistCourse(courseId, { agencyId: agency.id, note: note.trim() || undefined }),
    onSuccess: () => {
      setDone('added');
      setNote('');
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => removeFromShortlist(agency.id, courseId),
    onSuccess: () => {
      setDone('removed');
      refresh();
    },
  });
  const error = add.error ?? remove.error;
  const errors = error ? toFormErrors(error, t) : null;
  const tooLong = note.trim().length > MAX_NOTE;
  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    if (!tooLong) add.mutate();
  };

  return (
    <Stack gap="xs">
      <Text fw={600}>{name}</Text>
      <ErrorAlert message={errors && !errors.fields.note ? errors.general : null} />
      {agency.isShortlisted ? (
        <>
          <Text size="sm">{t('catalog.shortlist.isListed', { agency: name })}</Text>
          <div>
            <Button variant="light" color="red" size="xs" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('catalog.shortlist.removeFrom', { agency: name })}
            </Button>
          </div>
        </>
      ) : (
        <form onSubmit={onAdd} noValidate>
          <Stack gap="xs">
            <Textarea
              id={noteId}
              label={t('catalog.shortlist.note')}
              description={t('catalog.shortlist.noteHint', { max: MAX_NOTE })}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={tooLong ? t('catalog.shortlist.noteTooLong', { max: MAX_NOTE }) : errors?.fields.note}
            />
            <div>
              <Button type="submit" size="xs" loading={add.isPending}>
                {t('catalog.shortlist.addTo', { agency: name })}
              </Button>
            </div>
          </Stack>
        </form>
      )}
      <Text size="sm" role="status">
        {done === 'added'
          ? t('catalog.shortlist.added', { agency: name })
          : done === 'removed'
            ? t('catalog.shortlist.removed', { agency: name })
            : ''}
      </Text>
    </Stack>
  );
}

/** Agency HR keeps this course on its agencies' shortlists for planning training. */
export function ShortlistPanel({ course }: { course: CatalogCourseView }) {
  const { t } = useTranslation();
  const headingId = useId();
  const agencies = course.abilities.shortlistAgencies;
  if (!agencies.length) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb={4}>
        {t('catalog.shortlist.panelTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('catalog.shortlist.panelLead')}{' '}
        <Anchor component={Link} to="/agency/shortlist" underline="always">
          {t('catalog.shortlist.openList')}
        </Anchor>
      </Text>
      <Stack gap="md">
        {agencies.map((a) => (
          <AgencyShortlist key={a.id} courseId={course.id} agency={a} />
        ))}
      </Stack>
    </Paper>
  );
}
