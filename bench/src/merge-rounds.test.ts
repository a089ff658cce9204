import { describe, expect, it } from 'vitest';
import { mergeRounds } from './bff-bench.js';
import type { ServerRun } from './bff-bench.js';

function run(server: string, rps: number, cpu: number): ServerRun {
  return {
    server,
    pair: 'cold',
    caching: 'off',
    sameData: true,
    rssBytes: rps,
    points: [
      {
        query: 'Products',
        connections: 1,
        requests: rps * 4,
        rps,
        p50Ms: 10,
        p99Ms: 20,
        errors: 0,
        upstreamCallsPerQuery: 3,
        cpuMsPerRequest: cpu,
      },
    ],
  };
}

describe('mergeRounds', () => {
  it('gives a server measured twice the mean of its rounds, and leaves single runs alone', () => {
    const merged = mergeRounds([run('a', 80, 3), run('b', 100, 2), run('a', 120, 5)]);
    expect(merged.map((r) => r.server)).toEqual(['a', 'b']);
    expect(merged[0]?.points[0]).toMatchObject({ rps: 100, cpuMsPerRequest: 4, requests: 800 });
    expect(merged[0]?.rssBytes).toBe(120);
    expect(merged[1]).toEqual(run('b', 100, 2));
  });
});
