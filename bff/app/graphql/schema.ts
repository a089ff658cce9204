import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { catalogResolvers } from './catalog/resolvers.js';
import { dashboardResolvers } from './dashboard/resolvers.js';
import { inventoryResolvers } from './inventory/resolvers.js';
import { operationsResolvers } from './operations/resolvers.js';
import { MoneyScalar } from './money.js';
import { partyResolvers } from './party/resolvers.js';
import { pricingResolvers } from './pricing/resolvers.js';
import { salesResolvers } from './sales/resolvers.js';
import { shopResolvers } from './shop/resolvers.js';

const common = {
  Money: MoneyScalar,
  Query: { ping: () => true },
  Mutation: { ping: () => true },
};

/** GraphQL modules by domain: `<domain>/schema.graphql` beside `<domain>/resolvers.ts`. */
const modules = [
  { domain: 'common', resolvers: common },
  { domain: 'catalog', resolvers: catalogResolvers },
  { domain: 'pricing', resolvers: pricingResolvers },
  { domain: 'inventory', resolvers: inventoryResolvers },
  { domain: 'party', resolvers: partyResolvers },
  { domain: 'sales', resolvers: salesResolvers },
  { domain: 'dashboard', resolvers: dashboardResolvers },
  { domain: 'shop', resolvers: shopResolvers },
  { domain: 'operations', resolvers: operationsResolvers },
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
