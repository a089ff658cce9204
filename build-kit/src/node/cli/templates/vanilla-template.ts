/**
 * `src/main.ts` of a plain-TypeScript app (`mosaic-app create <name> --template vanilla`): no
 * framework, pages chosen by the bus's `route.changed` under `ctx.basePath`, every listener
 * undone in `unmount`.
 */
export function vanillaMain(name: string): string {
  return `import { defineMicroApp } from '@mosaic/build-kit';
import type { MountContext } from '@mosaic/build-kit';
import './styles.css';

/** The app's pages by path below its base path ('' is the base path itself). */
const pages: Record<string, { title: string; render: (ctx: MountContext) => Node[] }> = {
  '': {
    title: '首页',
    render: (ctx) => [text('p', \`你好，\${ctx.user.displayName}（\${ctx.tenant.name}）\`)],
  },
  '/about': {
    title: '关于',
    render: (ctx) => [text('p', \`${name} runs on protocol \${ctx.protocol} at \${ctx.basePath}\`)],
  },
};

function text(tag: string, content: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = content;
  return element;
}

function link(ctx: MountContext, path: string, label: string): HTMLElement {
  const anchor = text('a', label) as HTMLAnchorElement;
  anchor.href = ctx.basePath + path;
  anchor.dataset.path = ctx.basePath + path;
  return anchor;
}

/** Draws the page for \`path\` (the shell's whole pathname) into the container. */
function render(ctx: MountContext, path: string): void {
  const below = path.startsWith(ctx.basePath) ? path.slice(ctx.basePath.length) : '';
  const page = pages[below.replace(/\\/$/, '')];
  const nav = document.createElement('nav');
  nav.append(link(ctx, '', '首页'), ' · ', link(ctx, '/about', '关于'));
  ctx.container.replaceChildren(
    nav,
    text('h1', page?.title ?? '找不到页面'),
    ...(page ? page.render(ctx) : [text('p', path)]),
  );
  ctx.bus.publish('title.set', { title: page?.title ?? '找不到页面' });
}

/** What each mount set up, so unmount undoes exactly that. */
const cleanups = new WeakMap<HTMLElement, () => void>();

export const { bootstrap, mount, unmount } = defineMicroApp({
  name: '${name}',
  mount(ctx) {
    // Links move the shell's router; the shell answers with route.changed, which renders.
    const onClick = (event: MouseEvent): void => {
      const target = (event.target as HTMLElement).closest<HTMLElement>('a[data-path]');
      if (!target?.dataset.path) return;
      event.preventDefault();
      ctx.navigate(target.dataset.path);
    };
    ctx.container.addEventListener('click', onClick);
    if (!ctx.bus.last('route.changed')) render(ctx, ctx.basePath);
    // Sticky: called at once with the current path, then on every move within the app.
    const off = ctx.bus.subscribe('route.changed', ({ path }) => render(ctx, path));
    cleanups.set(ctx.container, () => {
      off();
      ctx.container.removeEventListener('click', onClick);
      ctx.container.replaceChildren();
    });
  },
  unmount(ctx) {
    cleanups.get(ctx.container)?.();
    cleanups.delete(ctx.container);
  },
});
`;
}
