import { Button, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateFrameworkVersionBody } from '../../../../common/contracts/framework.js';
import { createFrameworkVersion, type FrameworkSummary } from '../../api/framework.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { useFormValues } from '../../lib/use-form-values.js';
import { frameworkKeys } from '../framework/use-framework.js';
import { versionLabel } from '../framework/version-picker.js';

const thisYearBe = () => new Date().getFullYear() + 543;

/** A new draft copied from a published version; the editor opens on it once created. */
export function CreateVersionForm({ published, basedOnId }: { published: FrameworkSummary[]; basedOnId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { values, set } = useFormValues({ basedOnId, code: '', yearBe: String(thisYearBe()), titleTh: '', titleEn: '' });
  const mutation = useMutation({
    mutationFn: () =>
      createFrameworkVersion(
        parseBody(CreateFrameworkVersionBody, { ...values, code: values.code.trim().toUpperCase(), yearBe: Number(values.yearBe) }),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.list });
      navigate(`/admin/framework/${created.id}`);
    },
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="create-version-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} id="create-version-heading">
            {t('frameworkAdmin.create.title')}
          </Title>
          <ErrorAlert message={errors.general} />
          <NativeSelect
            label={t('frameworkAdmin.create.basedOn')}
            description={t('frameworkAdmin.create.basedOnHelp')}
            value={values.basedOnId}
            onChange={(e) => set('basedOnId', e.currentTarget.value)}
            data={published.map((v) => ({ value: v.id, label: versionLabel(v, t, lang) }))}
            error={errors.fields.basedOnId}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('frameworkAdmin.create.code')}
              description={t('frameworkAdmin.create.codeHelp')}
              value={values.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={errors.fields.code}
              required
              autoCapitalize="characters"
            />
            <TextInput
              label={t('frameworkAdmin.create.yearBe')}
              description={t('frameworkAdmin.create.yearBeHelp')}
              inputMode="numeric"
              value={values.yearBe}
              onChange={(e) => set('yearBe', e.currentTarget.value)}
              error={errors.fields.yearBe}
              required
            />
            <TextInput
              label={t('frameworkAdmin.create.titleTh')}
              lang="th"
              value={values.titleTh}
              onChange={(e) => set('titleTh', e.currentTarget.value)}
              error={errors.fields.titleTh}
              required
            />
            <TextInput
              label={t('frameworkAdmin.create.titleEn')}
              lang="en"
              value={values.titleEn}
              onChange={(e) => set('titleEn', e.currentTarget.value)}
              error={errors.fields.titleEn}
              required
            />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={mutation.isPending}>
              {t('frameworkAdmin.create.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
