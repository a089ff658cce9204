import { Controller } from 'egg';
import { services } from '../lib/services.js';

/** GET /api/apps: the sub-apps this user may open, at the version this tenant gets. */
export default class AppsController extends Controller {
  async index(): Promise<void> {
    const { ctx } = this;
    const { session, appRegistry } = services(ctx);
    const current = await session.require();
    ctx.set('cache-control', 'no-store');
    ctx.body = { apps: await appRegistry.appsFor(current.roles, current.tenantId) };
  }
}
