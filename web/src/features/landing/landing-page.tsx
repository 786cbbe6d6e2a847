import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';

/** The kinds of people the platform serves, in the order a civil servant meets them. */
const AUDIENCES = ['learner', 'supervisor', 'agencyHr', 'executive', 'provider', 'reviewer', 'officer', 'volunteer', 'public'] as const;

export default function LandingPage() {
  const { t } = useTranslation();
  const { isSignedIn } = useSession();
  usePageTitle(null);
  return (
    <Stack gap="xl">
      <Stack gap="md" py={{ base: 'md', sm: 'xl' }}>
        <Title order={1}>{t('landing.title')}</Title>
        <Text size="lg" maw={760}>
          {t('landing.lead')}
        </Text>
        <Group gap="sm">
          <Button component={Link} to="/framework" size="md">
            {t('landing.viewFramework')}
          </Button>
          <Button component={Link} to="/catalog" size="md" variant="light">
            {t('landing.searchCatalog')}
          </Button>
          {isSignedIn ? (
            <Button component={Link} to="/home" size="md" variant="outline">
              {t('landing.goHome')}
            </Button>
          ) : (
            <Button component={Link} to="/login" size="md" variant="outline">
              {t('landing.signIn')}
            </Button>
          )}
        </Group>
      </Stack>

      <section aria-labelledby="audiences-heading">
        <Title order={2} id="audiences-heading" mb="xs">
          {t('landing.audiencesTitle')}
        </Title>
        <Text mb="md">{t('landing.audiencesLead')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {AUDIENCES.map((key) => (
            <Card key={key} withBorder padding="lg" radius="md" component="article">
              <Title order={3} size="h4" mb={6}>
                {t(`landing.audiences.${key}.title`)}
              </Title>
              <Text size="sm">{t(`landing.audiences.${key}.text`)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="status-heading">
        <Title order={2} id="status-heading" mb="xs">
          {t('landing.statusTitle')}
        </Title>
        <Text>{t('landing.statusText')}</Text>
      </section>
    </Stack>
  );
}
