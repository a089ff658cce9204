import path from 'node:path';
import { readManifest } from './read-manifest.js';
import { failRegistry as fail, requestRegistry, resolveRegistry } from './registry-request.js';
import type { RegistryOptions } from './registry-request.js';

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
}

/** The channels of an app as the registry returns them. */
export interface AppChannels {
  stable: string;
  canary: { version: string; tenants: string[]; percent: number } | null;
}

/** One line for people: `stable 1.0.0, canary 1.1.0 → chaye + 10%`. */
export function describeChannels(channels: AppChannels): string {
  const { canary } = channels;
  if (!canary) return `stable ${channels.stable}, no canary`;
  const who = [...canary.tenants, ...(canary.percent > 0 ? [`${canary.percent}%`] : [])];
  return `stable ${channels.stable}, canary ${canary.version} → ${who.join(' + ') || 'nobody'}`;
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
  if (options.canary !== undefined) {
    body.canary = {
      version: options.canary,
      tenants: options.tenants ?? [],
      percent: options.percent ?? 0,
    };
  }
  if (Object.keys(body).length === 0) {
    fail(
      'nothing to release: give --stable <version>, --canary <version> [--tenants a,b] [--percent n] or --end-canary',
    );
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
