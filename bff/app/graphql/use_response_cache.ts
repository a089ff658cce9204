import { createHash } from 'node:crypto';
import type { Context } from 'egg';
import type { ExecutionResult } from 'graphql';
import { ttlForTags } from '../lib/cache/cache_ttl.js';
import { header } from '../lib/http/header.js';
import { grayEnvFor } from '../lib/registry/gray_env.js';
import { requestState } from '../lib/http/request_state.js';
import type { PreparedOperation } from './prepare_operation.js';

/** What useResponseCache needs to know about the request. */
export interface ResponseCacheRequest {
  tenantId: string;
  roles: readonly string[];
  operation: PreparedOperation;
  variables: Record<string, unknown> | undefined;
  /** Execute the operation (a miss); its errors are formatted by `serialize`. */
  run(): Promise<ExecutionResult>;
  /** The response body of a result. */
  serialize(result: ExecutionResult): string;
}

/** The answer to send, and where it came from (for metrics and the access log). */
export interface ResponseCacheOutcome {
  body: Buffer;
  source: 'hit' | 'miss' | 'bypass';
  /** Whether the answer carries errors (never cached). */
  failed: boolean;
}

/**
 * The whole-answer cache of queries, keyed by tenant, the caller's roles, the operation and its
 * variables: no answer crosses a tenant or a role. A hit writes stored bytes and calls nothing
 * upstream. A miss runs the query while recording every tag it read (`product:p1`, `stock:p1`,
 * `list:catalog`, …) with the version each had, and stores the answer for the shortest TTL of
 * those tags; concurrent misses for one key run it once. Answers with errors are never stored.
 * Mutations are never cached: their writes retire the tags they touch (see bff_runtime.ts).
 */
export async function useResponseCache(
  ctx: Context,
  request: ResponseCacheRequest,
): Promise<ResponseCacheOutcome> {
  const { responses, versions, metrics } = ctx.app.mosaicRuntime;
  const { tenantId, operation } = request;
  const execute = async (): Promise<ResponseCacheOutcome> => {
    const result = await request.run();
    return {
      body: Buffer.from(request.serialize(result)),
      source: 'bypass',
      failed: Boolean(result.errors?.length),
    };
  };
  // A caller asking for a backend environment of its own gets its own answers; a tenant whose
  // tag versions cannot be loaded now (Redis away) is answered from the services.
  if (
    operation.kind !== 'query' ||
    !responses.usable ||
    header(ctx, 'x-mosaic-env') ||
    !(await versions.ensure(tenantId))
  ) {
    metrics.responseCache.inc({ result: 'bypass' });
    return execute();
  }
  const key = responseCacheKey(
    request.roles,
    grayEnvFor(ctx.app, tenantId),
    operation,
    request.variables,
  );
  const hit = await responses.get(tenantId, key);
  if (hit) {
    metrics.responseCache.inc({ result: 'hit' });
    return { body: hit.body, source: 'hit', failed: false };
  }
  metrics.responseCache.inc({ result: 'miss' });
  let leader = false;
  const shared = await responses.once(`${tenantId}\u0000${key}`, async () => {
    leader = true;
    const state = requestState(ctx);
    const tags = new Map<string, number>();
    state.tags = {
      add(tag) {
        if (!tags.has(tag)) tags.set(tag, versions.current(tenantId, tag));
      },
    };
    try {
      const outcome = await execute();
      if (!outcome.failed) {
        const names = [...tags.keys()];
        await responses.set(
          tenantId,
          key,
          { body: outcome.body, tags: names, versions: [...tags.values()] },
          ttlForTags(names),
        );
      }
      return { ...outcome, source: 'miss' as const };
    } finally {
      state.tags = undefined;
    }
  });
  // A failed answer names the leader's request id: a follower asks again under its own.
  if (!leader && shared.failed) return execute();
  return shared;
}

/**
 * Roles, backend environment (a tenant on a canary is served by canary services, whose answers
 * may differ), operation and variables; the tenant is the key's namespace.
 */
export function responseCacheKey(
  roles: readonly string[],
  env: string | undefined,
  operation: Pick<PreparedOperation, 'id'>,
  variables: Record<string, unknown> | undefined,
): string {
  const rolesKey = roles.length > 1 ? [...roles].sort().join(',') : (roles[0] ?? '');
  const variablesKey =
    variables && Object.keys(variables).length > 0 ? JSON.stringify(variables) : '';
  const tail = `${rolesKey}\u0000${env ?? ''}\u0000${variablesKey}`;
  // Short keys stay readable; long variables are hashed so keys stay bounded.
  return tail.length <= 96
    ? `${operation.id}:${tail}`
    : `${operation.id}:${createHash('sha256').update(tail).digest('base64url')}`;
}
