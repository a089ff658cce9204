import { describe, expect, it } from 'vitest';
import { createBatchLoader } from './create_batch_loader.js';

describe('createBatchLoader', () => {
  it('sends loads of one tick as one batch, each key once', async () => {
    const batches: string[][] = [];
    const loader = createBatchLoader({
      batch: async (keys: string[]) => {
        batches.push(keys);
        return keys.filter((k) => k !== 'gone').map((k) => ({ id: k, n: k.length }));
      },
      keyOf: (v) => v.id,
      missing: (id) => ({ id, n: 0 }),
    });
    const values = await Promise.all(['a', 'bb', 'a', 'gone'].map((k) => loader.load(k)));
    expect(values.map((v) => v.n)).toEqual([1, 2, 1, 0]);
    expect(batches).toEqual([['a', 'bb', 'gone']]);
  });

  it('rejects every load of a failed batch', async () => {
    const loader = createBatchLoader<string, string>({
      batch: () => Promise.reject(new Error('down')),
      keyOf: (v) => v,
      missing: (k) => k,
    });
    await expect(loader.load('x')).rejects.toThrow('down');
  });
});
