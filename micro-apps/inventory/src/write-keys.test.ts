import { MosaicError } from '@mosaic/build-kit';
import { describe, expect, it } from 'vitest';
import { attemptOf, writeKeys } from './write-keys.js';

/** Saves one adjustment the way the dialog does and answers the key it sent. */
async function save(input: { quantity: number }, outcome?: Error): Promise<string> {
  let sent = '';
  await writeKeys
    .send(attemptOf('adjustStock', input), async (key) => {
      sent = key;
      if (outcome) throw outcome;
    })
    .catch(() => undefined);
  return sent;
}

describe('given a keeper saving an adjustment', () => {
  it('sends the same key when Save is pressed again after the answer was lost', async () => {
    const lost = await save(
      { quantity: -3 },
      new MosaicError('HTTP_ERROR', 'HTTP 503', { status: 503 }),
    );
    expect(await save({ quantity: -3 })).toBe(lost);
  });

  it('sends a new key for the next adjustment once one was saved', async () => {
    const saved = await save({ quantity: 5 });
    expect(await save({ quantity: 5 })).not.toBe(saved);
  });

  it('sends a new key after a refusal, and for a changed quantity', async () => {
    const refused = await save({ quantity: -900 }, new MosaicError('INSUFFICIENT_STOCK', 'few'));
    expect(await save({ quantity: -900 })).not.toBe(refused);
    const lost = await save({ quantity: 7 }, new MosaicError('NETWORK_ERROR', 'no answer'));
    expect(await save({ quantity: 8 })).not.toBe(lost);
  });
});
