import { PROTOCOL_VERSION } from '../shared/protocol.js';
import { createGraphQLClient } from './create-graphql-client.js';
import type { HostContext } from './types.js';

/**
 * Context for an app running on its own dev server, without a shell. GraphQL goes
 * to '/graphql' (the preset's dev server proxies it to the BFF).
 */
export function createStandInContext(): HostContext {
  return {
    protocol: PROTOCOL_VERSION,
    basePath: '/',
    tenant: { id: 'dev', name: '本地开发 (standalone)' },
    user: { id: 'dev', username: 'dev', displayName: '开发者', roles: ['owner'] },
    locale: 'zh-CN',
    graphql: createGraphQLClient({ endpoint: '/graphql' }),
    navigate(path) {
      window.history.pushState(null, '', path);
    },
  };
}
