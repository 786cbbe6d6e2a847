import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../lib/use-page-title.js';

/** Not found, not allowed, or broken: say so plainly and offer a way on. */
export function StatusPage({ kind }: { kind: 'notFound' | 'forbidden' | 'error' }) {
  const { t } = useTranslation();
  usePageTitle(t(`status.${kind}.title`));
  return (
    <Stack gap="md" align="flex-start" py="xl">
      <Title order={1}>{t(`status.${kind}.title`)}</Title>
      <Text>{t(`status.${kind}.text`)}</Text>
      <Button component={Link} to="/">
        {t('status.backHome')}
      </Button>
    </Stack>
  );
}

export function NotFoundPage() {
  return <StatusPage kind="notFound" />;
}
