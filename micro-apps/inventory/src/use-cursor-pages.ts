import type { DataTablePaging } from '@mosaic/shared-components';
import { useState } from 'react';

/** The server's `pageInfo` of a connection. */
interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

export interface CursorPages {
  /** The cursor of the page on screen (`undefined`: the first page). */
  after: string | undefined;
  /** 1 for the first page. */
  page: number;
  /** The table's pager for the page on screen, or none when there is only one page. */
  paging(pageInfo: PageInfo | undefined, label?: string): DataTablePaging | undefined;
}

/**
 * Forward and back through a cursor-paged list; a new `filterKey` (the filters the list is
 * fetched with) starts again at the first page.
 */
export function useCursorPages(filterKey: string): CursorPages {
  // Cursors of the pages seen for these filters; the last one is the page on screen.
  const [pages, setPages] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: '',
    cursors: [undefined],
  });
  const cursors = pages.key === filterKey ? pages.cursors : [undefined];
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    paging(pageInfo, label) {
      if (cursors.length === 1 && !pageInfo?.hasNextPage) return undefined;
      return {
        hasPrevious: cursors.length > 1,
        hasNext: Boolean(pageInfo?.hasNextPage),
        onPrevious: () => setPages({ key: filterKey, cursors: cursors.slice(0, -1) }),
        onNext: () =>
          setPages({ key: filterKey, cursors: [...cursors, pageInfo?.endCursor ?? undefined] }),
        label,
      };
    },
  };
}
