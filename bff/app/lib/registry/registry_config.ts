/** Limits and rules of the sub-app registry, from the environment (tokens are not here, see publish_tokens.ts). */
export interface RegistryConfig {
  /** Largest upload, compressed (`MOSAIC_PUBLISH_MAX_BYTES`). @default 26214400 (25 MiB) */
  maxArchiveBytes: number;
  /** Most bytes an archive may unpack to, headers included (`MOSAIC_PUBLISH_MAX_UNPACKED_BYTES`). @default 104857600 (100 MiB) */
  maxUnpackedBytes: number;
  /** Most files in one version. @default 2000 */
  maxFiles: number;
  /**
   * Protocol majors the shell speaks (`MOSAIC_PROTOCOL_MAJORS`, comma-separated). Keep in step
   * with build-kit's `PROTOCOL_VERSION`. @default [1]
   */
  protocolMajors: number[];
  /** How long a process trusts its copy of the channels for upstream tagging, in ms. @default 1000 */
  channelsTtlMs: number;
  /**
   * When to suspend a canary: as soon as `users` distinct users or `tenants` distinct tenants
   * reported it failing to load or mount within `windowMs` (`MOSAIC_CANARY_SUSPEND_USERS`,
   * `MOSAIC_CANARY_SUSPEND_TENANTS`, `MOSAIC_CANARY_SUSPEND_WINDOW_MINUTES`).
   * @default { users: 3, tenants: 2, windowMs: 600000 }
   */
  canarySuspend: { users: number; tenants: number; windowMs: number };
}
