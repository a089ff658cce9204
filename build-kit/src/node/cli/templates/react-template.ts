/** `src/main.tsx` of a React app (`mosaic-app create <name> --template react`). */
export function reactMain(name: string): string {
  return `import { defineMicroApp } from '@mosaic/build-kit';
import type { MountContext } from '@mosaic/build-kit';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import './styles.css';

/** The shell's pathname, from the sticky route.changed topic (the shell owns the address bar). */
function usePath(ctx: MountContext): string {
  const [path, setPath] = useState(ctx.bus.last('route.changed')?.path ?? ctx.basePath);
  useEffect(() => ctx.bus.subscribe('route.changed', ({ path: next }) => setPath(next)), [ctx]);
  return path;
}

function App({ ctx }: { ctx: MountContext }) {
  const path = usePath(ctx);
  const onAbout = path === \`\${ctx.basePath}/about\`;
  return (
    <>
      <nav>
        <button onClick={() => ctx.navigate(ctx.basePath)}>首页</button>
        <button onClick={() => ctx.navigate(\`\${ctx.basePath}/about\`)}>关于</button>
      </nav>
      <h1>{onAbout ? '关于' : '首页'}</h1>
      <p>
        {onAbout
          ? \`${name} runs on protocol \${ctx.protocol} at \${ctx.basePath}\`
          : \`你好，\${ctx.user.displayName}（\${ctx.tenant.name}）\`}
      </p>
    </>
  );
}

const roots = new WeakMap<HTMLElement, Root>();

export const { bootstrap, mount, unmount } = defineMicroApp({
  name: '${name}',
  mount(ctx) {
    const root = createRoot(ctx.container);
    root.render(<App ctx={ctx} />);
    roots.set(ctx.container, root);
  },
  unmount(ctx) {
    roots.get(ctx.container)?.unmount();
    roots.delete(ctx.container);
  },
});
`;
}
