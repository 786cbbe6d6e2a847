import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage } from '../lib/i18n.js';
import { useChangeLanguage } from './use-language.js';

/** TH/EN toggle. Language is app state, not part of the URL, so the reader stays on the same page. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(value) => {
        if (isLanguage(value)) changeLanguage(value);
      }}
      data={[
        {
          value: 'th',
          label: (
            <span lang="th" title="ภาษาไทย">
              TH
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span lang="en" title="English">
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
