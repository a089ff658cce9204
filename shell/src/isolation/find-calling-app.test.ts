import { describe, expect, it } from 'vitest';
import { findCallingApp } from './find-calling-app.js';

describe('findCallingApp', () => {
  it('names the app whose code is on the stack', () => {
    // This test file is on the stack, as an app's bundle is when it calls the document.
    const here = { name: 'here', assetBase: 'find-calling-app.test' };
    const elsewhere = { name: 'elsewhere', assetBase: 'http://127.0.0.1:1/apps/elsewhere/' };
    expect(findCallingApp([elsewhere, here])).toBe(here);
  });

  it('names none when no guarded app is calling', () => {
    expect(findCallingApp([{ assetBase: 'http://127.0.0.1:1/apps/x/' }])).toBeUndefined();
    expect(findCallingApp([])).toBeUndefined();
  });
});
