import type { MountContext } from '@mosaic/build-kit';
import { useAppRoute } from '@mosaic/shared-components';
import { useEffect } from 'react';
import { CustomerDetailPage } from './customers/customer-detail-page.js';
import { CustomerListPage } from './customers/customer-list-page.js';
import { DashboardPage } from './dashboard/dashboard-page.js';
import { OrderFormPage } from './order-form/order-form-page.js';
import { OrderDetailPage } from './orders/order-detail-page.js';
import { OrderListPage } from './orders/order-list-page.js';
import './sales.css';

export interface SalesAppProps {
  ctx: MountContext;
}

const TABS = [
  { path: '/dashboard', label: '看板' },
  { path: '/orders', label: '订单' },
  { path: '/orders/new', label: '开单' },
  { path: '/customers', label: '客户' },
] as const;

/** Which tab a path belongs to: the longest tab path it starts with. */
function activeTab(path: string): string | undefined {
  return [...TABS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((tab) => path === tab.path || path.startsWith(`${tab.path}/`))?.path;
}

/** 销售: dashboard, orders, order entry and customers, each under its own path. */
export function SalesApp({ ctx }: SalesAppProps): React.JSX.Element {
  const { path, go } = useAppRoute(ctx.basePath, ctx.navigate, ctx.bus);
  // The owner lands on the dashboard; a clerk, whom the BFF keeps from sales figures, on orders.
  const home = ctx.user.roles.includes('owner') ? '/dashboard' : '/orders';
  const current = path === '/' ? home : path;
  const tab = activeTab(current);

  useEffect(() => {
    const label = TABS.find((t) => t.path === tab)?.label ?? '销售';
    ctx.bus.publish('title.set', { title: label });
  }, [ctx.bus, tab]);

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
      <p className="sales-muted">
        没有这个页面：{current}。
        <button type="button" className="sales-link" onClick={() => go(home)}>
          回到销售首页
        </button>
      </p>
    );

  return (
    <div className="sales-app">
      <header className="sales-header">
        <h1 className="sales-title">销售</h1>
        <nav className="sales-tabs" aria-label="销售">
          {TABS.map((t) => (
            <a
              key={t.path}
              href={`${ctx.basePath.replace(/\/$/, '')}${t.path}`}
              className="sales-tab"
              aria-current={t.path === tab ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                go(t.path);
              }}
            >
              {t.label}
            </a>
          ))}
        </nav>
      </header>
      <main className="sales-page">{page}</main>
    </div>
  );
}
