import { MAX_APP_TITLE_LENGTH } from '@mosaic/contracts';
import type { AppTitles } from '@mosaic/contracts';
import { AppTitlesSchema } from '@mosaic/contracts/app-manifest';
import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';

/**
 * Throws unless `titles` passes the manifest's rule (contracts' `AppTitlesSchema`, which the
 * registry checks again at publish): locale tags mapped to titles of 1 to 40 characters.
 */
export function assertValidAppTitles(app: string, titles: unknown): asserts titles is AppTitles {
  const parsed = AppTitlesSchema.safeParse(titles);
  if (parsed.success) return;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path[0];
    if (key === undefined) {
      return issue.code === 'invalid_type'
        ? `titles is ${JSON.stringify(titles)}, not an object`
        : `titles lists ${Object.keys(titles as object).length} locales: ${issue.message}`;
    }
    if (issue.code === 'invalid_key') {
      return `titles key '${String(key)}' is not a locale tag such as 'en'`;
    }
    const value = (titles as Record<string, unknown>)[String(key)];
    return `titles.${String(key)} is ${JSON.stringify(value)} (${issue.message})`;
  });
  throw new MosaicError(
    MosaicErrorCode.INVALID_APP_CONFIG,
    `app '${app}': ${problems.join('; ')}; write titles as { en: 'Sales' }: a locale tag → a title of 1 to ${MAX_APP_TITLE_LENGTH} characters`,
  );
}
