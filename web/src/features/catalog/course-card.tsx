import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CatalogCourseSummary } from '../../api/catalog.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { Highlighted } from './highlight.js';
import { type FacetLabels, feeText, filterLabel, localized, ratingText, skillText } from './labels.js';
import { CatalogStatusBadge } from './status-badge.js';

/**
 * One course in a result list: title and summary with the matched words marked, accreditation number,
 * provider, hours, delivery, next run, fee, rating, target groups and skill areas.
 */
export function CourseCard({ course: c, labels, from }: { course: CatalogCourseSummary; labels: FacetLabels; from?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const titleId = useId();
  const to = `/catalog/courses/${c.id}`;
  const state = from ? { from } : undefined;
  const english = lang === 'en' && c.titleEn;
  const groups = c.targetGroups.map((g) => filterLabel('targetGroup', g, labels, lang, t));
  const skills = c.skillAreas.map((s) => skillText(s.code, s.level, labels, lang, t));

  return (
    <Card withBorder padding="md" radius="md" component="article" aria-labelledby={titleId} className="course-card">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h4" id={titleId} style={{ flex: '1 1 16rem', minWidth: 0 }}>
            <Anchor component={Link} to={to} state={state}>
              {english ? <span lang="en">{c.titleEn}</span> : <Highlighted parts={c.titleParts} />}
            </Anchor>
          </Title>
          <CatalogStatusBadge status={c.status} />
        </Group>
        {english ? (
          <Text size="sm" lang="th">
            <Highlighted parts={c.titleParts} />
          </Text>
        ) : null}
        <Text size="sm">
          <Anchor component={Link} to={`/catalog/providers/${c.providerId}`} underline="always">
            {localized(lang, c.providerNameTh, c.providerNameEn)}
          </Anchor>
          {c.accreditationNumber ? (
            <>
              {' · '}
              {t('catalog.card.number', { number: c.accreditationNumber })}
            </>
          ) : null}
        </Text>
        {c.snippet.length ? (
          <Text size="sm" c="dimmed" lang="th" lineClamp={3}>
            <Highlighted parts={c.snippet} />
          </Text>
        ) : null}
        <ul className="fact-list">
          <li>{t('catalog.card.hours', { count: c.hours })}</li>
          <li>{t(`catalog.delivery.${c.deliveryMode}`, { defaultValue: c.deliveryMode })}</li>
          <li>{c.nextRunOn ? t('catalog.card.nextRun', { date: formatDate(c.nextRunOn, lang) }) : t('catalog.card.noRun')}</li>
          <li>{feeText(c.feeBaht, lang, t)}</li>
          <li>
            {c.ratingCount > 0 && c.ratingAvg !== null ? (
              <>
                <span aria-hidden="true" className="rating-star">
                  ★{' '}
                </span>
                {t('catalog.card.rating', { avg: ratingText(c.ratingAvg, lang), count: c.ratingCount })}
              </>
            ) : (
              t('catalog.card.noRating')
            )}
          </li>
        </ul>
        {groups.length ? (
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('catalog.card.targetGroups')}
            </Text>{' '}
            {groups.join(', ')}
          </Text>
        ) : null}
        {skills.length ? (
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('catalog.card.skillAreas')}
            </Text>{' '}
            {skills.join(', ')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
