import path from 'node:path';
import { readManifest } from './read-manifest.js';
import { failRegistry as fail, requestRegistry, resolveRegistry } from './registry-request.js';
import type { RegistryOptions } from './registry-request.js';
import { readRegistryApp } from './read-registry-app.js';

/** What `mosaic-app release` changes; omitted parts keep their value. */
export interface RunReleaseOptions extends RegistryOptions {
  /** The app's folder; its dist/mosaic.json names the app when `app` is not given. */
  root: string;
  /** App name. @default the name in dist/mosaic.json */
  app?: string;
  /** Version everyone not in the canary gets (promote, or roll back by setting an older one). */
  stable?: string;
  /** Version the canary tenants get. */
  canary?: string;
  /** Tenant ids that get the canary. @default [] */
  tenants?: string[];
  /** Share of the other tenants (0–100, by a stable hash of the tenant id) that get the canary. @default 0 */
  percent?: number;
  /** End the canary: everyone gets stable. */
  endCanary?: boolean;
  /** End the suspension of the current canary (the BFF suspends a canary that fails too often). */
  resume?: boolean;
  /** Promote to stable a version that never ran as a canary, or whose canary was suspended. */
  force?: boolean;
}

/** The channels of an app as the registry returns them. */
export interface AppChannels {
  stable: string;
  canary: {
    version: string;
    tenants: string[];
    percent: number;
    /** Set by the registry when the canary's users reported it failing too often. */
    suspended?: { at: string; reason: string; reports: unknown[] };
  } | null;
}

/** One line for people: `stable 1.0.0, canary 1.1.0 → chaye + 10%`. */
export function describeChannels(channels: AppChannels): string {
  const { canary } = channels;
  if (!canary) return `stable ${channels.stable}, no canary`;
  const who = [...canary.tenants, ...(canary.percent > 0 ? [`${canary.percent}%`] : [])];
  const line = `stable ${channels.stable}, canary ${canary.version} → ${who.join(' + ') || 'nobody'}`;
  return canary.suspended
    ? `${line} (SUSPENDED since ${canary.suspended.at}: ${canary.suspended.reason}; its tenants get stable until \`mosaic-app release --resume\`)`
    : line;
}

/**
 * `mosaic-app release`: PUT the app's channels in the registry (canary for some tenants,
 * promote to stable, roll back, end the canary) and return the channels now in force.
 */
export async function runRelease(
  options: RunReleaseOptions,
): Promise<{ app: string; channels: AppChannels }> {
  const app = options.app ?? readManifest(path.join(options.root, 'dist')).name;
  resolveRegistry(options);
  if (options.canary !== undefined && options.endCanary)
    fail('give either --canary or --end-canary, not both');
  if (
    (options.tenants !== undefined || options.percent !== undefined) &&
    options.canary === undefined
  ) {
    fail('--tenants and --percent go with --canary <version>');
  }
  if (options.percent !== undefined && !(options.percent >= 0 && options.percent <= 100)) {
    fail(`--percent must be between 0 and 100 (got ${options.percent})`);
  }
  const body: Record<string, unknown> = {};
  if (options.stable !== undefined) body.stable = options.stable;
  if (options.endCanary) body.canary = null;
  if (options.resume) body.resume = true;
  if (options.force) body.force = true;
  if (options.canary !== undefined) {
    body.canary = {
      version: options.canary,
      tenants: options.tenants ?? [],
      percent: options.percent ?? 0,
    };
  }
  if (options.force && options.stable === undefined) fail('--force goes with --stable <version>');
  // Nothing to change: report the channels in force (a suspension included).
  if (Object.keys(body).length === 0) {
    const { channels } = await readRegistryApp(options, app);
    if (!channels) fail(`'${app}' has no channels yet: give --stable <version>`);
    return { app, channels };
  }

  const answer = await requestRegistry<{ channels?: AppChannels }>(
    options,
    'PUT',
    `/api/registry/apps/${encodeURIComponent(app)}/channels`,
    { type: 'application/json', bytes: JSON.stringify(body) },
  );
  if (answer.ok && answer.body?.channels) return { app, channels: answer.body.channels };
  fail(
    `releasing ${app} failed (HTTP ${answer.status}): ${answer.error?.message ?? 'no explanation in the answer'}`,
    answer.requestId,
    answer.status,
  );
}
