import { z } from 'zod';
import { LOCALE_TAG, MAX_APP_TITLE_LENGTH, MAX_APP_TITLE_LOCALES } from './app-titles.js';

/**
 * `mosaic.json`, written once: build-kit emits it (its fields typed from this schema) and the
 * registry checks every upload against it. Node only (`@mosaic/contracts/app-manifest`): it
 * brings zod, which the browser bundles do not need.
 */

/** `titles`: locale tag → the app's title in that language, e.g. `{en: 'Sales'}` (1.5). */
export const AppTitlesSchema = z
  .record(
    z.string().regex(LOCALE_TAG),
    z
      .string('not a string')
      .max(MAX_APP_TITLE_LENGTH, `longer than ${MAX_APP_TITLE_LENGTH} characters`)
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
  .refine((titles) => Object.keys(titles).length <= MAX_APP_TITLE_LOCALES, {
    message: `more than ${MAX_APP_TITLE_LOCALES} locales`,
  });

/** The entry that takes React from the shell, and the React it was built with (1.4). */
export const SharedEntrySchema = z.object({ entry: z.string(), react: z.string() });

/** One built file: path relative to the app folder, its size and the sha256 of its bytes. */
export const ManifestFileSchema = z.object({
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex sha256'),
});

/** Every field of `mosaic.json` but `files`: what build-kit seals into the entry HTML. */
export const AppManifestFieldsSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  version: z.string(),
  /** The default title: the nav label in any language `titles` does not name. */
  title: z.string(),
  titles: AppTitlesSchema.optional(),
  route: z.string().startsWith('/'),
  entry: z.literal('index.html'),
  protocol: z.string(),
  /** The roles whose users may open the app by default. */
  roles: z.array(z.string()),
  /** Absent: the app has only `entry`, which bundles React (1.4). */
  shared: SharedEntrySchema.optional(),
  /** `false`: the shell unmounts the app when the user leaves it (1.6). Absent: it may keep it. */
  keepAlive: z.literal(false).optional(),
});

/** `mosaic.json` as build-kit writes it and a publish must carry it. */
export const AppManifestSchema = AppManifestFieldsSchema.extend({
  files: z.array(ManifestFileSchema).min(1),
});

/**
 * A manifest read back from the registry's disk: bad titles fall back to `title` (an app laid
 * out by hand stays listed) and `files` is not needed to serve it.
 */
export const StoredAppManifestSchema = AppManifestFieldsSchema.extend({
  titles: AppTitlesSchema.optional().catch(undefined),
  files: z.array(ManifestFileSchema).optional(),
});

export type AppManifest = z.infer<typeof AppManifestSchema>;
export type AppManifestFields = z.infer<typeof AppManifestFieldsSchema>;
export type ManifestFile = z.infer<typeof ManifestFileSchema>;
export type StoredAppManifest = z.infer<typeof StoredAppManifestSchema>;
