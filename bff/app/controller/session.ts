import { SESSION_HINT_COOKIE } from '@mosaic/contracts';
import { Controller } from 'egg';
import type { Context } from 'egg';
import { z } from 'zod';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { services } from '../lib/services.js';
import { SESSION_COOKIE } from '../service/session.js';
import { identityAnswer } from '../service/identity.js';

const SignInBody = z.object({
  tenant: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** /api/session: sign in, who am I, sign out. */
export default class SessionController extends Controller {
  /** POST /api/session {tenant, username, password} → {user, tenant, token, appList} + cookie. */
  async create(): Promise<void> {
    const { ctx } = this;
    const body = SignInBody.safeParse(ctx.request.body);
    if (!body.success) {
      // Name the fields, never echo the values (one of them is a password).
      const fields = [...new Set(body.error.issues.map((i) => i.path.join('.') || 'body'))];
      throw new BffError(
        ErrorCode.BAD_REQUEST,
        `sign-in expects JSON {tenant, username, password} as non-empty strings; check: ${fields.join(', ')}`,
      );
    }
    const { tenant, username, password } = body.data;
    const { identity, session, appRegistry } = services(ctx);
    const record = await identity.verifyCredentials(tenant, username, password);
    if (!record) {
      throw new BffError(ErrorCode.INVALID_CREDENTIALS, 'tenant, username or password is wrong');
    }
    const claims = {
      tenantId: record.tenant.id,
      userId: record.user.id,
      username: record.user.username,
      roles: record.user.roles,
    };
    // The app list (what `GET /api/apps` would answer next) comes with the answer: the shell's
    // next step, one round trip fewer between sign-in and the first app. When it cannot be
    // made, sign-in still succeeds; the shell then asks `/api/apps` as before.
    const [issued, appList] = await Promise.all([
      session.issue(claims),
      appRegistry.listFor(claims).then(
        ({ body }) => body,
        (error: unknown) => {
          ctx.logger.warn(
            '[session] sign-in answered without the app list: %s',
            (error as Error).message,
          );
          return undefined;
        },
      ),
    ]);
    setSessionCookie(ctx, issued.token, issued.expiresAt);
    ctx.set('cache-control', 'no-store');
    ctx.body = { ...identityAnswer(record), token: issued.token, ...(appList && { appList }) };
  }

  /** GET /api/session → {user, tenant} of the current session, or 401. */
  async show(): Promise<void> {
    const { ctx } = this;
    const { identity, session } = services(ctx);
    const current = await session.require();
    const record = await identity.findUser(current.tenantId, current.userId);
    if (!record) {
      throw new BffError(ErrorCode.UNAUTHENTICATED, 'this account no longer exists: sign in again');
    }
    ctx.set('cache-control', 'no-store');
    ctx.body = identityAnswer(record);
  }

  /**
   * DELETE /api/session → 204 and the cookie cleared. The token (cookie or Bearer) is put on the
   * deny list of every BFF instance until it expires, so a copy of it is no longer signed in.
   */
  async destroy(): Promise<void> {
    const { ctx } = this;
    const current = await services(ctx).session.read();
    if (current) await services(ctx).session.revoke(current);
    setSessionCookie(ctx, '', 0);
    ctx.status = 204;
  }
}

/**
 * The session cookie, `Secure` whenever the browser reached us over TLS: directly, or through a
 * trusted proxy that says so in `X-Forwarded-Proto` (Egg reads it only with
 * `MOSAIC_TRUSTED_PROXIES` > 0, so a client cannot claim it). Beside it, with the same life, the
 * hint the shell reads to know a session is likely (`SESSION_HINT_COOKIE`: '1', no secret).
 */
function setSessionCookie(ctx: Context, token: string, expiresAt: number): void {
  const options = {
    sameSite: 'lax',
    path: '/',
    signed: false,
    secure: ctx.protocol === 'https',
    expires: new Date(expiresAt * 1000),
  } as const;
  ctx.cookies.set(SESSION_COOKIE, token, { ...options, httpOnly: true });
  ctx.cookies.set(SESSION_HINT_COOKIE, token ? '1' : '', { ...options, httpOnly: false });
}
