/**
 * The sub-app protocol, in one file: what a shell hands an app and what an app
 * hands back. Shell and apps depend on these types, never on each other.
 */
import type { PROTOCOL_VERSION } from '../shared/protocol.js';

export { PROTOCOL_VERSION } from '../shared/protocol.js';
export type ProtocolVersion = typeof PROTOCOL_VERSION;

export interface Tenant {
  /** Slug, e.g. 'xiaomai'. */
  id: string;
  /** Display name, e.g. '小麦便利店'. */
  name: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}

export interface GraphQLRequestOptions {
  operationName?: string;
  signal?: AbortSignal;
}

/** GraphQL client bound to the signed-in session. Throws `MosaicError` on any failure. */
export interface GraphQLClient {
  request<TData, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    query: string,
    variables?: TVariables,
    options?: GraphQLRequestOptions,
  ): Promise<TData>;
}

/** Everything an app gets when it mounts. */
export interface MountContext {
  /** Protocol version the host speaks (semver). */
  protocol: string;
  /** Element the app renders into (its own `#root` inside the host's container). */
  container: HTMLElement;
  /** Route the app is mounted at, e.g. '/inventory'; app routes live below it. */
  basePath: string;
  tenant: Tenant;
  user: User;
  /** BCP 47 locale, e.g. 'zh-CN'. */
  locale: string;
  graphql: GraphQLClient;
  /** Navigates the host; `path` is absolute within the shell, e.g. '/inventory/123'. */
  navigate(path: string): void;
}

/** The part of the context a host supplies; the container comes from qiankun. */
export type HostContext = Omit<MountContext, 'container'>;

/** qiankun props a Mosaic shell passes to `loadMicroApp` (qiankun adds `container`). */
export interface MicroAppProps {
  mosaic: HostContext;
}

/** What an app author writes. */
export interface MicroAppDefinition {
  /** App name, the same as in `defineMicroAppConfig`. */
  name: string;
  mount(ctx: MountContext): void | Promise<void>;
  unmount(ctx: MountContext): void | Promise<void>;
}

/** qiankun 2 lifecycles, as the app bundle exports them. */
export interface MicroAppLifecycles {
  bootstrap(): Promise<void>;
  mount(props: unknown): Promise<void>;
  unmount(props: unknown): Promise<void>;
}
