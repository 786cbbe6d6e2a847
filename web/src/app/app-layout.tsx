import { Alert, Anchor, AppShell, Burger, Button, Container, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useSession } from '../features/auth/use-session.js';
import { errorMessage } from '../lib/form-errors.js';
import { LanguageSwitch } from './language-switch.js';
import { navItemsFor } from './nav-links.js';
import { useApplyUserLanguage, useLanguageSaveError } from './use-language.js';

const UserMenu = lazy(() => import('./user-menu.js'));
const NotificationBell = lazy(() => import('./notification-bell.js'));

function Logo() {
  return (
    <Anchor component={Link} to="/" underline="never" c="thaksa.9" fw={700} fz={{ base: 'lg', sm: 'xl' }} style={{ whiteSpace: 'nowrap' }}>
      <span lang="th">ทักษะ</span> <span lang="en">Thaksa</span>
    </Anchor>
  );
}

/** Says so when a signed-in user's language choice could not be saved on their account (it still applies here). */
function LanguageSaveAlert() {
  const { t } = useTranslation();
  const [error, dismiss] = useLanguageSaveError();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      mb="md"
      title={t('language.saveFailedTitle')}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={dismiss}
    >
      {t('language.saveFailed', { reason: errorMessage(error, t) })}
    </Alert>
  );
}

/** Header, role-based navigation (burger drawer under 768 px), skip link and the page outlet. */
export function AppLayout() {
  const { t } = useTranslation();
  const { session, isSignedIn, isPending } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRender = useRef(true);
  const items = navItemsFor(session);
  useApplyUserLanguage();

  // After client-side navigation move focus to the new page, as a full page load would for screen readers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the pathname is the trigger, not an input
  useEffect(() => {
    close();
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    if (!location.hash) mainRef.current?.focus();
  }, [location.pathname, location.hash, close]);

  const links = (vertical: boolean) =>
    items.map((item) => (
      <Anchor
        key={item.to}
        component={NavLink}
        to={item.to}
        // A more specific entry that matches (the officer's import under /officer) is the current one, not both.
        end={item.end || items.some((o) => o.to.startsWith(`${item.to}/`) && location.pathname.startsWith(o.to))}
        className="nav-link"
        c={vertical ? 'dark' : 'thaksa.9'}
        fw={600}
        fz="sm"
        py={vertical ? 'xs' : 0}
        onClick={close}
      >
        {t(item.label)}
      </Anchor>
    ));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 280, breakpoint: 'md', collapsed: { desktop: true, mobile: !opened } }} padding="md">
      <ScrollRestoration />
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t(opened ? 'nav.closeMenu' : 'nav.openMenu')}
              aria-expanded={opened}
              aria-controls="main-nav-mobile"
            />
            <Logo />
          </Group>
          <Group component="nav" aria-label={t('nav.main')} gap="lg" visibleFrom="md" wrap="nowrap">
            {links(false)}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            {isSignedIn ? (
              <Suspense fallback={null}>
                <NotificationBell />
                <UserMenu />
              </Suspense>
            ) : isPending ? null : (
              <Button component={Link} to="/login" size="xs">
                {t('nav.signIn')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      {/* Rendered only while open so its links never sit off-screen in the tab order. */}
      {opened ? (
        <AppShell.Navbar p="md" id="main-nav-mobile" component="nav" aria-label={t('nav.main')} hiddenFrom="md">
          <Stack gap={4}>{links(true)}</Stack>
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1}>
        <Container size="lg" px={0}>
          <LanguageSaveAlert />
          <Outlet />
        </Container>
        <Container size="lg" px={0} mt="xl" pb="md" component="footer">
          <Text size="xs" c="dimmed">
            {t('app.footer')}
          </Text>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
