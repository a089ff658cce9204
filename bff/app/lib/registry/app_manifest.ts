import { z } from 'zod';

/** Longest title per locale, in characters: it labels a nav entry (build-kit has the same limit). */
export const MAX_TITLE_LENGTH = 40;
const MAX_TITLE_LOCALES = 20;

/**
 * `titles` of a manifest (protocol 1.5): locale tag → the app's title in that language, e.g.
 * `{en: 'Sales'}`. Checked whole at publish; `title` stays the default.
 */
export const AppTitlesSchema = z
  .record(
    z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/),
    z
      .string('not a string')
      .max(MAX_TITLE_LENGTH, `longer than ${MAX_TITLE_LENGTH} characters`)
      .refine((title) => title.trim() !== '', 'empty'),
    {
      error: (issue) =>
        issue.code === 'invalid_key'
          ? "not a locale tag such as 'en'"
          : issue.code === 'invalid_type'
            ? 'not an object'
            : undefined,
    },
  )
  .refine((titles) => Object.keys(titles).length <= MAX_TITLE_LOCALES, {
    message: `more than ${MAX_TITLE_LOCALES} locales`,
  });
export type AppTitles = z.infer<typeof AppTitlesSchema>;

/** A sub-app's `mosaic.json`, as build-kit emits it into the app's dist. */
export const AppManifestSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.string(),
  title: z.string(),
  // Reading back a manifest laid out by hand: bad titles fall back to `title`, not a lost app.
  titles: AppTitlesSchema.optional().catch(undefined),
  route: z.string().startsWith('/'),
  entry: z.string().default('index.html'),
  protocol: z.string(),
  roles: z.array(z.string()),
  /** The entry that takes React from the shell, and the React it was built with (protocol 1.4). */
  shared: z.object({ entry: z.string(), react: z.string() }).optional(),
  /** `false`: the shell must not keep the app mounted while hidden (protocol 1.6). */
  keepAlive: z.literal(false).optional(),
});
export type AppManifest = z.infer<typeof AppManifestSchema>;

/** What GET /api/apps returns per app: the contract's (@mosaic/contracts). */
export type { AppEntry } from '@mosaic/contracts';

/** Path segments allowed for app names and versions in URLs and on disk. */
export const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
