import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

async function cookieAfterSignIn(
  system: TestSystem,
  headers: Record<string, string>,
): Promise<string> {
  const response = await fetch(`${system.bffUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ tenant: 'xiaomai', username: 'owner', password: 'demo1234' }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie') ?? '';
}

describe('given a BFF behind one TLS-terminating proxy (MOSAIC_TRUSTED_PROXIES=1)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({ services: false, env: { MOSAIC_TRUSTED_PROXIES: '1' } });
  });
  afterAll(() => system.stop());

  it('marks the session cookie Secure when the browser came over https', async () => {
    const cookie = await cookieAfterSignIn(system, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '198.51.100.1',
    });
    expect(cookie).toMatch(/^mosaic_session=[^;]+;.*\bsecure\b/i);
    const signOut = await fetch(`${system.bffUrl}/api/session`, {
      method: 'DELETE',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.1' },
    });
    expect(signOut.headers.get('set-cookie')).toMatch(/\bsecure\b/i);
  });

  it('leaves it without Secure when the browser came over plain http', async () => {
    const cookie = await cookieAfterSignIn(system, {
      'x-forwarded-proto': 'http',
      'x-forwarded-for': '198.51.100.2',
    });
    expect(cookie).toMatch(/^mosaic_session=/);
    expect(cookie).not.toMatch(/\bsecure\b/i);
  });
});

describe('given a BFF with no proxy in front (the default)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({ services: false, env: { MOSAIC_TRUSTED_PROXIES: '0' } });
  });
  afterAll(() => system.stop());

  it('ignores a client claiming https in X-Forwarded-Proto over plain http', async () => {
    const cookie = await cookieAfterSignIn(system, { 'x-forwarded-proto': 'https' });
    expect(cookie).not.toMatch(/\bsecure\b/i);
  });
});
