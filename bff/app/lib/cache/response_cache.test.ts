import { describe, expect, it } from 'vitest';
import { createResponseCache } from './response_cache.js';
import { createTagVersions } from './tag_versions.js';

const entry = (text: string, tags: string[], versions: number[]) => ({
  body: Buffer.from(text),
  tags,
  versions,
});

describe('the response cache in memory', () => {
  it('serves an answer until a tag it read changes', async () => {
    const versions = createTagVersions({ client: undefined, prefix: 't' });
    const cache = createResponseCache({ versions, client: undefined, prefix: 't' });
    await versions.ensure('shop');
    await cache.set('shop', 'k', entry('{"a":1}', ['stock:p1', 'list:catalog'], [0, 0]), 60);
    expect((await cache.get('shop', 'k'))?.body.toString()).toBe('{"a":1}');
    await versions.bump('shop', ['stock:p2']);
    expect(await cache.get('shop', 'k')).toBeDefined();
    await versions.bump('shop', ['stock:p1']);
    expect(await cache.get('shop', 'k')).toBeUndefined();
  });

  it("never answers one tenant with another's entry, nor after a tenant's own write", async () => {
    const versions = createTagVersions({ client: undefined, prefix: 't' });
    const cache = createResponseCache({ versions, client: undefined, prefix: 't' });
    await versions.ensure('a');
    await versions.ensure('b');
    await cache.set('a', 'k', entry('A', ['list:catalog'], [0]), 60);
    expect(await cache.get('b', 'k')).toBeUndefined();
    await versions.bump('b', ['list:catalog']);
    expect((await cache.get('a', 'k'))?.body.toString()).toBe('A');
  });

  it('runs concurrent misses of one key once', async () => {
    const versions = createTagVersions({ client: undefined, prefix: 't' });
    const cache = createResponseCache({ versions, client: undefined, prefix: 't' });
    let runs = 0;
    const compute = async (): Promise<number> => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return runs;
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => cache.once('k', compute)));
    expect(runs).toBe(1);
    expect(results).toEqual([1, 1, 1, 1, 1]);
  });

  it('is not usable while the shared store is away', () => {
    const versions = createTagVersions({ client: undefined, prefix: 't' });
    let up = true;
    const cache = createResponseCache({
      versions,
      client: undefined,
      prefix: 't',
      storeUp: () => up,
    });
    expect(cache.usable).toBe(true);
    up = false;
    expect(cache.usable).toBe(false);
  });
});
