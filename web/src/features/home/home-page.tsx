import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { scopeText } from '../../lib/roles.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';

const PEOPLE_READERS: string[] = ['agency_admin', 'agency_executive', 'central_monitor', 'system_admin'];

/** Modules the product plans; described as coming until they ship, never faked. */
const COMING = ['accreditation', 'assessment', 'development', 'reports', 'volunteers', 'factcheck'] as const;

export default function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  usePageTitle(t('home.title'));
  const lang = currentLanguage();
  const available = [
    { to: '/framework', label: 'nav.framework', show: true },
    { to: '/catalog', label: 'nav.catalog', show: true },
    { to: '/agency/shortlist', label: 'nav.shortlist', show: session.roles.some((r) => r.role === 'agency_admin') },
    { to: '/officer/catalog-import', label: 'nav.catalogImport', show: session.roles.some((r) => r.role === 'accreditation_officer') },
    { to: '/people', label: 'nav.people', show: session.roles.some((r) => PEOPLE_READERS.includes(r.role)) },
    {
      to: '/people/imports',
      label: 'nav.peopleImport',
      show: session.roles.some((r) => r.role === 'agency_admin' || r.role === 'system_admin'),
    },
    { to: '/agencies', label: 'nav.agencies', show: session.roles.some((r) => PEOPLE_READERS.includes(r.role)) },
    { to: '/admin/framework', label: 'nav.adminFramework', show: session.abilities.editFramework },
    { to: '/admin/users', label: 'nav.adminUsers', show: session.abilities.manageUsers },
    { to: '/admin/audit', label: 'nav.adminAudit', show: session.abilities.readAudit },
    { to: '/me/data', label: 'nav.myData', show: true },
    { to: '/account', label: 'home.account', show: true },
  ].filter((l) => l.show);

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>{t('home.greeting', { name: session.user?.displayName ?? '' })}</Title>
        {session.expiresAt ? (
          <Text c="dimmed" size="sm">
            {t('home.sessionUntil', { when: formatDate(session.expiresAt, lang, 'dateTime') })}
          </Text>
        ) : null}
      </Stack>

      <section aria-labelledby="roles-heading">
        <Title order={2} id="roles-heading" mb="sm">
          {t('home.rolesTitle')}
        </Title>
        {session.roles.length === 0 ? (
          <EmptyState title={t('home.noRolesTitle')}>{t('home.noRolesText')}</EmptyState>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {session.roles.map((grant) => (
              <Card key={grant.id} withBorder padding="lg" component="article">
                <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
                  <Title order={3} size="h4">
                    {t(`roles.${grant.role}.name`)}
                  </Title>
                  <Badge variant="outline" tt="none" style={{ whiteSpace: 'normal', height: 'auto' }}>
                    {scopeText(grant, t)}
                  </Badge>
                </Group>
                <Text size="sm">{t(`roles.${grant.role}.does`)}</Text>
                <Text size="sm" mt="xs" c="dimmed">
                  {t(`roles.${grant.role}.now`)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </section>

      <section aria-labelledby="available-heading">
        <Title order={2} id="available-heading" mb="sm">
          {t('home.availableTitle')}
        </Title>
        <List spacing={4}>
          {available.map((l) => (
            <List.Item key={l.to}>
              <Anchor component={Link} to={l.to}>
                {t(l.label)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </section>

      <section aria-labelledby="coming-heading">
        <Title order={2} id="coming-heading" mb={4}>
          {t('home.comingTitle')}
        </Title>
        <Text mb="sm">{t('home.comingLead')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {COMING.map((key) => (
            <Card key={key} withBorder padding="md" component="article">
              <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
                <Title order={3} size="h5">
                  {t(`home.modules.${key}.title`)}
                </Title>
                <Badge color="gray" variant="outline" tt="none">
                  {t('home.comingBadge')}
                </Badge>
              </Group>
              <Text size="sm">{t(`home.modules.${key}.text`)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
