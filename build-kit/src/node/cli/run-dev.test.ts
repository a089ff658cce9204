import { afterEach, describe, expect, it, vi } from 'vitest';
import { shellUrlOf } from './run-dev.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the override link of dev --shell', () => {
  it('points at the registry the developer gave, not localhost', () => {
    vi.stubEnv('MOSAIC_SHELL_URL', undefined);
    vi.stubEnv('MOSAIC_REGISTRY_URL', 'https://mosaic.example.com/');
    expect(shellUrlOf({})).toBe('https://mosaic.example.com');
    expect(shellUrlOf({ registry: 'https://staging.example.com' })).toBe(
      'https://staging.example.com',
    );
    vi.stubEnv('MOSAIC_SHELL_URL', 'https://shell.example.com');
    expect(shellUrlOf({ registry: 'https://staging.example.com' })).toBe(
      'https://shell.example.com',
    );
  });

  it('falls back to the local system', () => {
    vi.stubEnv('MOSAIC_SHELL_URL', undefined);
    vi.stubEnv('MOSAIC_REGISTRY_URL', undefined);
    expect(shellUrlOf({})).toBe('http://localhost:8080');
  });
});
