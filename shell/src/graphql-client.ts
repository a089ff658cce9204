import { createGraphQLClient } from '@mosaic/build-kit';

/** One client for every app: same-origin cookie auth against the BFF. */
export const graphqlClient = createGraphQLClient({ endpoint: '/graphql' });
