import type { EggApplicationCore as Application } from 'egg';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestState } from '../lib/http/request_state.js';
import { createGraphqlContext } from './context.js';
import { createGraphqlPipeline } from './pipeline/create_pipeline.js';
import type { GraphqlPipeline } from './pipeline/create_pipeline.js';
import { useErrorMasking } from './plugins/use_error_masking.js';
import { useLimits } from './plugins/use_limits.js';
import { useResponseCache } from './plugins/use_response_cache.js';
import { useTrustedDocuments } from './plugins/use_trusted_documents.js';
import { graphqlSchema } from './schema.js';

/**
 * The BFF's GraphQL pipeline: the schema and the plugins it runs, in order. Each concern is one
 * line here and one file in `plugins/`; take the line out and the concern is gone. Made once
 * per app by `app.graphqlPipeline` (app/extend/application.ts).
 */
export function createAppGraphqlPipeline(app: Application): GraphqlPipeline {
  const config = mosaicConfig(app);
  return createGraphqlPipeline({
    schema: graphqlSchema(),
    plugins: [
      useErrorMasking({
        exposeInternal: config.exposeInternalErrors,
        onUnexpected: (err, { ctx, requestId }) =>
          ctx.logger.error('[bff] graphql resolver failed (requestId %s): %s', requestId, err),
      }),
      useTrustedDocuments(),
      useLimits(config.graphql),
      useResponseCache(app),
    ],
    contextOf: (execution) => createGraphqlContext(execution.ctx, execution.session),
    // Retire what this request's writes touched before anyone is told they happened.
    async settle({ ctx, session }) {
      const { touched } = requestState(ctx);
      if (touched?.size) await app.mosaicRuntime.invalidate(session.tenantId, [...touched]);
    },
  });
}
