import { PROTOCOL_VERSION } from '../shared/protocol.js';
import { createMessageHub } from './bus/create-message-hub.js';
import { createGraphQLClient } from './create-graphql-client.js';
import type { HostContext } from './types.js';

function isUnder(pathname: string, basePath: string): boolean {
  return basePath === '/' || pathname === basePath || pathname.startsWith(`${basePath}/`);
}

/**
 * Context for an app running on its own dev server, without a shell. GraphQL goes
 * to '/graphql' (the preset's dev server proxies it to the BFF); the bus is a
 * private hub, so the app hears only itself. Like the shell, it hands the app its route as
 * `basePath` (the dev server writes it on `#root`), starts the address bar there, and
 * publishes the sticky `route.changed` on every move (`navigate`, `nav.request`, back/forward),
 * so an app routed by the bus shows its pages standalone too.
 */
export function createStandInContext(name = 'standalone', basePath = '/'): HostContext {
  const tenant = { id: 'dev', name: '本地开发 (standalone)' };
  const user = { id: 'dev', username: 'dev', displayName: '开发者', roles: ['owner'] };
  const hub = createMessageHub();
  const shell = hub.scope('shell');
  shell.publish('session.changed', { tenant, user });
  if (!isUnder(window.location.pathname, basePath)) {
    window.history.replaceState(null, '', basePath);
  }
  const announce = (): void => {
    shell.publish('route.changed', { path: window.location.pathname });
  };
  const go = (path: string, replace = false): void => {
    if (replace) window.history.replaceState(null, '', path);
    else window.history.pushState(null, '', path);
    announce();
  };
  announce();
  window.addEventListener('popstate', announce);
  shell.subscribe('nav.request', ({ path, replace }) => go(path, replace));
  return {
    protocol: PROTOCOL_VERSION,
    basePath,
    tenant,
    user,
    locale: 'zh-CN',
    graphql: createGraphQLClient({ endpoint: '/graphql' }),
    navigate: (path) => go(path),
    bus: hub.scope(name),
  };
}
