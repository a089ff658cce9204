import type { Queryable, Reader } from './database.js';

/** How reads that may be stale pick the replica or the primary. */
export interface ReadRoutingOptions {
  primary: Queryable;
  replica: Queryable;
  /**
   * How long after a write a reader's reads stay on the primary (read your own writes). Longer
   * than the replica's usual replay lag; a lagging replica beyond it shows an older list.
   * @default 5000 (env DATABASE_REPLICA_STICKY_MS)
   */
  stickyMs?: number;
  /**
   * After the replica fails, how long reads skip it before trying it again.
   * @default 5000
   */
  retryMs?: number;
  /** Told once per replica failure (to log it); the read itself is answered from the primary. */
  onReplicaError?: (error: unknown) => void;
  /** The clock, in ms. @default performance.now */
  now?: () => number;
}

/** The two-pool read router behind `Database.read` and `Database.wrote`. */
export interface ReadRouting {
  read(reader: Reader): Queryable;
  wrote(reader: Reader): void;
}

function keyOf(reader: Reader): string {
  return `${reader.tenantId}\u0000${reader.userId ?? ''}`;
}

/**
 * Sends reads to the replica unless the reader wrote within `stickyMs` (through this process) or
 * the replica failed within `retryMs`; a read the replica fails is run again on the primary, so
 * a replica outage costs latency, never a failed request.
 */
export function createReadRouting(options: ReadRoutingOptions): ReadRouting {
  const stickyMs = options.stickyMs ?? 5000;
  const retryMs = options.retryMs ?? 5000;
  const now = options.now ?? (() => performance.now());
  const lastWrite = new Map<string, number>();
  let replicaDownUntil = -Infinity;

  const prune = (at: number): void => {
    // Bounded by the writers of the last window; swept when it grows.
    if (lastWrite.size < 10_000) return;
    for (const [key, when] of lastWrite) if (at - when > stickyMs) lastWrite.delete(key);
  };

  const onReplica: Queryable = {
    async query<Row>(sql: string, params?: unknown[]): Promise<Row[]> {
      if (now() < replicaDownUntil) return options.primary.query<Row>(sql, params);
      try {
        return await options.replica.query<Row>(sql, params);
      } catch (error) {
        replicaDownUntil = now() + retryMs;
        options.onReplicaError?.(error);
        return options.primary.query<Row>(sql, params);
      }
    },
    exec: (sql) => options.primary.exec(sql),
  };

  return {
    read(reader) {
      const when = lastWrite.get(keyOf(reader));
      if (when !== undefined && now() - when <= stickyMs) return options.primary;
      return onReplica;
    },
    wrote(reader) {
      const at = now();
      lastWrite.set(keyOf(reader), at);
      prune(at);
    },
  };
}
