import { requestIdOf } from '../shell-error.js';

/** Where in an app's life it failed. */
export type ClientErrorKind = 'load' | 'mount' | 'runtime' | 'render' | 'unhandled';

export interface ClientErrorReport {
  kind: ClientErrorKind;
  error: unknown;
  app?: string;
  appVersion?: string;
}

/** At most this many reports a minute leave the browser; the BFF limits again per session. */
const MAX_PER_MINUTE = 10;
let sentAt: number[] = [];

/**
 * Sends one failure to `POST /api/client-errors` and resolves to the request id the BFF
 * logged it under (shown in the error panel, so support can find the line), or `undefined`
 * when it was throttled or could not be sent. Never throws.
 */
export async function reportClientError(
  { kind, error, app, appVersion }: ClientErrorReport,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<string | undefined> {
  const now = Date.now();
  sentAt = sentAt.filter((t) => now - t < 60_000);
  if (sentAt.length >= MAX_PER_MINUTE) return undefined;
  sentAt.push(now);
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000) || kind;
  const code = (error as { code?: unknown } | null)?.code;
  try {
    const response = await fetchImpl('/api/client-errors', {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind,
        app,
        appVersion,
        code: typeof code === 'string' ? code.slice(0, 64) : undefined,
        message,
        stack: error instanceof Error ? error.stack?.slice(0, 8000) : undefined,
        requestId: requestIdOf(error),
        url: location.pathname,
      }),
    });
    return response.headers.get('x-request-id') ?? undefined;
  } catch {
    return undefined;
  }
}

/** For tests: forget the throttle. */
export function resetClientErrorThrottle(): void {
  sentAt = [];
}
