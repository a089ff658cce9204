import path from 'node:path';
import type { EggAppConfig } from 'egg';
import { mosaicConfig } from '../mosaic_config.js';
import { createDiskRegistryStore } from './disk_registry_store.js';
import type { RegistryStore } from './registry_store.js';

const stores = new WeakMap<object, RegistryStore>();

/** The registry store of this Egg app (on disk beside `registryDir`), made on first use. */
export function registryStoreOf(app: { config: EggAppConfig }): RegistryStore {
  let store = stores.get(app);
  if (!store) {
    store = createDiskRegistryStore(path.dirname(mosaicConfig(app).registryDir));
    stores.set(app, store);
  }
  return store;
}
