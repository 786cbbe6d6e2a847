import { Anchor, Badge, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getMyOnboarding } from '../../api/hub.js';
import { formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { localized } from '../catalog/labels.js';

/** "Onboarding complete" on the volunteer's card once every curriculum item is done. */
export function OnboardingBadge() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['my-onboarding'], queryFn: getMyOnboarding, networkMode: 'offlineFirst' });
  if (!query.data?.complete) return null;
  return (
    <Badge color="ok" variant="filled" tt="none" autoContrast>
      {t('hub.onboarding.complete')}
    </Badge>
  );
}

/** The volunteer's onboarding on their home page: each curriculum item, done or not, and the progress. */
export function OnboardingCard() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const query = useQuery({ queryKey: ['my-onboarding'], queryFn: getMyOnboarding, networkMode: 'offlineFirst' });
  const o = query.data;
  if (!o || o.total === 0) return null;
  const pct = Math.round((o.done / o.total) * 100);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="onboarding-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="onboarding-title">
            {t('hub.onboarding.title')}
          </Title>
          {o.complete ? (
            <Badge color="ok" variant="filled" autoContrast>
              {t('hub.onboarding.complete')}
            </Badge>
          ) : null}
        </Group>
        <Text role="status">{t('hub.onboarding.progress', { done: formatNumber(o.done, lang), total: formatNumber(o.total, lang) })}</Text>
        <Progress value={pct} aria-label={t('hub.onboarding.title')} />
        <List spacing="xs" listStyleType="none" pl={0}>
          {o.items.map((it) => {
            const title = it.article
              ? localized(lang, it.article.titleTh, it.article.titleEn)
              : it.course
                ? localized(lang, it.course.titleTh, it.course.titleEn)
                : t('hub.onboarding.gone');
            const to = it.article ? `/volunteer/hub/${it.article.slug}` : it.course ? `/catalog/courses/${it.course.id}` : null;
            return (
              <List.Item key={it.id}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge color={it.done ? 'ok' : 'gray'} variant={it.done ? 'filled' : 'outline'} autoContrast miw={72}>
                    {t(it.done ? 'hub.onboarding.done' : 'hub.onboarding.todo')}
                  </Badge>
                  <Text size="sm">
                    {t(`hub.onboarding.kind.${it.kind}`)}:{' '}
                    {to ? (
                      <Anchor component={Link} to={to}>
                        {title}
                      </Anchor>
                    ) : (
                      title
                    )}
                  </Text>
                </Group>
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Card>
  );
}
