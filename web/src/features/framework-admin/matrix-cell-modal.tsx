import { Button, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SetRequiredLevelBody } from '../../../../common/contracts/framework.js';
import { type FrameworkView, type MatrixCell, type SkillArea, setRequiredLevel, type TargetGroup } from '../../api/framework.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { pick } from '../framework/localize.js';
import { frameworkKeys } from '../framework/use-framework.js';

export interface CellTarget {
  group: TargetGroup;
  area: SkillArea;
  cell: MatrixCell | undefined;
}

/** Sets one required level; clearing "sample" confirms the value as official. */
export function MatrixCellModal({ framework, target, onClose }: { framework: FrameworkView; target: CellTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const [level, setLevel] = useState(target.cell?.levelRank == null ? '' : String(target.cell.levelRank));
  const [isSample, setIsSample] = useState(target.cell?.isSample ?? true);
  const mutation = useMutation({
    mutationFn: () =>
      setRequiredLevel(
        framework.id,
        target.group.code,
        target.area.code,
        parseBody(SetRequiredLevelBody, { levelRank: level === '' ? null : Number(level), isSample }),
      ),
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
  const levels = [...framework.levels].sort((a, b) => a.rank - b.rank);

  return (
    <AppModal onClose={onClose} title={t('frameworkAdmin.cell.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {t('frameworkAdmin.cell.which', {
              group: pick(lang, target.group.nameTh, target.group.nameEn),
              area: pick(lang, target.area.nameTh, target.area.nameEn),
            })}
          </Text>
          <ErrorAlert message={errors.general} />
          <NativeSelect
            label={t('frameworkAdmin.cell.level')}
            value={level}
            onChange={(e) => setLevel(e.currentTarget.value)}
            data={[
              { value: '', label: t('framework.matrix.notRequired') },
              ...levels.map((l) => ({
                value: String(l.rank),
                label: `${t('framework.levelN', { rank: l.rank })} – ${pick(lang, l.nameTh, l.nameEn)}`,
              })),
            ]}
            error={errors.fields.levelRank}
          />
          <Checkbox
            label={t('frameworkAdmin.cell.isSample')}
            description={t('frameworkAdmin.cell.isSampleHelp')}
            checked={isSample}
            onChange={(e) => setIsSample(e.currentTarget.checked)}
            error={errors.fields.isSample}
          />
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
