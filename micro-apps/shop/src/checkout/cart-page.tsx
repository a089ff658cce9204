import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import { Button, EmptyState, describeFailure, formatMoney } from '@mosaic/shared-components';
import type { RequestFailure } from '@mosaic/shared-components';
import { useState } from 'react';
import { cartTotals, MAX_PER_LINE } from '../cart/cart.js';
import type { UseCartResult } from '../cart/use-cart.js';
import { ProductImage } from '../catalogue/product-image.js';
import { lineNamedIn, placeOrder } from './place-order.js';
import type { ShopReceipt } from './place-order.js';

export interface CartPageProps {
  cart: UseCartResult;
  graphql: GraphQLClient;
  bus: Bus;
  onShop: () => void;
}

/** The cart, its total, and 去结算 which places the order through the BFF. */
export function CartPage({ cart, graphql, bus, onShop }: CartPageProps): React.JSX.Element {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<RequestFailure & { lineId?: string }>();
  const [receipt, setReceipt] = useState<ShopReceipt>();
  const totals = cartTotals(cart.lines);

  const checkout = (): void => {
    setBusy(true);
    setFailure(undefined);
    placeOrder(graphql, cart.lines)
      .then((placed) => {
        bus.publish('order.created', {
          orderId: placed.orderId,
          total: placed.total,
          lineCount: cart.lines.length,
        });
        cart.clear();
        setReceipt(placed);
      })
      .catch((error: unknown) => {
        const described = describeFailure(error);
        setFailure({ ...described, lineId: lineNamedIn(cart.lines, described.message)?.id });
      })
      .finally(() => setBusy(false));
  };

  if (receipt) {
    return (
      <section
        className="shop-receipt"
        data-testid="shop-receipt"
        aria-labelledby="shop-receipt-title"
      >
        <h2 id="shop-receipt-title">下单成功</h2>
        <p>
          订单号 <strong data-testid="receipt-number">{receipt.number}</strong>
        </p>
        <p>
          实付 <strong className="shop-price">{formatMoney(receipt.total)}</strong>
        </p>
        <Button variant="primary" className="shop-wide" onClick={onShop}>
          继续逛逛
        </Button>
      </section>
    );
  }
  if (cart.lines.length === 0) {
    return (
      <EmptyState
        title="购物车是空的"
        description="去挑几件喜欢的商品吧。"
        action={
          <Button variant="primary" onClick={onShop}>
            去逛逛
          </Button>
        }
      />
    );
  }
  return (
    <section aria-labelledby="shop-cart-title">
      <h2 id="shop-cart-title" className="shop-section-title">
        购物车
      </h2>
      <ul className="shop-cart" data-testid="cart-lines">
        {cart.lines.map((line) => (
          <li key={line.id} className="shop-cart__line" data-testid="cart-line">
            <ProductImage name={line.name} image={line.image} />
            <div className="shop-cart__info">
              <span className="shop-cart__name">{line.name}</span>
              <span>
                <strong className="shop-price">{formatMoney(line.price)}</strong>
                {line.promotion && <span className="shop-promo">{line.promotion}</span>}
              </span>
              <div className="shop-stepper" role="group" aria-label={`${line.name} 数量`}>
                <button
                  type="button"
                  aria-label={`${line.name} 减一`}
                  onClick={() => cart.setQuantity(line.id, line.quantity - 1)}
                >
                  −
                </button>
                <output aria-live="polite">{line.quantity}</output>
                <button
                  type="button"
                  aria-label={`${line.name} 加一`}
                  disabled={line.quantity >= MAX_PER_LINE}
                  onClick={() => cart.setQuantity(line.id, line.quantity + 1)}
                >
                  +
                </button>
              </div>
              {failure?.lineId === line.id && (
                <p role="alert" className="shop-field-error">
                  {failure.code === 'INSUFFICIENT_STOCK' ? '库存不足：' : ''}
                  {failure.message}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
      {failure && !failure.lineId && (
        <div role="alert" className="shop-error">
          <p>下单失败：{failure.message}</p>
          {failure.requestId && (
            <p className="shop-muted">
              请求 ID：<code>{failure.requestId}</code>
            </p>
          )}
          <Button onClick={checkout} disabled={busy}>
            重试
          </Button>
        </div>
      )}
      {failure?.lineId && failure.requestId && (
        <p className="shop-muted">
          请求 ID：<code>{failure.requestId}</code>
        </p>
      )}
      <div className="shop-checkout">
        <span>
          共 {totals.itemCount} 件 · 合计{' '}
          <strong className="shop-price" data-testid="cart-total">
            {formatMoney(totals.total)}
          </strong>
          {totals.saving !== '0.00' && (
            <span className="shop-muted"> 已省 {formatMoney(totals.saving)}</span>
          )}
        </span>
        <Button variant="primary" className="shop-checkout__go" onClick={checkout} disabled={busy}>
          {busy ? '提交中…' : '去结算'}
        </Button>
      </div>
    </section>
  );
}
