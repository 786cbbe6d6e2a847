import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../api/people.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage, type Language } from '../../lib/i18n.js';
import { statusLabel, targetGroupLabel } from './labels.js';

function valueText(entry: HistoryEntry, which: 'from' | 'to', lang: Language, t: ReturnType<typeof useTranslation>['t']) {
  const value = which === 'from' ? entry.fromValue : entry.toValue;
  const label = which === 'from' ? entry.fromLabel : entry.toLabel;
  if (value === null) return t('common.none');
  if (entry.kind === 'transfer') return label ?? value;
  if (entry.kind === 'employment_status') return statusLabel(value, lang);
  return targetGroupLabel(value, t);
}

/** Target-group changes, transfers and status changes in the order they happened: who, when, from, to, why. */
export function HistoryTimeline({ items }: { items: HistoryEntry[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (items.length === 0) return <Text size="sm">{t('people.history.empty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={items.length}>
      {items.map((e) => (
        <Timeline.Item key={e.id} title={t(`people.history.kind.${e.kind}`)}>
          <Text size="sm">{t('people.history.change', { from: valueText(e, 'from', lang, t), to: valueText(e, 'to', lang, t) })}</Text>
          {e.reason ? (
            <Text size="sm">
              {t('people.history.reason')}: {e.reason}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {[formatDate(e.at, lang, 'dateTime'), e.actor ? e.actor.displayName : null, t(`people.history.source.${e.source}`)]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
