import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ services: false });
});
afterAll(() => system.stop());

/** Each Set-Cookie of a response, by cookie name. */
function cookiesOf(response: Response): Map<string, string> {
  return new Map(
    response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf('=')), line]),
  );
}

describe('given a browser that signs in and out', () => {
  it('gets a script-readable hint beside the HttpOnly session, with the same life, cleared at sign-out', async () => {
    const signIn = await fetch(`${system.bffUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'xiaomai', username: 'owner', password: 'demo1234' }),
    });
    expect(signIn.status).toBe(200);
    const issued = cookiesOf(signIn);
    const session = issued.get('mosaic_session') ?? '';
    const hint = issued.get('mosaic_signed_in') ?? '';
    expect(session).toMatch(/; httponly/i);
    expect(hint).toMatch(/^mosaic_signed_in=1;/);
    expect(hint).not.toMatch(/httponly/i);
    // The hint carries nothing of the session, and expires with it.
    expect(hint).not.toContain(session.split(';')[0]?.split('=')[1]);
    expect(/expires=([^;]+)/i.exec(hint)?.[1]).toBe(/expires=([^;]+)/i.exec(session)?.[1]);

    const signOut = await fetch(`${system.bffUrl}/api/session`, {
      method: 'DELETE',
      headers: { cookie: session.split(';')[0] ?? '' },
    });
    expect(signOut.status).toBe(204);
    expect(cookiesOf(signOut).get('mosaic_signed_in')).toMatch(
      /^mosaic_signed_in=;.*expires=Thu, 01 Jan 1970/,
    );
  });
});
