import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import {
  Button,
  EmptyState,
  ErrorPanel,
  describeFailure,
  formatMoney,
  useT,
} from '@mosaic/shared-components';
import type { RequestFailure } from '@mosaic/shared-components';
import { useRef, useState } from 'react';
import { cartTotals, MAX_PER_LINE } from '../cart/cart.js';
import { QuantityStepper } from '../cart/quantity-stepper.js';
import type { UseCartResult } from '../cart/use-cart.js';
import { ProductImage } from '../catalogue/product-image.js';
import { checkoutKey, lineNamedIn, placeOrder } from './place-order.js';
import type { ShopReceipt } from './place-order.js';

export interface CartPageProps {
  cart: UseCartResult;
  graphql: GraphQLClient;
  bus: Bus;
  onShop: () => void;
}

/** The cart, its total, and 去结算 (Check out) which places the order through the BFF. */
export function CartPage({ cart, graphql, bus, onShop }: CartPageProps): React.JSX.Element {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<RequestFailure & { lineId?: string }>();
  const [receipt, setReceipt] = useState<ShopReceipt>();
  const attempt = useRef<{ lines: string; key: string }>(undefined);
  const totals = cartTotals(cart.lines);

  const checkout = (): void => {
    setBusy(true);
    setFailure(undefined);
    attempt.current = checkoutKey(attempt.current, cart.lines);
    placeOrder(graphql, cart.lines, attempt.current.key)
      .then((placed) => {
        attempt.current = undefined;
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
        <h2 id="shop-receipt-title">{t('shop.placed')}</h2>
        <p>
          {t('shop.orderNumber')} <strong data-testid="receipt-number">{receipt.number}</strong>
        </p>
        <p>
          {t('shop.paid')} <strong className="shop-price">{formatMoney(receipt.total)}</strong>
        </p>
        <Button variant="primary" className="shop-wide" onClick={onShop}>
          {t('shop.keepShopping')}
        </Button>
      </section>
    );
  }
  if (cart.lines.length === 0) {
    return (
      <EmptyState
        title={t('shop.emptyCart')}
        description={t('shop.emptyCartHint')}
        action={
          <Button variant="primary" onClick={onShop}>
            {t('shop.startShopping')}
          </Button>
        }
      />
    );
  }
  return (
    <section aria-labelledby="shop-cart-title">
      <h2 id="shop-cart-title" className="shop-section-title">
        {t('shop.cart')}
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
              <QuantityStepper
                value={line.quantity}
                onChange={(quantity) => cart.setQuantity(line.id, quantity)}
                label={t('shop.lineQuantity', { name: line.name })}
                decreaseLabel={t('shop.lineDecrease', { name: line.name })}
                increaseLabel={t('shop.lineIncrease', { name: line.name })}
                min={0}
                max={MAX_PER_LINE}
              />
              {failure?.lineId === line.id && (
                <p role="alert" className="shop-field-error">
                  {failure.code === 'INSUFFICIENT_STOCK'
                    ? t('shop.insufficient', { message: failure.message })
                    : failure.message}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
      {failure && !failure.lineId && (
        <div className="shop-checkout-error">
          <ErrorPanel
            title={t('shop.checkoutFailed')}
            message={failure.message}
            requestId={failure.requestId}
            onRetry={checkout}
          />
        </div>
      )}
      {failure?.lineId && failure.requestId && (
        <p className="shop-muted">
          {t('kit.requestId')}: <code>{failure.requestId}</code>
        </p>
      )}
      <div className="shop-checkout">
        <span>
          {t('shop.summary', { count: totals.itemCount })}{' '}
          <strong className="shop-price" data-testid="cart-total">
            {formatMoney(totals.total)}
          </strong>
          {totals.saving !== '0.00' && (
            <span className="shop-muted">
              {' '}
              {t('shop.saving', { amount: formatMoney(totals.saving) })}
            </span>
          )}
        </span>
        <Button variant="primary" className="shop-checkout__go" onClick={checkout} disabled={busy}>
          {busy ? t('shop.submitting') : t('shop.checkout')}
        </Button>
      </div>
    </section>
  );
}
