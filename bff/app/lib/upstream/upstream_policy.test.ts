import { describe, expect, it } from 'vitest';
import { BffError, ErrorCode } from '../http/errors.js';
import { createUpstreamPolicy, runWithPolicy } from './upstream_policy.js';

const outage = (): Promise<never> =>
  Promise.reject(new BffError(ErrorCode.UPSTREAM_UNAVAILABLE, 'catalog service is unreachable'));

describe('the upstream policy', () => {
  it('retries reads but never writes', async () => {
    const policy = createUpstreamPolicy({ readRetries: 2, failuresToOpen: 100 });
    let reads = 0;
    let writes = 0;
    await expect(
      runWithPolicy(policy, 'catalog', true, () => (reads++, outage())),
    ).rejects.toThrow();
    await expect(
      runWithPolicy(policy, 'catalog', false, () => (writes++, outage())),
    ).rejects.toThrow();
    expect(reads).toBe(3);
    expect(writes).toBe(1);
  });

  it('does not retry or count a 4xx answer', async () => {
    const policy = createUpstreamPolicy({ failuresToOpen: 1 });
    let calls = 0;
    const notFound = (): Promise<never> => {
      calls += 1;
      return Promise.reject(new BffError(ErrorCode.NOT_FOUND, 'no such product'));
    };
    await expect(runWithPolicy(policy, 'catalog', true, notFound)).rejects.toThrow('no such');
    await expect(runWithPolicy(policy, 'catalog', true, notFound)).rejects.toThrow('no such');
    expect(calls).toBe(2);
  });

  it('opens the circuit after repeated outages and fails fast with a coded error', async () => {
    const policy = createUpstreamPolicy({ failuresToOpen: 2, readRetries: 0 });
    for (let i = 0; i < 2; i += 1) {
      await expect(runWithPolicy(policy, 'catalog', false, outage)).rejects.toThrow('unreachable');
    }
    let called = false;
    const error = await runWithPolicy(policy, 'catalog', false, async () => {
      called = true;
      return 'ok';
    }).catch((err: unknown) => err);
    expect(called).toBe(false);
    expect((error as BffError).code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect((error as BffError).message).toContain('circuit open');
  });
});
