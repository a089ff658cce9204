import { describe, expect, it } from 'vitest';
import { loadGeneration, markLoadFailed, qiankunNameFor } from './load-generation.js';

describe('given an app whose load failed', () => {
  it('loads under a new name, so qiankun cannot hand back the cached failure', () => {
    const first = loadGeneration('gen-test');
    markLoadFailed('gen-test', first);
    const second = loadGeneration('gen-test');
    expect(second).toBe(first + 1);
    expect(qiankunNameFor('mosaic_x', second)).not.toBe(qiankunNameFor('mosaic_x', first));
  });

  it('counts two reports of the same failed load once', () => {
    const generation = loadGeneration('gen-twice');
    markLoadFailed('gen-twice', generation);
    markLoadFailed('gen-twice', generation);
    expect(loadGeneration('gen-twice')).toBe(generation + 1);
  });
});

describe('given an app that never failed', () => {
  it('keeps its published name', () => {
    expect(qiankunNameFor('mosaic_x', loadGeneration('never-failed'))).toBe('mosaic_x');
  });
});
