import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { manifestSealTag, manifestSealText } from '@mosaic/contracts';
import type { AppManifest, AppManifestFields, AppTitles, ManifestFile } from '@mosaic/contracts';
import type { Plugin } from 'vite';
import { PROTOCOL_VERSION } from '../shared/protocol.js';
import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';
import type { SharedEntryManifest } from '../shared/shared-libraries.js';

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

/** `mosaic.json`: what the registry and the BFF read about a built sub-app (contracts' schema). */
export type MicroAppManifest = AppManifest;
export type { ManifestFile };

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
export function manifestSeal(manifest: AppManifestFields): string {
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
        const fields: AppManifestFields = {
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
        const manifest: AppManifest = { ...fields, files };
        this.emitFile({
          type: 'asset',
          fileName: 'mosaic.json',
          source: `${JSON.stringify(manifest, null, 2)}\n`,
        });
      },
    },
  };
}
