// GraphQL Yoga 5 on the BFF's schema and resolvers. CACHE=1: @graphql-yoga/plugin-response-cache
// in Redis ($PEER_REDIS_URL), one cached response per operation, variables and bearer token.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRedisCache } from '@envelop/response-cache-redis';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { createYoga } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { announce, loadRuntime } from './load-runtime.js';

const runtime = await loadRuntime();
const cached = process.env.CACHE === '1';
const redis = cached ? new Redis(process.env.PEER_REDIS_URL ?? '') : undefined;
const yoga = createYoga({
  schema: runtime.schema,
  graphiql: false,
  logging: false,
  context: ({ request }) =>
    runtime.contextFor({ authorization: request.headers.get('authorization') ?? undefined }),
  plugins: redis
    ? [
        useResponseCache({
          // Scope entries to the session, as the BFF scopes its keys to the tenant.
          session: (request) => request.headers.get('authorization'),
          cache: createRedisCache({ redis }),
          // The BFF's shortest entity TTL (stock).
          ttl: 15_000,
        }),
      ]
    : [],
});
const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () =>
  announce((server.address() as AddressInfo).port),
);
