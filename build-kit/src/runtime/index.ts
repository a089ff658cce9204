export type {
  Bus,
  BusRequestOptions,
  EventPayload,
  EventTopic,
  MessageMeta,
  RequestPayload,
  RequestTopic,
  ResponsePayload,
  Unsubscribe,
  GraphQLClient,
  GraphQLRequestOptions,
  TrustedDocument,
  HostContext,
  MicroAppDefinition,
  MicroAppLifecycles,
  MicroAppProps,
  MountContext,
  ProtocolVersion,
  Tenant,
  User,
} from './types.js';
export { PROTOCOL_VERSION } from './types.js';
export { defineMicroApp } from './define-micro-app.js';
export { createGraphQLClient } from './create-graphql-client.js';
export type { GraphQLClientOptions } from './create-graphql-client.js';
export { createAttemptKeys, isUnclearFailure, newIdempotencyKey } from './create-attempt-keys.js';
export type { AttemptKeys } from './create-attempt-keys.js';
export { createStandInContext } from './stand-in-context.js';
export { isProtocolCompatible, protocolAtLeast, protocolMajor } from '../shared/protocol.js';
export { microAppGlobalName } from '../shared/app-name.js';
export { appTitleFor } from '@mosaic/contracts';
export { appScopeSelector, scopeSelector } from '../shared/scope-selector.js';
export type { AppTitles } from '@mosaic/contracts';
export {
  SHARED_LIBRARIES_GLOBAL,
  SHARED_MODULES,
  isSharedReactCompatible,
} from '../shared/shared-libraries.js';
export type {
  SharedEntryManifest,
  SharedLibraries,
  SharedModuleKey,
} from '../shared/shared-libraries.js';
export { MosaicError, MosaicErrorCode, isMosaicError } from '../shared/mosaic-error.js';
export type { MosaicErrorOptions, MosaicFieldError } from '../shared/mosaic-error.js';
export { createMessageHub } from './bus/create-message-hub.js';
export type { MessageHub, MessageHubOptions, ScopedBus } from './bus/create-message-hub.js';
export { eventTopics, requestTopics } from './bus/topic-catalogue.js';
