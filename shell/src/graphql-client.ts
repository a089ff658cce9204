import { createGraphQLClient } from '@mosaic/build-kit';
import { makeFetchSessionAware } from './session/session-expiry.js';

/** One client for every app: same-origin cookie auth; a 401 sends the user back to sign in. */
export const graphqlClient = createGraphQLClient({
  endpoint: '/graphql',
  fetch: makeFetchSessionAware((input, init) => fetch(input, init)),
});
