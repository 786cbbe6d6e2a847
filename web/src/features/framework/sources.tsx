import { Anchor, Text } from '@mantine/core';
import { createContext, Fragment, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceLink } from './localize.js';

type SourceLinks = Record<string, { url: string; title: string }>;
const SourceLinksContext = createContext<SourceLinks>({});
/** Provides the framework's resolved source links (`sourceLinks` of the framework view) to the sections below. */
export const SourceLinksProvider = SourceLinksContext.Provider;

export function Sources({ sources }: { sources: string[] }) {
  const { t } = useTranslation();
  const links = useContext(SourceLinksContext);
  if (sources.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('framework.sources')}:{' '}
      {sources.map((s, i) => {
        const known = links[s];
        const { label, href } = known ? { label: s, href: known.url } : sourceLink(s);
        return (
          <Fragment key={s}>
            {i > 0 ? ', ' : null}
            {href ? (
              <Anchor href={href} target="_blank" rel="noopener noreferrer" size="xs" underline="always" title={known?.title}>
                {label}
                <span className="visually-hidden">{t('common.opensNewTab')}</span>
              </Anchor>
            ) : (
              label
            )}
          </Fragment>
        );
      })}
    </Text>
  );
}
