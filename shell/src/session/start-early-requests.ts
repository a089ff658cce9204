import { SHELL_BOOT_ELEMENT_ID } from '@mosaic/contracts';
import { sessionLikely } from './session-hint.js';

/** Early answers by path, each taken at most once. */
const early = new Map<string, Promise<Response | undefined>>();

function ask(path: string): void {
  early.set(
    path,
    fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(
      () => undefined,
    ),
  );
}

/**
 * On any page but the sign-in page, when the BFF's hint cookie says a session is likely (the
 * session cookie is httpOnly, so the shell cannot read it): ask for the session and the app list
 * as soon as the script runs, at the same time, instead of after React's first render and one
 * after the other, and start downloading qiankun before the frame asks for it. On a slow phone
 * network each round trip saved is ~150 ms before the first app shows. A signed-out visit asks
 * nothing (no 401s on its way to the sign-in page); a wrong guess (a revoked session) changes
 * nothing: `fetchEarlyOnce` drops an answer that is no use and asks again. When the page came
 * with both answers (boot data), it asks nothing and returns the app list, so the first app's
 * files can start downloading at once.
 */
export function startEarlyRequests(
  pathname: string = window.location.pathname,
): { appList: unknown } | undefined {
  if (pathname === '/signin' || !sessionLikely()) return undefined;
  const boot = takeBootData();
  if (!boot) {
    ask('/api/session');
    ask('/api/apps');
  }
  preloadQiankun();
  return boot;
}

/**
 * The BFF's answers to both questions, when it put them into the page (a navigation with a valid
 * session: `SHELL_BOOT_ELEMENT_ID`): no round trip at all before the first app. Taken once; a
 * page without them (the Vite dev server, an older BFF, a slow identity service) asks.
 */
function takeBootData(): { appList: unknown } | undefined {
  const element = document.getElementById(SHELL_BOOT_ELEMENT_ID);
  element?.remove();
  let boot: { session?: unknown; appList?: unknown } | undefined;
  try {
    boot = element?.textContent ? (JSON.parse(element.textContent) as typeof boot) : undefined;
  } catch {
    return undefined;
  }
  if (!boot?.session || typeof boot.appList !== 'object' || boot.appList === null) {
    return undefined;
  }
  provideEarly('/api/session', boot.session);
  provideEarly('/api/apps', boot.appList);
  return { appList: boot.appList };
}

/**
 * Starts downloading qiankun (its own chunk) so it is ready when the first app mounts: at start
 * off the sign-in page, and when the sign-in form is sent, in parallel with the round trip.
 */
export function preloadQiankun(): void {
  void import('qiankun').catch(() => undefined); // the host's own import reports failures
}

/**
 * An answer the BFF already gave inside another one (the app list in the sign-in answer): the
 * next GET of `path` through `fetchEarlyOnce` takes it instead of asking.
 */
export function provideEarly(path: string, body: unknown): void {
  early.set(
    path,
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  );
}

/** Drops every early answer (signed out: the next user must not be given them). */
export function forgetEarly(): void {
  early.clear();
}

/**
 * A fetch that answers a GET asked early with that answer, once: the session's when it is
 * signed in or signed out (401), the app list's only when it succeeded (a 401 then means the
 * user signed in since). Anything else goes to the BFF.
 */
export const fetchEarlyOnce: typeof fetch = async (input, init) => {
  const path = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const pending = (init?.method ?? 'GET') === 'GET' ? early.get(path) : undefined;
  early.delete(path);
  const response = await pending;
  const usable = response?.ok || (response?.status === 401 && path === '/api/session');
  return usable && response ? response : fetch(input, init);
};
