import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { microAppGlobalName } from '../../shared/app-name.js';
import { MosaicError, MosaicErrorCode } from '../../shared/mosaic-error.js';
import { SHARED_LIBRARIES_GLOBAL, SHARED_MODULES } from '../../shared/shared-libraries.js';

const REQUIRED = ['bootstrap', 'mount', 'unmount'] as const;

/**
 * Runs the built UMD bundle in an empty VM context that says it is inside qiankun
 * (so the app does not try to mount itself) and checks it exports the lifecycles.
 * `script: 'shared'` checks `<name>.shared.js`, lending it the app's own React as the shell would.
 */
export function checkLifecycles(
  distDir: string,
  name: string,
  script: 'bundled' | 'shared' = 'bundled',
): void {
  const file = path.join(distDir, script === 'shared' ? `${name}.shared.js` : `${name}.js`);
  const sandbox: Record<string, unknown> = { __POWERED_BY_QIANKUN__: true, console };
  if (script === 'shared') {
    const require = createRequire(path.join(distDir, '..', 'package.json'));
    sandbox[SHARED_LIBRARIES_GLOBAL] = {
      react: (require('react/package.json') as { version: string }).version,
      modules: Object.fromEntries(
        Object.entries(SHARED_MODULES).map(([id, key]) => [key, require(id) as unknown]),
      ),
    };
  }
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  try {
    vm.runInNewContext(readFileSync(file, 'utf8'), vm.createContext(sandbox), { filename: file });
  } catch (error) {
    throw new MosaicError(
      MosaicErrorCode.MISSING_LIFECYCLES,
      `${file} threw while loading (${String(error)}): code at the top level of a module must not touch the DOM; do that in mount()`,
      { cause: error },
    );
  }
  const exported = sandbox[microAppGlobalName(name)] as Record<string, unknown> | undefined;
  const missing = REQUIRED.filter((key) => typeof exported?.[key] !== 'function');
  if (missing.length > 0) {
    throw new MosaicError(
      MosaicErrorCode.MISSING_LIFECYCLES,
      `${file} does not export ${missing.join(', ')}: the entry module must say\n  export const { bootstrap, mount, unmount, update } = defineMicroApp({ name: '${name}', mount, unmount });`,
    );
  }
}
