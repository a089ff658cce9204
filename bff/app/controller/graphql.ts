import { Controller } from 'egg';
import type { ExecutionResult, GraphQLError } from 'graphql';
import { z } from 'zod';
import { createGraphqlContext } from '../graphql/context.js';
import { operationLabel } from '../graphql/known_operations.js';
import { rememberAnswerHeaders } from '../graphql/fast_lane.js';
import { GraphqlRequest } from '../graphql/graphql_request.js';
import { useErrorMasking } from '../graphql/use_error_masking.js';
import { requireTrusted, useTrustedDocuments } from '../graphql/use_trusted_documents.js';
import { useResponseCache } from '../graphql/use_response_cache.js';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestIdOf, requestState } from '../lib/http/request_state.js';
import { services } from '../lib/services.js';

/**
 * POST /graphql: one operation for the signed-in tenant. The pipeline, in order: session,
 * trusted document (the shop's fields run from no other), prepared operation (parsed, limited, validated and compiled once
 * per document), the time budget, the response cache (queries), the compiled executor, and the
 * retirement of whatever a mutation's writes touched before its answer leaves.
 */
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
    const runtime = this.app.mosaicRuntime;
    const { metrics } = runtime;
    const state = requestState(ctx);
    const requestId = requestIdOf(ctx);
    const formatError = useErrorMasking({
      requestId,
      exposeInternal: config.exposeInternalErrors,
      onUnexpected: (err) =>
        ctx.logger.error('[bff] graphql resolver failed (requestId %s): %s', requestId, err),
    });
    ctx.set('cache-control', 'no-store');
    const started = performance.now();
    const refuse = (errors: readonly GraphQLError[]): void => {
      metrics.graphqlRequests.inc({ operation: 'refused', outcome: 'refused' });
      ctx.body = { errors: errors.map(formatError) };
    };

    const requested = useTrustedDocuments(body.data);
    const prepared = this.app.graphqlPipeline.operations.prepare(
      requested.text,
      body.data.operationName ?? undefined,
    );
    if (!prepared.ok) return refuse(prepared.errors);
    const { operation } = prepared;
    requireTrusted(requested, operation.trustedOnly);
    state.operationName = operation.name ?? 'anonymous';
    const label = operationLabel(operation.name);
    // A hung service costs the budget, not a stall; a write may take as long as one call may.
    state.deadline =
      started +
      (operation.kind === 'mutation'
        ? Math.max(config.requestBudgetMs, config.upstreamTimeoutMs)
        : config.requestBudgetMs);

    const variables = body.data.variables ?? undefined;
    const run = async (): Promise<ExecutionResult> => {
      try {
        return await operation.compiled.query(
          undefined,
          createGraphqlContext(ctx, session),
          variables ?? {},
        );
      } finally {
        // Retire what this request's writes touched before anyone is told they happened.
        if (state.touched?.size) await runtime.invalidate(session.tenantId, [...state.touched]);
      }
    };
    const outcome = await useResponseCache(ctx, {
      tenantId: session.tenantId,
      roles: session.roles,
      operation,
      variables,
      run,
      serialize: (result) =>
        JSON.stringify({
          ...(result.errors?.length ? { errors: result.errors.map(formatError) } : {}),
          data: result.data ?? null,
        }),
    });
    state.responseCache = outcome.source;
    metrics.graphqlRequests.inc({ operation: label, outcome: outcome.failed ? 'error' : 'ok' });
    metrics.graphqlDuration.observe({ operation: label }, (performance.now() - started) / 1000);
    ctx.type = 'application/json';
    ctx.body = outcome.body;
    if (!outcome.failed) rememberAnswerHeaders(this.app, ctx.res);
  }
}
