import { SESSION_HINT_COOKIE } from '@mosaic/contracts';

/**
 * Whether a session is likely: the BFF's hint cookie (set beside the HttpOnly session cookie,
 * with its lifetime, cleared at sign-out) is there. Without it the shell asks nothing that would
 * answer 401. Where there is no document to read (tests, workers) it cannot tell, and says yes.
 */
export function sessionLikely(cookie: string | undefined = globalThis.document?.cookie): boolean {
  if (cookie === undefined) return true;
  return cookie.split(';').some((part) => part.trim().startsWith(`${SESSION_HINT_COOKIE}=1`));
}

/** Drops the hint once the BFF said there is no session (it was revoked, or ended early). */
export function forgetSessionHint(): void {
  if (globalThis.document) {
    globalThis.document.cookie = `${SESSION_HINT_COOKIE}=; path=/; max-age=0; samesite=lax`;
  }
}
