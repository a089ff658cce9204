import type { Cluster, Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { TagVersions } from './tag_versions.js';

/** One cached answer: the response bytes and the version of every tag it was built from. */
export interface CachedResponse {
  body: Buffer;
  tags: readonly string[];
  versions: readonly number[];
}

/** Options of createResponseCache. */
export interface ResponseCacheOptions {
  versions: TagVersions;
  /** The shared Redis for the second level; undefined: this process's memory only. */
  client: Redis | Cluster | undefined;
  prefix: string;
  /** Bytes of answers kept in this process. @default 32 MiB */
  maxBytes?: number;
  /** False turns the cache off (`RESPONSE_CACHE=0`, and the cold bench). @default true */
  enabled?: boolean;
  /**
   * False while the shared store is away: a write's invalidation could not reach the other
   * instances then, so nobody may answer from memory. @default always true
   */
  storeUp?: () => boolean;
}

/**
 * Whole GraphQL answers, by a key the caller builds from tenant, roles, operation and variables.
 * Two levels: this process's memory (no round trip), then Redis (shared by every instance). An
 * answer is served only while every tag it recorded still has the version it read, so a write
 * through any instance retires it everywhere at once, without KEYS, SCAN or deletes.
 */
export interface ResponseCache {
  /** False while answers cannot be trusted (Redis or its invalidation channel is away). */
  readonly usable: boolean;
  get(tenant: string, key: string): Promise<CachedResponse | undefined>;
  /** The answer this process holds, if it is still valid (no Redis read); tenant ensured. */
  peek(tenant: string, key: string): CachedResponse | undefined;
  set(tenant: string, key: string, entry: CachedResponse, ttlSeconds: number): Promise<void>;
  /** Concurrent misses for one key share one computation. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
  clear(): void;
}

interface LocalEntry extends CachedResponse {
  expiresAt: number;
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const { versions, client, prefix, maxBytes = 32 * 1024 * 1024, enabled = true } = options;
  const storeUp = options.storeUp ?? ((): boolean => true);
  const local = new LRUCache<string, LocalEntry>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => entry.body.length + 64 * entry.tags.length + 200,
  });
  const flights = new Map<string, Promise<unknown>>();
  const redisKey = (tenant: string, key: string): string => `${prefix}:{${tenant}}:resp:${key}`;

  function valid(tenant: string, entry: CachedResponse): boolean {
    const { tags, versions: seen } = entry;
    for (let i = 0; i < tags.length; i += 1) {
      if (versions.current(tenant, tags[i] as string) !== seen[i]) return false;
    }
    return true;
  }

  function peek(tenant: string, key: string): CachedResponse | undefined {
    const localKey = `${tenant}\u0000${key}`;
    const hit = local.get(localKey);
    if (!hit) return undefined;
    if (hit.expiresAt > Date.now() && valid(tenant, hit)) return hit;
    local.delete(localKey);
    return undefined;
  }

  return {
    get usable() {
      return enabled && versions.ready && storeUp();
    },
    peek,
    async get(tenant, key) {
      const hit = peek(tenant, key);
      if (hit) return hit;
      if (!client) return undefined;
      const raw = await client.getBuffer(redisKey(tenant, key)).catch(() => null);
      if (!raw) return undefined;
      const entry = decode(raw);
      if (!entry || !valid(tenant, entry.value)) return undefined;
      local.set(`${tenant}\u0000${key}`, { ...entry.value, expiresAt: entry.expiresAt });
      return entry.value;
    },
    async set(tenant, key, entry, ttlSeconds) {
      const expiresAt = Date.now() + ttlSeconds * 1000;
      local.set(`${tenant}\u0000${key}`, { ...entry, expiresAt });
      if (client) {
        await client
          .set(redisKey(tenant, key), encode(entry, expiresAt), 'EX', ttlSeconds)
          .catch(() => undefined);
      }
    },
    once(key, compute) {
      let flight = flights.get(key) as ReturnType<typeof compute> | undefined;
      if (!flight) {
        flight = compute().finally(() => flights.delete(key));
        flights.set(key, flight);
      }
      return flight;
    },
    clear() {
      local.clear();
    },
  };
}

/** `<header json>\n<body>`: the body stays bytes, so a hit is written out without re-encoding. */
function encode(entry: CachedResponse, expiresAt: number): Buffer {
  const header = JSON.stringify({ t: entry.tags, v: entry.versions, e: expiresAt });
  return Buffer.concat([Buffer.from(`${header}\n`), entry.body]);
}

function decode(raw: Buffer): { value: CachedResponse; expiresAt: number } | undefined {
  const newline = raw.indexOf(10);
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(raw.subarray(0, newline).toString()) as {
      t: string[];
      v: number[];
      e: number;
    };
    return {
      value: { tags: header.t, versions: header.v, body: raw.subarray(newline + 1) },
      expiresAt: header.e,
    };
  } catch {
    return undefined;
  }
}
