import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';
import type { MosaicFieldError } from '../shared/mosaic-error.js';
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

interface ErrorShape {
  code?: string;
  message?: string;
  requestId?: string;
  fields?: MosaicFieldError[];
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `extensions.fields` of a BAD_USER_INPUT: keeps the well-formed `{path, message}` entries. */
function readFields(value: unknown): MosaicFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const field = asRecord(entry);
    const path = str(field?.path);
    const message = str(field?.message);
    return path && message ? [{ path, message }] : [];
  });
}

/** `{error:{code,message,requestId}}` (BFF REST style) or `{errors:[{message,extensions}]}`. */
function readError(body: unknown): ErrorShape | undefined {
  const record = asRecord(body);
  const restError = asRecord(record?.error);
  if (restError) {
    return {
      code: str(restError.code),
      message: str(restError.message),
      requestId: str(restError.requestId),
    };
  }
  const errors = record?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = asRecord(errors[0]);
    const extensions = asRecord(first?.extensions);
    return {
      code: str(extensions?.code) ?? MosaicErrorCode.GRAPHQL_ERROR,
      message: str(first?.message),
      requestId: str(extensions?.requestId),
      fields: readFields(extensions?.fields),
    };
  }
  return undefined;
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
      if (documentId) {
        try {
          return await post<TData>({ documentId, variables, operationName }, requestOptions);
        } catch (error) {
          // A BFF older than the app: it runs the same operation from its text.
          if (
            !(error instanceof MosaicError && error.code === 'PERSISTED_QUERY_NOT_FOUND') ||
            !query
          )
            throw error;
        }
      }
      return post<TData>({ query, variables, operationName }, requestOptions);
    },
  };

  async function post<TData>(
    payload: Record<string, unknown>,
    requestOptions: GraphQLRequestOptions,
  ): Promise<TData> {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
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

    const error = readError(body);
    if (!response.ok || error) {
      const fallbackCode = response.ok ? MosaicErrorCode.GRAPHQL_ERROR : MosaicErrorCode.HTTP_ERROR;
      throw new MosaicError(
        error?.code ?? fallbackCode,
        error?.message ?? `GraphQL request to ${endpoint} failed with HTTP ${response.status}`,
        {
          requestId: error?.requestId ?? headerRequestId,
          status: response.status,
          fields: error?.fields,
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
