import { PROTOCOL_VERSION } from '@mosaic/build-kit';
import type { Bus, GraphQLClient, HostContext } from '@mosaic/build-kit';
import type { AppEntry, Session } from '../session/session-api.js';

export interface HostContextOptions {
  app: AppEntry;
  session: Session;
  /** BCP 47 language the user chose in the frame. */
  locale: string;
  /** Whether the app is on screen when it mounts (a kept app may finish loading hidden). */
  active: boolean;
  graphql: GraphQLClient;
  navigate(path: string): void;
  /** The app's own scope of the shell's message hub. */
  bus: Bus;
}

/** The mount context the shell hands an app through qiankun props (`props.mosaic`). */
export function createHostContext({
  app,
  session,
  locale,
  active,
  graphql,
  navigate,
  bus,
}: HostContextOptions): HostContext {
  return {
    protocol: PROTOCOL_VERSION,
    basePath: app.route,
    tenant: { ...session.tenant },
    user: { ...session.user, roles: [...session.user.roles] },
    locale,
    active,
    graphql,
    navigate,
    bus,
  };
}
