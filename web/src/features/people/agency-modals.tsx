import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AgencyKind, CreateAgencyBody, MoveAgencyBody, UpdateAgencyBody } from '../../../../common/contracts/people.js';
import { PROVINCES } from '../../../../common/provinces.js';
import { type AgencyDetailView, createAgency, moveAgency, updateAgency } from '../../api/people.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { useFormValues } from '../../lib/use-form-values.js';
import { AgencyPicker } from './agency-picker.js';
import { agencyName } from './labels.js';

const KIDS: Record<string, string> = {
  ministry: 'department',
  department: 'division',
  division: 'unit',
  unit: 'unit',
  province: 'division',
  local: 'division',
};

/** Adds a sub-agency (parent given) or changes an agency's code, names, kind or province. */
export function AgencyFormModal({
  parent,
  agency,
  onDone,
  onClose,
}: {
  parent?: AgencyDetailView | null;
  agency?: AgencyDetailView;
  onDone: (id: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const { values, set } = useFormValues({
    code: agency?.code ?? '',
    nameTh: agency?.nameTh ?? '',
    nameEn: agency?.nameEn ?? '',
    kind: agency?.kind ?? (parent ? (KIDS[parent.kind] ?? 'division') : 'ministry'),
    provinceCode: agency?.provinceCode ?? '',
  });
  const mutation = useMutation({
    mutationFn: () => {
      if (agency) {
        const body: Record<string, unknown> = {};
        if (values.code.trim() !== agency.code) body.code = values.code.trim();
        if (values.nameTh.trim() !== agency.nameTh) body.nameTh = values.nameTh.trim();
        if (values.nameEn.trim() !== agency.nameEn) body.nameEn = values.nameEn.trim();
        if (values.kind !== agency.kind) body.kind = values.kind;
        if ((values.provinceCode || null) !== agency.provinceCode) body.provinceCode = values.provinceCode || null;
        return updateAgency(agency.id, parseBody(UpdateAgencyBody, body));
      }
      return createAgency(
        parseBody(CreateAgencyBody, {
          code: values.code.trim(),
          nameTh: values.nameTh.trim(),
          nameEn: values.nameEn.trim(),
          kind: values.kind,
          parentId: parent?.id ?? null,
          provinceCode: values.provinceCode || null,
        }),
      );
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['agency'] });
      void queryClient.invalidateQueries({ queryKey: ['agency-children'] });
      void queryClient.invalidateQueries({ queryKey: ['agencies'] });
      void queryClient.invalidateQueries({ queryKey: ['agency-options'] });
      onDone(saved.id);
    },
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const title = agency
    ? t('people.agencies.editTitle', { name: agencyName(agency, lang) })
    : parent
      ? t('people.agencies.addUnder', { name: agencyName(parent, lang) })
      : t('people.agencies.addTop');
  return (
    <AppModal title={title} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={errors.general} />
          <TextInput
            label={t('people.agencies.code')}
            description={t('people.agencies.codeHint')}
            required
            value={values.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={errors.fields.code}
          />
          <TextInput
            label={t('people.agencies.nameTh')}
            required
            value={values.nameTh}
            onChange={(e) => set('nameTh', e.currentTarget.value)}
            error={errors.fields.nameTh}
          />
          <TextInput
            label={t('people.agencies.nameEn')}
            required
            value={values.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={errors.fields.nameEn}
          />
          <NativeSelect
            label={t('people.agencies.kind')}
            value={values.kind}
            onChange={(e) => set('kind', e.currentTarget.value as typeof values.kind)}
            data={AgencyKind.options.map((k) => ({ value: k, label: t(`users.grant.agencyKind.${k}`) }))}
            error={errors.fields.kind ?? errors.fields.parentId}
          />
          <NativeSelect
            label={t('people.agencies.province')}
            value={values.provinceCode}
            onChange={(e) => set('provinceCode', e.currentTarget.value)}
            data={[
              { value: '', label: t('common.none') },
              ...PROVINCES.map((p) => ({ value: p.code, label: lang === 'th' ? p.nameTh : p.nameEn })),
            ]}
            error={errors.fields.provinceCode}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Moves an agency, its sub-agencies and their people under another parent; a move under itself is refused (shown). */
export function MoveAgencyModal({
  agency,
  within,
  onDone,
  onClose,
}: {
  agency: AgencyDetailView;
  within?: string;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const { values, set } = useFormValues({ parentId: '', reason: '' });
  const mutation = useMutation({
    mutationFn: () =>
      moveAgency(agency.id, parseBody(MoveAgencyBody, { parentId: values.parentId || null, reason: values.reason.trim() || undefined })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['agency'] });
      void queryClient.invalidateQueries({ queryKey: ['agency-children'] });
      void queryClient.invalidateQueries({ queryKey: ['agencies'] });
      void queryClient.invalidateQueries({ queryKey: ['personnel'] });
      onDone();
    },
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <AppModal title={t('people.agencies.moveTitle', { name: agencyName(agency, lang) })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('people.agencies.moveLead')}</Text>
          <ErrorAlert message={errors.general} />
          <AgencyPicker
            label={t('people.agencies.newParent')}
            description={within ? undefined : t('people.agencies.newParentHint')}
            value={values.parentId}
            within={within}
            clearable
            onChange={(id) => set('parentId', id)}
            error={errors.fields.parentId}
          />
          <Textarea
            label={t('people.agencies.moveReason')}
            autosize
            minRows={2}
            value={values.reason}
            onChange={(e) => set('reason', e.currentTarget.value)}
            error={errors.fields.reason}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('people.agencies.move')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
