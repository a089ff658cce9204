import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ services: false });
});
afterAll(() => system.stop());

describe('given SHELL_DIST has no index.html', () => {
  it('answers a browser with a 503 page that says how to build the shell', async () => {
    const response = await fetch(`${system.bffUrl}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm --filter @mosaic/shell build');
  });

  it('answers other clients with a 503 JSON error', async () => {
    const response = await fetch(`${system.bffUrl}/`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('SHELL_NOT_BUILT');
  });
});
