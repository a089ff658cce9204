import { MosaicError, MosaicErrorCode } from './mosaic-error.js';

const APP_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** Throws unless `name` is a lowercase slug (it becomes a URL segment and a folder name). */
export function assertValidAppName(name: string): void {
  if (!APP_NAME.test(name)) {
    throw new MosaicError(
      MosaicErrorCode.INVALID_APP_CONFIG,
      `app name '${name}' is not a lowercase slug: use letters, digits and '-', starting with a letter (e.g. 'inventory')`,
    );
  }
}

/**
 * Global variable the UMD bundle of app `name` assigns its lifecycles to, and the
 * name the shell gives qiankun. qiankun falls back to `window[appName]` to find
 * lifecycles, so both sides must derive it from here.
 */
export function microAppGlobalName(name: string): string {
  return `mosaic_${name.replace(/[^A-Za-z0-9_$]/g, '_')}`;
}
