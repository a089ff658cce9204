import { createHash } from 'node:crypto';
import type { EggApplicationCore as Application } from 'egg';
import { ttlForTags } from '../../lib/cache/cache_ttl.js';
import { requestState } from '../../lib/http/request_state.js';
import { grayEnvFor } from '../../lib/registry/gray_env.js';
import type {
  ExecuteNext,
  GraphqlAnswer,
  GraphqlExecution,
  GraphqlPlugin,
} from '../pipeline/plugin.js';
import type { PreparedOperation } from '../pipeline/prepare_operation.js';

/**
 * The whole-answer cache of queries, keyed by tenant, the caller's roles, the operation and its
 * variables: no answer crosses a tenant or a role. A hit writes stored bytes and calls nothing
 * upstream (and `peek` lets the fast lane send it before Egg's middleware runs). A miss runs the
 * query while recording every tag it read (`product:p1`, `stock:p1`, `list:catalog`, …) with
 * the version each had, and stores the answer for the shortest TTL of those tags; concurrent
 * misses for one key run it once. Answers with errors are never stored. Mutations are never
 * cached: their writes retire the tags they touch (see lib/bff_runtime.ts). Without this plugin
 * every query runs (the entity cache still saves the services' calls).
 */
export function useResponseCache(app: Application): GraphqlPlugin {
  return {
    name: 'response-cache',
    execute: (execution, next) => cachedAnswer(app, execution, next),
    canPeek: () => app.mosaicRuntime.responses.usable,
    peek(call, operation, variables) {
      const { responses, versions, metrics } = app.mosaicRuntime;
      const { tenantId, roles } = call.session;
      if (operation.kind !== 'query' || call.ownEnvironment || !versions.has(tenantId)) {
        return undefined;
      }
      const key = responseCacheKey(roles, grayEnvFor(app, tenantId), operation, variables);
      const hit = responses.peek(tenantId, key);
      if (hit) metrics.responseCache.inc({ result: 'hit' });
      return hit?.body;
    },
  };
}

async function cachedAnswer(
  app: Application,
  execution: GraphqlExecution,
  next: ExecuteNext,
): Promise<GraphqlAnswer> {
  const { responses, versions, metrics } = app.mosaicRuntime;
  const { operation, session } = execution;
  const { tenantId } = session;
  // A caller asking for a backend environment of its own gets its own answers; a tenant whose
  // tag versions cannot be loaded now (Redis away) is answered from the services.
  if (
    operation.kind !== 'query' ||
    !responses.usable ||
    execution.ownEnvironment ||
    !(await versions.ensure(tenantId))
  ) {
    metrics.responseCache.inc({ result: 'bypass' });
    return next(execution);
  }
  const key = responseCacheKey(
    session.roles,
    grayEnvFor(app, tenantId),
    operation,
    execution.variables,
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
    const state = requestState(execution.ctx);
    const tags = new Map<string, number>();
    state.tags = {
      add(tag) {
        if (!tags.has(tag)) tags.set(tag, versions.current(tenantId, tag));
      },
    };
    try {
      const answer = await next(execution);
      if (!answer.failed) {
        const names = [...tags.keys()];
        await responses.set(
          tenantId,
          key,
          { body: answer.body, tags: names, versions: [...tags.values()] },
          ttlForTags(names),
        );
      }
      return { ...answer, source: 'miss' as const };
    } finally {
      state.tags = undefined;
    }
  });
  // A failed answer names the leader's request id: a follower asks again under its own.
  if (!leader && shared.failed) return next(execution);
  return shared;
}

/**
 * Roles, backend environment (a tenant on a canary is served by canary services, whose answers
 * may differ), operation and variables; the tenant is the key's namespace.
 */
function responseCacheKey(
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
