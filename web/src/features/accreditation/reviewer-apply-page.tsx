import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplyAsReviewerBody } from '../../../../common/contracts/accreditation-registry.js';
import { applyAsReviewer } from '../../api/accreditation.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useCurrentFramework } from './shared.js';

export default function ReviewerApplyPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('acc.apply.title'));
  const framework = useCurrentFramework();
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [qualifications, setQualifications] = useState('');
  const [affiliations, setAffiliations] = useState<{ organisationName: string; roleTitle: string }[]>([]);
  const [maxConcurrent, setMaxConcurrent] = useState<number | string>(3);
  const mutation = useMutation({
    mutationFn: () =>
      applyAsReviewer(
        parseBody(ApplyAsReviewerBody, {
          expertise: Object.entries(levels)
            .filter(([, v]) => v)
            .map(([skillAreaCode, v]) => ({ skillAreaCode, levelRank: Number(v) })),
          qualifications,
          affiliations: affiliations.filter((a) => a.organisationName.trim()).map((a) => ({ organisationName: a.organisationName, roleTitle: a.roleTitle.trim() || undefined })),
          maxConcurrent: Number(maxConcurrent),
        }),
      ),
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  if (mutation.isSuccess) {
    return (
      <Stack gap="lg" maw={720}>
        <Title order={1}>{t('acc.apply.title')}</Title>
        <Alert color="ok" variant="light" role="status">
          {t('acc.apply.done')}
        </Alert>
      </Stack>
    );
  }
  const levelOptions = [{ value: '', label: t('acc.apply.noExpertise') }, ...(framework.data?.levels ?? []).map((l) => ({ value: String(l.rank), label: `${l.rank} — ${lang === 'th' ? l.nameTh : l.nameEn}` }))];
  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{t('acc.apply.title')}</Title>
      <Text>{t('acc.apply.intro')}</Text>
      <Paper withBorder p="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <ErrorAlert message={errors.general} />
            <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <legend>
                <Text fw={600}>{t('acc.apply.expertise')}</Text>
              </legend>
              {errors.fields.expertise ? (
                <Text c="red" size="sm">
                  {errors.fields.expertise}
                </Text>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                {(framework.data?.skillAreas ?? []).map((s) => (
                  <Select key={s.code} label={`${s.code} — ${lang === 'th' ? s.nameTh : s.nameEn}`} data={levelOptions} value={levels[s.code] ?? ''} onChange={(v) => setLevels((l) => ({ ...l, [s.code]: v ?? '' }))} allowDeselect={false} />
                ))}
              </SimpleGrid>
            </fieldset>
            <Textarea label={t('acc.apply.qualifications')} required autosize minRows={3} value={qualifications} onChange={(e) => setQualifications(e.currentTarget.value)} error={errors.fields.qualifications} />
            <Stack gap="xs">
              <Text fw={600}>{t('acc.apply.affiliations')}</Text>
              <Text size="sm" c="dimmed">
                {t('acc.apply.affiliationsHint')}
              </Text>
              {affiliations.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an editable list without ids
                <SimpleGrid key={i} cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t('acc.apply.organisation', { n: i + 1 })} value={a.organisationName} onChange={(e) => { const v = e.currentTarget.value; setAffiliations((xs) => xs.map((x, j) => (j === i ? { ...x, organisationName: v } : x))); }} />
                  <TextInput label={t('acc.apply.roleTitle', { n: i + 1 })} value={a.roleTitle} onChange={(e) => { const v = e.currentTarget.value; setAffiliations((xs) => xs.map((x, j) => (j === i ? { ...x, roleTitle: v } : x))); }} />
                </SimpleGrid>
              ))}
              <Group>
                <Button size="xs" variant="light" onClick={() => setAffiliations((xs) => [...xs, { organisationName: '', roleTitle: '' }])}>
                  {t('acc.apply.addAffiliation')}
                </Button>
              </Group>
            </Stack>
            <NumberInput label={t('acc.apply.maxConcurrent')} min={1} max={10} value={maxConcurrent} onChange={setMaxConcurrent} error={errors.fields.maxConcurrent} maw={240} />
            <div>
              <Button type="submit" loading={mutation.isPending}>
                {t('acc.apply.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
