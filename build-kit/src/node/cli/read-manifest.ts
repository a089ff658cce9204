import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MosaicError, MosaicErrorCode } from '../../shared/mosaic-error.js';
import type { MicroAppManifest } from '../manifest-plugin.js';

/** Reads `dist/mosaic.json`, saying how to produce it when it is missing. */
export function readManifest(distDir: string): MicroAppManifest {
  const file = path.join(distDir, 'mosaic.json');
  if (!existsSync(file)) {
    throw new MosaicError(
      MosaicErrorCode.INVALID_APP_CONFIG,
      `${file} does not exist: run \`mosaic-app build\` first`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as MicroAppManifest;
}
