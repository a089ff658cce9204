/**
 * The sub-app protocol, in one file: what a shell hands an app and what an app
 * hands back. Shell and apps depend on these types, never on each other.
 */
import type { InferOutput } from 'valibot';
import type { PROTOCOL_VERSION } from '../shared/protocol.js';
import type { EventTopicCatalogue, RequestTopicCatalogue } from './bus/topic-catalogue.js';

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
  /**
   * The BFF's persisted operation for this query, `'sha256:<hex of the query text>'`: it is
   * sent instead of the text (smaller requests on a phone). Should the BFF not know it
   * (`PERSISTED_QUERY_NOT_FOUND`), the client sends the text once instead.
   */
  documentId?: string;
}

/**
 * An operation imported from a `.graphql` file (`import products from './products.graphql'`):
 * build-kit gives its id, name and text, and lists it in the build's `graphql-documents.json`,
 * the BFF's trusted documents. The client sends only the id. `TData` and `TVariables` are the
 * types build-kit generates from the BFF's schema (`x.d.graphql.ts` beside the file), so
 * `ctx.graphql.request(products, vars)` is typed without a hand-written type.
 */
export interface TrustedDocument<TData = unknown, TVariables = Record<string, unknown>> {
  /** `sha256:<hex of text>`. */
  id: string;
  operationName: string;
  text: string;
  /** Whether it is a query (sent marked read-only) or a mutation; absent in older bundles. */
  kind?: 'query' | 'mutation' | 'subscription';
  /** Carries the types only; never set. (A method, so hand-written types still fit.) */
  __types?(data: TData, variables: TVariables): void;
}

/** GraphQL client bound to the signed-in session. Throws `MosaicError` on any failure. */
export interface GraphQLClient {
  /** Send an imported `.graphql` document: its result and variables are typed by it. */
  request<TData, TVariables = Record<string, unknown>>(
    document: TrustedDocument<TData, TVariables>,
    variables?: TVariables,
    options?: GraphQLRequestOptions,
  ): Promise<TData>;
  /** Send query text (another app's operations may; the shop's fields may not). */
  request<TData, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    query: string,
    variables?: TVariables,
    options?: GraphQLRequestOptions,
  ): Promise<TData>;
}

/** Names of the fire-and-forget topics in the catalogue (`bus/topic-catalogue.ts`). */
export type EventTopic = keyof EventTopicCatalogue;
/** Names of the request/response topics in the catalogue. */
export type RequestTopic = keyof RequestTopicCatalogue;
/** Payload type of event topic `T`, inferred from its schema. */
export type EventPayload<T extends EventTopic> = InferOutput<EventTopicCatalogue[T]['payload']>;
/** Request payload type of request topic `T`. */
export type RequestPayload<T extends RequestTopic> = InferOutput<
  RequestTopicCatalogue[T]['request']
>;
/** Response type of request topic `T`. */
export type ResponsePayload<T extends RequestTopic> = InferOutput<
  RequestTopicCatalogue[T]['response']
>;

/** Who sent a message: the app name, or 'shell'. */
export interface MessageMeta {
  source: string;
}

/** Removes what the call that returned it registered. Calling it twice is harmless. */
export type Unsubscribe = () => void;

export interface BusRequestOptions {
  /**
   * How long to wait for the responder before rejecting with `BUS_TIMEOUT`.
   * @default 5000
   */
  timeoutMs?: number;
}

/**
 * The message bus an app gets in its mount context. Payloads are checked against
 * the catalogue's schemas on the way in and out; a bad one throws `BUS_INVALID_PAYLOAD`
 * naming the topic. Everything an app registers is removed when it unmounts.
 */
export interface Bus {
  /** Delivers `payload` to every subscriber of `topic` (and stores it when the topic is sticky). */
  publish<T extends EventTopic>(topic: T, payload: EventPayload<T>): void;
  /** Calls `handler` on every publish; on a sticky topic also at once with the last value. */
  subscribe<T extends EventTopic>(
    topic: T,
    handler: (payload: EventPayload<T>, meta: MessageMeta) => void,
  ): Unsubscribe;
  /**
   * Asks the app that responds to `topic`. Rejects with `BUS_NO_RESPONDER` when no app
   * answers it, `BUS_TIMEOUT` after `timeoutMs`, `BUS_RESPONDER_FAILED` when it throws.
   */
  request<T extends RequestTopic>(
    topic: T,
    payload: RequestPayload<T>,
    options?: BusRequestOptions,
  ): Promise<ResponsePayload<T>>;
  /** Answers requests on `topic`; the latest responder wins until it is removed. */
  respond<T extends RequestTopic>(
    topic: T,
    responder: (
      payload: RequestPayload<T>,
      meta: MessageMeta,
    ) => ResponsePayload<T> | Promise<ResponsePayload<T>>,
  ): Unsubscribe;
  /** The last value of a sticky topic, if any. */
  last<T extends EventTopic>(topic: T): EventPayload<T> | undefined;
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
  /** The message bus shared with the shell and the other apps. */
  bus: Bus;
  /**
   * Whether the app is on screen (protocol 1.6). A shell that keeps recently used apps mounted
   * hides them instead of unmounting; `activate` and `deactivate` say when. Absent from shells
   * before 1.6, which never hide a mounted app: read it as `ctx.active !== false`.
   */
  active?: boolean;
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
  /** Called when the host hands a new context while mounted (e.g. another locale). */
  update?(ctx: MountContext): void | Promise<void>;
  /**
   * The shell shows the app again after hiding it (protocol 1.6, keep-alive): resume timers and
   * polling, refresh what may be stale. Its DOM and state were kept.
   */
  activate?(ctx: MountContext): void | Promise<void>;
  /**
   * The shell hid the app but keeps it mounted (the user opened another app): pause timers,
   * polling and animations. The bus and its subscriptions stay live.
   */
  deactivate?(ctx: MountContext): void | Promise<void>;
}

/** qiankun 2 lifecycles, as the app bundle exports them. */
export interface MicroAppLifecycles {
  bootstrap(): Promise<void>;
  mount(props: unknown): Promise<void>;
  unmount(props: unknown): Promise<void>;
  /**
   * qiankun's optional `update`, exported when the definition has `update`, `activate` or
   * `deactivate`: the shell hides and shows a kept app through it (`props.mosaic.active`).
   */
  update?(props: unknown): Promise<void>;
}
