import { describe, expect, it } from 'vitest';
import { createAttemptKeys, isUnclearFailure, newIdempotencyKey } from './create-attempt-keys.js';
import { MosaicError } from '../shared/mosaic-error.js';

/** Sends one write through `keys` and answers the key it used, whatever the write did. */
async function keyOf(
  keys: ReturnType<typeof createAttemptKeys>,
  attempt: string,
  outcome?: unknown,
): Promise<string> {
  let used = '';
  await keys
    .send(attempt, async (key) => {
      used = key;
      if (outcome !== undefined) throw outcome;
    })
    .catch(() => undefined);
  return used;
}

describe('createAttemptKeys', () => {
  it('sends the same key again after a network error', async () => {
    const keys = createAttemptKeys();
    const first = await keyOf(keys, 'adjust', new MosaicError('NETWORK_ERROR', 'no answer'));
    expect(await keyOf(keys, 'adjust')).toBe(first);
  });

  it('sends the same key again after a 502 from the load balancer, or the BFF timing out', async () => {
    const keys = createAttemptKeys();
    const bad = new MosaicError('HTTP_ERROR', 'HTTP 502', { status: 502 });
    const first = await keyOf(keys, 'adjust', bad);
    expect(await keyOf(keys, 'adjust', new MosaicError('UPSTREAM_TIMEOUT', 'slow'))).toBe(first);
    expect(await keyOf(keys, 'adjust', new MosaicError('OUTCOME_UNKNOWN', 'lost'))).toBe(first);
  });

  it('sends a new key once the attempt got an answer', async () => {
    const keys = createAttemptKeys();
    const first = await keyOf(keys, 'adjust');
    expect(await keyOf(keys, 'adjust')).not.toBe(first);
  });

  it('sends a new key after a clear refusal', async () => {
    const keys = createAttemptKeys();
    const refused = await keyOf(keys, 'adjust', new MosaicError('INSUFFICIENT_STOCK', 'too few'));
    expect(await keyOf(keys, 'adjust')).not.toBe(refused);
  });

  it('sends a new key for a changed request, even after an unclear failure', async () => {
    const keys = createAttemptKeys();
    const lost = await keyOf(keys, '{"quantity":3}', new MosaicError('NETWORK_ERROR', 'x'));
    expect(await keyOf(keys, '{"quantity":4}')).not.toBe(lost);
  });

  it('passes the answer and the error through', async () => {
    const keys = createAttemptKeys();
    await expect(keys.send('a', async () => 42)).resolves.toBe(42);
    const error = new MosaicError('CONFLICT', 'no');
    await expect(keys.send('a', () => Promise.reject(error))).rejects.toBe(error);
  });
});

describe('isUnclearFailure', () => {
  it('counts a timed-out fetch as unclear, and a 400 or a plain error as clear', () => {
    expect(isUnclearFailure(new DOMException('timed out', 'TimeoutError'))).toBe(true);
    expect(isUnclearFailure(new MosaicError('BAD_USER_INPUT', 'no', { status: 400 }))).toBe(false);
    expect(isUnclearFailure(new Error('boom'))).toBe(false);
  });
});

describe('newIdempotencyKey', () => {
  it('makes 32 hex characters, different every time', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
