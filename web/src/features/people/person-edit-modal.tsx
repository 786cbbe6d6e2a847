import { Alert, Button, Group, List, NativeSelect, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdatePersonBody } from '../../../../common/contracts/people.js';
import {
  EMPLOYMENT_STATUS_CODES,
  POSITION_LEVELS,
  POSITION_TYPE_CODES,
  type PositionType,
  TARGET_GROUP_CODES,
} from '../../../../common/people-rules.js';
import { type PersonView, updatePerson } from '../../api/people.js';
import { AppModal } from '../../components/app-modal.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { nullIfBlank, useFormValues } from '../../lib/use-form-values.js';
import { levelLabel, positionTypeLabel, statusLabel, targetGroupLabel } from './labels.js';
import { PersonPicker } from './person-picker.js';

const SUGGESTED = 'suggested';

function initialValues(p: PersonView) {
  return {
    titleTh: p.titleTh,
    firstNameTh: p.firstNameTh,
    lastNameTh: p.lastNameTh,
    titleEn: p.titleEn ?? '',
    firstNameEn: p.firstNameEn ?? '',
    lastNameEn: p.lastNameEn ?? '',
    email: p.email ?? '',
    positionTh: p.positionTh,
    positionType: p.positionType as string,
    positionLevel: p.positionLevel ?? '',
    isIt: p.isIt,
    employmentStatus: p.employmentStatus as string,
    targetGroup: p.targetGroupSource === 'hr' ? (p.targetGroupCode as string) : SUGGESTED,
    supervisorId: p.supervisor?.id ?? '',
    reason: '',
  };
}
type Values = ReturnType<typeof initialValues>;

/** Only what changed is sent; an HR choice of group, or a return to the suggestion, goes to the history with the reason. */
function changes(p: PersonView, v: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const text = (key: keyof Values & keyof PersonView, optional = false) => {
    const value = optional ? nullIfBlank(v[key] as string) : (v[key] as string).trim();
    if (value !== (p[key] ?? (optional ? null : ''))) body[key] = value;
  };
  text('titleTh');
  text('firstNameTh');
  text('lastNameTh');
  text('titleEn', true);
  text('firstNameEn', true);
  text('lastNameEn', true);
  text('email', true);
  text('positionTh');
  if (v.positionType !== p.positionType) body.positionType = v.positionType;
  if ((v.positionLevel || null) !== p.positionLevel) body.positionLevel = v.positionLevel || null;
  if (v.isIt !== p.isIt) body.isIt = v.isIt;
  if (v.employmentStatus !== p.employmentStatus) body.employmentStatus = v.employmentStatus;
  if (v.targetGroup === SUGGESTED) {
    if (p.targetGroupSource === 'hr') body.targetGroupCode = null;
  } else if (p.targetGroupSource !== 'hr' || v.targetGroup !== p.targetGroupCode) {
    body.targetGroupCode = v.targetGroup;
  }
  if ((v.supervisorId || null) !== (p.supervisor?.id ?? null)) body.supervisorId = v.supervisorId || null;
  if (v.reason.trim()) body.reason = v.reason.trim();
  return body;
}

export function PersonEditModal({ person, within, onClose }: { person: PersonView; within?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const { values, set } = useFormValues(initialValues(person));
  const mutation = useMutation({
    mutationFn: () => updatePerson(person.id, parseBody(UpdatePersonBody, changes(person, values))),
    onSuccess: (updated) => {
      queryClient.setQueryData(['person', person.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['person-history', person.id] });
      void queryClient.invalidateQueries({ queryKey: ['personnel'] });
      onClose();
    },
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const labels: Record<string, string> = {
    titleTh: t('people.field.titleTh'),
    firstNameTh: t('people.field.firstNameTh'),
    lastNameTh: t('people.field.lastNameTh'),
    titleEn: t('people.field.titleEn'),
    firstNameEn: t('people.field.firstNameEn'),
    lastNameEn: t('people.field.lastNameEn'),
    email: t('people.field.email'),
    positionTh: t('people.field.position'),
    positionType: t('people.field.positionType'),
    positionLevel: t('people.field.positionLevel'),
    isIt: t('people.field.isIt'),
    employmentStatus: t('people.field.status'),
    targetGroupCode: t('people.field.targetGroup'),
    reason: t('people.edit.reason'),
  };
  const wrong = Object.keys(errors.fields);
  const levels = POSITION_LEVELS[values.positionType as PositionType] ?? [];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const input = (key: keyof Values & keyof typeof labels, opts: { required?: boolean; type?: string; autoComplete?: string } = {}) => (
    <TextInput
      label={labels[key]}
      required={opts.required}
      type={opts.type}
      autoComplete={opts.autoComplete ?? 'off'}
      value={values[key] as string}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors.fields[key]}
    />
  );
  const suggested = targetGroupLabel(person.suggestedTargetGroup, t);

  return (
    <AppModal title={t('people.edit.title')} onClose={onClose} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {errors.general ? (
            <Alert color="red" variant="light" role="alert" title={t('common.errorTitle')}>
              {errors.general}
              {wrong.length ? (
                <List size="sm" mt={4}>
                  {wrong.map((k) => (
                    <List.Item key={k}>
                      {labels[k] ?? k}: {errors.fields[k]}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {input('titleTh', { required: true })}
            {input('firstNameTh', { required: true })}
            {input('lastNameTh', { required: true })}
            {input('titleEn')}
            {input('firstNameEn')}
            {input('lastNameEn')}
          </SimpleGrid>
          {input('email', { type: 'email', autoComplete: 'off' })}
          {input('positionTh', { required: true })}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={labels.positionType}
              value={values.positionType}
              onChange={(e) => {
                set('positionType', e.currentTarget.value);
                set('positionLevel', '');
              }}
              data={POSITION_TYPE_CODES.map((c) => ({ value: c, label: positionTypeLabel(c, lang) }))}
              error={errors.fields.positionType}
            />
            <NativeSelect
              label={labels.positionLevel}
              value={values.positionLevel}
              onChange={(e) => set('positionLevel', e.currentTarget.value)}
              data={[
                { value: '', label: t('common.none') },
                ...levels.map((l) => ({ value: l.code, label: levelLabel(values.positionType, l.code, lang) })),
              ]}
              error={errors.fields.positionLevel}
            />
          </SimpleGrid>
          <PersonPicker
            label={t('people.field.supervisor')}
            description={t('people.personPicker.supervisorHint')}
            value={values.supervisorId}
            initial={person.supervisor}
            exclude={person.id}
            within={within}
            onChange={(id) => set('supervisorId', id)}
            error={errors.fields.supervisorId}
          />
          <Switch
            label={labels.isIt}
            description={t('people.edit.isItHint')}
            checked={values.isIt}
            onChange={(e) => set('isIt', e.currentTarget.checked)}
          />
          <NativeSelect
            label={labels.employmentStatus}
            value={values.employmentStatus}
            onChange={(e) => set('employmentStatus', e.currentTarget.value)}
            data={EMPLOYMENT_STATUS_CODES.map((c) => ({ value: c, label: statusLabel(c, lang) }))}
            error={errors.fields.employmentStatus}
          />
          <Stack gap={4}>
            <NativeSelect
              label={labels.targetGroupCode}
              description={t('people.edit.targetGroupHint', { group: suggested })}
              value={values.targetGroup}
              onChange={(e) => set('targetGroup', e.currentTarget.value)}
              data={[
                { value: SUGGESTED, label: t('people.edit.followSuggestion', { group: suggested }) },
                ...TARGET_GROUP_CODES.map((c) => ({ value: c, label: targetGroupLabel(c, t) })),
              ]}
              error={errors.fields.targetGroupCode}
            />
            {values.targetGroup !== SUGGESTED ? (
              <Group>
                <Button variant="subtle" size="compact-sm" onClick={() => set('targetGroup', SUGGESTED)}>
                  {t('people.edit.returnToSuggestion')}
                </Button>
              </Group>
            ) : null}
          </Stack>
          <Textarea
            label={labels.reason}
            description={t('people.edit.reasonHint')}
            autosize
            minRows={2}
            value={values.reason}
            onChange={(e) => set('reason', e.currentTarget.value)}
            error={errors.fields.reason}
          />
          <Text size="xs" c="dimmed">
            {t('people.edit.citizenIdNote')}
          </Text>
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
