import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../../common/i18n/en.json' with { type: 'json' };
import th from '../../../common/i18n/th.json' with { type: 'json' };

export const LANGUAGES = ['th', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'thaksa.lang';

export function isLanguage(value: unknown): value is Language {
  return value === 'th' || value === 'en';
}

/** `?lang=` (shareable links) wins, then the visitor's last choice, then Thai. */
function initialLanguage(): Language {
  const fromQuery = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromQuery)) return fromQuery;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be blocked (private mode, policy); Thai is the default anyway.
  }
  return 'th';
}

function reflectLanguage(lng: string) {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not persisting the choice is acceptable; the page still switches.
  }
}

export function setupI18n() {
  const lng = initialLanguage();
  i18n.use(initReactI18next).init({
    resources: { th: { translation: th }, en: { translation: en } },
    lng,
    fallbackLng: 'th',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  reflectLanguage(lng);
  i18n.on('languageChanged', reflectLanguage);
  return i18n;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'th';
}
