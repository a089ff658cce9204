import { defineMicroApp } from '@mosaic/build-kit';
import type { MountContext } from '@mosaic/build-kit';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { SalesApp } from './sales-app.js';

const roots = new WeakMap<HTMLElement, Root>();

function render(ctx: MountContext): void {
  roots.get(ctx.container)?.render(<SalesApp ctx={ctx} />);
}

const lifecycles = defineMicroApp({
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

// qiankun 2 calls `update` with the shell's props only, not the `container` it adds for
// `mount`, and build-kit's `update` needs that container to find the mounted app (without it
// the update throws and qiankun marks the app broken). Until build-kit falls back to the
// mounted container itself, hand it the one sales was mounted in; a container in the props wins.
let mountedIn: unknown;

export const { bootstrap } = lifecycles;

export async function mount(props: unknown): Promise<void> {
  mountedIn = (props as { container?: unknown } | null)?.container;
  await lifecycles.mount(props);
}

export async function update(props: unknown): Promise<void> {
  await lifecycles.update?.({ container: mountedIn, ...(props as object | null) });
}

export async function unmount(props: unknown): Promise<void> {
  mountedIn = undefined;
  await lifecycles.unmount(props);
}
