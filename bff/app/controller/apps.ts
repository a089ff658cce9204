import { createHash } from 'node:crypto';
import { Controller } from 'egg';
import { header } from '../lib/http/header.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { services } from '../lib/services.js';

/** GET /api/apps: the sub-apps this user may open, at the version this tenant gets. */
export default class AppsController extends Controller {
  async index(): Promise<void> {
    const { ctx } = this;
    const { session, appRegistry, identity } = services(ctx);
    const current = await session.require();
    // Both must agree: identity says which apps the user's roles may open, and each app's
    // manifest says which roles it is built for.
    const [allowed, published] = await Promise.all([
      identity.appsForRoles(current.roles),
      appRegistry.appsFor(current.roles, current.tenantId),
    ]);
    const { devOverrides } = mosaicConfig(this.app);
    // `*` (the owner's grant) opens every app, including ones published after identity's list.
    const opens = (name: string): boolean => allowed.has('*') || allowed.has(name);
    const body = { apps: published.filter((app) => opens(app.name)), devOverrides };
    // The shell revalidates on navigation: the browser sends If-None-Match and gets a body-less
    // 304 while nothing changed. The tag covers who asked, so one user's tag never matches
    // another's answer (a shared browser, a different tenant), even when the bodies are equal.
    const etag = `"${createHash('sha256')
      .update(JSON.stringify([current.tenantId, current.userId, [...current.roles].sort(), body]))
      .digest('base64url')
      .slice(0, 32)}"`;
    ctx.set('cache-control', 'private, no-cache');
    ctx.set('vary', 'Cookie, Authorization');
    ctx.set('etag', etag);
    const wanted = header(ctx, 'if-none-match')
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''));
    if (wanted.includes(etag)) {
      ctx.status = 304;
      return;
    }
    ctx.body = body;
  }
}
