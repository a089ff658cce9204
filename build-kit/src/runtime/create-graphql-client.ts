import { READ_ONLY_HEADER, readErrorBody } from '@mosaic/contracts';
import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';
import type { GraphQLClient, GraphQLRequestOptions, TrustedDocument } from './types.js';

export interface GraphQLClientOptions {
  /** URL of the GraphQL endpoint, e.g. '/graphql'. */
  endpoint: string;
  /**
   * fetch implementation (tests pass a fake).
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /** Extra headers on every request, e.g. `{ authorization: 'Bearer …' }`. */
  headers?: Record<string, string>;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A GraphQL client over fetch: JSON POST, same-origin cookies, coded errors with request ids. */
export function createGraphQLClient(options: GraphQLClientOptions): GraphQLClient {
  const { endpoint, headers = {} } = options;
  return {
    async request<TData>(
      document: string | TrustedDocument<TData, unknown>,
      variables?: unknown,
      options: GraphQLRequestOptions = {},
    ): Promise<TData> {
      const trusted = typeof document === 'string' ? undefined : document;
      const query = trusted ? trusted.text : (document as string);
      const requestOptions = trusted
        ? {
            ...options,
            documentId: trusted.id,
            operationName: options.operationName ?? trusted.operationName,
          }
        : options;
      const { documentId, operationName } = requestOptions;
      // A query says so: the BFF refuses the mark on anything else, so a load balancer may send
      // it again to another instance if the first died before answering.
      const marks = trusted?.kind === 'query' ? { [READ_ONLY_HEADER]: '1' } : undefined;
      if (documentId) {
        try {
          return await post<TData>({ documentId, variables, operationName }, requestOptions, marks);
        } catch (error) {
          // A BFF older than the app: it runs the same operation from its text.
          if (
            !(error instanceof MosaicError && error.code === 'PERSISTED_QUERY_NOT_FOUND') ||
            !query
          )
            throw error;
        }
      }
      return post<TData>({ query, variables, operationName }, requestOptions, marks);
    },
  };

  async function post<TData>(
    payload: Record<string, unknown>,
    requestOptions: GraphQLRequestOptions,
    marks: Record<string, string> | undefined,
  ): Promise<TData> {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...marks,
          ...headers,
        },
        body: JSON.stringify(payload),
        signal: requestOptions.signal,
      });
    } catch (error) {
      if (requestOptions.signal?.aborted) throw error;
      throw new MosaicError(
        MosaicErrorCode.NETWORK_ERROR,
        `GraphQL request to ${endpoint} got no answer (${String(error)}); check the network and that the BFF is running`,
        { cause: error },
      );
    }

    const headerRequestId = response.headers.get('x-request-id') ?? undefined;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }

    // The contract's one reader: REST `{error}` or GraphQL's first `errors[]` entry.
    const error = readErrorBody(body);
    if (!response.ok || error) {
      const fallbackCode =
        response.ok || Array.isArray(asRecord(body)?.errors)
          ? MosaicErrorCode.GRAPHQL_ERROR
          : MosaicErrorCode.HTTP_ERROR;
      throw new MosaicError(
        error?.code ?? fallbackCode,
        error?.message ?? `GraphQL request to ${endpoint} failed with HTTP ${response.status}`,
        {
          requestId: error?.requestId ?? headerRequestId,
          status: response.status,
          fields: error?.fields,
          data: asRecord(asRecord(body)?.data),
        },
      );
    }

    const data = asRecord(body)?.data;
    if (data === undefined || data === null) {
      throw new MosaicError(
        MosaicErrorCode.BAD_RESPONSE,
        `GraphQL response from ${endpoint} has no data`,
        { requestId: headerRequestId, status: response.status },
      );
    }
    return data as TData;
  }
}
