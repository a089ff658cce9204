import { kitMessages } from './kit-messages.js';

/** The languages Mosaic ships. Simplified Chinese is the default. */
export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * A message that depends on a count: one text per plural category of the language
 * (`Intl.PluralRules`: English has `one` and `other`, Chinese only `other`). `other` is
 * required and used for any category not given.
 */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Message key → text (or plural forms); `{name}` placeholders are filled from `t(key, { name })`. */
export type Messages = Record<string, string | PluralMessage>;
export type Dictionaries = Partial<Record<SupportedLocale, Messages>>;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Any BCP 47 tag to a shipped locale: 'en-US' → 'en', 'zh' / 'zh-Hans' / unknown → 'zh-CN'. */
export function resolveLocale(tag: string | undefined): SupportedLocale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/**
 * A translator for `tag` over the kit's strings and `messages`: a key missing in English falls
 * back to Chinese, then to the key itself. A numeric `count` param is shown formatted for the
 * language (1,234) and picks a plural message's form with `Intl.PluralRules`.
 */
export function createTranslate(tag: string | undefined, messages?: Dictionaries): Translate {
  const locale = resolveLocale(tag);
  const table: Messages = {
    ...kitMessages['zh-CN'],
    ...messages?.['zh-CN'],
    ...kitMessages[locale],
    ...messages?.[locale],
  };
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (key, params) => {
    const message = table[key] ?? key;
    const count = params?.count;
    const text =
      typeof message === 'string'
        ? message
        : typeof count === 'number'
          ? (message[plurals.select(count)] ?? message.other)
          : message.other;
    if (!params) return text;
    const filled = typeof count === 'number' ? { ...params, count: numbers.format(count) } : params;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in filled ? String(filled[name]) : whole,
    );
  };
}
