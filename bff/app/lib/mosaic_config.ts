import type { EggAppConfig } from 'egg';
import type { RegistryConfig } from './registry/registry_config.js';

/** The BFF's own settings, read from the environment in `config/config.default.ts`. */
export interface MosaicConfig {
  /** Data folder (`MOSAIC_DATA_DIR`). @default '<repo>/.data' */
  dataDir: string;
  /** Sub-app registry folder. @default '$MOSAIC_DATA_DIR/registry/apps' */
  registryDir: string;
  /** Built shell served at `/` (`SHELL_DIST`). @default '<repo>/shell/dist' */
  shellDist: string;
  /** Catalog service base URL (`CATALOG_URL`). @default 'http://127.0.0.1:7101' */
  catalogUrl: string;
  /** Inventory service base URL (`INVENTORY_URL`). @default 'http://127.0.0.1:7102' */
  inventoryUrl: string;
  /** Per-call upstream timeout in ms (`UPSTREAM_TIMEOUT_MS`). @default 5000 */
  upstreamTimeoutMs: number;
  /** Session token signing secret (`MOSAIC_SESSION_SECRET`); generated and kept in the data dir when unset. */
  sessionSecret: string | undefined;
  /** Session lifetime in seconds. @default 43200 (12 hours) */
  sessionTtlSeconds: number;
  /** Show unexpected error messages to clients (only in the `local` Egg env). @default false */
  exposeInternalErrors: boolean;
  /** Sub-app registry limits and rules. */
  registry: RegistryConfig;
}

export function mosaicConfig(app: { config: EggAppConfig }): MosaicConfig {
  return app.config.mosaic as MosaicConfig;
}
