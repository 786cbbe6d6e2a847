import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkillArea } from '../../api/framework.js';
import { VerificationBadge } from '../../components/verification-badge.js';
import { currentLanguage } from '../../lib/i18n.js';
import { other, pick } from './localize.js';
import { Sources } from './sources.js';

export function SkillAreaKindBadge({ kind }: { kind: SkillArea['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge color="thaksa" variant={kind === 'core' ? 'filled' : 'outline'} tt="none">
      {t(`framework.kind.${kind}`)}
    </Badge>
  );
}

/** The skill areas as cards; `actions` lets the editor add an edit button to each. */
export function SkillAreasSection({ areas, actions }: { areas: SkillArea[]; actions?: (area: SkillArea) => ReactNode }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const sorted = [...areas].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <section aria-labelledby="skill-areas-heading">
      <Title order={2} id="skill-areas-heading" mb={4}>
        {t('framework.skillAreasTitle', { count: areas.length })}
      </Title>
      <Text mb="md">{t('framework.skillAreasLead')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {sorted.map((area) => {
          const second = other(lang, area.nameTh, area.nameEn);
          const description = pick(lang, area.descriptionTh ?? '', area.descriptionEn ?? '') || area.descriptionEn || area.descriptionTh;
          return (
            <Card key={area.code} withBorder padding="md" component="article">
              <Stack gap={6}>
                <Group gap="xs">
                  <SkillAreaKindBadge kind={area.kind} />
                  <VerificationBadge verification={area.verification} />
                </Group>
                <Title order={3} size="h4">
                  {pick(lang, area.nameTh, area.nameEn)}
                </Title>
                <Text size="sm" c="dimmed" lang={second.lang}>
                  {second.text} · {area.code}
                </Text>
                {!area.isNameThOfficial ? (
                  <Text size="xs" c="warn.8">
                    {t('framework.workingThaiName')}
                  </Text>
                ) : null}
                {description ? <Text size="sm">{description}</Text> : null}
                <Sources sources={area.sources} />
                {actions ? <div>{actions(area)}</div> : null}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
