import type { Cluster, Redis } from 'ioredis';

/** One key's fixed window: how many hits it holds and how long it has left. */
export interface CounterWindow {
  count: number;
  /** Milliseconds until the window ends (0 when there is none). */
  remainingMs: number;
}

/**
 * Fixed-window hit counters shared by every BFF process through Redis (rate limits). Each call
 * touches one key, so each is one slot in a Redis Cluster. Methods reject when Redis does not
 * answer; callers then count in their own memory.
 */
export interface WindowCounters {
  /** Adds one to `key`; the first hit opens a window of `windowMs` that later hits do not extend. */
  hit(key: string, windowMs: number): Promise<CounterWindow>;
  /** The window of `key` as it stands, without counting. */
  peek(key: string): Promise<CounterWindow>;
  /** Ends the window of `key`. */
  reset(key: string): Promise<void>;
}

/**
 * Counters over the cache's own connection (single node or cluster), so rate limits open no
 * second client and inherit its fail-fast settings. `SET NX PX` then `INCR` in one MULTI: the
 * expiry is set exactly once, with the key, so a counter can never be left without one, and
 * INCR keeps it. Works on any Redis ≥ 2.6.12 (no `PEXPIRE … NX`, no Lua).
 */
export function redisWindowCounters(client: Redis | Cluster): WindowCounters {
  return {
    async hit(key, windowMs) {
      const [, count, ttl] = replies(
        await client.multi().set(key, 0, 'PX', windowMs, 'NX').incr(key).pttl(key).exec(),
      );
      return windowOf(count, ttl, windowMs);
    },
    async peek(key) {
      const [count, ttl] = replies(await client.multi().get(key).pttl(key).exec());
      return windowOf(count, ttl, 0);
    },
    async reset(key) {
      await client.del(key);
    },
  };
}

/** The values of a MULTI's replies; the first error (or an aborted transaction) rejects. */
function replies(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw new Error('the counter transaction was aborted');
  const failed = results.find(([err]) => err);
  if (failed?.[0]) throw failed[0];
  return results.map(([, value]) => value);
}

/** PTTL is -2 for a missing key and -1 for one without expiry (never made here). */
function windowOf(count: unknown, ttl: unknown, windowMs: number): CounterWindow {
  const hits = Number(count ?? 0);
  const left = Number(ttl);
  if (!Number.isFinite(hits) || Number.isNaN(left)) {
    throw new Error(`unexpected counter reply: count ${String(count)}, ttl ${String(ttl)}`);
  }
  return { count: hits, remainingMs: left >= 0 ? left : hits > 0 ? windowMs : 0 };
}
