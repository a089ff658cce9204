import autocannon from 'autocannon';

/** One load point: a fixed query at a fixed concurrency for a fixed time. */
export interface LoadOptions {
  url: string;
  body: string;
  token: string;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  connections: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
}

/** Run autocannon against a GraphQL endpoint on loopback. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: options.body,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
  });
  return {
    connections: options.connections,
    requests: result.requests.total,
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}
