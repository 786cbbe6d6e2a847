import { Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateFrameworkItemBody } from '../../../../common/contracts/framework.js';
import {
  type FrameworkView,
  type ItemUpdate,
  type Level,
  type SkillArea,
  type TargetGroup,
  type Unit,
  updateFrameworkItem,
} from '../../api/framework.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { nullIfBlank, useFormValues } from '../../lib/use-form-values.js';
import { pick } from '../framework/localize.js';
import { frameworkKeys } from '../framework/use-framework.js';

export type EditTarget =
  | { kind: 'skill_area'; item: SkillArea }
  | { kind: 'target_group'; item: TargetGroup }
  | { kind: 'level'; item: Level }
  | { kind: 'unit'; item: Unit };

/** The path names levels by rank and everything else by code. */
export function itemCode(target: EditTarget): string {
  return target.kind === 'level' ? String(target.item.rank) : target.item.code;
}

function initialValues(target: EditTarget) {
  const blank = {
    nameTh: '',
    nameEn: '',
    nameThShort: '',
    descriptionTh: '',
    descriptionEn: '',
    areaKind: 'core',
    isNameThOfficial: false,
    titleTh: '',
    titleEn: '',
    standardTh: '',
    skillAreaCode: '',
    targetGroupCodes: [] as string[],
    sourceUrl: '',
  };
  switch (target.kind) {
    case 'skill_area': {
      const a = target.item;
      return {
        ...blank,
        nameTh: a.nameTh,
        nameEn: a.nameEn,
        descriptionTh: a.descriptionTh ?? '',
        descriptionEn: a.descriptionEn ?? '',
        areaKind: a.kind,
        isNameThOfficial: a.isNameThOfficial,
      };
    }
    case 'target_group':
      return { ...blank, nameTh: target.item.nameTh, nameEn: target.item.nameEn, nameThShort: target.item.nameThShort };
    case 'level': {
      const l = target.item;
      return { ...blank, nameTh: l.nameTh, nameEn: l.nameEn, descriptionTh: l.descriptionTh ?? '', descriptionEn: l.descriptionEn ?? '' };
    }
    case 'unit': {
      const u = target.item;
      return {
        ...blank,
        titleTh: u.titleTh,
        titleEn: u.titleEn,
        standardTh: u.standardTh ?? '',
        skillAreaCode: u.skillAreaCode ?? '',
        targetGroupCodes: u.targetGroupCodes ?? [],
        sourceUrl: u.sourceUrl ?? '',
      };
    }
  }
}

type Values = ReturnType<typeof initialValues>;

function toBody(kind: EditTarget['kind'], v: Values): unknown {
  switch (kind) {
    case 'skill_area':
      return {
        kind,
        nameTh: v.nameTh,
        nameEn: v.nameEn,
        descriptionTh: nullIfBlank(v.descriptionTh),
        descriptionEn: nullIfBlank(v.descriptionEn),
        areaKind: v.areaKind,
        isNameThOfficial: v.isNameThOfficial,
      };
    case 'target_group':
      return { kind, nameTh: v.nameTh, nameThShort: v.nameThShort, nameEn: v.nameEn };
    case 'level':
      return {
        kind,
        nameTh: v.nameTh,
        nameEn: v.nameEn,
        descriptionTh: nullIfBlank(v.descriptionTh),
        descriptionEn: nullIfBlank(v.descriptionEn),
      };
    case 'unit':
      return {
        kind,
        titleTh: v.titleTh,
        titleEn: v.titleEn,
        standardTh: nullIfBlank(v.standardTh),
        skillAreaCode: v.skillAreaCode || null,
        // No group ticked means the unit applies to every group, which the contract spells null.
        targetGroupCodes: v.targetGroupCodes.length ? v.targetGroupCodes : null,
        sourceUrl: nullIfBlank(v.sourceUrl),
      };
  }
}

interface Props {
  framework: FrameworkView;
  target: EditTarget;
  onClose: () => void;
}

/** Edits the labels of one item of a draft version; the body is checked against the shared contract first. */
export function ItemEditModal({ framework, target, onClose }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const { values, set } = useFormValues(initialValues(target));
  const mutation = useMutation({
    mutationFn: () =>
      updateFrameworkItem(framework.id, itemCode(target), parseBody<ItemUpdate>(UpdateFrameworkItemBody, toBody(target.kind, values))),
    onSuccess: (updated) => {
      queryClient.setQueryData(frameworkKeys.one(framework.id), updated);
      onClose();
    },
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const text = (key: keyof Values, label: string, opts: { lang?: string; area?: boolean } = {}) => {
    const common = {
      label,
      lang: opts.lang,
      value: values[key] as string,
      error: errors.fields[key],
    };
    return opts.area ? (
      <Textarea {...common} autosize minRows={2} maxRows={6} onChange={(e) => set(key, e.currentTarget.value)} />
    ) : (
      <TextInput {...common} onChange={(e) => set(key, e.currentTarget.value)} required />
    );
  };

  return (
    <AppModal onClose={onClose} title={t(`frameworkAdmin.edit.title.${target.kind}`, { code: itemCode(target) })} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={errors.general} />
          {target.kind === 'unit' ? (
            <>
              {text('titleTh', t('frameworkAdmin.edit.titleTh'), { lang: 'th' })}
              {text('titleEn', t('frameworkAdmin.edit.titleEn'), { lang: 'en' })}
              {text('standardTh', t('frameworkAdmin.edit.standardTh'), { lang: 'th', area: true })}
              <NativeSelect
                label={t('frameworkAdmin.edit.skillArea')}
                value={values.skillAreaCode}
                onChange={(e) => set('skillAreaCode', e.currentTarget.value)}
                data={[
                  { value: '', label: t('framework.units.noArea') },
                  ...framework.skillAreas.map((a) => ({ value: a.code, label: pick(lang, a.nameTh, a.nameEn) })),
                ]}
                error={errors.fields.skillAreaCode}
              />
              <Checkbox.Group
                label={t('frameworkAdmin.edit.targetGroups')}
                description={t('frameworkAdmin.edit.targetGroupsHelp')}
                value={values.targetGroupCodes}
                onChange={(v) => set('targetGroupCodes', v)}
                error={errors.fields.targetGroupCodes}
              >
                <Stack gap={6} mt={6}>
                  {framework.targetGroups.map((g) => (
                    <Checkbox key={g.code} value={g.code} label={pick(lang, g.nameTh, g.nameEn)} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <TextInput
                label={t('frameworkAdmin.edit.sourceUrl')}
                type="url"
                value={values.sourceUrl}
                onChange={(e) => set('sourceUrl', e.currentTarget.value)}
                error={errors.fields.sourceUrl}
              />
            </>
          ) : (
            <>
              {text('nameTh', t('frameworkAdmin.edit.nameTh'), { lang: 'th' })}
              {target.kind === 'target_group' ? text('nameThShort', t('frameworkAdmin.edit.nameThShort'), { lang: 'th' }) : null}
              {text('nameEn', t('frameworkAdmin.edit.nameEn'), { lang: 'en' })}
              {target.kind !== 'target_group' ? (
                <>
                  {text('descriptionTh', t('frameworkAdmin.edit.descriptionTh'), { lang: 'th', area: true })}
                  {text('descriptionEn', t('frameworkAdmin.edit.descriptionEn'), { lang: 'en', area: true })}
                </>
              ) : null}
              {target.kind === 'skill_area' ? (
                <>
                  <NativeSelect
                    label={t('frameworkAdmin.edit.areaKind')}
                    value={values.areaKind}
                    onChange={(e) => set('areaKind', e.currentTarget.value)}
                    data={[
                      { value: 'core', label: t('framework.kind.core') },
                      { value: 'optional', label: t('framework.kind.optional') },
                    ]}
                    error={errors.fields.areaKind}
                  />
                  <Checkbox
                    label={t('frameworkAdmin.edit.isNameThOfficial')}
                    checked={values.isNameThOfficial}
                    onChange={(e) => set('isNameThOfficial', e.currentTarget.checked)}
                  />
                </>
              ) : null}
            </>
          )}
          <Group justify="flex-end" gap="sm" mt="sm">
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
