import { defineMicroApp } from '@mosaic/build-kit';
import type { MountContext } from '@mosaic/build-kit';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { SalesApp } from './sales-app.js';

const roots = new WeakMap<HTMLElement, Root>();

function render(ctx: MountContext): void {
  roots.get(ctx.container)?.render(<SalesApp ctx={ctx} />);
}

export const { bootstrap, mount, unmount, update } = defineMicroApp({
  name: 'sales',
  mount(ctx) {
    roots.set(ctx.container, createRoot(ctx.container));
    render(ctx);
  },
  // A new context without a remount, e.g. the user switched language: pages keep their state.
  update: render,
  unmount(ctx) {
    roots.get(ctx.container)?.unmount();
    roots.delete(ctx.container);
  },
});
