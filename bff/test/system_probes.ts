// Test helpers: what tests read back from a running system (metrics, readiness, the upstream log,
// the app list), so each suite asserts on the same parsing.
import type { TestSystem } from './start_system.js';

/** One series' value on GET /metrics (`name{labels}` as Prometheus prints it); 0 when absent. */
export async function metric(bffUrl: string, series: string): Promise<number> {
  const text = await (await fetch(`${bffUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/** What /readyz says about Redis (it may be 503 for services a suite does not start). */
export async function redisCheck(bffUrl: string): Promise<string | undefined> {
  const body = (await (await fetch(`${bffUrl}/readyz`)).json()) as {
    checks: Record<string, string>;
  };
  return body.checks.redis;
}

/** How many calls the request `requestId` made to `pathName` on any service. */
export function callsTo(system: TestSystem, requestId: string, pathName: string): number {
  return system.upstreamLog.filter((l) => l.requestId === requestId && l.path === pathName).length;
}

/** GET /api/apps as the holder of `token` (extra headers, e.g. If-None-Match). */
export function getApps(
  bffUrl: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${bffUrl}/api/apps`, { headers: { authorization: `Bearer ${token}`, ...headers } });
}
