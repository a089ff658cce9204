import { defineMicroApp } from '@mosaic/build-kit';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { ShopApp } from './shop-app.js';

const roots = new WeakMap<HTMLElement, Root>();

export const { bootstrap, mount, unmount } = defineMicroApp({
  name: 'shop',
  mount(ctx) {
    const root = createRoot(ctx.container);
    root.render(<ShopApp ctx={ctx} />);
    roots.set(ctx.container, root);
  },
  unmount(ctx) {
    roots.get(ctx.container)?.unmount();
    roots.delete(ctx.container);
  },
});
