import { READ_ONLY_HEADER } from '@mosaic/contracts';
import { Controller } from 'egg';
import { z } from 'zod';
import { operationLabel } from '../graphql/pipeline/known_operations.js';
import { rememberAnswerHeaders } from '../graphql/pipeline/fast_lane.js';
import { GraphqlRequest } from '../graphql/pipeline/graphql_request.js';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { header } from '../lib/http/header.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestIdOf, requestState } from '../lib/http/request_state.js';
import { services } from '../lib/services.js';

/**
 * POST /graphql: one operation for the signed-in tenant. The controller checks the session and
 * the body, sets the time budget and counts the outcome; the pipeline (graphql/app_pipeline.ts)
 * does the rest, one plugin per concern: which text runs (trusted documents), its preparation
 * (parsed, limited, validated and compiled once per document), the response cache around the
 * compiled executor, and how errors are shaped.
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
    const pipeline = this.app.graphqlPipeline;
    const { metrics } = this.app.mosaicRuntime;
    const state = requestState(ctx);
    const requestId = requestIdOf(ctx);
    ctx.set('cache-control', 'no-store');
    ctx.type = 'application/json';
    const started = performance.now();

    const requested = pipeline.resolve(body.data);
    const prepared = pipeline.prepare(requested.text, body.data.operationName ?? undefined);
    if (!prepared.ok) {
      metrics.graphqlRequests.inc({ operation: 'refused', outcome: 'refused' });
      ctx.body = pipeline.refusal(prepared.errors, { requestId, ctx });
      return;
    }
    const { operation } = prepared;
    // The load balancer may send a request marked read-only twice (cluster/README.md): only a
    // query may carry the mark, so no write is ever done twice.
    if (operation.kind !== 'query' && header(ctx, READ_ONLY_HEADER) !== '') {
      throw new BffError(
        ErrorCode.BAD_REQUEST,
        `${READ_ONLY_HEADER} marks queries only, and this operation is a ${operation.kind}: send it without that header`,
      );
    }
    pipeline.admit(requested, operation);
    state.operationName = operation.name ?? 'anonymous';
    const label = operationLabel(operation.name);
    // A hung service costs the budget, not a stall; a write may take as long as one call may.
    state.deadline =
      started +
      (operation.kind === 'mutation'
        ? Math.max(config.requestBudgetMs, config.upstreamTimeoutMs)
        : config.requestBudgetMs);

    const answer = await pipeline.execute({
      ctx,
      requestId,
      session,
      request: body.data,
      ownEnvironment: Boolean(header(ctx, 'x-mosaic-env')),
      operation,
      variables: body.data.variables ?? undefined,
    });
    state.responseCache = answer.source;
    metrics.graphqlRequests.inc({ operation: label, outcome: answer.failed ? 'error' : 'ok' });
    metrics.graphqlDuration.observe({ operation: label }, (performance.now() - started) / 1000);
    ctx.body = answer.body;
    if (!answer.failed) rememberAnswerHeaders(this.app, ctx.res);
  }
}
