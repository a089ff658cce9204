import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped JavaScript of one bundle (the shell, or one sub-app). */
export interface BundleBytes {
  name: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  /** Libraries found inside this bundle (so loaded once per bundle, not shared). */
  bundles: string[];
}

/** What each library's production build leaves in a bundle. */
const MARKERS: Record<string, string> = {
  react: 'react.transitional.element',
  'react-dom': '__reactContainer$',
  // qiankun's own runtime (apps only read the __POWERED_BY_QIANKUN__ flag, which is not a copy).
  qiankun: 'single-spa',
};

function bundle(name: string, files: string[]): BundleBytes {
  const sources = files.map((file) => readFileSync(file));
  const text = sources.map((s) => s.toString('utf8')).join('\n');
  return {
    name,
    files: files.length,
    rawBytes: sources.reduce((n, s) => n + s.length, 0),
    gzipBytes: sources.reduce((n, s) => n + gzipSync(s, { level: 9 }).length, 0),
    bundles: Object.entries(MARKERS)
      .filter(([, marker]) => text.includes(marker))
      .map(([lib]) => lib),
  };
}

/** Which part of the shell a file of shell/dist/assets is, by what it contains. */
export function shellPartOf(source: string): string {
  if (source.includes(MARKERS['react-dom']!)) return 'shell: React + ReactDOM (lent to apps)';
  if (source.includes(MARKERS.qiankun!)) return 'shell: qiankun (loaded when an app is)';
  return "shell: the shell's own code, router, UI kit";
}

/**
 * The shell's JS (shell/dist/assets) in three rows, its own code, the React it lends to apps
 * and qiankun, then each built sub-app's JS (from its mosaic.json).
 */
export function measureJsBytes(root: string): BundleBytes[] {
  const assets = path.join(root, 'shell', 'dist', 'assets');
  const parts = new Map<string, string[]>();
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const full = path.join(assets, file);
    const part = shellPartOf(readFileSync(full, 'utf8'));
    parts.set(part, [...(parts.get(part) ?? []), full]);
  }
  const shell = [...parts].map(([name, files]) => bundle(name, files));
  const out = [
    ...shell,
    {
      name: 'shell: total',
      files: shell.reduce((n, b) => n + b.files, 0),
      rawBytes: shell.reduce((n, b) => n + b.rawBytes, 0),
      gzipBytes: shell.reduce((n, b) => n + b.gzipBytes, 0),
      bundles: [...new Set(shell.flatMap((b) => b.bundles))],
    },
  ];
  const apps = path.join(root, 'micro-apps');
  for (const dir of readdirSync(apps)) {
    const manifest = path.join(apps, dir, 'dist', 'mosaic.json');
    if (!existsSync(manifest)) continue;
    const { name, files } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name: string;
      files: { path: string }[];
    };
    const scripts = files.filter((f) => f.path.endsWith('.js'));
    const jsIn = (list: { path: string }[]): string[] =>
      list.map((f) => path.join(apps, dir, 'dist', f.path));
    const shared = scripts.filter((f) => f.path.endsWith('.shared.js'));
    const bundled = scripts.filter((f) => !f.path.endsWith('.shared.js'));
    // With matching React the shell loads the shared script; the bundled one is the fallback
    // (another React minor) and what a standalone run loads.
    if (shared.length > 0) out.push(bundle(`${name} (shared, in the shell)`, jsIn(shared)));
    out.push(bundle(shared.length > 0 ? `${name} (bundled fallback)` : name, jsIn(bundled)));
  }
  return out;
}
