import type { Context } from 'egg';
import { requestIdOf, requestState } from '../http/request_state.js';
import { childTraceparent, traceContextOf } from '../http/traceparent.js';
import { header } from '../http/header.js';
import { grayEnvFor } from '../registry/gray_env.js';

/** The headers that tie an upstream call to this request, for this tenant. */
export function upstreamHeaders(ctx: Context, tenantId: string): Record<string, string> {
  const headers: Record<string, string> = {
    'x-tenant-id': tenantId,
    'x-request-id': requestIdOf(ctx),
    traceparent: childTraceparent(
      requestState(ctx).trace ?? traceContextOf(header(ctx, 'traceparent') || undefined),
    ),
  };
  // Who acts, for the services' business-operation log; only ever from the verified session.
  const session = requestState(ctx).session;
  if (session) {
    headers['x-user-id'] = session.userId;
    headers['x-user-name'] = encodeURIComponent(session.username);
  }
  // A tenant on any app's canary is tagged end to end, so services can route it to canaries too.
  const env = grayEnvFor(ctx.app, tenantId) ?? header(ctx, 'x-mosaic-env');
  if (/^[\w-]{1,32}$/.test(env)) headers['x-mosaic-env'] = env;
  return headers;
}
