import { z } from 'zod';

/** The body of `POST /graphql`: one operation, by text or by persisted document id. */
export const GraphqlRequest = z.object({
  query: z.string().min(1).nullish(),
  documentId: z.string().min(1).max(80).nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().max(128).nullish(),
  extensions: z
    .object({ persistedQuery: z.object({ sha256Hash: z.string() }).partial().optional() })
    .nullish(),
});

/** A parsed `POST /graphql` body. */
export type GraphqlRequestBody = z.infer<typeof GraphqlRequest>;
