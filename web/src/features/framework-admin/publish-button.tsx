import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type FrameworkView, publishFramework } from '../../api/framework.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { frameworkKeys } from '../framework/use-framework.js';

/** Publishing freezes the version for good, so it asks once more and explains why it may be refused. */
export function PublishButton({ framework }: { framework: FrameworkView }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const samples = framework.matrix.filter((c) => c.isSample).length;
  const mutation = useMutation({
    mutationFn: () => publishFramework(framework.id),
    onSuccess: async () => {
      // Publishing can change which version is current, so every cached version is stale.
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.list });
      close();
    },
  });
  return (
    <>
      <Button color="ok" onClick={open}>
        {t('frameworkAdmin.publish.button')}
      </Button>
      <AppModal opened={opened} onClose={close} title={t('frameworkAdmin.publish.title', { code: framework.code })}>
        <Stack gap="sm">
          <Text size="sm">{t('frameworkAdmin.publish.text')}</Text>
          {samples > 0 ? (
            <Alert color="warn" variant="light">
              {t('frameworkAdmin.publish.samples', { count: samples })}
            </Alert>
          ) : null}
          <ErrorAlert error={mutation.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="ok" onClick={() => mutation.mutate()} loading={mutation.isPending}>
              {t('frameworkAdmin.publish.confirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}
