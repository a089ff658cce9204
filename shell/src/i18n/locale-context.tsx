import { I18nProvider, useT } from '@mosaic/shared-components';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { shellBus } from '../bus/message-hub.js';
import { isLocale, shellMessages } from './messages.js';
import type { Locale, MessageKey } from './messages.js';

const STORAGE_KEY = 'mosaic:locale';

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export interface LocaleContextValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The frame's message `key`; a plural message picks its form from a numeric `count`. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
}

const LocaleContext = createContext<{ locale: Locale; setLocale(locale: Locale): void } | null>(
  null,
);

/**
 * The frame's language: kept in localStorage, set on `<html lang>`, and offered to apps
 * through the sticky `locale.changed` topic (and `ctx.locale` on mount or `update`). The
 * frame's strings go through the UI kit's `I18nProvider`, so the kit's components in the
 * frame (error panels, dialogs) speak the same language.
 */
export function LocaleProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    shellBus.publish('locale.changed', { locale });
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <I18nProvider locale={locale} messages={shellMessages}>
        {children}
      </I18nProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  const t = useT();
  if (!value) throw new Error('useLocale() must be used inside <LocaleProvider>');
  return { ...value, t };
}
