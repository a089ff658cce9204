import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  description?: string;
  /** Optional call to action, e.g. a Button. */
  action?: ReactNode;
}

/** Shown where a list has nothing to show yet. */
export function EmptyState({ title, description, action }: EmptyStateProps): React.JSX.Element {
  return (
    <section className="mosaic-empty-state">
      <h2 className="mosaic-empty-state__title">{title}</h2>
      {description && <p className="mosaic-empty-state__description">{description}</p>}
      {action}
    </section>
  );
}
