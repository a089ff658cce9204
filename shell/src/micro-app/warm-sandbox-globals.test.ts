import { describe, expect, it } from 'vitest';
import { readDescriptorsInSlices } from './warm-sandbox-globals.js';

describe('readDescriptorsInSlices', () => {
  it('reads every property descriptor, runs no getter and gives the thread back between slices', async () => {
    let gettersRun = 0;
    const source: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i += 1) {
      Object.defineProperty(source, `p${i}`, {
        configurable: true,
        get: () => (gettersRun += 1),
      });
    }
    const read = new Set<string | symbol>();
    const target = new Proxy(source, {
      getOwnPropertyDescriptor(object, name) {
        read.add(name);
        // Slow enough that 2,000 reads cannot fit in one slice.
        const until = performance.now() + 0.01;
        while (performance.now() < until);
        return Reflect.getOwnPropertyDescriptor(object, name);
      },
    });
    let slices = 0;
    await readDescriptorsInSlices(target, (next) => {
      slices += 1;
      setTimeout(next, 0);
    });
    expect(read.size).toBe(2000);
    expect(gettersRun).toBe(0);
    expect(slices).toBeGreaterThan(1);
  });
});
