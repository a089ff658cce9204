// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useCursorPages } from './use-cursor-pages.js';

afterEach(cleanup);

describe('given a list paged by cursor', () => {
  it('shows no pager while everything fits on one page', () => {
    const { result } = renderHook(() => useCursorPages('牛奶'));

    expect(result.current.after).toBeUndefined();
    expect(result.current.paging({ hasNextPage: false, endCursor: 'c1' })).toBeUndefined();
  });

  it('goes forward to the next cursor and back to the first page', () => {
    const { result } = renderHook(() => useCursorPages('牛奶'));

    const first = result.current.paging({ hasNextPage: true, endCursor: 'c1' }, '第 1 页');
    expect(first).toMatchObject({ hasPrevious: false, hasNext: true, label: '第 1 页' });
    act(() => first?.onNext());
    expect(result.current).toMatchObject({ after: 'c1', page: 2 });

    const second = result.current.paging({ hasNextPage: false, endCursor: 'c2' });
    expect(second).toMatchObject({ hasPrevious: true, hasNext: false });
    act(() => second?.onPrevious());
    expect(result.current).toMatchObject({ after: undefined, page: 1 });
  });

  it('starts again at the first page when the filters change', () => {
    const { result, rerender } = renderHook(({ filters }) => useCursorPages(filters), {
      initialProps: { filters: '牛奶' },
    });
    act(() => result.current.paging({ hasNextPage: true, endCursor: 'c1' })?.onNext());
    expect(result.current.after).toBe('c1');

    rerender({ filters: '可乐' });

    expect(result.current).toMatchObject({ after: undefined, page: 1 });
  });
});
