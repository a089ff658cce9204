import type { ReactNode } from 'react';
import './page.css';

export interface PageProps {
  children: ReactNode;
  /** Attribute for tests, e.g. 'inventory-page'. */
  testId?: string;
}

/** A screen of an app: padding, max width, and the container the kit's phone layouts query. */
export function Page({ children, testId }: PageProps): React.JSX.Element {
  return (
    <div className="mosaic-page" data-testid={testId}>
      {children}
    </div>
  );
}

export interface PageHeaderProps {
  /** The page's one h1. */
  title: string;
  /** A muted line under the title. */
  subtitle?: ReactNode;
  /** Link back, e.g. a ghost Button '← 商品列表'. */
  back?: ReactNode;
  /** Buttons on the right (below the title on a phone). */
  actions?: ReactNode;
}

/** Title row of a page with optional back link and actions. */
export function PageHeader({ title, subtitle, back, actions }: PageHeaderProps): React.JSX.Element {
  return (
    <header className="mosaic-page-header">
      {back && <div className="mosaic-page-header__back">{back}</div>}
      <div className="mosaic-page-header__main">
        <div className="mosaic-page-header__text">
          <h1 className="mosaic-page-header__title">{title}</h1>
          {subtitle && <p className="mosaic-page-header__subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="mosaic-page-header__actions">{actions}</div>}
      </div>
    </header>
  );
}
