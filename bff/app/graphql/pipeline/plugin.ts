import type { Context } from 'egg';
import type {
  DocumentNode,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
import type { Session } from '../../lib/session/session_claims.js';
import type { GraphqlRequestBody } from './graphql_request.js';
import type { PreparedOperation } from './prepare_operation.js';

/** Who asks and what: all the fast lane knows of a request, and all a `peek` may read. */
export interface GraphqlCall {
  session: Session;
  request: GraphqlRequestBody;
  /** Whether the caller asked for a backend environment of its own (`x-mosaic-env`). */
  ownEnvironment: boolean;
}

/** Where an error is shaped: the request id it names and Egg's context (for the log). */
export interface ErrorScope {
  requestId: string;
  ctx: Context;
}

/** A call the pipeline runs, through Egg's chain. */
export interface GraphqlExecution extends GraphqlCall, ErrorScope {
  operation: PreparedOperation;
  variables: Record<string, unknown> | undefined;
}

/** The text a request runs, and whether it came as a trusted document (by id, not as text). */
export interface RequestedText {
  text: string;
  trusted: boolean;
}

/** The bytes of an answer and where they came from (for metrics and the access log). */
export interface GraphqlAnswer {
  body: Buffer;
  source: 'hit' | 'miss' | 'bypass';
  /** Whether the answer carries errors. */
  failed: boolean;
}

/** The rest of the pipeline, as an `execute` hook sees it. */
export type ExecuteNext = (execution: GraphqlExecution) => Promise<GraphqlAnswer>;

/** Facts a plugin finds once per prepared document (see `describe`). */
export type OperationFacts = Partial<Pick<PreparedOperation, 'trustedOnly'>>;

/**
 * One concern of the GraphQL pipeline (trusted documents, limits, the response cache, error
 * masking), in one `use_*.ts` file of `app/graphql/plugins/`. Every hook is optional. The
 * pipeline (create_pipeline.ts) reads the hooks once, when it is made, so a hook no plugin has
 * costs nothing per request; a plugin left out of the list takes its concern with it and
 * nothing else changes.
 *
 * Per request the hooks run in this order: `resolveText`, then (once per distinct document)
 * `parse`, `checkDocument`, `describe`; then `admit` and `execute` (or `peek`, on the fast
 * lane), and `formatError` for each error of the answer.
 */
export interface GraphqlPlugin {
  /** Names the plugin in errors and docs. */
  readonly name: string;
  /**
   * The text a request runs. The first plugin that answers wins; with none, the request's own
   * `query`. Throw a BffError to refuse the request.
   */
  resolveText?(request: GraphqlRequestBody): RequestedText | undefined;
  /** Parse the text (replaces graphql-js's `parse`; the first plugin that has one is used). */
  parse?(text: string): DocumentNode;
  /** Errors of a parsed document, before the standard validation; once per distinct document. */
  checkDocument?(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[];
  /** Facts about a valid operation, kept with it: once per distinct document. */
  describe?(
    schema: GraphQLSchema,
    document: DocumentNode,
    definition: OperationDefinitionNode,
  ): OperationFacts;
  /** Refuse a request (throw a BffError) once its operation is known; every request. */
  admit?(requested: RequestedText, operation: PreparedOperation): void;
  /** Wrap the execution: answer without `next`, or call it and keep, change or time its answer. */
  execute?(execution: GraphqlExecution, next: ExecuteNext): Promise<GraphqlAnswer>;
  /**
   * An answer already held for this call, which the fast lane may send before Egg's middleware
   * runs; must not run anything or wait. The fast lane steps aside when no plugin peeks.
   */
  peek?(
    call: GraphqlCall,
    operation: PreparedOperation,
    variables: Record<string, unknown> | undefined,
  ): Buffer | undefined;
  /**
   * Whether `peek` may answer anything now (say, the cache is off or its store away), asked
   * before the request's body is read. @default true when the plugin has `peek`
   */
  canPeek?(): boolean;
  /** Shape an error of the answer (the first plugin that has one is used). */
  formatError?(error: GraphQLError, scope: ErrorScope): GraphQLFormattedError;
}
