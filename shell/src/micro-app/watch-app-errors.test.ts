import { describe, expect, it } from 'vitest';
import { assetBaseOf, isErrorFromApp } from './watch-app-errors.js';

const base = assetBaseOf('/apps/inventory/0.2.0/index.html', 'http://localhost:8080/inventory');

describe('given an uncaught error', () => {
  it('belongs to the app when its stack runs through the app bundle', () => {
    const error = new Error('boom');
    error.stack = `Error: boom\n    at render (${base}inventory.js?retry=1:1:200)`;
    expect(base).toBe('http://localhost:8080/apps/inventory/0.2.0/');
    expect(isErrorFromApp({ error }, base)).toBe(true);
  });

  it('does not belong to the app when it came from the shell or another app', () => {
    const error = new Error('boom');
    error.stack = 'Error: boom\n    at x (http://localhost:8080/apps/sales/0.1.0/sales.js:1:1)';
    expect(isErrorFromApp({ error }, base)).toBe(false);
    expect(isErrorFromApp({ error: 'not an error', filename: '' }, base)).toBe(false);
  });
});
