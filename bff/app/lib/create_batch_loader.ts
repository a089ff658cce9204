/** Options of createBatchLoader. */
export interface BatchLoaderOptions<K, V> {
  /** Load many keys in one call; may return fewer values than keys. */
  batch: (keys: K[]) => Promise<V[]>;
  /** The key a loaded value answers. */
  keyOf: (value: V) => K;
  /** Value for a key the batch did not return. */
  missing: (key: K) => V;
  /** Most keys per call. @default 200 */
  maxBatchSize?: number;
}

export interface BatchLoader<K, V> {
  load(key: K): Promise<V>;
}

/**
 * A per-request DataLoader in miniature: every `load()` made in the same tick is collected and
 * sent as one `batch()` call (chunked by maxBatchSize), and each key is loaded at most once.
 * Create one per request so nothing leaks across tenants.
 */
export function createBatchLoader<K, V>(options: BatchLoaderOptions<K, V>): BatchLoader<K, V> {
  const { batch, keyOf, missing, maxBatchSize = 200 } = options;
  const cache = new Map<K, Promise<V>>();
  let queue: { key: K; resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];

  async function run(chunk: typeof queue): Promise<void> {
    try {
      const values = await batch(chunk.map((p) => p.key));
      const byKey = new Map(values.map((v) => [keyOf(v), v]));
      for (const p of chunk) p.resolve(byKey.get(p.key) ?? missing(p.key));
    } catch (err) {
      for (const p of chunk) p.reject(err);
    }
  }

  function dispatch(): void {
    const pending = queue;
    queue = [];
    for (let i = 0; i < pending.length; i += maxBatchSize) {
      void run(pending.slice(i, i + maxBatchSize));
    }
  }

  return {
    load(key) {
      const cached = cache.get(key);
      if (cached) return cached;
      const promise = new Promise<V>((resolve, reject) => {
        if (queue.length === 0) setImmediate(dispatch);
        queue.push({ key, resolve, reject });
      });
      cache.set(key, promise);
      return promise;
    },
  };
}
