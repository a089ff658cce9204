import { defineMicroApp } from '@mosaic/build-kit';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { InventoryApp } from './inventory-app.js';

const roots = new WeakMap<HTMLElement, Root>();

export const { bootstrap, mount, unmount } = defineMicroApp({
  name: 'inventory',
  mount(ctx) {
    const root = createRoot(ctx.container);
    root.render(<InventoryApp graphql={ctx.graphql} bus={ctx.bus} tenantName={ctx.tenant.name} />);
    roots.set(ctx.container, root);
  },
  unmount(ctx) {
    roots.get(ctx.container)?.unmount();
    roots.delete(ctx.container);
  },
});
