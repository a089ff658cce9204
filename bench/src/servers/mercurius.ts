// Mercurius 16 with graphql-jit (`jit: 1`) on the BFF's schema and resolvers. CACHE=1:
// mercurius-cache in Redis ($PEER_REDIS_URL) on the fields the BFF caches (the lists, price, stock),
// keyed by tenant.
import Fastify from 'fastify';
import mercurius from 'mercurius';
import mercuriusCacheModule from 'mercurius-cache';
import { Redis } from 'ioredis';
import { announce, loadRuntime } from './load-runtime.js';

// A CommonJS plugin typed as an ES default export: under NodeNext the default import is the
// plugin itself.
const mercuriusCache = mercuriusCacheModule as unknown as typeof mercuriusCacheModule.default;

const runtime = await loadRuntime();
const app = Fastify({ logger: false });
await app.register(mercurius, {
  schema: runtime.schema,
  jit: 1,
  context: (request) => runtime.contextFor({ authorization: request.headers.authorization }),
});
if (process.env.CACHE === '1') {
  const byTenant = {
    extendKey: (_s: unknown, _a: unknown, ctx: { tenantId: string }) => ctx.tenantId,
  };
  await app.register(mercuriusCache, {
    ttl: 15,
    storage: { type: 'redis', options: { client: new Redis(process.env.PEER_REDIS_URL ?? '') } },
    policy: {
      Query: { products: byTenant, dashboard: byTenant },
      Product: { price: byTenant, stock: byTenant },
    },
  });
}
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
announce(Number(new URL(address).port));
