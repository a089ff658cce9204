import { Controller } from 'egg';
import { header } from '../lib/http/header.js';
import { services } from '../lib/services.js';

/** GET /api/apps: the sub-apps this user may open, at the version this tenant gets. */
export default class AppsController extends Controller {
  async index(): Promise<void> {
    const { ctx } = this;
    const { session, appRegistry } = services(ctx);
    const { body, etag } = await appRegistry.listFor(await session.require());
    // The shell revalidates on navigation: the browser sends If-None-Match and gets a body-less
    // 304 while nothing changed (a grant or revoke changes the tag).
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
