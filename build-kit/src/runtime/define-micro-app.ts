import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';
import { isProtocolCompatible, protocolMajor, PROTOCOL_VERSION } from '../shared/protocol.js';
import { createStandInContext } from './stand-in-context.js';
import type { HostContext, MicroAppDefinition, MicroAppLifecycles, MountContext } from './types.js';

function propsContainer(props: unknown): HTMLElement | undefined {
  const container = (props as { container?: unknown } | null)?.container;
  return container instanceof HTMLElement ? container : undefined;
}

function readHost(name: string, props: unknown, needsContainer: boolean): HostContext {
  const host = (props as { mosaic?: HostContext } | null)?.mosaic;
  if (!host || typeof host.protocol !== 'string' || (needsContainer && !propsContainer(props))) {
    throw new MosaicError(
      MosaicErrorCode.INVALID_MOUNT_PROPS,
      `app '${name}' was mounted without a Mosaic context: load it from a Mosaic shell (props.mosaic) or run it standalone`,
    );
  }
  if (!isProtocolCompatible(host.protocol)) {
    throw new MosaicError(
      MosaicErrorCode.PROTOCOL_MISMATCH,
      `app '${name}' speaks protocol ${protocolMajor(PROTOCOL_VERSION)}, the shell speaks ${host.protocol}: rebuild the app with a matching build-kit`,
    );
  }
  return host;
}

/**
 * The app renders into the `#root` of its own html template, inside qiankun's wrapper.
 * The root carries `data-mosaic-app`, the attribute the preset scopes the app's CSS to.
 */
function findRoot(name: string, container: HTMLElement): HTMLElement {
  const root =
    container.id === 'root'
      ? container
      : (container.querySelector<HTMLElement>('#root') ?? container);
  root.setAttribute('data-mosaic-app', name);
  return root;
}

/** Whether two contexts differ only in `active` (what `update` is not called for). */
function sameContext(a: MountContext, b: MountContext): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('active');
  return [...keys].every((key) => a[key as keyof MountContext] === b[key as keyof MountContext]);
}

function isUnderQiankun(): boolean {
  return Boolean((window as { __POWERED_BY_QIANKUN__?: boolean }).__POWERED_BY_QIANKUN__);
}

function mountStandalone(name: string, lifecycles: MicroAppLifecycles): void {
  const start = (): void => {
    const root = document.getElementById('root');
    if (!root) return;
    void lifecycles
      .bootstrap()
      .then(() =>
        lifecycles.mount({
          container: root,
          mosaic: createStandInContext(name, root.dataset.mosaicBasePath || '/'),
        }),
      )
      .catch((error: unknown) => console.error('[mosaic] standalone mount failed', error));
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}

/**
 * Turns an app definition into qiankun lifecycles. The bundle must export them
 * (`export const { bootstrap, mount, unmount, update } = defineMicroApp(...)`; `update` also
 * carries `activate` and `deactivate`). Outside
 * qiankun, the app mounts itself into `#root` with a stand-in context.
 */
export function defineMicroApp(definition: MicroAppDefinition): MicroAppLifecycles {
  const mounted = new Map<HTMLElement, MountContext>();

  const lifecycles: MicroAppLifecycles = {
    async bootstrap() {},
    async mount(props) {
      const host = readHost(definition.name, props, true);
      const container = propsContainer(props) as HTMLElement;
      const ctx: MountContext = { ...host, container: findRoot(definition.name, container) };
      mounted.set(container, ctx);
      await definition.mount(ctx);
    },
    async unmount(props) {
      const container = propsContainer(props);
      const ctx = container ? mounted.get(container) : undefined;
      if (!ctx || !container) return;
      mounted.delete(container);
      await definition.unmount(ctx);
    },
  };
  const { update, activate, deactivate } = definition;
  if (update || activate || deactivate) {
    // qiankun 2 calls `update` with the shell's props only: the `container` it adds for `mount`
    // is missing. Without one, every instance this bundle mounted (one per qiankun sandbox) takes
    // the new context; with one, only the instance mounted in it. A change of `active` alone
    // (the shell hid or showed a kept app) is `activate` / `deactivate`, anything else `update`.
    lifecycles.update = async (props) => {
      const host = readHost(definition.name, props, false);
      const container = propsContainer(props);
      const targets = container ? [container] : [...mounted.keys()];
      for (const target of targets) {
        const previous = mounted.get(target);
        if (!previous) continue;
        const ctx: MountContext = { ...host, container: previous.container };
        mounted.set(target, ctx);
        const shown = ctx.active !== false;
        if (shown !== (previous.active !== false)) await (shown ? activate : deactivate)?.(ctx);
        if (!sameContext(previous, ctx)) await update?.(ctx);
      }
    };
  }

  if (!isUnderQiankun()) mountStandalone(definition.name, lifecycles);
  return lifecycles;
}
