import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

let system: TestSystem;

beforeAll(async () => {
  system = await startSystem({ services: false, env: { MOSAIC_DEV_OVERRIDES: 'off' } });
});
afterAll(() => system.stop());

describe('given a deployment with developer overrides turned off', () => {
  it('tells the shell not to load local builds', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const response = await fetch(`${system.bffUrl}/api/apps`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { devOverrides?: boolean }).devOverrides).toBe(false);
  });
});
