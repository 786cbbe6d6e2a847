import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
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

/**
 * Thai, the default, ships with the app; English is its own chunk, fetched the first time it is needed
 * (at start for an English reader, or on switching), so a page's initial JavaScript carries one catalogue.
 */
const lazyCatalogues: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (lng, _ns, done) => {
    if (lng !== 'en') return done(null, lng === 'th' ? th : {});
    import('../../../common/i18n/en.json').then(
      (m) => done(null, m.default),
      (error: Error) => done(error, null),
    );
  },
};

/** Starts i18next; resolves once the reader's catalogue is loaded, so the first render is in their language. */
export function setupI18n() {
  const lng = initialLanguage();
  const ready = i18n
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      resources: { th: { translation: th } },
      partialBundledLanguages: true,
      lng,
      fallbackLng: 'th',
      supportedLngs: LANGUAGES,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  reflectLanguage(lng);
  i18n.on('languageChanged', reflectLanguage);
  return ready;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'th';
}
