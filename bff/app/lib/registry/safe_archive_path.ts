const SEGMENT = /^[A-Za-z0-9_@()+,=~-][A-Za-z0-9_@()+,=~.-]*$/;
const MAX_PATH = 200;
const MAX_DEPTH = 8;

/**
 * The path of an archive entry relative to the version folder (`./a/b.js` → `a/b.js`), or
 * undefined when it could leave the folder or is odd enough to be refused: absolute paths,
 * drive letters, backslashes, `..`, empty or hidden segments (`.env`), control characters,
 * over 200 characters or 8 levels.
 */
export function safeArchivePath(raw: string): string | undefined {
  const trimmed = raw.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  if (!trimmed || trimmed.length > MAX_PATH) return undefined;
  const segments = trimmed.split('/');
  if (segments.length > MAX_DEPTH) return undefined;
  return segments.every((s) => SEGMENT.test(s)) ? trimmed : undefined;
}
