/** How long one slice may run before it gives the main thread back, in milliseconds. */
const SLICE_MS = 4;

let warming: Promise<void> | undefined;

/**
 * qiankun's proxy sandbox, when it is made for an app, reads the descriptor of every property of
 * `window` (about 1,200 in Chromium) to copy the non-configurable ones. Chromium creates most of
 * those properties (one per Web API interface: `HTMLMarqueeElement`, `RTCPeerConnection`, ...)
 * only when one is first touched, so that first read costs ~50 ms on a desktop, and four times
 * that on a phone, in one task, on the way to the first app. This reads the same descriptors
 * ahead, in slices of a few milliseconds while the page waits for the network (the sign-in round
 * trip, the app list, the app's files), so the sandbox later finds them made (~1 ms). It reads
 * descriptors only (no getter runs), exactly what qiankun reads. The host waits for what is left
 * before qiankun makes the sandbox (micro-app-host.tsx), so that too runs in short tasks. In a
 * background tab the browser slows the slices down; they catch up once the tab is shown. Once
 * per page.
 */
export function warmSandboxGlobals(): Promise<void> {
  warming ??= readDescriptorsInSlices(window, nextTask);
  return warming;
}

/** Reads every own property descriptor of `target`, a slice per `later` call. */
export function readDescriptorsInSlices(
  target: object,
  later: (next: () => void) => void,
): Promise<void> {
  const names = Object.getOwnPropertyNames(target);
  let index = 0;
  return new Promise((resolve) => {
    const slice = (): void => {
      const until = performance.now() + SLICE_MS;
      while (index < names.length && performance.now() < until) {
        const name = names[index];
        index += 1;
        if (name !== undefined) Object.getOwnPropertyDescriptor(target, name);
      }
      if (index < names.length) later(slice);
      else resolve();
    };
    later(slice);
  });
}

/**
 * The next task, after whatever input, rendering and network callbacks are already waiting. Not
 * `requestIdleCallback`: a page that is loading is rarely idle, and the slices must be done
 * before the app's files are in, which is when qiankun makes the sandbox.
 */
function nextTask(next: () => void): void {
  setTimeout(next, 0);
}
