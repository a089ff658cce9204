import { existsSync } from 'node:fs';
import path from 'node:path';
import { MosaicError, MosaicErrorCode } from '../../shared/mosaic-error.js';

/** The app's `vite.config.ts` (or .js/.mjs) in `root`, or a coded error saying how to add one. */
export function findAppConfig(root: string): string {
  for (const file of ['vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs']) {
    const full = path.join(root, file);
    if (existsSync(full)) return full;
  }
  throw new MosaicError(
    MosaicErrorCode.INVALID_APP_CONFIG,
    `no vite.config.ts in ${root}: create one containing\n  import { defineMicroAppConfig } from '@mosaic/build-kit/vite';\n  export default defineMicroAppConfig('my-app');`,
  );
}
