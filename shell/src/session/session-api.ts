import type {
  AppEntry as ContractAppEntry,
  AppFallback,
  DeniedApp,
  SharedEntry,
} from '@mosaic/contracts';
import type { Tenant, User } from '@mosaic/build-kit';
import { ShellError, ShellErrorCode } from '../shell-error.js';
import { parseTitles } from './parse-titles.js';
import { requestJson } from './request-json.js';
import { forgetSessionHint, sessionLikely } from './session-hint.js';
import { fetchEarlyOnce, forgetEarly, provideEarly } from './start-early-requests.js';

export interface Session {
  user: User;
  tenant: Tenant;
}

/**
 * One entry of `GET /api/apps` (the contract's `AppEntry`: show `appTitleFor(app, locale)`, which
 * prefers `titles`), plus what the shell adds itself.
 */
export interface AppEntry extends ContractAppEntry {
  /** Nav icon (a short glyph, e.g. an emoji); the title's first letter when absent. */
  icon?: string;
  /** Base URL of the developer's local build when this entry is a dev override. */
  override?: string;
}

/** `GET /api/apps`. */
export interface AppList {
  apps: AppEntry[];
  /**
   * Whether this user, in this environment, may load local builds (dev overrides).
   * `undefined` when the BFF does not say: the shell then allows them on localhost only.
   */
  devOverrides: boolean | undefined;
  /** Apps of this tenant the user's role may not open (name, title, route only). */
  denied: DeniedApp[];
}

export interface Credentials {
  tenant: string;
  username: string;
  password: string;
}

function badResponse(what: string): ShellError {
  return new ShellError(ShellErrorCode.BAD_RESPONSE, `the BFF sent an unexpected ${what}`);
}

const isString = (value: unknown): value is string => typeof value === 'string';

function parseSession(body: unknown): Session {
  const { user, tenant } = (body ?? {}) as { user?: Partial<User>; tenant?: Partial<Tenant> };
  if (
    !user ||
    !tenant ||
    ![user.id, user.username, tenant.id, tenant.name].every(isString) ||
    !Array.isArray(user.roles)
  ) {
    throw badResponse('session');
  }
  return {
    user: {
      id: user.id as string,
      username: user.username as string,
      displayName: isString(user.displayName) ? user.displayName : (user.username as string),
      roles: user.roles.filter(isString),
    },
    tenant: { id: tenant.id as string, name: tenant.name as string },
  };
}

function parseShared(shared: unknown): SharedEntry | undefined {
  const { entry, react } = (shared ?? {}) as { entry?: unknown; react?: unknown };
  return isString(entry) && isString(react) ? { entry, react } : undefined;
}

export function parseApps(body: unknown): AppEntry[] {
  const apps = (body as { apps?: unknown } | undefined)?.apps;
  if (!Array.isArray(apps)) throw badResponse('app list');
  return apps.map((app: Partial<Record<keyof AppEntry, unknown>>) => {
    const {
      name,
      version,
      title,
      titles,
      route,
      entry,
      protocol,
      icon,
      shared,
      fallback,
      keepAlive,
    } = app;
    if (![name, version, title, route, entry, protocol].every(isString)) {
      throw badResponse(`app list entry ${JSON.stringify(app)}`);
    }
    const entryOut = { name, version, title, route, entry, protocol } as AppEntry;
    const localized = parseTitles(titles);
    if (localized) entryOut.titles = localized;
    if (typeof icon === 'string' && icon.length > 0 && icon.length <= 8) entryOut.icon = icon;
    const sharedOut = parseShared(shared);
    if (sharedOut) entryOut.shared = sharedOut;
    if (keepAlive === false) entryOut.keepAlive = false;
    const stable = (fallback ?? {}) as Partial<Record<keyof AppFallback, unknown>>;
    if ([stable.version, stable.entry, stable.protocol].every(isString)) {
      const fallbackShared = parseShared(stable.shared);
      entryOut.fallback = {
        version: stable.version,
        entry: stable.entry,
        protocol: stable.protocol,
        ...(fallbackShared && { shared: fallbackShared }),
      } as AppFallback;
    }
    return entryOut;
  });
}

/**
 * The current session, or null when signed out: without the sign-in hint cookie the BFF is not
 * asked (a signed-out visit makes no request that answers 401), and a 401 drops the hint.
 */
export async function getSession(): Promise<Session | null> {
  if (!sessionLikely()) return null;
  try {
    return parseSession(await requestJson('/api/session', {}, fetchEarlyOnce));
  } catch (error) {
    if (error instanceof ShellError && error.status === 401) {
      forgetSessionHint();
      return null;
    }
    throw error;
  }
}

export async function signIn(credentials: Credentials): Promise<Session> {
  const body = await requestJson('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const session = parseSession(body);
  // The app list came with the answer: the frame's `listApps` takes it, no second round trip.
  // A BFF that could not make it (or an older one) leaves it out, and the frame asks.
  const { appList } = body as { appList?: unknown };
  if (appList !== null && typeof appList === 'object') provideEarly('/api/apps', appList);
  return session;
}

export async function signOut(): Promise<void> {
  forgetEarly();
  await requestJson('/api/session', { method: 'DELETE' });
}

/** `denied` of `GET /api/apps`: malformed entries are skipped (an older BFF sends none). */
export function parseDenied(body: unknown): DeniedApp[] {
  const denied = (body as { denied?: unknown } | undefined)?.denied;
  if (!Array.isArray(denied)) return [];
  return denied.flatMap((app: Partial<Record<keyof DeniedApp, unknown>>) => {
    const { name, title, route } = app;
    if (!isString(name) || !isString(title) || !isString(route)) return [];
    const titles = parseTitles(app.titles);
    return [{ name, title, route, ...(titles && { titles }) }];
  });
}

export async function listApps(): Promise<AppList> {
  const body = await requestJson('/api/apps', {}, fetchEarlyOnce);
  const devOverrides = (body as { devOverrides?: unknown } | undefined)?.devOverrides;
  return {
    apps: parseApps(body),
    devOverrides: typeof devOverrides === 'boolean' ? devOverrides : undefined,
    denied: parseDenied(body),
  };
}
