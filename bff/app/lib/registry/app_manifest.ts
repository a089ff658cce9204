/**
 * The app manifest (`mosaic.json`) is @mosaic/contracts' schema: `AppManifestSchema` for a
 * publish, `StoredAppManifestSchema` for reading one back from the registry's disk.
 */
export {
  AppManifestSchema,
  AppTitlesSchema,
  StoredAppManifestSchema,
} from '@mosaic/contracts/app-manifest';
export type { AppManifest, AppTitles, StoredAppManifest } from '@mosaic/contracts';

/** What GET /api/apps returns per app: the contract's (@mosaic/contracts). */
export type { AppEntry } from '@mosaic/contracts';

/** Path segments allowed for app names and versions in URLs and on disk. */
export const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
