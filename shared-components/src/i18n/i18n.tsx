import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { createTranslate, resolveLocale } from './translate.js';
import type { Dictionaries, SupportedLocale, Translate } from './translate.js';

interface I18nValue {
  locale: SupportedLocale;
  t: Translate;
}

const I18nContext = createContext<I18nValue>({ locale: 'zh-CN', t: createTranslate('zh-CN') });

export interface I18nProviderProps {
  /** BCP 47 tag, e.g. `ctx.locale`; resolved with {@link resolveLocale}. @default 'zh-CN' */
  locale?: string;
  /** The app's own strings per locale; a key missing in 'en' falls back to 'zh-CN'. */
  messages?: Dictionaries;
  children: ReactNode;
}

/** Gives `useT()` below it a locale and the app's messages on top of the kit's. */
export function I18nProvider({ locale, messages, children }: I18nProviderProps): React.JSX.Element {
  const resolved = resolveLocale(locale);
  const value = useMemo<I18nValue>(
    () => ({ locale: resolved, t: createTranslate(resolved, messages) }),
    [resolved, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The locale `I18nProvider` resolved, for formatters: `formatDate(d, { locale: useLocale() })`. */
export function useLocale(): SupportedLocale {
  return useContext(I18nContext).locale;
}

/**
 * `t('inv.count', { count: 3 })`: the text for a key, or the key itself when nobody wrote one.
 * A plural message (`{ one: '{count} product', other: '{count} products' }`) picks its form
 * from `count`.
 */
export function useT(): Translate {
  return useContext(I18nContext).t;
}
