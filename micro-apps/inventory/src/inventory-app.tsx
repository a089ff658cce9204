import type { MountContext } from '@mosaic/build-kit';
import {
  EmptyState,
  I18nProvider,
  Button,
  ToastProvider,
  useAppRoute,
  useT,
} from '@mosaic/shared-components';
import { useMemo } from 'react';
import { ActivityPage } from './activity/activity-page.js';
import { ACTIVITY_ROLES, EDITOR_ROLES, InventoryContext } from './inventory-context.js';
import type { InventoryContextValue } from './inventory-context.js';
import { messages } from './messages.js';
import { ProductDetailPage } from './product-detail/product-detail-page.js';
import { ProductFormPage } from './product-form/product-form-page.js';
import { ProductListPage } from './product-list/product-list-page.js';
import { matchRoute } from './routes.js';
import { useStockResponders } from './use-stock-responders.js';
import './inventory.css';

export interface InventoryAppProps {
  ctx: Pick<
    MountContext,
    'graphql' | 'bus' | 'tenant' | 'user' | 'locale' | 'basePath' | 'navigate'
  >;
}

/**
 * 库存: routes under ctx.basePath — /, /products/new, /products/:id, /products/:id/edit, and the
 * owner's /activity.
 */
export function InventoryApp({ ctx }: InventoryAppProps): React.JSX.Element {
  const { path, go } = useAppRoute(ctx.basePath, ctx.navigate);
  useStockResponders(ctx.bus, ctx.graphql);
  const value = useMemo<InventoryContextValue>(
    () => ({
      graphql: ctx.graphql,
      bus: ctx.bus,
      tenantName: ctx.tenant.name,
      canEdit: ctx.user.roles.some((role) => EDITOR_ROLES.includes(role)),
      canSeeActivity: ctx.user.roles.some((role) => ACTIVITY_ROLES.includes(role)),
      go,
    }),
    [ctx.graphql, ctx.bus, ctx.tenant.name, ctx.user.roles, go],
  );

  return (
    <I18nProvider locale={ctx.locale} messages={messages}>
      <ToastProvider>
        <InventoryContext.Provider value={value}>
          <div className="inv-app">
            <Screen path={path} go={go} />
          </div>
        </InventoryContext.Provider>
      </ToastProvider>
    </I18nProvider>
  );
}

function Screen({ path, go }: { path: string; go: (path: string) => void }): React.JSX.Element {
  const t = useT();
  const route = matchRoute(path);
  switch (route.name) {
    case 'list':
      return <ProductListPage />;
    case 'new':
      return <ProductFormPage />;
    case 'detail':
      return <ProductDetailPage key={route.id} id={route.id} />;
    case 'edit':
      return <ProductFormPage key={route.id} id={route.id} />;
    case 'activity':
      return <ActivityPage />;
    case 'not-found':
      return (
        <EmptyState
          title={t('inv.notFound')}
          action={<Button onClick={() => go('/')}>{t('inv.back')}</Button>}
        />
      );
  }
}
