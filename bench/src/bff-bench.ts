import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runLoad } from './load.js';
import type { LoadResult } from './load.js';
import { QUERIES, requestBody } from './queries.js';
import type { QueryName } from './queries.js';
import { startChild } from './system/child.js';
import { startCountingProxy } from './system/counting-proxy.js';
import { freePort } from './system/free-port.js';
import { SERVICE_NAMES, upstreamEnv } from './system/start-system.js';
import type { RunningSystem, ServiceName } from './system/start-system.js';

export type Pair = 'warm' | 'cold' | 'floor';

/** One server under load: its name, how it was run, and one result per query and concurrency. */
export interface ServerRun {
  server: string;
  pair: Pair;
  /** What it caches in this pair. */
  caching: string;
  /** Its answers carry the same `data` as the BFF's (checked once per query before the load). */
  sameData: boolean;
  /** Resident memory after its load run. */
  rssBytes: number;
  points: (LoadResult & {
    query: QueryName;
    upstreamCallsPerQuery: number;
    /** The server process's CPU time (user + system) per request, in ms. */
    cpuMsPerRequest: number;
  })[];
}

/** Upstream traffic of one BFF request, measured through counting proxies. */
export interface UpstreamUse {
  pair: 'warm' | 'cold';
  query: QueryName;
  callsPerQuery: number;
  bytesPerQuery: number;
  byService: Partial<Record<ServiceName, number>>;
}

/** Options of benchBff. */
export interface BenchBffOptions {
  root: string;
  system: RunningSystem;
  token: string;
  redisUrl: string;
  dataDir: string;
  env: Record<string, string>;
  concurrency: number[];
  durationSeconds: number;
  log: (line: string) => void;
}

interface ServerSpec {
  server: string;
  pair: Pair;
  caching: string;
  args: string[];
  env: Record<string, string>;
}

/** The operations to load (`BENCH_QUERIES=Products` narrows a run while developing). */
const NAMES = (Object.keys(QUERIES) as QueryName[]).filter(
  (name) => !process.env.BENCH_QUERIES || process.env.BENCH_QUERIES.split(',').includes(name),
);

/** Warm-up before each cold server's points: long enough for the services to be warm too. */
const COLD_WARM_UP_SECONDS = 4;

/** How `pnpm start` runs the BFF (scripts/start.mjs): the bench runs it the same way. */
const BFF_NODE_ARGS = (process.env.BENCH_BFF_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** Load our BFF and its peers, pair by pair, one server at a time (1 process each). */
export async function benchBff(options: BenchBffOptions): Promise<{
  runs: ServerRun[];
  upstream: UpstreamUse[];
}> {
  const { root, system, token } = options;
  const bff = path.join(root, 'bff', 'dist', 'server.js');
  const peer = (file: string): string[] => [
    '--import',
    'tsx',
    path.join(root, 'bench', 'src', 'servers', file),
  ];
  const upstreams = upstreamEnv(system.serviceUrls);
  // Peers run the BFF's services with its entity cache off: each caches only its own way.
  const peerEnv = { ...upstreams, CACHE_MAX_ENTRIES: '0', PEER_REDIS_URL: options.redisUrl };
  const reference = await referenceAnswers(system.url, token);
  const floorBodies = path.join(options.dataDir, 'floor-bodies.json');
  writeFileSync(floorBodies, JSON.stringify(reference.raw));

  const specs: ServerSpec[] = [
    {
      server: 'mosaic-bff',
      pair: 'warm',
      caching:
        'response cache in memory + Redis (tag versions over pub/sub), entity cache in Redis',
      args: [...BFF_NODE_ARGS, bff],
      env: { ...upstreams, REDIS_URL: options.redisUrl },
    },
    {
      server: 'yoga',
      pair: 'warm',
      caching: 'response cache in Redis',
      args: peer('yoga.ts'),
      env: { ...peerEnv, CACHE: '1' },
    },
    {
      server: 'mercurius',
      pair: 'warm',
      caching: 'mercurius-cache in Redis (products, dashboard, price, stock)',
      args: peer('mercurius.ts'),
      env: { ...peerEnv, CACHE: '1' },
    },
    {
      server: 'mosaic-bff',
      pair: 'cold',
      caching: 'off (CACHE_MAX_ENTRIES=0, RESPONSE_CACHE=0)',
      args: [...BFF_NODE_ARGS, bff],
      env: { ...upstreams, CACHE_MAX_ENTRIES: '0', RESPONSE_CACHE: '0' },
    },
    { server: 'yoga', pair: 'cold', caching: 'off', args: peer('yoga.ts'), env: peerEnv },
    { server: 'mercurius', pair: 'cold', caching: 'off', args: peer('mercurius.ts'), env: peerEnv },
    {
      server: 'node:http floor',
      pair: 'floor',
      caching: 'bytes in memory',
      args: peer('floor.ts'),
      env: { FLOOR_BODIES: floorBodies },
    },
  ];

  // BENCH_SERVERS / BENCH_PAIRS narrow a run while developing (the floor always runs).
  const servers = process.env.BENCH_SERVERS?.split(',');
  const pairs = process.env.BENCH_PAIRS?.split(',');
  const chosen = specs.filter(
    (s) =>
      s.pair === 'floor' ||
      ((!servers || servers.includes(s.server)) && (!pairs || pairs.includes(s.pair))),
  );
  // The cold servers drive the services, which keep warming for tens of seconds: whoever runs
  // first would pay for it. They run twice, in order and then reversed (A B C C B A), and each
  // point is the mean of its two rounds.
  const cold = chosen.filter((s) => s.pair === 'cold');
  const order = [...chosen, ...cold.reverse()];
  const rounds: ServerRun[] = [];
  for (const spec of order) {
    options.log(`${spec.pair}: ${spec.server} (${spec.caching})`);
    const port = await freePort();
    const child = startChild({
      name: spec.server,
      args: spec.args,
      cwd: path.join(root, 'bench'),
      env: { ...options.env, ...spec.env, PORT: String(port) },
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    try {
      await waitForListen(url, spec.server);
      let sameData = true;
      for (const name of NAMES) {
        const data = await dataOf(url, token, name);
        if (JSON.stringify(data) !== JSON.stringify(reference.data[name])) sameData = false;
      }
      const points: ServerRun['points'] = [];
      for (const name of NAMES) {
        // Warm-up, not measured: JIT, connection pools and (warm pair) the cache. A cold server
        // drives the services too, whose JIT and database warm over seconds: without a longer
        // warm-up whichever cold server runs first pays for warming them (measured: 85 rps first,
        // 105 alone, for the same server and point).
        await runLoad({
          url,
          body: requestBody(name),
          token,
          connections: 10,
          durationSeconds: spec.pair === 'cold' ? COLD_WARM_UP_SECONDS : 1,
        });
        for (const connections of options.concurrency) {
          const before = total(system.calls());
          const cpuBefore = child.cpuMs();
          const result = await runLoad({
            url,
            body: requestBody(name),
            token,
            connections,
            durationSeconds: options.durationSeconds,
          });
          const cpuMs = child.cpuMs() - cpuBefore;
          // The services log after answering: let the last lines arrive.
          await new Promise((resolve) => setTimeout(resolve, 200));
          const calls = total(system.calls()) - before;
          points.push({
            ...result,
            query: name,
            upstreamCallsPerQuery: calls / Math.max(1, result.requests),
            cpuMsPerRequest: cpuMs / Math.max(1, result.requests),
          });
          options.log(
            `  ${name} c=${connections}: ${result.rps.toFixed(0)} rps, ${(cpuMs / Math.max(1, result.requests)).toFixed(3)} CPU ms/req, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${result.errors}`,
          );
        }
      }
      rounds.push({ ...spec, sameData, rssBytes: child.rss(), points });
    } finally {
      await child.stop();
    }
  }
  const runs = mergeRounds(rounds);

  const upstream: UpstreamUse[] = [];
  for (const pair of ['cold', 'warm'] as const) {
    if (pairs && !pairs.includes(pair)) continue;
    upstream.push(...(await measureUpstream({ ...options, pair, bff })));
  }
  return { runs, upstream };
}

/** One run per server and pair: a server measured in two rounds gets the mean of each point. */
export function mergeRounds(rounds: readonly ServerRun[]): ServerRun[] {
  const merged = new Map<string, ServerRun[]>();
  for (const run of rounds) {
    const key = `${run.pair}\u0000${run.server}`;
    merged.set(key, [...(merged.get(key) ?? []), run]);
  }
  return [...merged.values()].map((same) => {
    const [first] = same as [ServerRun, ...ServerRun[]];
    if (same.length === 1) return first;
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    return {
      ...first,
      sameData: same.every((r) => r.sameData),
      rssBytes: Math.max(...same.map((r) => r.rssBytes)),
      points: first.points.map((point, i) => {
        const all = same.map((r) => r.points[i] ?? point);
        return {
          ...point,
          requests: all.reduce((n, p) => n + p.requests, 0),
          rps: mean(all.map((p) => p.rps)),
          p50Ms: Math.round(mean(all.map((p) => p.p50Ms))),
          p99Ms: Math.round(mean(all.map((p) => p.p99Ms))),
          errors: all.reduce((n, p) => n + p.errors, 0),
          upstreamCallsPerQuery: mean(all.map((p) => p.upstreamCallsPerQuery)),
          cpuMsPerRequest: mean(all.map((p) => p.cpuMsPerRequest)),
        };
      }),
    };
  });
}

/** Calls and bytes per request of our BFF, through one counting TCP proxy per service. */
async function measureUpstream(
  options: BenchBffOptions & { pair: 'warm' | 'cold'; bff: string },
): Promise<UpstreamUse[]> {
  const { system, token } = options;
  const proxies = Object.fromEntries(
    await Promise.all(
      SERVICE_NAMES.map(
        async (n) => [n, await startCountingProxy(new URL(system.serviceUrls[n]))] as const,
      ),
    ),
  );
  const port = await freePort();
  const child = startChild({
    name: `mosaic-bff (${options.pair}, proxied)`,
    args: [...BFF_NODE_ARGS, options.bff],
    env: {
      ...options.env,
      ...upstreamEnv(
        Object.fromEntries(SERVICE_NAMES.map((n) => [n, proxies[n]!.url])) as Record<
          ServiceName,
          string
        >,
      ),
      PORT: String(port),
      ...(options.pair === 'warm' ? { REDIS_URL: options.redisUrl } : { CACHE_MAX_ENTRIES: '0' }),
    },
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const samples = 20;
  const out: UpstreamUse[] = [];
  try {
    await waitForListen(url, child.name);
    for (const query of NAMES) {
      await dataOf(url, token, query); // primes the cache in the warm pair
      await new Promise((resolve) => setTimeout(resolve, 200));
      const bytesBefore = SERVICE_NAMES.map((n) => proxies[n]!.bytes());
      const callsBefore = total(system.calls());
      for (let i = 0; i < samples; i += 1) await dataOf(url, token, query);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const byService: Partial<Record<ServiceName, number>> = {};
      let bytes = 0;
      SERVICE_NAMES.forEach((n, i) => {
        const now = proxies[n]!.bytes();
        const used = now.sent + now.received - bytesBefore[i]!.sent - bytesBefore[i]!.received;
        if (used > 0) byService[n] = used / samples;
        bytes += used;
      });
      out.push({
        pair: options.pair,
        query,
        callsPerQuery: (total(system.calls()) - callsBefore) / samples,
        bytesPerQuery: bytes / samples,
        byService,
      });
    }
  } finally {
    await child.stop();
    await Promise.all(Object.values(proxies).map((p) => p.close()));
  }
  return out;
}

function total(calls: Record<string, number>): number {
  return Object.values(calls).reduce((a, b) => a + b, 0);
}

async function post(url: string, token: string, name: QueryName): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: requestBody(name),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${name} on ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

async function dataOf(url: string, token: string, name: QueryName): Promise<unknown> {
  const body = JSON.parse(await post(url, token, name)) as { data?: unknown; errors?: unknown };
  if (body.errors)
    throw new Error(`${name} on ${url} had errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data;
}

/** The BFF's answers: `data` to compare peers with, raw bytes for the floor to replay. */
async function referenceAnswers(
  systemUrl: string,
  token: string,
): Promise<{ data: Record<string, unknown>; raw: Record<string, string> }> {
  const data: Record<string, unknown> = {};
  const raw: Record<string, string> = {};
  for (const name of NAMES) {
    raw[name] = await post(`${systemUrl}/graphql`, token, name);
    data[name] = (JSON.parse(raw[name]) as { data: unknown }).data;
  }
  return { data, raw };
}

/** Wait until a server accepts connections (any HTTP status will do). */
async function waitForListen(url: string, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { method: 'GET' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${name} did not listen on ${url} within ${timeoutMs / 1000}s`);
}
