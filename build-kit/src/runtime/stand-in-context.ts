import { PROTOCOL_VERSION } from '../shared/protocol.js';
import { createMessageHub } from './bus/create-message-hub.js';
import { createGraphQLClient } from './create-graphql-client.js';
import type { HostContext } from './types.js';

/**
 * Context for an app running on its own dev server, without a shell. GraphQL goes
 * to '/graphql' (the preset's dev server proxies it to the BFF); the bus is a
 * private hub, so the app hears only itself.
 */
export function createStandInContext(name = 'standalone'): HostContext {
  const tenant = { id: 'dev', name: '本地开发 (standalone)' };
  const user = { id: 'dev', username: 'dev', displayName: '开发者', roles: ['owner'] };
  const hub = createMessageHub();
  hub.scope('shell').publish('session.changed', { tenant, user });
  return {
    protocol: PROTOCOL_VERSION,
    basePath: '/',
    tenant,
    user,
    locale: 'zh-CN',
    graphql: createGraphQLClient({ endpoint: '/graphql' }),
    navigate(path) {
      window.history.pushState(null, '', path);
    },
    bus: hub.scope(name),
  };
}
