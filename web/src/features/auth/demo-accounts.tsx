import { Code, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DemoAccount } from '../../api/platform.js';
import { currentLanguage } from '../../lib/i18n.js';

/**
 * The demo installation's accounts, as the server lists them (getPlatformInfo; never in production).
 * Each is a button that fills the sign-in form; the shared password is printed once above them.
 */
export function DemoAccounts({
  accounts,
  password,
  onPick,
}: {
  accounts: DemoAccount[];
  password: string | null;
  onPick: (account: DemoAccount) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="demo-accounts-title" bg="gray.0">
      <Title order={2} size="h4" id="demo-accounts-title">
        {t('login.demoTitle')}
      </Title>
      <Text size="sm" mt={4}>
        {t('login.demoText')}
        {password ? (
          <>
            {' '}
            {t('login.demoPassword')} <Code fz="sm">{password}</Code>
          </>
        ) : null}
      </Text>
      <Stack component="ul" gap={6} mt="sm" mb={0} p={0} style={{ listStyle: 'none' }}>
        {accounts.map((a) => (
          <li key={a.email}>
            <UnstyledButton className="demo-account" onClick={() => onPick(a)} data-email={a.email}>
              <Text component="span" size="sm" fw={600} display="block" c="thaksa.9">
                {a.email}
              </Text>
              <Text component="span" size="xs" c="dimmed" display="block">
                {lang === 'th' ? a.roleTh : a.roleEn}
              </Text>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
