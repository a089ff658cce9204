import type { Cluster, Redis } from 'ioredis';
import type { FailureReport } from './channels.js';

/** How many distinct users and tenants reported one canary failing within the window. */
export interface FailureTally {
  users: number;
  tenants: number;
  /** The latest reports, newest last (at most `KEEP_REPORTS`). */
  reports: FailureReport[];
}

export interface CanaryFailures {
  /** Count one report of `app@version` failing and return the tally within `windowMs`. */
  record(
    app: string,
    version: string,
    report: FailureReport,
    windowMs: number,
  ): Promise<FailureTally>;
  /** Forget every report of `app@version` (on resume, so it starts from zero). */
  clear(app: string, version: string): Promise<void>;
}

const KEEP_REPORTS = 20;

/**
 * Failure reports per canary version. In Redis when there is one, so every BFF instance counts
 * towards the same threshold; in this process's memory otherwise (one instance by default).
 */
export function createCanaryFailures(redis: Redis | Cluster | null): CanaryFailures {
  return redis ? redisFailures(redis) : memoryFailures();
}

function memoryFailures(): CanaryFailures {
  const seen = new Map<string, FailureReport[]>();
  return {
    async record(app, version, report, windowMs) {
      const key = `${app}@${version}`;
      const since = Date.parse(report.at) - windowMs;
      const kept = (seen.get(key) ?? []).filter((r) => Date.parse(r.at) > since);
      kept.push(report);
      seen.set(key, kept.slice(-200));
      return {
        users: new Set(kept.map((r) => `${r.tenant}/${r.user}`)).size,
        tenants: new Set(kept.map((r) => r.tenant)).size,
        reports: kept.slice(-KEEP_REPORTS),
      };
    },
    async clear(app, version) {
      seen.delete(`${app}@${version}`);
    },
  };
}

function redisFailures(redis: Redis | Cluster): CanaryFailures {
  // One hash tag per canary, so the keys share a slot in a Redis Cluster.
  const keys = (app: string, version: string): [string, string, string] => {
    const tag = `{mosaic:canary-failures:${app}@${version}}`;
    return [`${tag}:users`, `${tag}:tenants`, `${tag}:reports`];
  };
  return {
    async record(app, version, report, windowMs) {
      const [users, tenants, reports] = keys(app, version);
      const now = Date.parse(report.at);
      const ttlSeconds = Math.ceil(windowMs / 1000) + 60;
      const result = await redis
        .multi()
        .zadd(users, now, `${report.tenant}/${report.user}`)
        .zadd(tenants, now, report.tenant)
        .zremrangebyscore(users, '-inf', now - windowMs)
        .zremrangebyscore(tenants, '-inf', now - windowMs)
        .zcard(users)
        .zcard(tenants)
        .rpush(reports, JSON.stringify(report))
        .ltrim(reports, -KEEP_REPORTS, -1)
        .lrange(reports, 0, -1)
        .expire(users, ttlSeconds)
        .expire(tenants, ttlSeconds)
        .expire(reports, ttlSeconds)
        .exec();
      const value = (i: number): unknown => result?.[i]?.[1];
      return {
        users: Number(value(4)),
        tenants: Number(value(5)),
        reports: (value(8) as string[]).map((line) => JSON.parse(line) as FailureReport),
      };
    },
    async clear(app, version) {
      await redis.del(...keys(app, version));
    },
  };
}
