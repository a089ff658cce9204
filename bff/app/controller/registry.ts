import { Controller } from 'egg';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { header } from '../lib/http/header.js';
import { SAFE_SEGMENT } from '../lib/registry/app_manifest.js';
import { isSemver } from '../lib/registry/compare_semver.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { ChannelsChangeSchema } from '../lib/registry/channels.js';
import { publisherOf, readPublishers } from '../lib/registry/publish_tokens.js';
import { services } from '../lib/services.js';

const APP_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The registry API, for publishers only (`Authorization: Bearer <publish token>`):
 * POST /api/registry/apps/:name/versions, DELETE /api/registry/apps/:name/versions/:version,
 * PUT /api/registry/apps/:name/channels, GET /api/registry/apps.
 */
export default class RegistryController extends Controller {
  /** POST /api/registry/apps/:name/versions, body: the .tar.gz of a build. */
  async publish(): Promise<void> {
    const { ctx } = this;
    const by = this.publisher();
    const app = this.appName();
    const { maxArchiveBytes } = mosaicConfig(this.app).registry;
    if (ctx.request.length !== undefined && ctx.request.length > maxArchiveBytes) {
      throw new BffError(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `archive is ${ctx.request.length} bytes, over the ${maxArchiveBytes}-byte limit (MOSAIC_PUBLISH_MAX_BYTES)`,
      );
    }
    const started = Date.now();
    // Not destroying the request on an early refusal lets the client read the answer.
    const body = ctx.req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
    const manifest = await services(ctx).registry.publish(app, body, by);
    const warnings = await this.grantWarnings(manifest.name, manifest.roles);
    ctx.status = 201;
    ctx.set('cache-control', 'no-store');
    ctx.body = {
      name: manifest.name,
      version: manifest.version,
      entry: `/apps/${manifest.name}/${manifest.version}/${manifest.entry}`,
      publishedBy: by,
      ms: Date.now() - started,
      ...(warnings.length > 0 && { warnings }),
    };
  }

  /**
   * One warning per manifest role that no tenant grants this app (identity's grants): its users
   * would not see the app until an owner grants it. Never fails the publish: when identity does
   * not answer (`pnpm start` publishes before the services are up), the BFF logs it and the
   * answer carries no warning.
   */
  private async grantWarnings(app: string, roles: readonly string[]): Promise<string[]> {
    try {
      const granted = await services(this.ctx).identity.rolesGrantedAnywhere(app);
      const missing = roles.filter((role) => !granted.includes(role));
      return missing.length === 0
        ? []
        : [
            `role${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not granted '${app}' in any tenant: ${missing.length > 1 ? 'their' : 'its'} users will not see it until an owner grants it (settings → Roles & apps, or PUT /api/roles/<role>/apps/${app})`,
          ];
    } catch (err) {
      this.app.logger.warn('[registry] could not read grants of %s: %s', app, String(err));
      return [];
    }
  }

  /** PUT /api/registry/apps/:name/channels `{stable?, canary?: {version, tenants, percent} | null}`. */
  async setChannels(): Promise<void> {
    const { ctx } = this;
    const by = this.publisher();
    const app = this.appName();
    const parsed = ChannelsChangeSchema.safeParse(ctx.request.body);
    if (!parsed.success) {
      throw new BffError(
        ErrorCode.BAD_REQUEST,
        `channels body must be {stable?, canary?: {version, tenants?, percent?} | null}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
      );
    }
    const channels = await services(ctx).registry.setChannels(app, parsed.data, by);
    ctx.set('cache-control', 'no-store');
    ctx.body = { name: app, channels };
  }

  /** DELETE /api/registry/apps/:name/versions/:version: remove a version no channel uses. */
  async deleteVersion(): Promise<void> {
    const { ctx } = this;
    const by = this.publisher();
    const app = this.appName();
    const version = String((ctx.params as Record<string, unknown>).version ?? '');
    if (!isSemver(version) || !SAFE_SEGMENT.test(version)) {
      throw new BffError(
        ErrorCode.BAD_REQUEST,
        `version ${JSON.stringify(version)} is not semver: give a published version such as '1.2.3'`,
      );
    }
    await services(ctx).registry.deleteVersion(app, version, by);
    ctx.set('cache-control', 'no-store');
    ctx.body = { name: app, deleted: version };
  }

  /** GET /api/registry/apps: versions, channels and change history of every app. */
  async index(): Promise<void> {
    const { ctx } = this;
    this.publisher();
    ctx.set('cache-control', 'no-store');
    ctx.body = { apps: await services(ctx).registry.overview() };
  }

  /** GET /api/registry/apps/:name: one app's versions, channels (suspension included), history. */
  async show(): Promise<void> {
    const { ctx } = this;
    this.publisher();
    const name = this.appName();
    const found = await services(ctx).registry.one(name);
    if (!found) {
      throw new BffError(
        ErrorCode.NOT_FOUND,
        `no app '${name}' in the registry: publish it first (GET /api/registry/apps lists the apps)`,
      );
    }
    ctx.set('cache-control', 'no-store');
    ctx.body = found;
  }

  /** The publisher name of the Bearer token, or 401. */
  private publisher(): string {
    const publishers = readPublishers();
    if (publishers.length === 0) {
      throw new BffError(
        ErrorCode.UNAUTHENTICATED,
        'publishing is off on this BFF: start it with MOSAIC_PUBLISH_TOKEN (16+ characters) or MOSAIC_PUBLISH_TOKENS=name:token,…',
      );
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header(this.ctx, 'authorization'));
    const name = match?.[1] ? publisherOf(match[1], publishers) : undefined;
    if (!name) {
      throw new BffError(
        ErrorCode.UNAUTHENTICATED,
        'the registry needs `Authorization: Bearer <publish token>`; this token is missing or unknown: check MOSAIC_PUBLISH_TOKEN',
      );
    }
    return name;
  }

  private appName(): string {
    const name = String((this.ctx.params as Record<string, unknown>).name ?? '');
    if (!APP_NAME.test(name)) {
      throw new BffError(
        ErrorCode.BAD_REQUEST,
        `app name ${JSON.stringify(name)} is not a lowercase slug such as 'inventory'`,
      );
    }
    return name;
  }
}
