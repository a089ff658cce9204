import { MosaicError, MosaicErrorCode } from './mosaic-error.js';

/**
 * An app's title per locale, besides its default `title` (1.5): BCP 47 tag → nav label, e.g.
 * `{ en: 'Sales' }`. A language tag (`en`) serves every region of it (`en-US`, `en-GB`).
 */
export type AppTitles = Readonly<Record<string, string>>;

/** Longest title a manifest may carry, in characters: it must fit a nav entry. */
export const MAX_APP_TITLE_LENGTH = 40;

/** Most locales one manifest may list titles for. */
export const MAX_APP_TITLE_LOCALES = 20;

/** A BCP 47 tag as apps write them: a language, then optional script/region parts. */
const LOCALE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** Throws unless `titles` maps locale tags to non-empty titles of at most 40 characters. */
export function assertValidAppTitles(app: string, titles: unknown): asserts titles is AppTitles {
  const fail = (problem: string): never => {
    throw new MosaicError(
      MosaicErrorCode.INVALID_APP_CONFIG,
      `app '${app}': ${problem}; write titles as { en: 'Sales' }: a locale tag → a title of 1 to ${MAX_APP_TITLE_LENGTH} characters`,
    );
  };
  if (typeof titles !== 'object' || titles === null || Array.isArray(titles)) {
    fail(`titles is ${JSON.stringify(titles)}, not an object`);
  }
  const entries = Object.entries(titles as object);
  if (entries.length > MAX_APP_TITLE_LOCALES) {
    fail(`titles lists ${entries.length} locales, more than ${MAX_APP_TITLE_LOCALES}`);
  }
  for (const [locale, title] of entries) {
    if (!LOCALE_TAG.test(locale)) fail(`titles key '${locale}' is not a locale tag such as 'en'`);
    if (typeof title !== 'string' || title.trim() === '' || title.length > MAX_APP_TITLE_LENGTH) {
      fail(`titles.${locale} is ${JSON.stringify(title)}`);
    }
  }
}

/**
 * The title of `app` in `locale`: its title for that exact tag, else for the tag's language
 * (`en` for `en-US`), else its default `title`. Tags compare case-insensitively.
 */
export function appTitleFor(
  app: { readonly title: string; readonly titles?: AppTitles },
  locale: string,
): string {
  if (!app.titles) return app.title;
  const byTag = new Map(
    Object.entries(app.titles).map(([tag, title]) => [tag.toLowerCase(), title]),
  );
  const tag = locale.toLowerCase();
  return byTag.get(tag) ?? byTag.get(tag.split('-')[0] ?? tag) ?? app.title;
}
