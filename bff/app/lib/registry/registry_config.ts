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
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** The registry settings for `config.mosaic.registry`. */
export function registryConfigFromEnv(env: NodeJS.ProcessEnv): RegistryConfig {
  const majors = (env.MOSAIC_PROTOCOL_MAJORS ?? '1')
    .split(',')
    .map((m) => Number(m.trim()))
    .filter((m) => Number.isSafeInteger(m) && m >= 0);
  return {
    maxArchiveBytes: positiveInt(env.MOSAIC_PUBLISH_MAX_BYTES, 25 * 1024 * 1024),
    maxUnpackedBytes: positiveInt(env.MOSAIC_PUBLISH_MAX_UNPACKED_BYTES, 100 * 1024 * 1024),
    maxFiles: 2000,
    protocolMajors: majors.length > 0 ? majors : [1],
    channelsTtlMs: 1000,
  };
}
