import { useEffect, useState } from 'react';
import { describeFailure } from '../use-async/describe-failure.js';
import type { RequestFailure } from '../use-async/describe-failure.js';

/** One page of a cursor-paged list. */
export interface ListPage<T> {
  items: T[];
  /** Where the next page starts (`pageInfo.endCursor`). */
  cursor: string | null;
  hasNext: boolean;
}

export interface UseLoadMoreResult<T> {
  /** The first page followed by every page loaded since, with the cursor to go on from. */
  pages: (first: ListPage<T>) => ListPage<T>;
  /** Fetches the page after `cursor` and appends it. */
  loadMore: (cursor: string | null) => void;
  loading: boolean;
  /** Why the last "load more" failed (with code and request id), until the next try. */
  failure: RequestFailure | undefined;
}

/**
 * "Load more" under a first page that {@link useAsync} loads: pages fetched here are appended
 * to it, and dropped whenever `firstPage` changes (a new filter, a retry, a refresh).
 */
export function useLoadMore<T>(
  fetchPage: (cursor: string | null) => Promise<ListPage<T>>,
  firstPage: unknown,
): UseLoadMoreResult<T> {
  const [more, setMore] = useState<ListPage<T>>();
  const [failure, setFailure] = useState<RequestFailure>();
  const [loading, setLoading] = useState(false);
  useEffect(() => setMore(undefined), [firstPage]);

  const loadMore = (cursor: string | null): void => {
    setLoading(true);
    setFailure(undefined);
    fetchPage(cursor)
      .then((page) =>
        setMore((prev) => ({ ...page, items: [...(prev?.items ?? []), ...page.items] })),
      )
      .catch((error: unknown) => setFailure(describeFailure(error)))
      .finally(() => setLoading(false));
  };

  const pages = (first: ListPage<T>): ListPage<T> =>
    more ? { ...more, items: [...first.items, ...more.items] } : first;

  return { pages, loadMore, loading, failure };
}
