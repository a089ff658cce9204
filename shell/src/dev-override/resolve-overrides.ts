import type { DeniedApp } from '@mosaic/contracts';
import { parseTitles } from '../session/parse-titles.js';
import type { AppEntry } from '../session/session-api.js';
import type { Overrides } from './override-store.js';

/** One override as the banner shows it. */
export interface OverrideStatus {
  name: string;
  baseUrl: string;
  /** Why the local build is not used (its mosaic.json could not be read or names another app). */
  error?: string;
  /**
   * The override was refused because the user's role may not open the app (an override never
   * widens a role): `title` names it for the banner.
   */
  refused?: { title: string };
}

/** Who is looking, for the rule that an override never widens a role. */
export interface OverrideViewer {
  roles: readonly string[];
  /** Apps of the tenant this user's role may not open (`denied` of `GET /api/apps`). */
  denied: readonly DeniedApp[];
}

/** Thrown when the user's role may not open the overridden app. */
class RoleRefusal extends Error {
  constructor(readonly title: string) {
    super(`your role may not open '${title}'`);
  }
}

export interface ResolvedApps {
  apps: AppEntry[];
  overrides: OverrideStatus[];
}

async function readLocalManifest(
  name: string,
  baseUrl: string,
): Promise<AppEntry & { roles: unknown }> {
  const response = await fetch(`${baseUrl}mosaic.json`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`GET ${baseUrl}mosaic.json answered HTTP ${response.status}`);
  const manifest = (await response.json()) as Partial<Record<keyof AppEntry | 'roles', unknown>>;
  const { version, title, route, protocol } = manifest;
  if (manifest.name !== name) {
    throw new Error(`${baseUrl}mosaic.json is app '${String(manifest.name)}', not '${name}'`);
  }
  if (![version, title, route, protocol].every((v) => typeof v === 'string')) {
    throw new Error(`${baseUrl}mosaic.json is not a Mosaic manifest`);
  }
  const shared = manifest.shared as { entry?: unknown; react?: unknown } | undefined;
  // Only a file of the same local build: overrides never run code from anywhere else.
  const titles = parseTitles(manifest.titles);
  const sharedEntry =
    typeof shared?.entry === 'string' ? new URL(shared.entry, baseUrl).href : undefined;
  return {
    name,
    version: version as string,
    title: title as string,
    ...(titles ? { titles } : {}),
    route: route as string,
    protocol: protocol as string,
    entry: `${baseUrl}index.html`,
    ...(sharedEntry?.startsWith(baseUrl) && typeof shared?.react === 'string'
      ? { shared: { entry: sharedEntry, react: shared.react } }
      : {}),
    ...(manifest.keepAlive === false ? { keepAlive: false as const } : {}),
    override: baseUrl,
    roles: manifest.roles,
  };
}

/**
 * An override may stand in for an app the user opens already, or add an app not published yet
 * whose `mosaic.json` roles name one of the user's roles (no grant can name an app before it is
 * published; the owner's `*` would open it). A published app the user's role may not open
 * (`denied`), or a new app built for other roles, is refused: an override never widens a role.
 */
function checkRole(
  local: AppEntry & { roles: unknown },
  published: readonly AppEntry[],
  viewer: OverrideViewer,
): void {
  if (published.some((app) => app.name === local.name)) return;
  const denied = viewer.denied.find((app) => app.name === local.name);
  if (denied) throw new RoleRefusal(denied.title);
  const built = Array.isArray(local.roles) ? (local.roles as unknown[]) : [];
  if (!built.some((role) => viewer.roles.includes(String(role)))) {
    throw new RoleRefusal(local.title);
  }
}

/**
 * Swaps in the developer's local builds: an overridden app keeps its place in the
 * nav (a new app is appended) and loads from the local server. A local build that
 * cannot be read leaves the published version in place and reports why.
 */
export async function resolveOverrides(
  published: readonly AppEntry[],
  overrides: Overrides,
  viewer: OverrideViewer,
): Promise<ResolvedApps> {
  const apps = [...published];
  const statuses = await Promise.all(
    Object.entries(overrides).map(async ([name, baseUrl]): Promise<OverrideStatus> => {
      try {
        const { roles: _roles, ...local } = await readLocalManifest(name, baseUrl);
        checkRole({ ...local, roles: _roles }, published, viewer);
        const index = apps.findIndex((app) => app.name === name);
        if (index >= 0) apps[index] = local;
        else apps.push(local);
        return { name, baseUrl };
      } catch (error) {
        if (error instanceof RoleRefusal) {
          return { name, baseUrl, error: error.message, refused: { title: error.title } };
        }
        return { name, baseUrl, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  return { apps, overrides: statuses };
}
