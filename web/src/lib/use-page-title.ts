import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title so each page is announced and distinguishable in tabs and history. */
export function usePageTitle(title: string | null | undefined) {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
