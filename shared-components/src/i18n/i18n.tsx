import { createContext, useCallback, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { kitMessages } from './kit-messages.js';

/** The languages Mosaic ships. Simplified Chinese is the default. */
export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Message key → text; `{name}` placeholders are filled from `t(key, { name })`. */
export type Messages = Record<string, string>;
export type Dictionaries = Partial<Record<SupportedLocale, Messages>>;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Any BCP 47 tag to a shipped locale: 'en-US' → 'en', 'zh' / 'zh-Hans' / unknown → 'zh-CN'. */
export function resolveLocale(tag: string | undefined): SupportedLocale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

interface I18nValue {
  locale: SupportedLocale;
  messages: Messages;
}

const I18nContext = createContext<I18nValue>({
  locale: 'zh-CN',
  messages: kitMessages['zh-CN'],
});

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
    () => ({
      locale: resolved,
      messages: {
        ...kitMessages['zh-CN'],
        ...messages?.['zh-CN'],
        ...kitMessages[resolved],
        ...messages?.[resolved],
      },
    }),
    [resolved, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The locale `I18nProvider` resolved, for formatters: `formatDate(d, { locale: useLocale() })`. */
export function useLocale(): SupportedLocale {
  return useContext(I18nContext).locale;
}

/** `t('inv.count', { count: 3 })`: the text for a key, or the key itself when nobody wrote one. */
export function useT(): Translate {
  const { messages } = useContext(I18nContext);
  return useCallback(
    (key, params) => {
      const text = messages[key] ?? key;
      if (!params) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
    },
    [messages],
  );
}
