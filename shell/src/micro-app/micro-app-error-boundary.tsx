import { ErrorPanel } from '@mosaic/shared-components';
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

export interface MicroAppErrorBoundaryProps {
  appTitle: string;
  children: ReactNode;
}

/** Keeps a render error in an app's area from taking the frame down; reports, never swallows. */
export class MicroAppErrorBoundary extends Component<
  MicroAppErrorBoundaryProps,
  { error: unknown }
> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`[mosaic] '${this.props.appTitle}' area crashed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <ErrorPanel
          title={`${this.props.appTitle} 出错了 · Something went wrong`}
          message={
            this.state.error instanceof Error ? this.state.error.message : String(this.state.error)
          }
          onRetry={() => this.setState({ error: null })}
        />
      );
    }
    return this.props.children;
  }
}
