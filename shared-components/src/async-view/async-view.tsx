import type { ReactNode } from 'react';
import { EmptyState } from '../empty-state/empty-state.js';
import { ErrorPanel } from '../error-panel/error-panel.js';
import { Spinner } from '../spinner/spinner.js';
import type { AsyncState } from '../use-async/use-async.js';

export interface AsyncViewProps<T> {
  /** What `useAsync` returned. */
  state: AsyncState<T>;
  /** Loads again; the error state's retry button. */
  onRetry: () => void;
  /** Headline of the error state, e.g. '订单加载失败'. */
  errorTitle: string;
  /**
   * What to show while loading, e.g. a skeleton.
   * @default a Spinner
   */
  loading?: ReactNode;
  /**
   * Headline when the server says this user may not see it.
   * @default '没有权限查看'
   */
  forbiddenTitle?: string;
  /** The content once loaded. */
  children: (data: T) => ReactNode;
}

/** One place that turns a request's state into loading, forbidden, error or content. */
export function AsyncView<T>({
  state,
  onRetry,
  errorTitle,
  loading,
  forbiddenTitle = '没有权限查看',
  children,
}: AsyncViewProps<T>): React.JSX.Element {
  if (state.status === 'loading') return <>{loading ?? <Spinner />}</>;
  if (state.status === 'ready') return <>{children(state.data)}</>;
  const { failure } = state;
  if (failure.forbidden) {
    return (
      <div data-testid="forbidden-state">
        <EmptyState
          title={forbiddenTitle}
          description={`${failure.message}${failure.requestId ? `（请求 ID ${failure.requestId}）` : ''}`}
        />
      </div>
    );
  }
  return (
    <ErrorPanel
      title={errorTitle}
      message={failure.message}
      requestId={failure.requestId}
      onRetry={onRetry}
    />
  );
}
