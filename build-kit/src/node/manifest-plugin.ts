import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { manifestSealTag, manifestSealText } from '@mosaic/contracts';
import type { Plugin } from 'vite';
import { PROTOCOL_VERSION } from '../shared/protocol.js';
import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';
import type { SharedEntryManifest } from '../shared/shared-libraries.js';
import type { AppTitles } from '../shared/app-titles.js';

export interface ManifestPluginOptions {
  name: string;
  title: string;
  /** The title per locale tag, e.g. `{ en: 'Sales' }`; omitted from the manifest when absent. */
  titles?: AppTitles;
  route: string;
  roles: string[];
  /** `false` keeps the shell from keeping the app alive while hidden; omitted when `true`. */
  keepAlive?: boolean;
  /** The shared entry the build produced, when it did (read at the end of the build). */
  shared?: () => SharedEntryManifest | undefined;
}

export interface ManifestFile {
  /** Path relative to the app folder, e.g. 'inventory.js'. */
  path: string;
  size: number;
  /** Hex sha256 of the file bytes. */
  sha256: string;
}

/** `mosaic.json`: what the registry and the BFF read about a built sub-app. */
export interface MicroAppManifest {
  name: string;
  version: string;
  /** The default title: the nav label in any language `titles` does not name. */
  title: string;
  /**
   * The title per locale tag, e.g. `{ en: 'Sales' }` (1.5). Absent: every language shows `title`.
   */
  titles?: AppTitles;
  route: string;
  entry: 'index.html';
  protocol: string;
  roles: string[];
  /** `false`: the shell unmounts the app when the user leaves it (1.6). Absent: it may keep it. */
  keepAlive?: false;
  /**
   * The entry that takes React from the shell, and the React version it was built with (1.4).
   * Absent: the app has only `entry`, which bundles React.
   */
  shared?: SharedEntryManifest;
  files: ManifestFile[];
}

function readPackageVersion(root: string): string {
  const file = path.join(root, 'package.json');
  let version: unknown;
  try {
    version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
  } catch (error) {
    throw new MosaicError(MosaicErrorCode.INVALID_APP_CONFIG, `cannot read ${file}`, {
      cause: error,
    });
  }
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) {
    throw new MosaicError(
      MosaicErrorCode.INVALID_APP_CONFIG,
      `${file} has version ${JSON.stringify(version)}; set a semver version such as "0.1.0"`,
    );
  }
  return version;
}

function sha256Hex(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest's seal (sha256 of every field but `files`), as the registry recomputes it. */
export function manifestSeal(manifest: Omit<MicroAppManifest, 'files'>): string {
  return sha256Hex(manifestSealText({ ...manifest }));
}

/**
 * `mosaic:manifest`: emits `mosaic.json` listing every output file with its sha256, after
 * sealing its fields into the entry HTML (which those hashes cover), so an edit of
 * `mosaic.json` after the build is refused by the registry.
 */
export function manifestPlugin(options: ManifestPluginOptions): Plugin {
  let root = process.cwd();
  return {
    name: 'mosaic:manifest',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle: {
      order: 'post',
      handler(_outputOptions, bundle) {
        const shared = options.shared?.();
        const fields: Omit<MicroAppManifest, 'files'> = {
          name: options.name,
          version: readPackageVersion(root),
          title: options.title,
          ...(options.titles ? { titles: options.titles } : {}),
          route: options.route,
          entry: 'index.html',
          protocol: PROTOCOL_VERSION,
          roles: options.roles,
          ...(options.keepAlive === false ? { keepAlive: false as const } : {}),
          ...(shared ? { shared } : {}),
        };
        const entry = bundle[fields.entry];
        if (
          entry?.type !== 'asset' ||
          typeof entry.source !== 'string' ||
          !entry.source.includes('</head>')
        ) {
          throw new Error(`mosaic:manifest: the build wrote no ${fields.entry} to seal`);
        }
        entry.source = entry.source.replace(
          '</head>',
          `  ${manifestSealTag(manifestSeal(fields))}\n  </head>`,
        );
        const files: ManifestFile[] = Object.values(bundle)
          .map((item) => {
            const bytes = Buffer.from(item.type === 'chunk' ? item.code : item.source);
            return {
              path: item.fileName,
              size: bytes.byteLength,
              sha256: sha256Hex(bytes),
            };
          })
          .sort((a, b) => a.path.localeCompare(b.path));
        const manifest: MicroAppManifest = { ...fields, files };
        this.emitFile({
          type: 'asset',
          fileName: 'mosaic.json',
          source: `${JSON.stringify(manifest, null, 2)}\n`,
        });
      },
    },
  };
}
