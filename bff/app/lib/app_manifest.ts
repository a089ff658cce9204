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
}

/** Path segments allowed for app names and versions in URLs and on disk. */
export const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
