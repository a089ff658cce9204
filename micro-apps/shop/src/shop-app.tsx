import type { MountContext } from '@mosaic/build-kit';
import { formatMoney, useAppRoute } from '@mosaic/shared-components';
import { useEffect, useState } from 'react';
import { cartTotals } from './cart/cart.js';
import { useCart } from './cart/use-cart.js';
import { CataloguePage } from './catalogue/catalogue-page.js';
import type { ShopItem } from './catalogue/catalogue-query.js';
import { ProductPage } from './catalogue/product-page.js';
import { CartPage } from './checkout/cart-page.js';
import './shop.css';

export interface ShopAppProps {
  ctx: MountContext;
}

/** 商城: the storefront, a product page and the cart, phone first. */
export function ShopApp({ ctx }: ShopAppProps): React.JSX.Element {
  const { path, go } = useAppRoute(ctx.basePath, ctx.navigate, ctx.bus);
  const cart = useCart(ctx.tenant.id, ctx.bus);
  const totals = cartTotals(cart.lines);
  const [opened, setOpened] = useState<ShopItem>();
  const productMatch = /^\/p\/([^/]+)$/.exec(path);
  const productId = productMatch?.[1] ? decodeURIComponent(productMatch[1]) : undefined;

  useEffect(() => {
    ctx.bus.publish('title.set', {
      title: path === '/cart' ? '购物车' : productId ? '商品' : '商城',
    });
  }, [ctx.bus, path, productId]);

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
          {ctx.tenant.name} · 商城
        </button>
      </header>
      <main className="shop-main">{page}</main>
      {path !== '/cart' && totals.itemCount > 0 && (
        <footer className="shop-cart-bar">
          <span>
            <span className="shop-badge" data-testid="cart-count">
              {totals.itemCount}
            </span>{' '}
            件 · <strong className="shop-price">{formatMoney(totals.total)}</strong>
          </span>
          <button type="button" className="shop-cart-bar__go" onClick={() => go('/cart')}>
            去购物车
          </button>
        </footer>
      )}
    </div>
  );
}
