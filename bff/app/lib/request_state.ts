import type { Context } from 'egg';
import type { Session } from './session_claims.js';

/** What the BFF's middleware keeps about one request, typed, on `ctx.state`. */
export interface RequestState {
  requestId: string;
  /** Set by `authenticate()` once the session token has been verified. */
  session?: Session;
}

export function requestState(ctx: Context): RequestState {
  return ctx.state as RequestState;
}

export function requestIdOf(ctx: Context): string {
  return requestState(ctx).requestId;
}
