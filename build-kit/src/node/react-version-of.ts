import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** React version resolved from the app's folder, or `undefined` when the app has none. */
export function reactVersionOf(root: string): string | undefined {
  try {
    const require = createRequire(path.join(root, 'package.json'));
    return (require('react/package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Whether a module id of the bundle is React's own code (`react`, `react-dom`). */
export function isReactModule(id: string): boolean {
  return /[\\/]node_modules[\\/]react(?:-dom)?[\\/]/.test(id);
}

/**
 * Whether the app says it uses React: `react` among the dependencies of its package.json. A
 * plain-TypeScript app may still resolve React through another package; that is not use.
 */
export function declaresReact(root: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    return ['dependencies', 'devDependencies', 'peerDependencies'].some(
      (field) => pkg[field]?.react !== undefined,
    );
  } catch {
    return reactVersionOf(root) !== undefined;
  }
}
