import { Controller } from 'egg';
import { GraphQLError, execute, getOperationAST, validate } from 'graphql';
import { z } from 'zod';
import { createGraphqlContext } from '../graphql/context.js';
import { graphqlSchema } from '../graphql/schema.js';
import { useErrorMasking } from '../graphql/use_error_masking.js';
import { useLimits } from '../graphql/use_limits.js';
import { usePersistedOperations } from '../graphql/use_persisted_operations.js';
import { withCode } from '../graphql/with_code.js';
import { runtimeOf } from '../lib/bff_runtime.js';
import { BffError, ErrorCode } from '../lib/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestIdOf, requestState } from '../lib/request_state.js';
import { services } from '../lib/services.js';

const GraphqlRequest = z.object({
  query: z.string().min(1).nullish(),
  documentId: z.string().min(1).max(80).nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().max(128).nullish(),
  extensions: z
    .object({ persistedQuery: z.object({ sha256Hash: z.string() }).partial().optional() })
    .nullish(),
});

/** POST /graphql: one operation for the signed-in tenant. */
export default class GraphqlController extends Controller {
  async execute(): Promise<void> {
    const { ctx } = this;
    // Authenticate before looking at the query: no session, no GraphQL (401 JSON error).
    const session = await services(ctx).session.require();
    if (Array.isArray(ctx.request.body)) {
      throw new BffError(
        ErrorCode.BATCH_NOT_SUPPORTED,
        'POST /graphql takes one operation per request, not an array: send them one by one',
      );
    }
    const body = GraphqlRequest.safeParse(ctx.request.body);
    if (!body.success) {
      throw new BffError(
        ErrorCode.BAD_REQUEST,
        `POST /graphql expects {query | documentId, variables?, operationName?}: ${z.prettifyError(body.error)}`,
      );
    }
    const config = mosaicConfig(this.app);
    const { metrics } = runtimeOf(this.app);
    const requestId = requestIdOf(ctx);
    const formatError = useErrorMasking({
      requestId,
      exposeInternal: config.exposeInternalErrors,
      onUnexpected: (err) =>
        ctx.logger.error('[bff] graphql resolver failed (requestId %s): %s', requestId, err),
    });
    const limits = useLimits(config.graphql);
    const schema = graphqlSchema();
    ctx.set('cache-control', 'no-store');
    const started = performance.now();
    let operation = body.data.operationName ?? 'anonymous';
    const refuse = (errors: GraphQLError[]): void => {
      metrics.graphqlRequests.inc({ operation: 'refused', outcome: 'refused' });
      ctx.body = { errors: errors.map(formatError) };
    };

    let document;
    try {
      document = limits.parse(usePersistedOperations(body.data));
    } catch (err) {
      if (err instanceof GraphQLError) return refuse([err]);
      throw err;
    }
    const limitErrors = limits.check(schema, document);
    if (limitErrors.length > 0) return refuse(limitErrors);
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      return refuse(invalid.map((e) => withCode(e, ErrorCode.GRAPHQL_VALIDATION_FAILED)));
    }
    operation = getOperationAST(document, body.data.operationName)?.name?.value ?? operation;
    requestState(ctx).operationName = operation;

    const result = await execute({
      schema,
      document,
      variableValues: body.data.variables ?? undefined,
      operationName: body.data.operationName ?? undefined,
      contextValue: createGraphqlContext(ctx, session),
    });
    metrics.graphqlRequests.inc({ operation, outcome: result.errors ? 'error' : 'ok' });
    metrics.graphqlDuration.observe({ operation }, (performance.now() - started) / 1000);
    ctx.body = {
      ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
      data: result.data ?? null,
    };
  }
}
