import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry } from 'prom-client';
import type { Registry, RegistryContentType } from 'prom-client';

/**
 * `/metrics` for the whole instance in Egg's cluster mode. A worker answering a scrape asks the
 * master, which gathers every worker's registry with prom-client's AggregatorRegistry (counters
 * and histograms summed, per-process gauges as prom-client aggregates them) and answers. Outside
 * cluster mode (`node dist/server.js`, tests) the worker's own registry is the instance's.
 */

const REQUEST = 'mosaic:metrics-request';
const REPLY = 'mosaic:metrics-reply';
/** How long a worker waits for the master before answering with its own figures. */
const WAIT_MS = 3000;

interface Reply {
  type: typeof REPLY;
  id: string;
  text?: string;
  error?: string;
}

/** In a cluster worker, let the master gather `registry` (call once per app). */
export function shareMetrics(registry: Registry): void {
  if (!cluster.isWorker) return;
  // Constructing one is what makes prom-client answer the master's requests in a worker.
  workerAggregator ??= new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}
let workerAggregator: AggregatorRegistry<RegistryContentType> | undefined;

/**
 * The instance's metrics: every worker's, summed, in cluster mode; this process's otherwise.
 * `scope` says which, so a scrape that fell back to one worker is visible (`x-mosaic-metrics-scope`).
 */
export async function instanceMetrics(
  registry: Registry,
): Promise<{ text: string; scope: 'instance' | 'worker' }> {
  const send = process.send?.bind(process);
  if (!cluster.isWorker || !send) return { text: await registry.metrics(), scope: 'instance' };
  const id = randomUUID();
  const reply = await new Promise<Reply | undefined>((resolve) => {
    const timer = setTimeout(() => finish(undefined), WAIT_MS);
    function finish(value: Reply | undefined): void {
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve(value);
    }
    function onMessage(message: unknown): void {
      const candidate = message as Partial<Reply> | null;
      if (candidate?.type === REPLY && candidate.id === id) finish(candidate as Reply);
    }
    process.on('message', onMessage);
    send({ type: REQUEST, id });
  });
  if (reply?.text !== undefined) return { text: reply.text, scope: 'instance' };
  return { text: await registry.metrics(), scope: 'worker' };
}

/** In the cluster's master (cluster.ts): answer workers' requests with every worker's metrics. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    const request = message as { type?: unknown; id?: unknown } | null;
    if (request?.type !== REQUEST || typeof request.id !== 'string') return;
    const id = request.id;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: REPLY, id, text } satisfies Reply),
      (err: Error) => worker.send({ type: REPLY, id, error: err.message } satisfies Reply),
    );
  });
}
