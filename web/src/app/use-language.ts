import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { type Session, updateLocale } from '../api/auth.js';
import { SESSION_KEY, useSession } from '../features/auth/use-session.js';
import { currentLanguage, type Language } from '../lib/i18n.js';

/**
 * The reader's language is app state (never part of the URL). For a signed-in user it is also saved on the
 * account, so every device they sign in on opens in it: switching saves it, signing in applies it.
 */

// The last failure to save the choice, shown by LanguageSaveAlert until closed or the next save succeeds.
let saveError: unknown = null;
const listeners = new Set<() => void>();
function setSaveError(error: unknown) {
  saveError = error;
  for (const listener of listeners) listener();
}
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useLanguageSaveError(): [unknown, () => void] {
  const error = useSyncExternalStore(subscribe, () => saveError);
  return [error, () => setSaveError(null)];
}

// Saves run one after another, so quick TH → EN → TH switching leaves the last choice on the account.
let saving: Promise<unknown> = Promise.resolve();

/** Switches the language in place (the page stays); for a signed-in user also saves it, without waiting. */
export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { isSignedIn } = useSession();
  return useCallback(
    (lang: Language) => {
      if (lang === currentLanguage()) return;
      void i18n.changeLanguage(lang);
      if (!isSignedIn) return;
      // The cached session follows at once, so re-reading it later does not switch the page back.
      queryClient.setQueryData<Session>(SESSION_KEY, (s) => (s?.user ? { ...s, user: { ...s.user, locale: lang } } : s));
      saving = saving.then(() =>
        updateLocale(lang).then(
          () => setSaveError(null),
          (error: unknown) => setSaveError(error),
        ),
      );
    },
    [i18n, queryClient, isSignedIn],
  );
}

/**
 * Applies the signed-in user's saved language when a session appears (app load or sign-in) or its saved
 * language changes. A link opened with an explicit `?lang=` keeps the language it asked for.
 */
export function useApplyUserLanguage() {
  const { i18n } = useTranslation();
  const { session } = useSession();
  const userId = session.user?.id;
  const locale = session.user?.locale;
  useEffect(() => {
    if (!userId) {
      setSaveError(null);
      return;
    }
    if (!locale || new URLSearchParams(window.location.search).has('lang')) return;
    if (locale !== currentLanguage()) void i18n.changeLanguage(locale);
  }, [userId, locale, i18n]);
}
