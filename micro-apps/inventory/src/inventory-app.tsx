import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import { EmptyState, ErrorPanel, Spinner } from '@mosaic/shared-components';
import { ProductTable } from './product-table.js';
import { isLowStock } from './stock-level.js';
import { useProducts } from './use-products.js';
import { useStockBus } from './use-stock-bus.js';
import './inventory.css';

export interface InventoryAppProps {
  graphql: GraphQLClient;
  bus: Bus;
  tenantName: string;
}

/** 库存: the tenant's products with stock on hand, low stock highlighted. */
export function InventoryApp({ graphql, bus, tenantName }: InventoryAppProps): React.JSX.Element {
  const { state, retry } = useProducts(graphql);
  const lastOrderId = useStockBus(
    bus,
    state.status === 'ready' ? state.products : undefined,
    retry,
  );

  return (
    <div className="inv-app">
      <header className="inv-header">
        <h1 className="inv-title">库存</h1>
        <p className="inv-subtitle">Inventory · {tenantName}</p>
        {state.status === 'ready' && state.products.length > 0 && (
          <p className="inv-summary">
            共 {state.products.length} 件商品，
            {state.products.filter((p) => isLowStock(p.stock.onHand)).length} 件库存不足
          </p>
        )}
        {lastOrderId && (
          <p className="inv-notice" role="status" data-testid="order-notice">
            收到新订单 {lastOrderId}，库存已刷新
          </p>
        )}
      </header>
      {state.status === 'loading' && <Spinner label="正在加载库存… Loading" />}
      {state.status === 'error' && (
        <ErrorPanel
          title="库存加载失败 · Could not load stock"
          message={state.message}
          requestId={state.requestId}
          onRetry={retry}
        />
      )}
      {state.status === 'ready' && state.products.length === 0 && (
        <EmptyState title="暂无商品" description="这个租户还没有商品。No products yet." />
      )}
      {state.status === 'ready' && state.products.length > 0 && (
        <ProductTable products={state.products} />
      )}
    </div>
  );
}
