import { ErrorPanel } from '@mosaic/shared-components';
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { reportClientError } from '../report/report-client-error.js';

export interface MicroAppErrorBoundaryProps {
  appName: string;
  /** Panel title when the area crashed, already in the user's language. */
  crashedTitle: string;
  children: ReactNode;
}

interface BoundaryState {
  error: unknown;
  reportId?: string;
}

/** Keeps a render error in an app's area from taking the frame down; reports, never swallows. */
export class MicroAppErrorBoundary extends Component<MicroAppErrorBoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`[mosaic] '${this.props.appName}' area crashed`, error, info.componentStack);
    void reportClientError({ kind: 'render', error, app: this.props.appName }).then((reportId) => {
      if (reportId && this.state.error === error) this.setState({ reportId });
    });
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <ErrorPanel
          title={this.props.crashedTitle}
          message={
            this.state.error instanceof Error ? this.state.error.message : String(this.state.error)
          }
          requestId={this.state.reportId}
          onRetry={() => this.setState({ error: null, reportId: undefined })}
        />
      );
    }
    return this.props.children;
  }
}
