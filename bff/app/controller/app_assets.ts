import path from 'node:path';
import { Controller } from 'egg';
import { SAFE_SEGMENT } from '../lib/registry/app_manifest.js';
import { setPageSecurityHeaders } from '../lib/http/content_security_policy.js';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { resolveInside, sendFile } from '../lib/http/send_file.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * GET /apps/<name>/<version>/<file>: sub-app files from the registry. Published versions never
 * change, so everything is cached forever except mosaic.json, which is revalidated.
 */
export default class AppAssetsController extends Controller {
  async show(): Promise<void> {
    const { ctx } = this;
    const { name = '', version = '', file = '' } = ctx.params as Record<string, string | undefined>;
    const appRoot = path.join(mosaicConfig(this.app).registryDir, name, version);
    const full =
      SAFE_SEGMENT.test(name) && SAFE_SEGMENT.test(version)
        ? resolveInside(appRoot, file)
        : undefined;
    if (!full) {
      throw new BffError(
        ErrorCode.BAD_REQUEST,
        `refusing path outside the app folder: ${ctx.path}`,
      );
    }
    setPageSecurityHeaders(ctx, mosaicConfig(this.app));
    const cacheControl = file === 'mosaic.json' ? 'no-cache' : IMMUTABLE;
    if (!(await sendFile(ctx, full, cacheControl))) {
      throw new BffError(ErrorCode.NOT_FOUND, `no such app file: ${ctx.path}`);
    }
  }
}
