import { Controller } from 'egg';
import { GraphQLError, execute, parse, validate } from 'graphql';
import type { DocumentNode } from 'graphql';
import { z } from 'zod';
import { createGraphqlContext } from '../graphql/context.js';
import { graphqlSchema } from '../graphql/schema.js';
import { useErrorMasking } from '../graphql/use_error_masking.js';
import { BffError, ErrorCode } from '../lib/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestIdOf } from '../lib/request_state.js';
import { services } from '../lib/services.js';

const GraphqlRequest = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

/** POST /graphql: queries for the signed-in tenant. */
export default class GraphqlController extends Controller {
  async execute(): Promise<void> {
    const { ctx } = this;
    // Authenticate before looking at the query: no session, no GraphQL (401 JSON error).
    const session = await services(ctx).session.require();
    const body = GraphqlRequest.safeParse(ctx.request.body);
    if (!body.success) {
      throw new BffError(
        ErrorCode.BAD_REQUEST,
        `POST /graphql expects {query, variables?, operationName?}: ${z.prettifyError(body.error)}`,
      );
    }
    const requestId = requestIdOf(ctx);
    const formatError = useErrorMasking({
      requestId,
      exposeInternal: mosaicConfig(this.app).exposeInternalErrors,
      onUnexpected: (err) =>
        ctx.logger.error('[bff] graphql resolver failed (requestId %s): %s', requestId, err),
    });
    const schema = graphqlSchema();

    let document: DocumentNode;
    try {
      document = parse(body.data.query);
    } catch (err) {
      const error = err instanceof GraphQLError ? err : new GraphQLError(String(err));
      ctx.body = { errors: [formatError(withCode(error, ErrorCode.GRAPHQL_PARSE_FAILED))] };
      return;
    }
    const validationErrors = validate(schema, document);
    if (validationErrors.length > 0) {
      ctx.body = {
        errors: validationErrors.map((e) =>
          formatError(withCode(e, ErrorCode.GRAPHQL_VALIDATION_FAILED)),
        ),
      };
      return;
    }
    const result = await execute({
      schema,
      document,
      variableValues: body.data.variables ?? undefined,
      operationName: body.data.operationName ?? undefined,
      contextValue: createGraphqlContext(ctx, session),
    });
    ctx.set('cache-control', 'no-store');
    ctx.body = {
      ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
      data: result.data ?? null,
    };
  }
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code },
  });
}
