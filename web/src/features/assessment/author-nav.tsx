import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The author's sections: bank, blueprints, statistics. */
export function AuthorNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/assessment/items', label: t('assessment.nav.bank') },
    { to: '/assessment/blueprints', label: t('assessment.nav.blueprints') },
    { to: '/assessment/stats', label: t('assessment.nav.stats') },
    { to: '/self-assessment', label: t('assessment.nav.statements') },
  ];
  return (
    <nav aria-label={t('assessment.nav.label')}>
      <Group gap="md" wrap="wrap">
        {links.map((l) => (
          <Anchor key={l.to} component={NavLink} to={l.to} fw={600}>
            {l.label}
          </Anchor>
        ))}
      </Group>
    </nav>
  );
}
