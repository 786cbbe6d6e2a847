import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useScrollToHash } from '../../lib/use-scroll-to-hash.js';
import { useSession } from '../auth/use-session.js';
import { ApiTokensSection } from './api-tokens-section.js';
import { ChangePasswordForm } from './change-password-form.js';

export default function AccountPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  usePageTitle(t('account.title'));
  // The user menu links to #password and #tokens.
  useScrollToHash();

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('account.title')}</Title>
        <Text>
          {session.user?.displayName} · {session.user?.email}
        </Text>
      </Stack>
      <ChangePasswordForm />
      {session.abilities.createApiTokens ? <ApiTokensSection /> : null}
    </Stack>
  );
}
