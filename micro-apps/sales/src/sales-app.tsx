import type { MountContext } from '@mosaic/build-kit';
import { Button, EmptyState, I18nProvider, useAppRoute, useT } from '@mosaic/shared-components';
import { useEffect } from 'react';
import { CustomerDetailPage } from './customers/customer-detail-page.js';
import { CustomerListPage } from './customers/customer-list-page.js';
import { DashboardPage } from './dashboard/dashboard-page.js';
import { messages } from './messages.js';
import { OrderFormPage } from './order-form/order-form-page.js';
import { OrderDetailPage } from './orders/order-detail-page.js';
import { OrderListPage } from './orders/order-list-page.js';
import './sales.css';

export interface SalesAppProps {
  ctx: Pick<MountContext, 'graphql' | 'bus' | 'user' | 'locale' | 'basePath' | 'navigate'>;
}

const TABS = [
  { path: '/dashboard', label: 'sales.tab.dashboard' },
  { path: '/orders', label: 'sales.tab.orders' },
  { path: '/orders/new', label: 'sales.tab.new' },
  { path: '/customers', label: 'sales.tab.customers' },
] as const;

/** Which tab a path belongs to: the longest tab path it starts with. */
function activeTab(path: string): string | undefined {
  return [...TABS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((tab) => path === tab.path || path.startsWith(`${tab.path}/`))?.path;
}

/** 销售: dashboard, orders, order entry and customers, in the shell's language. */
export function SalesApp({ ctx }: SalesAppProps): React.JSX.Element {
  return (
    <I18nProvider locale={ctx.locale} messages={messages}>
      <SalesScreens ctx={ctx} />
    </I18nProvider>
  );
}

/** The tabs and the screen of the current path, each under its own path. */
function SalesScreens({ ctx }: SalesAppProps): React.JSX.Element {
  const t = useT();
  const { path, go } = useAppRoute(ctx.basePath, ctx.navigate, ctx.bus);
  // The owner lands on the dashboard; a clerk, whom the BFF keeps from sales figures, on orders.
  const home = ctx.user.roles.includes('owner') ? '/dashboard' : '/orders';
  const current = path === '/' ? home : path;
  const tab = activeTab(current);
  const title = t(TABS.find((entry) => entry.path === tab)?.label ?? 'sales.title');

  useEffect(() => {
    ctx.bus.publish('title.set', { title });
  }, [ctx.bus, title]);

  const orderMatch = /^\/orders\/([^/]+)$/.exec(current);
  const customerMatch = /^\/customers\/([^/]+)$/.exec(current);
  let page: React.JSX.Element;
  if (current === '/dashboard') page = <DashboardPage graphql={ctx.graphql} go={go} />;
  else if (current === '/orders')
    page = <OrderListPage graphql={ctx.graphql} bus={ctx.bus} go={go} />;
  else if (current === '/orders/new')
    page = <OrderFormPage graphql={ctx.graphql} bus={ctx.bus} go={go} />;
  else if (orderMatch?.[1])
    page = (
      <OrderDetailPage
        key={orderMatch[1]}
        id={decodeURIComponent(orderMatch[1])}
        graphql={ctx.graphql}
        bus={ctx.bus}
        go={go}
      />
    );
  else if (current === '/customers') page = <CustomerListPage graphql={ctx.graphql} go={go} />;
  else if (customerMatch?.[1])
    page = (
      <CustomerDetailPage id={decodeURIComponent(customerMatch[1])} graphql={ctx.graphql} go={go} />
    );
  else
    page = (
      <EmptyState
        title={t('sales.notFound', { path: current })}
        action={<Button onClick={() => go(home)}>{t('sales.backHome')}</Button>}
      />
    );

  return (
    <div className="sales-app">
      <header className="sales-header">
        <h1 className="sales-title">{t('sales.title')}</h1>
        <nav className="sales-tabs" aria-label={t('sales.title')}>
          {TABS.map((entry) => (
            <a
              key={entry.path}
              href={`${ctx.basePath.replace(/\/$/, '')}${entry.path}`}
              className="sales-tab"
              aria-current={entry.path === tab ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                go(entry.path);
              }}
            >
              {t(entry.label)}
            </a>
          ))}
        </nav>
      </header>
      <main className="sales-page">{page}</main>
    </div>
  );
}
