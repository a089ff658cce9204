import { defineMicroApp } from '@mosaic/build-kit';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { SalesApp } from './sales-app.js';

const roots = new WeakMap<HTMLElement, Root>();

export const { bootstrap, mount, unmount } = defineMicroApp({
  name: 'sales',
  mount(ctx) {
    const root = createRoot(ctx.container);
    root.render(<SalesApp ctx={ctx} />);
    roots.set(ctx.container, root);
  },
  unmount(ctx) {
    roots.get(ctx.container)?.unmount();
    roots.delete(ctx.container);
  },
});
