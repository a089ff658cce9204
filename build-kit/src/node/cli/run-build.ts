import path from 'node:path';
import { build } from 'vite';
import { checkLifecycles } from './check-lifecycles.js';
import { findAppConfig } from './find-app-config.js';
import { readManifest } from './read-manifest.js';
import type { MicroAppManifest } from '../manifest-plugin.js';

export interface RunBuildOptions {
  /** The app's folder (where its package.json and vite.config.ts are). */
  root: string;
}

/** `mosaic-app build`: vite build with the app's preset, then checks the output is loadable. */
export async function runBuild({ root }: RunBuildOptions): Promise<MicroAppManifest> {
  await build({ root, configFile: findAppConfig(root), logLevel: 'warn' });
  const distDir = path.join(root, 'dist');
  const manifest = readManifest(distDir);
  checkLifecycles(distDir, manifest.name);
  if (manifest.shared) checkLifecycles(distDir, manifest.name, 'shared');
  return manifest;
}
