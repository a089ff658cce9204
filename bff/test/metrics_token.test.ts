import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

const TOKEN = 'scrape-me-please-0123456789';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ services: false, env: { MOSAIC_METRICS_TOKEN: TOKEN } });
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

describe('given MOSAIC_METRICS_TOKEN', () => {
  it('refuses /metrics without the token, with a coded error', async () => {
    const anonymous = await fetch(`${system.bffUrl}/metrics`);
    expect(anonymous.status).toBe(401);
    const body = (await anonymous.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect(body.error.requestId).toBeTruthy();
    const wrong = await fetch(`${system.bffUrl}/metrics`, {
      headers: { authorization: 'Bearer scrape-me-please-012345678X' },
    });
    expect(wrong.status).toBe(401);
  });

  it('serves Prometheus text to the scraper holding it', async () => {
    const scrape = await fetch(`${system.bffUrl}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('bff_graphql_requests_total');
  });
});
