import { MosaicError, MosaicErrorCode } from '../../shared/mosaic-error.js';
import type { Bus, MessageMeta, Unsubscribe } from '../types.js';
import { checkPayload } from './check-payload.js';
import { findEventTopic, findRequestTopic } from './find-topic.js';

type Handler = (payload: unknown, meta: MessageMeta) => void;
type Responder = (payload: unknown, meta: MessageMeta) => unknown;

/** The bus of one app (or of the shell): everything it registers goes away with `dispose()`. */
export interface ScopedBus extends Bus {
  /** App name, or 'shell'; receivers see it as `meta.source`. */
  readonly owner: string;
  /** Removes every subscription and responder of this scope and drops its pending requests. */
  dispose(): void;
}

export interface MessageHubOptions {
  /**
   * Timeout of `request` when the caller gives none.
   * @default 5000
   */
  defaultTimeoutMs?: number;
}

/** One hub per page (the shell's); each app talks through its own scope. */
export interface MessageHub {
  scope(owner: string): ScopedBus;
}

/** Creates the message hub: typed topics, sticky values, request/response, per-app cleanup. */
export function createMessageHub(options: MessageHubOptions = {}): MessageHub {
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 5000;
  const subscribers = new Map<string, Set<{ owner: string; handler: Handler }>>();
  const responders = new Map<string, { owner: string; responder: Responder }[]>();
  const stickyValues = new Map<string, { payload: unknown; meta: MessageMeta }>();

  function deliver(
    topic: string,
    owner: string,
    handler: Handler,
    payload: unknown,
    meta: MessageMeta,
  ): void {
    try {
      handler(payload, meta);
    } catch (error) {
      // One broken subscriber must not stop the publisher or the others.
      console.error(`[mosaic] a '${topic}' subscriber in '${owner}' threw`, error);
    }
  }

  function scope(owner: string): ScopedBus {
    const cleanups = new Set<() => void>();
    let disposed = false;

    function track(remove: () => void): Unsubscribe {
      const unsubscribe = (): void => {
        if (!cleanups.delete(unsubscribe)) return;
        remove();
      };
      cleanups.add(unsubscribe);
      return unsubscribe;
    }

    function ignoredAfterDispose(what: string): boolean {
      if (disposed)
        console.warn(`[mosaic] '${owner}' used bus.${what} after it unmounted; ignored`);
      return disposed;
    }

    const bus: ScopedBus = {
      owner,
      publish(topic, payload) {
        const spec = findEventTopic(topic);
        const checked = checkPayload(spec.payload, topic, 'event', payload);
        if (ignoredAfterDispose('publish')) return;
        const meta = Object.freeze({ source: owner });
        if (spec.sticky) stickyValues.set(topic, { payload: checked, meta });
        for (const sub of [...(subscribers.get(topic) ?? [])]) {
          deliver(topic, sub.owner, sub.handler, checked, meta);
        }
      },
      subscribe(topic, handler) {
        const spec = findEventTopic(topic);
        if (ignoredAfterDispose('subscribe')) return () => {};
        const entry = { owner, handler: handler as Handler };
        const set = subscribers.get(topic) ?? new Set();
        subscribers.set(topic, set.add(entry));
        const last = spec.sticky ? stickyValues.get(topic) : undefined;
        if (last) deliver(topic, owner, entry.handler, last.payload, last.meta);
        return track(() => {
          set.delete(entry);
          if (set.size === 0) subscribers.delete(topic);
        });
      },
      respond(topic, responder) {
        findRequestTopic(topic);
        if (ignoredAfterDispose('respond')) return () => {};
        const entry = { owner, responder: responder as Responder };
        const stack = responders.get(topic) ?? [];
        responders.set(topic, [...stack, entry]);
        return track(() => {
          const rest = (responders.get(topic) ?? []).filter((r) => r !== entry);
          if (rest.length > 0) responders.set(topic, rest);
          else responders.delete(topic);
        });
      },
      request(topic, payload, requestOptions = {}) {
        const spec = findRequestTopic(topic);
        const checked = checkPayload(spec.request, topic, 'request', payload);
        const target = responders.get(topic)?.at(-1);
        if (!target) {
          return Promise.reject(
            new MosaicError(
              MosaicErrorCode.BUS_NO_RESPONDER,
              `no app answers bus request '${topic}' (from '${owner}'): the app that responds to it is not mounted`,
            ),
          );
        }
        const timeoutMs = requestOptions.timeoutMs ?? defaultTimeoutMs;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Bus signature types the result
        return new Promise<any>((resolve, reject) => {
          const timer = setTimeout(() => {
            cleanups.delete(drop);
            reject(
              new MosaicError(
                MosaicErrorCode.BUS_TIMEOUT,
                `bus request '${topic}' got no answer from '${target.owner}' within ${timeoutMs} ms`,
              ),
            );
          }, timeoutMs);
          // Dropped on dispose: an unmounted app's pending request never settles and holds no timer.
          const drop = (): void => clearTimeout(timer);
          cleanups.add(drop);
          const settle = (fn: () => void): void => {
            clearTimeout(timer);
            cleanups.delete(drop);
            if (!disposed) fn();
          };
          Promise.resolve()
            .then(() => target.responder(checked, Object.freeze({ source: owner })))
            .then(
              (response) => {
                let result: unknown;
                try {
                  result = checkPayload(spec.response, topic, 'response', response);
                } catch (error) {
                  settle(() => reject(error));
                  return;
                }
                settle(() => resolve(result));
              },
              (error: unknown) =>
                settle(() =>
                  reject(
                    new MosaicError(
                      MosaicErrorCode.BUS_RESPONDER_FAILED,
                      `'${target.owner}' failed to answer bus request '${topic}': ${error instanceof Error ? error.message : String(error)}`,
                      { cause: error },
                    ),
                  ),
                ),
            );
        });
      },
      last(topic) {
        findEventTopic(topic);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Bus signature types the result
        return stickyValues.get(topic)?.payload as any;
      },
      dispose() {
        if (disposed) return;
        disposed = true;
        for (const cleanup of [...cleanups]) cleanup();
        cleanups.clear();
      },
    };
    return bus;
  }

  return { scope };
}
