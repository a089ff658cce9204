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

interface CountFormat {
  plurals: Intl.PluralRules;
  numbers: Intl.NumberFormat;
}

/**
 * Per language, made when a count is first shown and shared by every translator of the page: a
 * page's first `Intl.NumberFormat` loads ICU's number data (~16 ms on a desktop, four times that
 * on a phone, on the way to first content), which a screen without a count never needs.
 */
const countFormats = new Map<SupportedLocale, CountFormat>();

function countFormatOf(locale: SupportedLocale): CountFormat {
  let format = countFormats.get(locale);
  if (!format) {
    format = { plurals: new Intl.PluralRules(locale), numbers: new Intl.NumberFormat(locale) };
    countFormats.set(locale, format);
  }
  return format;
}

/**
 * A count as the language writes it. A whole number under a thousand is written the same in
 * every shipped language (no grouping, Latin digits), so it takes no number format at all: most
 * screens' counts (items in a cart, rows on a page) then never load ICU's number data.
 */
function formatCount(locale: SupportedLocale, count: number): string {
  return Number.isInteger(count) && count >= 0 && count < 1000
    ? String(count)
    : countFormatOf(locale).numbers.format(count);
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
  return (key, params) => {
    const message = table[key] ?? key;
    const count = params?.count;
    const text =
      typeof message === 'string'
        ? message
        : typeof count === 'number'
          ? (message[countFormatOf(locale).plurals.select(count)] ?? message.other)
          : message.other;
    if (!params) return text;
    const filled =
      typeof count === 'number' ? { ...params, count: formatCount(locale, count) } : params;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in filled ? String(filled[name]) : whole,
    );
  };
}
