import path from 'node:path';
import type { EggAppConfig } from 'egg';
import { mosaicConfig } from '../mosaic_config.js';
import { createDiskRegistryStore } from './disk_registry_store.js';
import type { RegistryStore } from './registry_store.js';

/**
 * The registry store of this Egg app (on disk beside `registryDir`): made once per app by
 * `app.registryStore` (app/extend/application.ts).
 */
export function createRegistryStoreOf(app: { config: EggAppConfig }): RegistryStore {
  return createDiskRegistryStore(path.dirname(mosaicConfig(app).registryDir));
}
