import { startTransition } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';

/** What a React app's lifecycles need from the mount context: the element to render into. */
export interface ReactMountContext {
  container: HTMLElement;
}

/** `mount`, `update` and `unmount` for `defineMicroApp`, rendering `render(ctx)` with React. */
export interface ReactLifecycles<TContext extends ReactMountContext> {
  mount(ctx: TContext): void;
  /** A new context without a remount (the user switched language): state stays. */
  update(ctx: TContext): void;
  unmount(ctx: TContext): void;
}

/**
 * The lifecycles every React app writes the same way: one React root per container, re-rendered
 * with each new context and unmounted with the app.
 *
 * ```tsx
 * export const { bootstrap, mount, unmount, update } = defineMicroApp({
 *   name: 'inventory',
 *   ...reactLifecycles((ctx) => <InventoryApp ctx={ctx} />),
 * });
 * ```
 */
export function reactLifecycles<TContext extends ReactMountContext>(
  render: (ctx: TContext) => ReactNode,
): ReactLifecycles<TContext> {
  const roots = new WeakMap<HTMLElement, Root>();
  const update = (ctx: TContext): void => roots.get(ctx.container)?.render(render(ctx));
  return {
    mount(ctx) {
      roots.set(ctx.container, createRoot(ctx.container));
      // The first render as a transition: React renders it in slices and yields to the browser
      // between them, instead of one long task that blocks input (Lighthouse's TBT on a phone).
      startTransition(() => update(ctx));
    },
    update,
    unmount(ctx) {
      roots.get(ctx.container)?.unmount();
      roots.delete(ctx.container);
    },
  };
}
