import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLoadMore } from './use-load-more.js';
import type { ListPage } from './use-load-more.js';

const first: ListPage<number> = { items: [1, 2], cursor: 'c2', hasNext: true };

describe('given a first page', () => {
  it('appends the next page and goes on from its cursor', async () => {
    const asked: (string | null)[] = [];
    const { result } = renderHook(() =>
      useLoadMore<number>(async (cursor) => {
        asked.push(cursor);
        return { items: [3, 4], cursor: 'c4', hasNext: false };
      }, first),
    );
    act(() => result.current.loadMore('c2'));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(asked).toEqual(['c2']);
    expect(result.current.pages(first)).toEqual({
      items: [1, 2, 3, 4],
      cursor: 'c4',
      hasNext: false,
    });
  });

  it('keeps what is shown and says why when a page fails', async () => {
    const { result } = renderHook(() =>
      useLoadMore<number>(async () => {
        throw new Error('network down');
      }, first),
    );
    act(() => result.current.loadMore('c2'));
    await waitFor(() => expect(result.current.failure).toBeDefined());
    expect(result.current.failure?.message).toContain('network down');
    expect(result.current.pages(first)).toEqual(first);
  });

  it('drops loaded pages when the first page changes', async () => {
    const { result, rerender } = renderHook(
      ({ page }) =>
        useLoadMore<number>(async () => ({ items: [3], cursor: null, hasNext: false }), page),
      { initialProps: { page: first } },
    );
    act(() => result.current.loadMore('c2'));
    await waitFor(() => expect(result.current.pages(first).items).toHaveLength(3));
    const refreshed: ListPage<number> = { items: [9], cursor: 'c9', hasNext: true };
    rerender({ page: refreshed });
    expect(result.current.pages(refreshed)).toEqual(refreshed);
  });
});
