import { createHash } from 'node:crypto';
import { ALL_APPS, type AppEntry, type AppList, type DeniedApp } from '@mosaic/contracts';
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
    // Both must agree: the tenant's grants (identity, changed by its owner) say which apps the
    // user's roles may open, and each app's manifest says which roles it is built for. The
    // answer's ETag covers the result, so a grant or revoke changes the next tag.
    const [allowed, published] = await Promise.all([
      identity.appsForRoles(current.tenantId, current.roles),
      appRegistry.catalogue(current.tenantId),
    ]);
    const { devOverrides } = mosaicConfig(this.app);
    // `*` (the owner's grant) opens every app, including ones published after identity's list.
    const opens = (name: string, builtFor: readonly string[]): boolean =>
      (allowed.has(ALL_APPS) || allowed.has(name)) &&
      builtFor.some((role) => current.roles.includes(role));
    const apps: AppEntry[] = [];
    const denied: DeniedApp[] = [];
    for (const { roles: builtFor, ...app } of published) {
      if (opens(app.name, builtFor)) apps.push(app);
      // The rest are named, so the shell can say "your role may not open this app" at their
      // route, but never with an entry or version.
      else
        denied.push({
          name: app.name,
          title: app.title,
          ...(app.titles && { titles: app.titles }),
          route: app.route,
        });
    }
    const body: AppList = { apps, devOverrides, denied };
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
