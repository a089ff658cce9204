/** The title per locale tag (protocol 1.5), e.g. `{ en: 'Sales' }`; `title` is the default. */
export type AppTitles = Readonly<Record<string, string>>;

/** Longest title a manifest may carry, in characters: it must fit a nav entry. */
export const MAX_APP_TITLE_LENGTH = 40;

/** Most locales one manifest may list titles for. */
export const MAX_APP_TITLE_LOCALES = 20;

/** A BCP 47 tag as apps write them: a language, then optional script/region parts. */
export const LOCALE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

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
