import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { reportClientError } from '../report/report-client-error.js';
import type { AppEntry } from '../session/session-api.js';
import { AppFailurePanel } from './app-failure-panel.js';

export interface MicroAppErrorBoundaryProps {
  /** The app whose area this guards; the panel names it in the frame's language. */
  app: AppEntry;
  /** Asks `/api/apps` again before Retry renders the area afresh (a fixed version may be out). */
  reloadApps?: () => Promise<void>;
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
    const { name, version } = this.props.app;
    console.error(`[mosaic] '${name}' area crashed`, error, info.componentStack);
    void reportClientError({ kind: 'render', error, app: name, appVersion: version }).then(
      (reportId) => {
        if (reportId && this.state.error === error) this.setState({ reportId });
      },
    );
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <AppFailurePanel
          app={this.props.app}
          error={this.state.error}
          kind="render"
          requestId={this.state.reportId}
          onRetry={() => {
            const reset = (): void => this.setState({ error: null, reportId: undefined });
            // A failed reload leaves the list as it was: the area is tried again all the same.
            void (this.props.reloadApps?.() ?? Promise.resolve()).then(reset, reset);
          }}
        />
      );
    }
    return this.props.children;
  }
}
