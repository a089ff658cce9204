import type { EggAppConfig } from 'egg';
import type { GraphQLSchema } from 'graphql';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { createOperationCache } from './prepare_operation.js';
import type { OperationCache } from './prepare_operation.js';
import { graphqlSchema } from './schema.js';
import { useLimits } from './use_limits.js';

/** What the GraphQL endpoint builds once per app rather than once per request. */
export interface GraphqlPipeline {
  schema: GraphQLSchema;
  operations: OperationCache;
}

/**
 * The app's GraphQL pipeline: the schema and its prepared (parsed, checked, compiled) operations.
 * Made once per app by `app.graphqlPipeline` (app/extend/application.ts).
 */
export function createGraphqlPipeline(app: { config: EggAppConfig }): GraphqlPipeline {
  const schema = graphqlSchema();
  const limits = useLimits(mosaicConfig(app).graphql);
  return { schema, operations: createOperationCache({ schema, limits }) };
}
