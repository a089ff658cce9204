import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEgg } from 'egg';
import type { GraphQLSchema } from 'graphql';
import { createGraphqlContext } from './app/graphql/context.js';
import type { GraphqlContext } from './app/graphql/context.js';
import { graphqlSchema } from './app/graphql/schema.js';
import { requestState } from './app/lib/http/request_state.js';
import { services } from './app/lib/services.js';

/** Options of startGraphqlRuntime. Everything else comes from the environment (see README.md). */
export interface StartGraphqlRuntimeOptions {
  /** Egg app folder: the compiled dist/. @default this file's folder */
  baseDir?: string;
  /** Egg server env. @default process.env.EGG_SERVER_ENV ?? 'prod' */
  env?: string;
}

/**
 * The BFF's GraphQL layer without its HTTP pipeline: the same schema, resolvers, services,
 * entity cache and upstream policies, for another GraphQL server to execute (`pnpm bench` runs
 * Yoga and Mercurius on it). Egg's loader still builds the services; no middleware runs.
 */
export interface GraphqlRuntime {
  schema: GraphQLSchema;
  /**
   * The resolvers' context for one request with these headers (`authorization: Bearer …` or the
   * session cookie). Rejects with UNAUTHENTICATED when there is no valid session.
   */
  contextFor(headers: Record<string, string | undefined>): Promise<GraphqlContext>;
  close(): Promise<void>;
}

/** Boot the BFF's app (no HTTP server) and hand out per-request GraphQL contexts. */
export async function startGraphqlRuntime(
  options: StartGraphqlRuntimeOptions = {},
): Promise<GraphqlRuntime> {
  const baseDir = options.baseDir ?? path.dirname(fileURLToPath(import.meta.url));
  const app = await startEgg({ baseDir, env: options.env ?? process.env.EGG_SERVER_ENV ?? 'prod' });
  return {
    schema: graphqlSchema(),
    async contextFor(headers) {
      const ctx = app.createAnonymousContext({ method: 'POST', url: '/graphql', headers });
      // What the request_id middleware would have set.
      requestState(ctx).requestId = headers['x-request-id'] ?? randomUUID();
      const session = await services(ctx).session.require(ctx);
      return createGraphqlContext(ctx, session);
    },
    async close() {
      await app.close();
      await app.agent.close();
    },
  };
}
