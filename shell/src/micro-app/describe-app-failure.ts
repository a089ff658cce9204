import type { ClientErrorKind } from '../report/report-client-error.js';
import { ShellErrorCode } from '../shell-error.js';

/**
 * What a failure means to the person in front of the screen, which decides the panel's words
 * and whether Retry is offered:
 * - `outdated`: the app speaks another protocol major; only its team can fix it (no Retry);
 * - `download`: its files did not arrive (network, a missing version);
 * - `start`: it arrived but would not start (a throwing mount, missing lifecycles);
 * - `crash`: it started, then broke.
 */
export type AppFailure = 'outdated' | 'download' | 'start' | 'crash';

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null
    ? (error as { code?: unknown }).code
    : undefined;
}

const DOWNLOAD_CODES: ReadonlySet<unknown> = new Set([
  ShellErrorCode.APP_FETCH_FAILED,
  ShellErrorCode.NETWORK_ERROR,
  ShellErrorCode.HTTP_ERROR,
  ShellErrorCode.BAD_RESPONSE,
]);

/** Sorts a failure of an app, where it happened (`kind`), into one the user can act on. */
export function describeAppFailure(error: unknown, kind: ClientErrorKind): AppFailure {
  const code = codeOf(error);
  // The shell refuses before loading; an app's own build-kit refuses the shell's context.
  if (code === ShellErrorCode.PROTOCOL_MISMATCH) return 'outdated';
  if (DOWNLOAD_CODES.has(code)) return 'download';
  // fetch() rejects with a TypeError ("Failed to fetch") when no answer came at all.
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return 'download';
  return kind === 'runtime' || kind === 'render' ? 'crash' : 'start';
}
