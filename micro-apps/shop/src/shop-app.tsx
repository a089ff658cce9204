import type { MountContext } from '@mosaic/build-kit';
import { Button, I18nProvider, formatMoney, useAppRoute, useT } from '@mosaic/shared-components';
import { useEffect, useState } from 'react';
import { cartTotals } from './cart/cart.js';
import { useCart } from './cart/use-cart.js';
import { CataloguePage } from './catalogue/catalogue-page.js';
import type { ShopItem } from './catalogue/catalogue-query.js';
import { ProductPage } from './catalogue/product-page.js';
import { CartPage } from './checkout/cart-page.js';
import { messages } from './messages.js';
import './shop.css';

export interface ShopAppProps {
  ctx: Pick<MountContext, 'basePath' | 'navigate' | 'bus' | 'graphql' | 'tenant' | 'locale'>;
}

/**
 * 商城 (Shop): the storefront, a product page and the cart, phone first, in `ctx.locale`.
 * A new locale re-renders the same tree, so the cart, the page and its state stay.
 */
export function ShopApp({ ctx }: ShopAppProps): React.JSX.Element {
  return (
    <I18nProvider locale={ctx.locale} messages={messages}>
      <Storefront ctx={ctx} />
    </I18nProvider>
  );
}

function Storefront({ ctx }: ShopAppProps): React.JSX.Element {
  const t = useT();
  const { path, go } = useAppRoute(ctx.basePath, ctx.navigate, ctx.bus);
  const cart = useCart(ctx.tenant.id, ctx.bus);
  const totals = cartTotals(cart.lines);
  const [opened, setOpened] = useState<ShopItem>();
  const productMatch = /^\/p\/([^/]+)$/.exec(path);
  const productId = productMatch?.[1] ? decodeURIComponent(productMatch[1]) : undefined;
  const title =
    path === '/cart' ? t('shop.cart') : productId ? t('shop.productTitle') : t('shop.title');

  useEffect(() => {
    ctx.bus.publish('title.set', { title });
  }, [ctx.bus, title]);

  let page: React.JSX.Element;
  if (path === '/cart')
    page = <CartPage cart={cart} graphql={ctx.graphql} bus={ctx.bus} onShop={() => go('/')} />;
  else if (productId)
    page = (
      <ProductPage
        id={productId}
        known={opened?.id === productId ? opened : undefined}
        graphql={ctx.graphql}
        onAdd={cart.add}
        onBack={() => go('/')}
      />
    );
  else
    page = (
      <CataloguePage
        graphql={ctx.graphql}
        onAdd={(p) => cart.add(p)}
        onOpen={(item) => {
          setOpened(item);
          go(`/p/${encodeURIComponent(item.id)}`);
        }}
      />
    );

  return (
    <div className="shop-app">
      <header className="shop-header">
        <button type="button" className="shop-brand" onClick={() => go('/')}>
          {t('shop.brand', { tenant: ctx.tenant.name })}
        </button>
      </header>
      <main className="shop-main">{page}</main>
      {path !== '/cart' && totals.itemCount > 0 && (
        <footer className="shop-cart-bar">
          <span>
            <span className="shop-badge" data-testid="cart-count">
              {totals.itemCount}
            </span>{' '}
            {t('shop.cartBar.items')} ·{' '}
            <strong className="shop-price">{formatMoney(totals.total)}</strong>
          </span>
          <Button variant="primary" className="shop-cart-bar__go" onClick={() => go('/cart')}>
            {t('shop.cartBar.go')}
          </Button>
        </footer>
      )}
    </div>
  );
}
