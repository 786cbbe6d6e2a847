import { Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Level, TargetGroup } from '../../api/framework.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { VerificationBadge } from '../../components/verification-badge.js';
import { currentLanguage } from '../../lib/i18n.js';
import { other, pick } from './localize.js';
import { Sources } from './sources.js';

export function TargetGroupsSection({ groups, actions }: { groups: TargetGroup[]; actions?: (g: TargetGroup) => ReactNode }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const sorted = [...groups].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <section aria-labelledby="target-groups-heading">
      <Title order={2} id="target-groups-heading" mb={4}>
        {t('framework.targetGroupsTitle', { count: groups.length })}
      </Title>
      <Text mb="md">{t('framework.targetGroupsLead')}</Text>
      <ScrollRegion label={t('framework.targetGroupsTitle', { count: groups.length })}>
        <Table striped withTableBorder miw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('framework.col.targetGroup')}</Table.Th>
              <Table.Th scope="col">{t('framework.col.otherLanguage')}</Table.Th>
              <Table.Th scope="col">{t('framework.col.verification')}</Table.Th>
              {actions ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((g) => {
              const second = other(lang, g.nameTh, g.nameEn);
              return (
                <Table.Tr key={g.code}>
                  <Table.Th scope="row" fw={600}>
                    {pick(lang, g.nameTh, g.nameEn)}
                    {lang === 'th' && g.nameThShort !== g.nameTh ? (
                      <Text size="xs" c="dimmed">
                        {t('framework.shortName')}: {g.nameThShort}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td lang={second.lang}>{second.text}</Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {g.verification === 'verified' ? (
                        <Text size="sm">{t('verification.verified')}</Text>
                      ) : (
                        <VerificationBadge verification={g.verification} />
                      )}
                      <Sources sources={g.sources} />
                    </Stack>
                  </Table.Td>
                  {actions ? <Table.Td>{actions(g)}</Table.Td> : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </section>
  );
}

export function LevelsSection({ levels, actions }: { levels: Level[]; actions?: (l: Level) => ReactNode }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const sorted = [...levels].sort((a, b) => a.rank - b.rank);
  return (
    <section aria-labelledby="levels-heading">
      <Title order={2} id="levels-heading" mb={4}>
        {t('framework.levelsTitle', { count: levels.length })}
      </Title>
      <Text mb="md">{t('framework.levelsLead')}</Text>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sorted.map((l) => {
          const description = pick(lang, l.descriptionTh ?? '', l.descriptionEn ?? '') || l.descriptionEn || l.descriptionTh;
          return (
            <li key={l.rank}>
              <Group gap="xs" align="baseline" wrap="wrap">
                <Text fw={700}>{t('framework.levelN', { rank: l.rank })}</Text>
                <Text fw={600}>{pick(lang, l.nameTh, l.nameEn)}</Text>
                <Text size="sm" c="dimmed" lang={other(lang, l.nameTh, l.nameEn).lang}>
                  ({other(lang, l.nameTh, l.nameEn).text})
                </Text>
                <VerificationBadge verification={l.verification} />
                {actions ? actions(l) : null}
              </Group>
              {description ? <Text size="sm">{description}</Text> : null}
            </li>
          );
        })}
      </Stack>
    </section>
  );
}
