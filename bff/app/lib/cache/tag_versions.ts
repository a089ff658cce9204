import type { Cluster, Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** Options of createTagVersions. */
export interface TagVersionsOptions {
  /** The shared Redis (single node or cluster); undefined keeps versions in this process only. */
  client: Redis | Cluster | undefined;
  /** Key prefix, e.g. 'mosaic:v1'. */
  prefix: string;
  /** How long a tenant's versions outlive its last change, in s: at least the longest entry TTL. @default 900 */
  ttlSeconds?: number;
  /** Most tenants whose versions this process keeps. @default 10000 */
  maxTenants?: number;
  /** Told when the invalidation channel goes down or comes back (cached answers are then unsafe). */
  onChannelChange?: (up: boolean) => void;
}

/**
 * Versions of cache tags (`product:p1`, `list:catalog`, …) per tenant: a cached answer records
 * the version of each tag it read, and is valid while every one is unchanged. The versions live
 * in one Redis hash per tenant (one `{tenant}` slot: Cluster safe); every process keeps a copy of
 * the tenants it serves, loaded once and kept current over Redis pub/sub, so checking an answer
 * costs no round trip. While the channel is down nothing may be trusted: `ready` is false.
 */
export interface TagVersions {
  /** True when versions are known to be current (always without Redis). */
  readonly ready: boolean;
  /** Whether this process holds the tenant's versions (so `current` answers for it). */
  has(tenant: string): boolean;
  /**
   * Load this tenant's versions if this process does not hold them yet; false when they could
   * not be loaded (Redis away, or reset meanwhile): answers for the tenant cannot be trusted now.
   */
  ensure(tenant: string): Promise<boolean>;
  /** The tenant's version of `tag` (0 when never changed); the tenant must be ensured. */
  current(tenant: string, tag: string): number;
  /** Change these tags for every process; resolves once Redis has them and the news is sent. */
  bump(tenant: string, tags: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

type Versions = Map<string, number>;

/**
 * Bumps tags (ARGV[2..]) in the tenant's hash (KEYS[1]) to a version that never goes back: one
 * more than before, and at least Redis's clock in ms. A master that restarts empty (no
 * persistence) would otherwise count again from 1, under the versions every process still holds,
 * which would go on trusting answers cached before the write. One clock, the master's, decides.
 */
const BUMP_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local out = {}
for i = 2, #ARGV do
  local version = redis.call('HINCRBY', KEYS[1], ARGV[i], 1)
  if version < now then
    redis.call('HSET', KEYS[1], ARGV[i], now)
    version = now
  end
  out[#out + 1] = version
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return out
`;

/** The bump script as a command of the client (`defineCommand`). */
const BUMP_COMMAND = 'mosaicBumpTagVersions';

interface WithBumpCommand {
  [BUMP_COMMAND](hashKey: string, ttlSeconds: number, ...tags: string[]): Promise<number[]>;
}

export function createTagVersions(options: TagVersionsOptions): TagVersions {
  const { client, prefix, ttlSeconds = 900, maxTenants = 10_000, onChannelChange } = options;
  const tenants = new LRUCache<string, Versions>({ max: maxTenants });
  const loading = new Map<string, Promise<void>>();
  const channel = `${prefix}:tag-versions`;
  const hashKey = (tenant: string): string => `${prefix}:{${tenant}}:tags`;
  let ready = client === undefined;
  // A load that began before a reset may bring back what the reset dropped: its answer is ignored.
  let generation = 0;

  function apply(tenant: string, changes: Iterable<[string, number]>): void {
    const versions = tenants.get(tenant);
    if (!versions) return; // not served here: loaded fresh on first use
    for (const [tag, version] of changes) {
      if (version > (versions.get(tag) ?? 0)) versions.set(tag, version);
    }
  }

  function reset(up: boolean): void {
    generation += 1;
    tenants.clear();
    loading.clear();
    if (ready !== up) {
      ready = up;
      onChannelChange?.(up);
    }
  }

  let subscriber: Redis | Cluster | undefined;
  if (client) {
    // ioredis sends the script's text once per connection, then only its sha (EVALSHA), and the
    // text again when Redis says NOSCRIPT (a master restarted empty); in a cluster, to the node
    // of the key's slot. Defining it again on a shared client replaces it with the same script.
    client.defineCommand(BUMP_COMMAND, { numberOfKeys: 1, lua: BUMP_SCRIPT });
    // Subscribing takes a connection of its own.
    const listener: Redis | Cluster =
      'nodes' in client ? (client as Cluster).duplicate() : (client as Redis).duplicate();
    subscriber = listener;
    listener.on('message', (_channel: string, message: string) => {
      try {
        const { t: tenant, v: changes } = JSON.parse(message) as {
          t: string;
          v: [string, number][];
        };
        apply(tenant, changes);
      } catch {
        // Not ours: ignore.
      }
    });
    // Messages sent while we were away are lost: start again from Redis's copy.
    // Its outages show as 'close' below; the cache store reports Redis's state to operators.
    listener.on('error', () => undefined);
    listener.on('close', () => reset(false));
    listener.on('ready', () => {
      listener.subscribe(channel).then(
        () => reset(true),
        () => reset(false),
      );
    });
  }

  async function load(tenant: string): Promise<void> {
    const started = generation;
    const raw = client ? await client.hgetall(hashKey(tenant)) : {};
    if (started !== generation) throw new Error('tag versions were reset while loading');
    const versions: Versions = new Map();
    for (const [tag, value] of Object.entries(raw)) versions.set(tag, Number(value));
    // Changes announced while the load ran are in the map already, or newer than it.
    const known = tenants.get(tenant);
    if (known)
      for (const [tag, version] of known)
        versions.set(tag, Math.max(version, versions.get(tag) ?? 0));
    tenants.set(tenant, versions);
  }

  return {
    get ready() {
      return ready;
    },
    has(tenant) {
      return tenants.has(tenant);
    },
    ensure(tenant) {
      if (tenants.has(tenant)) return Promise.resolve(true);
      let pending = loading.get(tenant);
      if (!pending) {
        pending = load(tenant).finally(() => loading.delete(tenant));
        loading.set(tenant, pending);
      }
      return pending.then(
        () => true,
        () => false,
      );
    },
    current(tenant, tag) {
      return tenants.get(tenant)?.get(tag) ?? 0;
    },
    async bump(tenant, tags) {
      const unique = [...new Set(tags)];
      if (unique.length === 0) return;
      if (!client) {
        const versions = tenants.get(tenant) ?? new Map<string, number>();
        for (const tag of unique) versions.set(tag, (versions.get(tag) ?? 0) + 1);
        tenants.set(tenant, versions);
        return;
      }
      const versions = await (client as unknown as WithBumpCommand)[BUMP_COMMAND](
        hashKey(tenant),
        ttlSeconds,
        ...unique,
      );
      const changes: [string, number][] = unique.map((tag, i) => [tag, Number(versions[i])]);
      apply(tenant, changes);
      await client.publish(channel, JSON.stringify({ t: tenant, v: changes }));
    },
    async close() {
      subscriber?.disconnect();
      tenants.clear();
    },
  };
}
