import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { logout } from '../api/auth.js';
import { SESSION_KEY, useSession } from '../features/auth/use-session.js';
import { currentLanguage } from '../lib/i18n.js';
import { useChangeLanguage } from './use-language.js';

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts
    .slice(0, 2)
    .map((p) => p[0] ?? '')
    .join('')
    .toUpperCase();
}

/**
 * The signed-in user's menu: name, language, account pages and sign-out. Loaded only once someone signs in,
 * which keeps the menu's positioning library out of what public visitors download.
 */
export default function UserMenu() {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      navigate('/');
    },
  });

  const user = session.user;
  if (!user) return null;
  const other = currentLanguage() === 'th' ? 'en' : 'th';
  return (
    // No focus placeholder: axe rejects its role="presentation" inside role="menu", and focus goes to the first item instead.
    <Menu position="bottom-end" width={240} withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('userMenu.open', { name: user.displayName })}
          style={{ display: 'flex', alignItems: 'center', gap: 8 }}
        >
          <Avatar color="thaksa" radius="xl" size={32} alt="">
            {initialsOf(user.displayName)}
          </Avatar>
          <Text size="sm" fw={600} visibleFrom="md" lineClamp={1} maw={180}>
            {user.displayName}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item onClick={() => changeLanguage(other)} lang={other}>
          {t(`language.switchTo.${other}`)}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item component={Link} to="/home">
          {t('nav.home')}
        </Menu.Item>
        <Menu.Item component={Link} to="/me/data">
          {t('nav.myData')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account#password">
          {t('userMenu.changePassword')}
        </Menu.Item>
        {session.abilities.createApiTokens ? (
          <Menu.Item component={Link} to="/account#tokens">
            {t('userMenu.apiTokens')}
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Item color="red.9" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
