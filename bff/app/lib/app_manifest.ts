import { z } from 'zod';

/** A sub-app's `mosaic.json`, as build-kit emits it into the app's dist. */
export const AppManifestSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.string(),
  title: z.string(),
  route: z.string().startsWith('/'),
  entry: z.string().default('index.html'),
  protocol: z.string(),
  roles: z.array(z.string()),
  /** The entry that takes React from the shell, and the React it was built with (protocol 1.4). */
  shared: z.object({ entry: z.string(), react: z.string() }).optional(),
});
export type AppManifest = z.infer<typeof AppManifestSchema>;

/** What GET /api/apps returns per app. */
export interface AppEntry {
  name: string;
  version: string;
  title: string;
  route: string;
  entry: string;
  protocol: string;
  /** `{ entry: '/apps/<name>/<version>/index.shared.html', react }` when the app has one. */
  shared?: { entry: string; react: string };
}

/** Path segments allowed for app names and versions in URLs and on disk. */
export const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
