import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FrameworkView } from '../../api/framework.js';
import { formatDate, formatYearBe } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { other, pick } from './localize.js';

/** Title, status and provenance of one framework version. */
export function FrameworkHeader({ framework, headingPrefix }: { framework: FrameworkView; headingPrefix?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const second = other(lang, framework.titleTh, framework.titleEn);
  return (
    <Stack gap={6}>
      <Title order={1}>
        {headingPrefix ? `${headingPrefix}: ` : ''}
        {pick(lang, framework.titleTh, framework.titleEn)}
      </Title>
      <Text c="dimmed" lang={second.lang}>
        {second.text}
      </Text>
      <Group gap="xs">
        <Badge variant="outline" tt="none">
          {framework.code}
        </Badge>
        <Badge variant="outline" tt="none">
          {formatYearBe(framework.yearBe, lang)}
        </Badge>
        <Badge color={framework.status === 'published' ? 'ok' : 'warn'} variant="outline" tt="none">
          {t(`framework.status.${framework.status}`)}
        </Badge>
        {framework.isCurrent ? (
          <Badge color="thaksa" variant="filled" tt="none">
            {t('framework.current')}
          </Badge>
        ) : null}
      </Group>
      {framework.publishedAt ? (
        <Text size="sm">{t('framework.publishedAt', { when: formatDate(framework.publishedAt, lang) })}</Text>
      ) : null}
      {framework.sourceNoteTh || framework.sourceNoteEn ? (
        <Text size="sm" c="dimmed">
          {pick(lang, framework.sourceNoteTh ?? framework.sourceNoteEn ?? '', framework.sourceNoteEn ?? framework.sourceNoteTh ?? '')}
        </Text>
      ) : null}
    </Stack>
  );
}
