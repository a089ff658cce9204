import { isMosaicError } from '@mosaic/build-kit';
import type { GraphQLClient } from '@mosaic/build-kit';
import { useCallback, useEffect, useState } from 'react';
import { PRODUCTS_QUERY } from './products-query.js';
import type { Product, ProductsData } from './products-query.js';

export type ProductsState =
  | { status: 'loading' }
  | { status: 'error'; message: string; requestId: string | undefined }
  | { status: 'ready'; products: Product[] };

/** Loads the tenant's products; `retry()` loads them again. */
export function useProducts(graphql: GraphQLClient): { state: ProductsState; retry: () => void } {
  const [state, setState] = useState<ProductsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    graphql
      .request<ProductsData>(PRODUCTS_QUERY, undefined, { signal: controller.signal })
      .then((data) => setState({ status: 'ready', products: data.products }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
          requestId: isMosaicError(error) ? error.requestId : undefined,
        });
      });
    return () => controller.abort();
  }, [graphql, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
