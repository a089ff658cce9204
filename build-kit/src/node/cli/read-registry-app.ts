import { failRegistry as fail, requestRegistry } from './registry-request.js';
import type { RegistryOptions } from './registry-request.js';
import type { AppChannels } from './run-release.js';

/** One app in `GET /api/registry/apps`. */
export interface RegistryApp {
  name: string;
  /** Newest first. */
  versions: string[];
  channels: AppChannels | null;
}

/** The registry's entry for `app`; exits with the registry's reason when it cannot be read. */
export async function readRegistryApp(options: RegistryOptions, app: string): Promise<RegistryApp> {
  const listed = await requestRegistry<{ apps?: RegistryApp[] }>(
    options,
    'GET',
    '/api/registry/apps',
  );
  if (!listed.ok) {
    fail(
      `reading the registry failed (HTTP ${listed.status}): ${listed.error?.message ?? 'no explanation in the answer'}`,
      listed.requestId,
      listed.status,
    );
  }
  const entry = listed.body?.apps?.find((a) => a.name === app);
  if (!entry) fail(`no app '${app}' in the registry at ${listed.url}: publish it first`);
  return entry;
}
