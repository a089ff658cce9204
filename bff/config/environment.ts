import { defaultServiceUrl } from '@mosaic/contracts';
import type { ServiceName } from '@mosaic/contracts';
import { z } from 'zod';

/**
 * Every environment variable the BFF reads, parsed once at boot with one schema. A bad or empty
 * value stops the start with a line naming the variable, what it was and what it accepts: a
 * typo in a deployment fails loudly instead of turning into NaN limits that refuse every query.
 */

/** A whole number in [min, max]; unset means the default. Empty is a mistake, not the default. */
function whole(min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^\d+$/, `a whole number from ${min} to ${max} (default ${fallback})`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `a whole number from ${min} to ${max} (default ${fallback})`)
        .max(max, `a whole number from ${min} to ${max} (default ${fallback})`),
    )
    .optional()
    .transform((value) => value ?? fallback);
}

/** One of a few words; unset means `undefined` (the caller's default). */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `one of ${values.map((v) => `'${v}'`).join(', ')}` }).optional();
}

/** An http(s) base URL of a service; unset means its default loopback address. */
function baseUrl(service: ServiceName) {
  const fallback = defaultServiceUrl(service);
  return z
    .url({ protocol: /^https?$/, error: `an http(s) URL like ${fallback}` })
    .optional()
    .transform((value) => (value ?? fallback).replace(/\/+$/, ''));
}

/** Text that, when set, must not be blank. */
const text = z.string().trim().min(1, 'a non-empty value, or unset it').optional();

const EnvironmentSchema = z.object({
  PORT: whole(0, 65535, 8080),
  BFF_WORKERS: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, 'a whole number of workers from 1 to 999 (default: one per core)')
    .transform(Number)
    .optional(),
  HOST: text,
  MOSAIC_DATA_DIR: text,
  SHELL_DIST: text,
  IDENTITY_URL: baseUrl('identity'),
  CATALOG_URL: baseUrl('catalog'),
  INVENTORY_URL: baseUrl('inventory'),
  PRICING_URL: baseUrl('pricing'),
  PARTY_URL: baseUrl('party'),
  SALES_URL: baseUrl('sales'),
  UPSTREAM_TIMEOUT_MS: whole(1, 600_000, 5000),
  REQUEST_BUDGET_MS: whole(1, 600_000, 3000),
  RESPONSE_CACHE: oneOf(['0', '1']),
  CACHE_MAX_ENTRIES: whole(0, 10_000_000, 10_000),
  GRAPHQL_MAX_DEPTH: whole(1, 100, 8),
  GRAPHQL_MAX_COST: whole(1, 1_000_000, 5000),
  GRAPHQL_MAX_ALIASES: whole(0, 1000, 15),
  GRAPHQL_MAX_TOKENS: whole(1, 1_000_000, 2000),
  GRAPHQL_INTROSPECTION: oneOf(['0', '1']),
  ACCESS_LOG: oneOf(['0', '1']),
  MOSAIC_DEV_OVERRIDES: oneOf(['on', 'off']),
  MOSAIC_TRUSTED_PROXIES: whole(0, 10, 0),
  MOSAIC_PUBLISH_MAX_BYTES: whole(1, 2 ** 31, 25 * 1024 * 1024),
  MOSAIC_PUBLISH_MAX_UNPACKED_BYTES: whole(1, 2 ** 33, 100 * 1024 * 1024),
  /** Distinct users whose reports of one canary failing to load or mount suspend it. */
  MOSAIC_CANARY_SUSPEND_USERS: whole(1, 100_000, 3),
  /** Distinct tenants whose reports of one canary failing suspend it (whichever comes first). */
  MOSAIC_CANARY_SUSPEND_TENANTS: whole(1, 100_000, 2),
  /** The window those reports are counted in, in minutes. */
  MOSAIC_CANARY_SUSPEND_WINDOW_MINUTES: whole(1, 10_080, 10),
  MOSAIC_PROTOCOL_MAJORS: z
    .string()
    .regex(/^\s*\d+\s*(,\s*\d+\s*)*$/, "protocol majors separated by commas, e.g. '1' or '1,2'")
    .optional()
    .transform((value) => (value ?? '1').split(',').map((m) => Number(m.trim()))),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, "a size like '100kb' or '1mb'")
    .optional()
    .transform((value) => value ?? '100kb'),
  MOSAIC_METRICS_TOKEN: z
    .string()
    .min(16, 'at least 16 characters (e.g. `openssl rand -base64 24`), or unset it')
    .optional(),
  // Its length is checked where it is used (app/lib/session_secret.ts).
  MOSAIC_SESSION_SECRET: z.string().optional(),
  MOSAIC_COOKIE_KEYS: text,
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL' }).optional(),
  REDIS_CLUSTER_NODES: text,
  MOSAIC_IMAGE_HOSTS: z.string().optional(),
});

/** The environment as the BFF uses it: numbers are numbers, defaults filled in. */
export type Environment = z.infer<typeof EnvironmentSchema>;

/** What `readEnvironment` throws: every bad variable, one per line. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

/** Parse the BFF's variables from `env`; throws EnvironmentError naming each bad one. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const known = Object.fromEntries(
    Object.keys(EnvironmentSchema.shape).map((name) => [name, env[name]]),
  );
  const parsed = EnvironmentSchema.safeParse(known);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const value = env[name];
    const shown = name.includes('SECRET') || name.includes('TOKEN') ? '(hidden)' : `'${value}'`;
    return `  ${name}=${shown}: expected ${issue.message}`;
  });
  throw new EnvironmentError(
    `the BFF cannot start: ${lines.length === 1 ? 'a variable is' : 'variables are'} not accepted\n${lines.join('\n')}`,
  );
}

/**
 * For the entry points (server.ts, cluster.ts): the environment, or the refused variables on
 * stderr and exit code 1 — the operator's to fix, so their lines and no stack trace.
 */
export function environmentOrExit(): Environment {
  try {
    return readEnvironment();
  } catch (err) {
    if (!(err instanceof EnvironmentError)) throw err;
    process.stderr.write(`[bff] ${err.message}\n`);
    process.exit(1);
  }
}
