import { Controller } from 'egg';
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
    ctx.set('cache-control', 'no-store');
    const { devOverrides } = mosaicConfig(this.app);
    // `*` (the owner's grant) opens every app, including ones published after identity's list.
    const opens = (name: string): boolean => allowed.has('*') || allowed.has(name);
    ctx.body = { apps: published.filter((app) => opens(app.name)), devOverrides };
  }
}
