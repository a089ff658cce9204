import { describe, expect, it } from 'vitest';
import type { Queryable } from './database.js';
import { createReadRouting } from './read-routing.js';

/** A pool that answers its own name, or fails like an unreachable server. */
function pool(name: string, state = { down: false }): Queryable & { calls: number } {
  return {
    calls: 0,
    async query<Row>(): Promise<Row[]> {
      this.calls += 1;
      if (state.down) throw new Error(`connect ECONNREFUSED (${name})`);
      return [{ from: name }] as Row[];
    },
    exec: async () => {},
  };
}

async function from(db: Queryable): Promise<string> {
  return ((await db.query<{ from: string }>('SELECT 1'))[0] as { from: string }).from;
}

describe('given a primary and a replica', () => {
  const clerk = { tenantId: 'xiaomai', userId: 'u-clerk' };
  const owner = { tenantId: 'xiaomai', userId: 'u-owner' };

  it('reads from the replica, and a writer from the primary until the window ends', async () => {
    let clock = 0;
    const routing = createReadRouting({
      primary: pool('primary'),
      replica: pool('replica'),
      stickyMs: 5000,
      now: () => clock,
    });
    expect(await from(routing.read(clerk))).toBe('replica');
    routing.wrote(clerk);
    clock = 4000;
    expect(await from(routing.read(clerk))).toBe('primary');
    expect(await from(routing.read(owner))).toBe('replica');
    expect(await from(routing.read({ tenantId: 'chaye', userId: 'u-clerk' }))).toBe('replica');
    clock = 5001;
    expect(await from(routing.read(clerk))).toBe('replica');
  });

  it('answers from the primary while the replica is down, and tries it again later', async () => {
    let clock = 0;
    const state = { down: true };
    const replica = pool('replica', state);
    const errors: unknown[] = [];
    const routing = createReadRouting({
      primary: pool('primary'),
      replica,
      retryMs: 5000,
      now: () => clock,
      onReplicaError: (error) => errors.push(error),
    });
    expect(await from(routing.read(owner))).toBe('primary');
    expect(await from(routing.read(owner))).toBe('primary');
    // Skipped, not asked again, while it is presumed down.
    expect(replica.calls).toBe(1);
    expect(errors).toHaveLength(1);
    state.down = false;
    clock = 5001;
    expect(await from(routing.read(owner))).toBe('replica');
  });
});
