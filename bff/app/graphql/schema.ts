import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { catalogResolvers } from './catalog/resolvers.js';
import { inventoryResolvers } from './inventory/resolvers.js';

/** GraphQL modules by domain: `<domain>/schema.graphql` beside `<domain>/resolvers.ts`. */
const modules = [
  { domain: 'catalog', resolvers: catalogResolvers },
  { domain: 'inventory', resolvers: inventoryResolvers },
];

let schema: GraphQLSchema | undefined;

/** The executable schema, built once per process from every domain module. */
export function graphqlSchema(): GraphQLSchema {
  schema ??= makeExecutableSchema({
    typeDefs: modules.map(({ domain }) =>
      readFileSync(new URL(`./${domain}/schema.graphql`, import.meta.url), 'utf8'),
    ),
    resolvers: modules.map((m) => m.resolvers),
  });
  return schema;
}
