import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICES, SERVICE_NAMES, defaultServiceUrl, serviceEnvPrefix } from './services.js';

describe('SERVICES', () => {
  it('lists every service once, each on its own port, in the order services.json gives', () => {
    const json = JSON.parse(readFileSync(new URL('../services.json', import.meta.url), 'utf8')) as {
      services: { name: string }[];
    };
    expect(SERVICES.map((s) => s.name)).toEqual(json.services.map((s) => s.name));
    expect([...SERVICE_NAMES].sort()).toEqual(SERVICES.map((s) => s.name).sort());
    expect(new Set(SERVICES.map((s) => s.port)).size).toBe(SERVICES.length);
  });

  it('names the environment and the default URL of a service', () => {
    expect(serviceEnvPrefix('catalog')).toBe('CATALOG');
    expect(defaultServiceUrl('catalog')).toBe('http://127.0.0.1:7101');
  });
});
