import type { AppTitles } from '@mosaic/build-kit';

/**
 * `titles` of an app entry or a local manifest, keeping only locale → non-empty string pairs;
 * `undefined` when none is left (the shell then shows `title` in every language).
 */
export function parseTitles(value: unknown): AppTitles | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const titles = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
  );
  return titles.length > 0 ? Object.fromEntries(titles) : undefined;
}
