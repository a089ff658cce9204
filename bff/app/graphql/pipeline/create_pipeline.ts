import type { ExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { BffError, ErrorCode } from '../../lib/http/errors.js';
import type { GraphqlRequestBody } from './graphql_request.js';
import type {
  ErrorScope,
  ExecuteNext,
  GraphqlAnswer,
  GraphqlCall,
  GraphqlExecution,
  GraphqlPlugin,
  RequestedText,
} from './plugin.js';
import { createOperationCache } from './prepare_operation.js';
import type { Preparation, PreparedOperation } from './prepare_operation.js';

/** Options of createGraphqlPipeline. */
export interface GraphqlPipelineOptions {
  schema: GraphQLSchema;
  /** The concerns, outermost first: the first `execute` hook wraps all the others. */
  plugins: readonly GraphqlPlugin[];
  /** The resolvers' context for one execution. */
  contextOf(execution: GraphqlExecution): unknown;
  /** Runs after the resolvers, before the answer is written (success or not). */
  settle?(execution: GraphqlExecution): Promise<void>;
  /** Distinct documents kept prepared. @default 1000 */
  maxPrepared?: number;
}

/** A schema with its plugins, assembled once per app. */
export interface GraphqlPipeline {
  /** Whether some plugin may answer from what it holds now (the fast lane steps aside if not). */
  canPeek(): boolean;
  /** The text a request runs; throws a BffError for a request that names none. */
  resolve(request: GraphqlRequestBody): RequestedText;
  /** The prepared operation for this text, or the errors that refuse it. */
  prepare(text: string, operationName: string | undefined): Preparation;
  /** Throws a BffError if some plugin refuses this request for this operation. */
  admit(requested: RequestedText, operation: PreparedOperation): void;
  /** Run the operation through every plugin's `execute`. */
  execute(execution: GraphqlExecution): Promise<GraphqlAnswer>;
  /** An answer some plugin holds for this call, or undefined. Never runs anything. */
  peek(
    call: GraphqlCall,
    operation: PreparedOperation,
    variables: Record<string, unknown> | undefined,
  ): Buffer | undefined;
  /** The body refusing a request with these errors (parse, limits, validation). */
  refusal(errors: readonly GraphQLError[], scope: ErrorScope): Buffer;
}

/**
 * The GraphQL pipeline: hooks are gathered from the plugins once, here, so each request pays
 * for the hooks that exist and nothing for the ones that do not. The stages of a request:
 * `resolve` (which text), `prepare` (parse, checks, validation, compilation, facts: once per
 * distinct document), `admit`, then `execute` (the plugins' wrappers around graphql-jit's
 * compiled query) and `formatError` on the way out.
 */
export function createGraphqlPipeline(options: GraphqlPipelineOptions): GraphqlPipeline {
  const { schema, plugins, contextOf, settle } = options;
  const resolvers = hooks(plugins, 'resolveText');
  const admitters = hooks(plugins, 'admit');
  const peekers = hooks(plugins, 'peek');
  const peeking = plugins.filter((plugin) => plugin.peek);
  const formatError: (error: GraphQLError, scope: ErrorScope) => GraphQLFormattedError =
    hooks(plugins, 'formatError')[0] ?? ((error) => error.toJSON());
  const operations = createOperationCache({
    schema,
    parse: hooks(plugins, 'parse')[0],
    checks: hooks(plugins, 'checkDocument'),
    describers: hooks(plugins, 'describe'),
    maxEntries: options.maxPrepared,
  });

  const run: ExecuteNext = async (execution) => {
    let result: ExecutionResult;
    try {
      result = await execution.operation.compiled.query(
        undefined,
        contextOf(execution),
        execution.variables ?? {},
      );
    } finally {
      await settle?.(execution);
    }
    const failed = Boolean(result.errors?.length);
    const body = JSON.stringify({
      ...(failed ? { errors: result.errors?.map((e) => formatError(e, execution)) } : {}),
      data: result.data ?? null,
    });
    return { body: Buffer.from(body), source: 'bypass', failed };
  };
  // The first plugin's `execute` is the outermost: it sees the request first and the answer last.
  const execute = plugins.reduceRight<ExecuteNext>((next, plugin) => {
    const wrap = plugin.execute?.bind(plugin);
    return wrap ? (execution) => wrap(execution, next) : next;
  }, run);

  return {
    canPeek() {
      for (const plugin of peeking) if (plugin.canPeek?.() !== false) return true;
      return false;
    },
    resolve(request) {
      for (const resolveText of resolvers) {
        const requested = resolveText(request);
        if (requested) return requested;
      }
      if (request.query) return { text: request.query, trusted: false };
      throw new BffError(
        ErrorCode.BAD_REQUEST,
        resolvers.length > 0
          ? 'POST /graphql needs `query`, or `documentId` naming a trusted document'
          : 'POST /graphql needs `query` (this BFF runs no documents by id)',
      );
    },
    prepare: (text, operationName) => operations.prepare(text, operationName),
    admit(requested, operation) {
      for (const admit of admitters) admit(requested, operation);
    },
    execute,
    peek(call, operation, variables) {
      for (const peek of peekers) {
        const held = peek(call, operation, variables);
        if (held) return held;
      }
      return undefined;
    },
    refusal(errors, scope) {
      return Buffer.from(JSON.stringify({ errors: errors.map((e) => formatError(e, scope)) }));
    },
  };
}

/** Every plugin's `name` hook, bound to its plugin, in plugin order. */
function hooks<K extends Exclude<keyof GraphqlPlugin, 'name'>>(
  plugins: readonly GraphqlPlugin[],
  name: K,
): NonNullable<GraphqlPlugin[K]>[] {
  const found: NonNullable<GraphqlPlugin[K]>[] = [];
  for (const plugin of plugins) {
    const hook = plugin[name];
    if (typeof hook === 'function') found.push(hook.bind(plugin) as NonNullable<GraphqlPlugin[K]>);
  }
  return found;
}
